"""The webhook function end to end: API Gateway v2 events in, the single table (moto) out."""

from __future__ import annotations

import json
import logging
import sys
from typing import Any

import pytest
from conftest import lambda_context, telegram_samples
from ingest_support import (
    MESSAGE_TYPES,
    PROJECT_ID,
    SECRET,
    USER_ID,
    call_webhook,
    create_project,
    fixture,
    fixture_names,
    http_event,
    send,
    snapshot,
)

from infra.local import cfn
from tgdesk.core import clock
from tgdesk.core.errors import Conflict
from tgdesk.storage import conversations as conv
from tgdesk.storage import keys, session_list

T0 = 1_767_225_700_000
OK = (200, {"ok": True})


@pytest.fixture(autouse=True)
def project(aws: Any) -> None:
    clock.set_now_for_tests(T0)
    create_project()


def tick(ms: int = 1000) -> int:
    now = clock.now_ms() + ms
    clock.set_now_for_tests(now)
    return now


def the_session() -> dict[str, Any]:
    user = conv.get_user(PROJECT_ID, USER_ID)
    assert user is not None
    session = conv.get_session(user["open_session_id"])
    assert session is not None
    return session


def messages() -> list[dict[str, Any]]:
    items, cursor = conv.list_session_messages(the_session(), limit=200)
    assert cursor is None
    return items


@pytest.mark.parametrize(("name", "kind"), sorted(MESSAGE_TYPES.items()))
def test_each_message_kind_is_stored_faithfully(name: str, kind: str) -> None:
    update = fixture(name)

    assert send(update) == OK

    [message] = messages()
    session = the_session()
    assert message["type"] == kind
    assert message["raw"] == update["message"]
    assert message["direction"] == "in"
    assert message["session_id"] == session["session_id"]
    assert message["project_id"] == PROJECT_ID and message["tg_user_id"] == USER_ID
    assert message["created_at"] == T0
    assert message["telegram_message_id"] == update["message"]["message_id"]
    for field in ("text", "caption", "entities", "caption_entities", "media_group_id"):
        assert message.get(field) == update["message"].get(field)
    for field in ("contact", "poll", "dice"):
        assert message.get(field) == update["message"].get(field)
    assert not {"PK", "SK", "GSI1PK", "GSI1SK"} & message.keys()


def test_photo_media_and_forward_and_reply_survive_storage() -> None:
    for name in ("photo_caption", "forward_origin_channel", "reply", "venue"):
        assert send(name) == OK
        tick()
    photo, forward, reply, venue = messages()
    assert photo["media"]["file_id"] == "AgACAgIAAxkBAAMMphotoL"
    assert len(photo["media"]["sizes"]) == 3
    assert forward["forward"]["type"] == "channel" and forward["forward"]["message_id"] == 311
    assert reply["reply_to"]["telegram_message_id"] == 9
    assert venue["location"] == {
        "latitude": 48.858844,
        "longitude": 2.294351,
        "title": "Acme Store Paris",
        "address": "5 Avenue Anatole France",
    }


def test_a_new_conversation_opens_a_queued_session(aws: Any) -> None:
    assert send("text_entities") == OK

    session = the_session()
    assert session["status"] == "unread"
    assert session["priority"] == "medium"
    assert "assignee_id" not in session
    assert session["chat_id"] == USER_ID
    assert session["user"] == {
        "first_name": "Ada",
        "last_name": "Lovelace",
        "username": "ada_l",
        "language_code": "en",
    }
    for field in ("opened_at", "first_inbound_at", "last_user_msg_at", "last_activity_at"):
        assert session[field] == T0
    assert [s["session_id"] for s in conv.list_queue(PROJECT_ID)] == [session["session_id"]]
    refs = conv.list_user_sessions(PROJECT_ID, USER_ID)
    assert [r["session_id"] for r in refs] == [session["session_id"]]
    raw = aws.get_item(
        TableName="tgdesk-test",
        Key={"PK": {"S": f"SESSION#{session['session_id']}"}, "SK": {"S": "SESSION"}},
    )["Item"]
    activity = f"{T0:013d}#{session['session_id']}"
    assert raw["GSI1PK"]["S"] == f"QUEUE#{PROJECT_ID}" and raw["GSI1SK"]["S"] == activity
    assert raw["GSI2PK"]["S"] in keys.project_sessions_shards(PROJECT_ID)
    assert raw["GSI2SK"]["S"] == activity


def test_one_open_session_for_many_messages() -> None:
    for name in ("text_entities", "photo_caption", "voice", "sticker", "dice"):
        assert send(name) == OK
        last = clock.now_ms()
        tick()

    assert len(conv.list_user_sessions(PROJECT_ID, USER_ID)) == 1
    session = the_session()
    assert [m["type"] for m in messages()] == ["text", "photo", "voice", "sticker", "dice"]
    assert session["opened_at"] == session["first_inbound_at"] == T0
    assert session["last_user_msg_at"] == session["last_activity_at"] == last
    items, _ = session_list.list_page(
        [session_list.project_partition(PROJECT_ID)], session_list.SessionFilter()
    )
    assert [s["last_activity_at"] for s in items] == [last]
    assert [s["last_activity_at"] for s in conv.list_queue(PROJECT_ID)] == [last]


def test_profile_is_kept_up_to_date() -> None:
    assert send("text_entities") == OK
    first = conv.get_user(PROJECT_ID, USER_ID)
    assert first is not None
    assert (first["first_name"], first["last_name"], first["username"]) == (
        "Ada",
        "Lovelace",
        "ada_l",
    )
    assert first["first_seen_at"] == first["last_seen_at"] == T0

    later = tick(60_000)
    update = fixture("voice")
    sender = update["message"]["from"]
    sender.update(first_name="Ada K.", username="ada_k", is_premium=True)
    del sender["last_name"]
    assert send(update) == OK

    user = conv.get_user(PROJECT_ID, USER_ID)
    assert user is not None
    assert (user["first_name"], user["username"], user["is_premium"]) == ("Ada K.", "ada_k", True)
    assert "last_name" not in user
    assert user["first_seen_at"] == T0 and user["last_seen_at"] == later
    assert the_session()["user"] == {
        "first_name": "Ada K.",
        "username": "ada_k",
        "language_code": "en",
    }


def test_an_edit_keeps_the_previous_text() -> None:
    assert send("text_entities") == OK
    tick()
    assert send("edited_message") == OK

    [message] = messages()
    original = fixture("text_entities")["message"]
    edited = fixture("edited_message")["edited_message"]
    assert message["text"] == edited["text"]
    assert message["entities"] == edited["entities"]
    assert message["edited_at"] == edited["edit_date"] * 1000
    assert message["edits"] == [
        {"text": original["text"], "entities": original["entities"], "at": original["date"] * 1000}
    ]
    assert message["raw"] == edited


def test_an_edit_of_an_unknown_message_is_stored_as_a_message() -> None:
    assert send("edited_message") == OK
    [message] = messages()
    assert message["text"] == fixture("edited_message")["edited_message"]["text"]
    assert "edited_at" in message and "edits" not in message


def test_callback_query_is_stored_with_its_data() -> None:
    assert send("callback_query") == OK
    [message] = messages()
    assert message["type"] == "callback_query"
    assert message["callback_query"]["data"] == "csat:yes"
    assert message["raw"] == fixture("callback_query")["callback_query"]


def test_media_group_items_are_two_messages_of_one_group() -> None:
    assert send("media_group_1") == OK
    tick()
    assert send("media_group_2") == OK
    first, second = messages()
    assert first["media_group_id"] == second["media_group_id"] == "13900000000000001"


def test_a_user_who_blocks_and_unblocks() -> None:
    assert send("text_entities") == OK
    assert send("my_chat_member_kicked") == OK
    user = conv.get_user(PROJECT_ID, USER_ID)
    assert user is not None and user["unreachable"] is True and user["unreachable_at"] == T0

    assert send("my_chat_member_member") == OK
    user = conv.get_user(PROJECT_ID, USER_ID)
    assert user is not None and "unreachable" not in user and "unreachable_at" not in user
    assert user["open_session_id"] == the_session()["session_id"]


def test_a_block_from_an_unknown_user_creates_their_profile() -> None:
    assert send("my_chat_member_kicked") == OK
    user = conv.get_user(PROJECT_ID, USER_ID)
    assert user is not None
    assert user["unreachable"] is True and user["first_name"] == "Ada"
    assert "open_session_id" not in user
    assert conv.list_user_sessions(PROJECT_ID, USER_ID) == []


def test_ignored_kinds_are_acknowledged_and_counted() -> None:
    for name in ("group_message", "channel_post", "unknown_kind"):
        assert send(name) == OK
    second_group_message = fixture("group_message")
    second_group_message["update_id"] += 1000
    assert send(second_group_message) == OK

    assert conv.get_ignored_counts(PROJECT_ID) == {
        "group_message": 2,
        "channel_post": 1,
        "message_reaction": 1,
    }
    assert conv.get_user(PROJECT_ID, USER_ID) is None


@pytest.mark.parametrize("name", fixture_names())
def test_redelivery_writes_nothing(aws: Any, name: str) -> None:
    assert send("text_entities" if name == "edited_message" else "dice") == OK
    assert send(name) == OK
    before = snapshot(aws)

    tick(5000)
    assert send(name) == OK

    assert snapshot(aws) == before


def test_redelivery_of_a_message_that_opened_a_session_writes_nothing(aws: Any) -> None:
    assert send("text_entities") == OK
    before = snapshot(aws)
    tick()
    assert send("text_entities") == OK
    assert snapshot(aws) == before


@pytest.mark.parametrize("secret", [None, "", "wrong-secret", SECRET + " "])
def test_a_missing_or_wrong_secret_is_refused_and_nothing_is_stored(
    aws: Any, secret: str | None
) -> None:
    before = snapshot(aws)
    status, body = call_webhook(http_event(fixture("text_entities"), secret=secret))
    assert status == 401
    assert body["code"] == "bad_webhook_secret" and body["message"]
    assert snapshot(aws) == before


def test_the_secret_of_another_project_is_refused(aws: Any) -> None:
    create_project("other02", secret="the-other-secret")
    status, _ = call_webhook(http_event(fixture("dice"), project_id="other02"))
    assert status == 401


@pytest.mark.parametrize("project_id", ["nope99", "../acme01", "x" * 65])
def test_an_unknown_project_is_not_found(aws: Any, project_id: str) -> None:
    before = snapshot(aws)
    status, body = call_webhook(http_event(fixture("dice"), project_id=project_id))
    assert (status, body["code"]) == (404, "project_not_found")
    assert snapshot(aws) == before


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ("{not json", "not JSON"),
        ('{"message": {"text": "hi"}}', "update_id"),
        ('{"update_id": "17", "message": {}}', "update_id"),
        ("[]", "not a JSON object"),
    ],
)
def test_an_invalid_body_is_acknowledged_and_kept_as_a_dead_letter(body: str, reason: str) -> None:
    assert call_webhook(http_event(body)) == OK
    [letter], cursor = conv.list_dead_letters()
    assert cursor is None
    assert letter["body"] == body and reason in letter["reason"]
    assert letter["project_id"] == PROJECT_ID
    assert letter["received_at"] == T0
    assert letter["ttl"] == T0 // 1000 + 30 * 24 * 3600


def test_a_base64_encoded_body_is_decoded() -> None:
    update = fixture("text_entities")
    event = http_event(json.dumps(update).encode(), base64_body=True)
    assert call_webhook(event) == OK
    [message] = messages()
    assert message["text"] == update["message"]["text"]


def test_logs_name_the_outcome_but_never_the_secret_or_the_text(
    caplog: pytest.LogCaptureFixture,
) -> None:
    handler = cfn.load_handler("WebhookFunction")
    logger = sys.modules[handler.__module__].logger
    with caplog.at_level(logging.DEBUG, logger=logger.name):
        assert send("text_entities") == OK
        call_webhook(http_event(fixture("dice"), secret="a-wrong-guess"))

    records = [r for r in caplog.records if r.name == logger.name]
    lines = [logger.registered_formatter.format(record) for record in records]
    logs = [json.loads(line) for line in lines]
    [handled] = [entry for entry in logs if entry["message"] == "update handled"]
    assert handled["outcome"] == "stored"
    assert handled["kind"] == "message"
    assert handled["update_id"] == fixture("text_entities")["update_id"]
    assert handled["project_id"] == PROJECT_ID
    [refused] = [entry for entry in logs if entry["message"] == "webhook request refused"]
    assert refused["code"] == "bad_webhook_secret"
    everything = "\n".join(lines)
    assert SECRET not in everything and "a-wrong-guess" not in everything
    assert "My order" not in everything


@pytest.mark.parametrize("path", telegram_samples(), ids=lambda p: p.name)
def test_real_telegram_samples_are_acknowledged(aws: Any, path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert call_webhook(http_event(path.read_text(encoding="utf-8"))) == OK
    served = next(
        (data[f] for f in ("message", "edited_message", "callback_query") if f in data), None
    )
    if served is not None:
        chat = (
            (served.get("message") or {}).get("chat")
            if "callback_query" in data
            else served.get("chat")
        )
        if chat and chat.get("type") == "private":
            sender = data.get("callback_query", served)["from"]["id"]
            user = conv.get_user(PROJECT_ID, sender)
            assert user is not None
            session = conv.get_session(user["open_session_id"])
            assert session is not None
            items, _ = conv.list_session_messages(session)
            assert len(items) == 1
    before = snapshot(aws)
    assert call_webhook(http_event(path.read_text(encoding="utf-8"))) == OK
    assert snapshot(aws) == before


def test_a_write_that_keeps_losing_races_asks_telegram_to_retry(
    aws: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    def always_lost(*_: Any, **__: Any) -> None:
        raise Conflict("lost", code="ingest_conflict")

    monkeypatch.setattr(conv, "store_inbound_message", always_lost)
    response = cfn.load_handler("WebhookFunction")(http_event(fixture("dice")), lambda_context())
    assert response["statusCode"] == 503
    assert response["headers"]["retry-after"] == "1"
    assert json.loads(response["body"])["code"] == "ingest_conflict"
