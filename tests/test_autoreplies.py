"""The bot's own answers against moto with real update shapes (tests/fixtures/updates): the
webhook stores a user's message, the stream (the assign function) routes the session and
sends what is due through delivery: the welcome in the user's language on `/start` or a
first message, an FAQ answer with its buttons (the session still reaches an agent; "That
solved it" closes it as resolved by the bot), the off-hours answer once per period across a
weekend (a controlled clock); and the console's settings and "Make FAQ answer".

The team (collab_helpers): admin; p1 maria, ana (agents), boss (supervisor); p2 li, chief.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from itertools import count
from typing import Any

import collab_helpers
import pytest
from api_helpers import FakeBotApi
from conftest import lambda_context
from fastapi.testclient import TestClient
from ingest_support import fixture
from realtime_support import StreamTap

from infra.local import cfn
from tgdesk.autoreplies import answering, off_hours
from tgdesk.autoreplies import settings as autoreply_settings
from tgdesk.core import clock
from tgdesk.inbound import ingest
from tgdesk.storage import conversations, keys, table

team = collab_helpers.team
ADA = 700100200  # the user of tests/fixtures/updates
_update_ids = count(881_500_000)
FAQ = {
    "language": "en",
    "phrases": ["withdrawal time", "вывод средств"],
    "answer": "Withdrawals arrive within 24 hours.",
    "buttons": True,
}


def ms(text: str) -> int:
    return int(datetime.fromisoformat(text).astimezone(UTC).timestamp() * 1000)


@pytest.fixture
def desk(
    aws: Any, team: dict[str, Any], telegram: FakeBotApi, client: TestClient
) -> dict[str, Any]:
    """The team with maria online, the stream tapped, and p1's webhook secret."""
    clock.set_now_for_tests(clock.now_ms())
    autoreply_settings.forget()
    off_hours.forget()
    ingest.clear_project_cache()
    hooks = [c.params for c in telegram.calls_of("setWebhook") if team["p1"] in c.params["url"]]
    online = client.put("/api/me/presence", json={"state": "online"}, headers=team["maria"])
    assert online.status_code == 200, online.text
    return {**team, "secret": hooks[-1]["secret_token"], "tap": StreamTap(aws)}


def stream(desk: dict[str, Any]) -> None:
    """The assign function takes every record written since the last call (and the records
    its own writes make, as Lambda would deliver them next)."""
    for _ in range(4):
        records = desk["tap"].records()
        if not records:
            return
        cfn.load_handler("AssignFunction")({"Records": records}, lambda_context())


def save(client: TestClient, desk: dict[str, Any], who: str = "admin", **wanted: Any) -> Any:
    return client.put(
        f"/api/projects/{desk['p1']}/autoreply-settings", json=wanted, headers=desk[who]
    )


def writes(desk: dict[str, Any], text: str, *, language: str = "en") -> ingest.IngestResult:
    """Ada writes `text` (the fixture's shape, with its own ids and the clock's date)."""
    update = fixture("text_entities")
    update["update_id"] = next(_update_ids)
    message = update["message"]
    message["message_id"] = update["update_id"] % 100_000
    message["date"] = clock.now_ms() // 1000
    message["text"] = text
    message["from"]["language_code"] = language
    message.pop("entities")
    if text.startswith("/"):
        message["entities"] = [{"offset": 0, "length": len(text.split()[0]), "type": "bot_command"}]
    result = ingest.handle_update(desk["p1"], desk["secret"], json.dumps(update))
    stream(desk)
    return result


def presses(desk: dict[str, Any], sent: Any, which: int) -> ingest.IngestResult:
    """Ada presses button `which` under the bot's message `sent` (a sendMessage call)."""
    update = fixture("callback_query")
    update["update_id"] = next(_update_ids)
    query = update["callback_query"]
    query["id"] = str(next(_update_ids))
    query["message"]["text"] = sent.params["text"]
    query["message"]["reply_markup"] = sent.params["reply_markup"]
    query["message"]["date"] = clock.now_ms() // 1000
    query["data"] = sent.params["reply_markup"]["inline_keyboard"][0][which]["callback_data"]
    result = ingest.handle_update(desk["p1"], desk["secret"], json.dumps(update))
    stream(desk)
    return result


def ada_session(desk: dict[str, Any]) -> dict[str, Any]:
    user = conversations.get_user(desk["p1"], ADA, consistent=True) or {}
    sid = user.get("open_session_id") or user["last_session_id"]
    return table.strip_keys(table.get(*keys.session(sid), consistent=True) or {})


def to_ada(telegram: FakeBotApi) -> list[Any]:
    return [c for c in telegram.calls_of("sendMessage") if c.params["chat_id"] == ADA]


# -- the welcome ------------------------------------------------------------------------------
def test_start_gets_the_welcome_in_the_users_language_once(
    client: TestClient, desk: dict[str, Any], telegram: FakeBotApi
) -> None:
    saved = save(client, desk, welcome={"enabled": True, "texts": {"en": "Hi!", "ru": "Привет!"}})
    assert saved.status_code == 200, saved.text

    assert writes(desk, "/start", language="ru").result == "stored"
    assert [c.params["text"] for c in to_ada(telegram)] == ["Привет!"]
    session = ada_session(desk)
    assert session["assignee_id"] == desk["ids"]["maria"]  # routed as ever
    messages = client.get(
        f"/api/sessions/{session['session_id']}/messages", headers=desk["maria"]
    ).json()["items"]
    assert [(m["direction"], m["text"], m.get("from_bot")) for m in messages] == [
        ("in", "/start", None),
        ("out", "Привет!", True),
    ]
    assert messages[1]["delivery"]["state"] == "sent"

    writes(desk, "/start", language="ru")  # the same session: no second welcome
    writes(desk, "thanks")
    assert len(to_ada(telegram)) == 1


def test_a_first_message_without_start_gets_the_welcome(
    client: TestClient, desk: dict[str, Any], telegram: FakeBotApi
) -> None:
    save(client, desk, welcome={"enabled": True, "texts": {"en": "Hi!"}})
    writes(desk, "Where is my order?", language="de")  # no German: English
    assert [c.params["text"] for c in to_ada(telegram)] == ["Hi!"]


def test_nothing_is_sent_with_the_answers_off(
    client: TestClient, desk: dict[str, Any], telegram: FakeBotApi
) -> None:
    writes(desk, "/start")
    writes(desk, "what is the withdrawal time?")
    assert to_ada(telegram) == []
    assert ada_session(desk)["assignee_id"] == desk["ids"]["maria"]


# -- FAQ answers and their buttons ------------------------------------------------------------
def test_an_faq_phrase_is_answered_the_session_reaches_an_agent_and_solved_closes_it(
    client: TestClient, desk: dict[str, Any], telegram: FakeBotApi
) -> None:
    assert save(client, desk, faq=[FAQ]).status_code == 200

    writes(desk, "Hi, what is the WITHDRAWAL time?")
    [answer] = to_ada(telegram)
    assert answer.params["text"] == FAQ["answer"]
    row = answer.params["reply_markup"]["inline_keyboard"][0]
    assert [b["text"] for b in row] == ["That solved it", "I still need help"]
    session = ada_session(desk)
    assert session["assignee_id"] == desk["ids"]["maria"]  # the agent has it all the same
    view = client.get(f"/api/sessions/{session['session_id']}/messages", headers=desk["maria"])
    assert [m.get("from_bot") for m in view.json()["items"]] == [None, True]

    writes(desk, "and the withdrawal time for cards?")  # one answer per rule per session
    assert len(to_ada(telegram)) == 1

    pressed = presses(desk, answer, 0)
    assert pressed.result == "stored"
    assert pressed.answer is not None and pressed.answer["method"] == "answerCallbackQuery"
    closed = ada_session(desk)
    assert (closed["status"], closed["closed_by"]) == ("closed", "bot")
    assert closed["faq_answer"]["pressed"] == "solved"
    agent = client.get("/api/me", headers=desk["maria"]).json()
    assert agent.get("open_sessions", 0) == 0

    again = presses(desk, answer, 0)  # a second press changes nothing
    assert again.result == "ignored" and again.answer is not None


def test_still_need_help_keeps_the_session_with_its_agent(
    client: TestClient, desk: dict[str, Any], telegram: FakeBotApi
) -> None:
    save(client, desk, faq=[FAQ])
    writes(desk, "Сколько идёт вывод средств?", language="ru")
    [answer] = to_ada(telegram)

    pressed = presses(desk, answer, 1)
    assert pressed.result == "stored"
    assert "agent" in pressed.answer["text"]  # type: ignore[index]
    session = ada_session(desk)
    assert session["status"] != "closed"
    assert session["assignee_id"] == desk["ids"]["maria"]
    assert session["faq_answer"]["pressed"] == "help"


def test_a_redelivered_message_record_sends_no_second_answer(
    client: TestClient, desk: dict[str, Any], telegram: FakeBotApi
) -> None:
    save(client, desk, faq=[FAQ])
    writes(desk, "withdrawal time?")
    session = ada_session(desk)
    page, _ = conversations.list_session_messages(session)  # type: ignore[arg-type]
    inbound = next(m for m in page if m["direction"] == "in")
    image = {
        **table.get(*keys.message(desk["p1"], ADA, inbound["created_at"], inbound["message_id"]))
    }  # type: ignore[dict-item]
    assert answering.on_change("INSERT", {}, image) == []
    assert len(to_ada(telegram)) == 1


# -- off hours --------------------------------------------------------------------------------
def test_off_hours_are_answered_once_per_period_across_a_weekend(
    client: TestClient, desk: dict[str, Any], telegram: FakeBotApi
) -> None:
    hours = {day: [["09:00", "18:00"]] for day in ("mon", "tue", "wed", "thu", "fri")}
    sla = client.put(
        f"/api/projects/{desk['p1']}/sla",
        json={"time_zone": "Europe/Berlin", "business_hours": hours},
        headers=desk["admin"],
    )
    assert sla.status_code == 200, sla.text
    save(client, desk, off_hours={"enabled": True, "texts": {"en": "Back at {back}."}})

    clock.set_now_for_tests(ms("2026-12-04T19:30:00+01:00"))  # Friday evening
    writes(desk, "hello?")
    clock.set_now_for_tests(ms("2026-12-05T11:00:00+01:00"))  # Saturday: the same period
    writes(desk, "anyone there?")
    assert [c.params["text"] for c in to_ada(telegram)] == [
        "Back at Mon 2026-12-07 09:00 (Europe/Berlin)."
    ]
    assert ada_session(desk)["off_hours_until"] == ms("2026-12-07T09:00:00+01:00")

    clock.set_now_for_tests(ms("2026-12-07T10:00:00+01:00"))  # Monday, open
    writes(desk, "good morning")
    assert len(to_ada(telegram)) == 1
    clock.set_now_for_tests(ms("2026-12-07T18:30:00+01:00"))  # Monday evening: a new period
    writes(desk, "still waiting")
    assert [c.params["text"] for c in to_ada(telegram)][1:] == [
        "Back at Tue 2026-12-08 09:00 (Europe/Berlin)."
    ]


# -- the console ------------------------------------------------------------------------------
def test_admins_and_the_projects_supervisors_edit_the_settings(
    client: TestClient, desk: dict[str, Any]
) -> None:
    path = f"/api/projects/{desk['p1']}/autoreply-settings"
    read = client.get(path, headers=desk["boss"]).json()
    assert read["welcome"]["enabled"] is False and read["faq"] == []
    assert "en" in read["welcome"]["texts"]  # the default wording, to edit

    saved = save(client, desk, "boss", faq=[FAQ], updated_at=read.get("updated_at"))
    assert saved.status_code == 200, saved.text
    stale = save(client, desk, "admin", faq=[], updated_at=read.get("updated_at") or 1)
    assert stale.status_code == 409 and stale.json()["code"] == "autoreplies_changed"
    assert save(client, desk, "ana", faq=[]).status_code == 403
    assert client.get(path, headers=desk["chief"]).status_code == 404
    bad = save(client, desk, faq=[{"phrases": [], "answer": "x"}])
    assert bad.status_code == 422 and bad.json()["code"] == "invalid_autoreplies"
    audit = client.get(
        "/api/audit", params={"action": "autoreplies.settings"}, headers=desk["admin"]
    ).json()["items"]
    assert [e["actor_id"] for e in audit] == [desk["ids"]["boss"]]


def test_an_agents_answer_becomes_an_faq_rule_with_the_users_question(
    client: TestClient, desk: dict[str, Any], telegram: FakeBotApi
) -> None:
    writes(desk, "How long does a refund take?")
    sid = ada_session(desk)["session_id"]
    reply = client.post(
        f"/api/sessions/{sid}/messages",
        json={"text": "Refunds take 3 to 5 days.", "client_message_id": "r1"},
        headers=desk["maria"],
    )
    assert reply.status_code in (200, 201), reply.text
    message_id = reply.json()["message_id"]
    path = f"/api/projects/{desk['p1']}/faq-rules"
    body = {"session_id": sid, "message_id": message_id}

    assert client.post(path, json=body, headers=desk["ana"]).status_code == 404  # not hers to see
    made = client.post(path, json=body, headers=desk["boss"])
    assert made.status_code == 201, made.text
    rule = made.json()
    assert rule["phrases"] == ["How long does a refund take?"]
    assert rule["answer"] == "Refunds take 3 to 5 days."
    assert (rule["language"], rule["from_message_id"]) == ("en", message_id)
    assert rule["proposed"] is False  # a supervisor's rule is live at once
    listed = client.get(f"/api/projects/{desk['p1']}/autoreply-settings", headers=desk["boss"])
    assert [r["rule_id"] for r in listed.json()["faq"]] == [rule["rule_id"]]

    user_message = {"session_id": sid, "message_id": "nope"}
    missing = client.post(path, json=user_message, headers=desk["boss"])
    assert missing.status_code == 404


def test_an_agents_own_answer_is_a_proposal_the_bot_gives_once_a_supervisor_approves_it(
    client: TestClient, desk: dict[str, Any], telegram: FakeBotApi
) -> None:
    writes(desk, "How long does a refund take?")
    sid = ada_session(desk)["session_id"]
    reply = client.post(
        f"/api/sessions/{sid}/messages",
        json={"text": "Refunds take 3 to 5 days.", "client_message_id": "r2"},
        headers=desk["maria"],
    )
    assert reply.status_code in (200, 201), reply.text
    path = f"/api/projects/{desk['p1']}/faq-rules"
    body = {"session_id": sid, "message_id": reply.json()["message_id"]}

    # Ana, invited to the conversation, sees it but the answer is Maria's; Li is outside p1.
    invited = client.post(
        f"/api/sessions/{sid}/collaborators",
        json={"agent_id": desk["ids"]["ana"]},
        headers=desk["maria"],
    )
    assert invited.status_code in (200, 201), invited.text
    refused = client.post(path, json=body, headers=desk["ana"])
    assert refused.status_code == 403 and refused.json()["code"] == "not_your_answer"
    assert client.post(path, json=body, headers=desk["li"]).status_code == 404

    made = client.post(path, json=body, headers=desk["maria"])
    assert made.status_code == 201, made.text
    assert made.json()["proposed"] is True
    assert (
        client.put(
            path.replace("faq-rules", "autoreply-settings"), json={}, headers=desk["maria"]
        ).status_code
        == 403
    )  # replacing the settings stays the supervisors'
    audit = client.get(
        "/api/audit", params={"action": "autoreplies.settings"}, headers=desk["admin"]
    ).json()["items"]
    assert [e["actor_id"] for e in audit] == [desk["ids"]["maria"]]

    before = len(to_ada(telegram))
    writes(desk, "How long does a refund take?")
    assert len(to_ada(telegram)) == before  # a proposal: the bot stays silent

    read = client.get(path.replace("faq-rules", "autoreply-settings"), headers=desk["boss"])
    faq = [{**r, "proposed": False} for r in read.json()["faq"]]
    approved = save(client, desk, "boss", faq=faq, updated_at=read.json()["updated_at"])
    assert approved.status_code == 200, approved.text
    assert approved.json()["faq"][0]["proposed"] is False
    writes(desk, "How long does a refund take?")
    assert to_ada(telegram)[-1].params["text"] == "Refunds take 3 to 5 days."
