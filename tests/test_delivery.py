"""Agents' replies: stored with the session update, sent, failed with a reason, retried."""

from __future__ import annotations

from typing import Any

import pytest
from api_helpers import (
    FakeBotApi,
    agent_login,
    bot_api_error,
    create_agent,
    create_project,
    login,
    put_session,
    scan_items,
    scheduler_handler,
)
from conftest import lambda_context
from fastapi.testclient import TestClient

from tgdesk.core import clock
from tgdesk.outbound import delivery
from tgdesk.storage import keys, outbound

T0 = 1_790_000_000_000


@pytest.fixture(autouse=True)
def _at_t0() -> None:
    """Every reply is sent at a known moment, so retry times can be checked exactly."""
    clock.set_now_for_tests(T0)


@pytest.fixture
def chat(client: TestClient) -> dict[str, Any]:
    """A project, agent maria and a session of user 4242 assigned to her."""
    admin = login(client)
    project = create_project(client, admin)
    maria = create_agent(client, admin, "maria")
    client.post(
        f"/api/projects/{project['project_id']}/members",
        json={"agent_id": maria["agent_id"]},
        headers=admin,
    )
    session = put_session(
        project["project_id"], 4242, assignee_id=maria["agent_id"], opened_at=T0 - 60_000
    )
    return {
        "admin": admin,
        "maria": agent_login(client, "maria"),
        "maria_id": maria["agent_id"],
        "session": session,
        "url": f"/api/sessions/{session['session_id']}/messages",
    }


def reply(client: TestClient, chat: dict[str, Any], text: str = "Hello!", **extra: Any) -> Any:
    return client.post(chat["url"], json={"text": text, **extra}, headers=chat["maria"])


def stored_session(chat: dict[str, Any]) -> dict[str, Any]:
    sid = chat["session"]["session_id"]
    return next(i for i in scan_items() if i["PK"] == f"SESSION#{sid}" and i["SK"] == "SESSION")


def stored_message(message_id: str) -> dict[str, Any]:
    return next(
        i for i in scan_items() if i.get("message_id") == message_id and i["kind"] == "message"
    )


def advance(seconds: float) -> None:
    clock.set_now_for_tests(clock.now_ms() + int(seconds * 1000))


def run_scheduler() -> dict[str, Any]:
    return scheduler_handler()({"job": "deliveries"}, lambda_context())


def test_a_reply_is_sent_and_recorded(
    client: TestClient, chat: dict[str, Any], telegram: FakeBotApi
) -> None:
    response = reply(client, chat, "  Hello! How can I help?  ")
    assert response.status_code == 201, response.text
    message = response.json()
    assert message["direction"] == "out" and message["type"] == "text"
    assert message["text"] == "Hello! How can I help?"
    assert message["sender_agent_id"] == chat["maria_id"]
    assert message["delivery"]["state"] == "sent" and message["delivery"]["attempts"] == 1
    sent_id = message["delivery"]["telegram_message_id"]
    assert message["telegram_message_id"] == sent_id

    call = telegram.calls_of("sendMessage")[0].params
    assert call == {"chat_id": 4242, "text": "Hello! How can I help?"}

    session = stored_session(chat)
    assert session["first_reply_at"] == session["last_agent_msg_at"] == T0
    assert session["last_activity_at"] == T0
    activity = keys.activity_sort_key(T0, session["session_id"])
    assert session["GSI1SK"] == session["GSI2SK"] == activity

    item = stored_message(message["message_id"])
    assert "GSI2PK" not in item  # no longer waiting for anything
    ref = next(i for i in scan_items() if i["SK"] == f"TGMSG#{sent_id}")
    assert ref["message_sk"] == item["SK"]

    listed = client.get(chat["url"], headers=chat["maria"]).json()["items"]
    assert listed[-1]["message_id"] == message["message_id"]

    # A second reply keeps first_reply_at.
    advance(5)
    reply(client, chat, "Anything else?")
    assert stored_session(chat)["first_reply_at"] == T0
    assert stored_session(chat)["last_agent_msg_at"] == T0 + 5000


def test_blocked_user_fails_with_a_reason(
    client: TestClient, chat: dict[str, Any], telegram: FakeBotApi
) -> None:
    telegram.fail("sendMessage", *bot_api_error("bot_blocked"))
    response = reply(client, chat)
    assert response.status_code == 201
    state = response.json()["delivery"]
    assert state["state"] == "failed"
    assert state["error_code"] == "bot_blocked"
    assert state["reason"] == "The user has blocked the bot."
    # Nothing waits for a retry, and the text is kept.
    item = stored_message(response.json()["message_id"])
    assert "GSI2PK" not in item and item["text"] == "Hello!"
    assert run_scheduler()["due"] == 0


@pytest.mark.parametrize(
    ("kind", "reason_start"),
    [
        ("chat_not_found", "Telegram does not know this chat"),
        ("user_deactivated", "The user's Telegram account has been deleted."),
        ("cant_initiate", "The user has not started"),
        ("bad_request", "Telegram refused the message: Bad Request: message text is empty"),
    ],
)
def test_other_permanent_failures(
    client: TestClient, chat: dict[str, Any], telegram: FakeBotApi, kind: str, reason_start: str
) -> None:
    telegram.fail("sendMessage", *bot_api_error(kind))
    state = reply(client, chat).json()["delivery"]
    assert state["state"] == "failed" and state["reason"].startswith(reason_start)


def test_rate_limited_reply_is_retried_after_retry_after_by_the_scheduler(
    client: TestClient, chat: dict[str, Any], telegram: FakeBotApi
) -> None:
    telegram.fail("sendMessage", *bot_api_error("rate_limited"))  # retry_after 7
    response = reply(client, chat)
    message = response.json()
    assert message["delivery"]["state"] == "retrying"
    assert message["delivery"]["next_attempt_at"] == T0 + 7000
    assert message["delivery"]["error_code"] == "rate_limited"
    item = stored_message(message["message_id"])
    assert item["GSI2PK"] == keys.delivery_retry_index(message["message_id"])
    assert item["GSI2PK"] in keys.delivery_retry_shards()
    assert item["GSI2SK"] == f"{keys.ts(T0 + 7000)}#{message['message_id']}"

    advance(6)
    assert run_scheduler() == {
        "job": "deliveries",
        "due": 0,
        "claimed": 0,
        "sent": 0,
        "retrying": 0,
        "failed": 0,
        "sending": 0,
    }
    assert len(telegram.calls_of("sendMessage")) == 1

    advance(1)
    counts = run_scheduler()
    assert counts["due"] == 1 and counts["sent"] == 1
    assert len(telegram.calls_of("sendMessage")) == 2
    after = client.get(chat["url"], headers=chat["maria"]).json()["items"][-1]
    assert after["delivery"]["state"] == "sent" and after["delivery"]["attempts"] == 2
    assert "GSI2PK" not in stored_message(message["message_id"])
    assert run_scheduler()["due"] == 0  # never sent twice


def test_server_errors_back_off_exponentially_then_fail(
    client: TestClient, chat: dict[str, Any], telegram: FakeBotApi
) -> None:
    telegram.fail("sendMessage", *bot_api_error("server_error"), times=delivery.MAX_ATTEMPTS)
    message = reply(client, chat).json()
    waits = []
    for _ in range(delivery.MAX_ATTEMPTS - 1):
        state = stored_message(message["message_id"])["delivery"]
        assert state["state"] == "retrying"
        waits.append((state["next_attempt_at"] - clock.now_ms()) // 1000)
        clock.set_now_for_tests(state["next_attempt_at"])
        run_scheduler()
    assert waits == [5, 10, 20, 40, 80, 160, 300]
    final = stored_message(message["message_id"])["delivery"]
    assert final["state"] == "failed" and final["attempts"] == delivery.MAX_ATTEMPTS
    assert final["reason"] == "Telegram did not accept the message after 8 attempts."
    assert len(telegram.calls_of("sendMessage")) == delivery.MAX_ATTEMPTS


def test_network_errors_are_retried(
    client: TestClient, chat: dict[str, Any], telegram: FakeBotApi
) -> None:
    telegram.break_connection("sendMessage")
    state = reply(client, chat).json()["delivery"]
    assert state["state"] == "retrying" and state["error_code"] == "network_error"
    advance(5)
    assert run_scheduler()["sent"] == 1


def test_same_client_message_id_sends_once(
    client: TestClient, chat: dict[str, Any], telegram: FakeBotApi
) -> None:
    first = reply(client, chat, "Once only", client_message_id="c-123")
    second = reply(client, chat, "Once only", client_message_id="c-123")
    assert first.status_code == 201 and second.status_code == 200
    assert second.json()["message_id"] == first.json()["message_id"]
    assert second.json()["delivery"]["state"] == "sent"
    assert len(telegram.calls_of("sendMessage")) == 1
    outbound_items = [i for i in scan_items() if i.get("direction") == "out"]
    assert len(outbound_items) == 1
    # Another id is another message.
    assert reply(client, chat, "Once only", client_message_id="c-124").status_code == 201


def test_text_is_validated_naming_the_field(client: TestClient, chat: dict[str, Any]) -> None:
    too_long = reply(client, chat, "x" * 4097)
    assert too_long.status_code == 422
    assert too_long.json()["code"] == "message_too_long"
    assert too_long.json()["field"] == "text"
    assert reply(client, chat, " " + "x" * 4096 + "\n").status_code == 201
    empty = reply(client, chat, " \n\t ")
    assert empty.status_code == 422 and empty.json()["code"] == "message_empty"
    missing = client.post(chat["url"], json={}, headers=chat["maria"])
    assert missing.status_code == 422 and missing.json()["field"] == "text"


def test_only_the_holder_answers_a_session(client: TestClient, chat: dict[str, Any]) -> None:
    admin = client.post(chat["url"], json={"text": "Admin here"}, headers=chat["admin"])
    assert admin.status_code in (403, 404)
    create_agent(client, chat["admin"], "li")
    li = agent_login(client, "li")
    response = client.post(chat["url"], json={"text": "Not mine"}, headers=li)
    assert response.status_code == 404 and response.json()["code"] == "session_not_found"
    assert [m for m in scan_items() if m["kind"] == "message"] == []


def test_two_scheduler_runs_never_send_one_message_twice(
    client: TestClient, chat: dict[str, Any], telegram: FakeBotApi
) -> None:
    telegram.fail("sendMessage", *bot_api_error("server_error"))
    message = reply(client, chat).json()
    advance(5)
    # Both runs read the due message before either claims it.
    seen_by_a = outbound.due_retries(clock.now_ms())
    seen_by_b = outbound.due_retries(clock.now_ms())
    lease = clock.now_ms() + delivery.LEASE_SECONDS * 1000
    claimed_a = outbound.claim_retry(seen_by_a[0], now=clock.now_ms(), lease_until=lease)
    claimed_b = outbound.claim_retry(seen_by_b[0], now=clock.now_ms(), lease_until=lease)
    assert claimed_a is not None and claimed_b is None
    assert delivery.send(claimed_a)["delivery"]["state"] == "sent"
    assert len(telegram.calls_of("sendMessage")) == 2
    assert stored_message(message["message_id"])["delivery"]["attempts"] == 2


def test_the_scheduler_finds_every_due_retry_across_shards_earliest_due_first_a_batch_a_run(
    client: TestClient, chat: dict[str, Any], telegram: FakeBotApi
) -> None:
    texts = [f"Reply {n}" for n in range(6)]
    telegram.fail("sendMessage", *bot_api_error("server_error"), times=len(texts))
    messages = []
    for text in texts:  # each due a second after the one before
        messages.append(reply(client, chat, text).json())
        advance(1)
    assert {m["delivery"]["state"] for m in messages} == {"retrying"}
    shards = {stored_message(m["message_id"])["GSI2PK"] for m in messages}
    assert len(shards) > 1  # more than one shard holds them
    telegram.calls.clear()

    advance(60)
    assert [m["message_id"] for m in outbound.due_retries(clock.now_ms())] == [
        m["message_id"] for m in messages
    ]
    first, second = delivery.run_due_retries(limit=4), delivery.run_due_retries(limit=4)
    assert (first["due"], first["sent"]) == (4, 4)
    assert (second["due"], second["sent"]) == (2, 2)
    assert delivery.run_due_retries(limit=4)["due"] == 0
    assert [c.params["text"] for c in telegram.calls_of("sendMessage")] == texts


def test_a_sender_that_died_mid_send_is_taken_over_after_its_lease(
    client: TestClient, chat: dict[str, Any], telegram: FakeBotApi, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The API process dies between storing the reply and calling Telegram.
    monkeypatch.setattr(delivery, "send", lambda message: message)
    message = reply(client, chat).json()
    monkeypatch.undo()
    assert message["delivery"]["state"] == "sending"
    assert telegram.calls_of("sendMessage") == []

    advance(delivery.LEASE_SECONDS - 1)
    assert run_scheduler()["due"] == 0
    advance(1)
    assert run_scheduler()["sent"] == 1
    assert stored_message(message["message_id"])["delivery"]["state"] == "sent"


def test_a_client_message_id_reused_for_another_text_is_refused(
    client: TestClient, chat: dict[str, Any], telegram: FakeBotApi
) -> None:
    first = reply(client, chat, "The first text", client_message_id="c-9")
    assert first.status_code == 201
    reused = reply(client, chat, "A different text", client_message_id="c-9")
    assert reused.status_code == 409
    assert reused.json()["code"] == "client_message_id_reused"
    assert reused.json()["field"] == "client_message_id"
    # Nothing of the new text was stored or sent; the same content stays idempotent,
    # blanks around it included (they are not part of what is sent).
    assert [c.params["text"] for c in telegram.calls_of("sendMessage")] == ["The first text"]
    assert [i["text"] for i in scan_items() if i.get("direction") == "out"] == ["The first text"]
    again = reply(client, chat, "  The first text\n", client_message_id="c-9")
    assert again.status_code == 200
    assert again.json()["message_id"] == first.json()["message_id"]
    claim = next(i for i in scan_items() if i["kind"] == "reply_claim")
    assert "The first text" not in str(claim) and len(claim["content_digest"]) == 64
