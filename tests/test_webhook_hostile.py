"""The webhook under hostile but authenticated updates: whatever the content, the answer is a
2xx (Telegram would otherwise redeliver for a day and hold up the chat), and what is stored
always fits DynamoDB's rules: it is stored with the offending part cut (and a `cut` marker
saying so), or kept as a dead letter. Only a transient failure asks Telegram to retry.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from api_helpers import create_project as api_create_project
from api_helpers import login
from botocore.exceptions import ClientError
from conftest import TABLE
from ingest_support import (
    PROJECT_ID,
    USER_ID,
    call_webhook,
    create_project,
    fixture,
    http_event,
    send,
    snapshot,
)

from tgdesk.core import clock, item_size
from tgdesk.inbound import ingest
from tgdesk.storage import conversations as conv
from tgdesk.storage import table
from tgdesk.telegram import shapes, updates

T0 = 1_767_225_700_000
OK = (200, {"ok": True})
ITEM_LIMIT = 400 * 1024


@pytest.fixture(autouse=True)
def project(aws: Any) -> None:
    clock.set_now_for_tests(T0)
    create_project()


def tick(ms: int = 1000) -> None:
    clock.set_now_for_tests(clock.now_ms() + ms)


def text_update(update_id: int = 881000001, **changes: Any) -> dict[str, Any]:
    update = fixture("text_entities")
    update["update_id"] = update_id
    update["message"].update(changes)
    return update


def post(body: dict[str, Any] | str) -> tuple[int, dict[str, Any]]:
    """POST like Telegram; a dict goes out as ASCII JSON, so lone surrogates stay escapes."""
    text = body if isinstance(body, str) else json.dumps(body)
    return call_webhook(http_event(text))


def stored_messages() -> list[dict[str, Any]]:
    """Every message item, read raw from the table: the whole table must stay readable."""
    items = [conv.public(table.from_item(i)) or {} for i in snapshot(table.client())]
    return [i for i in items if i.get("kind") == "message"]


def the_message() -> dict[str, Any]:
    [message] = stored_messages()
    return message


def dead_letters() -> list[dict[str, Any]]:
    letters, _ = conv.list_dead_letters()
    return letters


def assert_fits(item: dict[str, Any]) -> None:
    assert item_size.item_size(item) < ITEM_LIMIT


# -- bodies too large for an item ------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "what"),
    [("x" * 1_000_000, "a 1 MB body"), ("汉" * 120_000, "120,000 multi-byte characters")],
    ids=["1-MB-body", "120000-multibyte-characters"],
)
def test_a_text_too_large_for_an_item_is_stored_cut_and_says_so(text: str, what: str) -> None:
    assert send(text_update(text=text)) == OK, what

    message = the_message()
    assert message["text"] == text[: updates.MAX_TEXT]
    assert {"text", "raw"} <= set(message["cut"])
    assert "raw" not in message
    assert_fits(message)


def test_a_poll_too_large_for_an_item_is_stored_without_the_excess() -> None:
    options = [{"text": "o" * 1000, "voter_count": i} for i in range(400)]
    update = text_update(poll={"id": "1", "question": "q" * 5000, "options": options})
    del update["message"]["text"], update["message"]["entities"]

    assert send(update) == OK

    message = the_message()
    assert message["type"] == "poll" and "poll" in message["cut"]
    assert_fits(message)


def test_too_many_entities_are_cut() -> None:
    entities = [{"type": "url", "offset": 0, "length": 1, "url": "u" * 2000}] * 2000
    assert send(text_update(entities=entities)) == OK

    message = the_message()
    assert "entities" in message["cut"]
    assert_fits(message)


# -- numbers DynamoDB cannot hold ------------------------------------------------------------
@pytest.mark.parametrize("big", [10**40, 12345678901234567890123456789012345678901, -(2**64)])
@pytest.mark.parametrize("where", ["update_id", "from", "chat"])
def test_an_update_with_an_id_beyond_64_bits_becomes_a_dead_letter(big: int, where: str) -> None:
    update = text_update()
    if where == "update_id":
        update["update_id"] = big
    else:
        update["message"][where]["id"] = big

    assert send(update) == OK

    [letter] = dead_letters()
    assert "id" in letter["reason"]
    assert stored_messages() == []


def test_a_telegram_message_id_too_large_is_left_out_and_said_so() -> None:
    assert send(text_update(message_id=10**40)) == OK

    message = the_message()
    assert "telegram_message_id" not in message
    assert "telegram_message_id" in message["cut"]


@pytest.mark.parametrize(
    "location",
    [
        {"latitude": 1e308, "longitude": 2.0},
        {"latitude": 5e-324, "longitude": 2.0},
        {"latitude": 91.0, "longitude": 2.0},
        {"latitude": 1.0, "longitude": 2.0, "horizontal_accuracy": 1e200},
        {"latitude": 1.0, "longitude": 2.0, "live_period": 10**40},
    ],
)
def test_a_location_dynamodb_or_a_map_cannot_hold_is_cut(location: dict[str, Any]) -> None:
    update = text_update(location=location)
    del update["message"]["text"], update["message"]["entities"]

    assert send(update) == OK

    message = the_message()
    assert message["type"] == "location" and "location" in message["cut"]
    assert message["raw"]["location"] == location  # the JSON text keeps what was sent


@pytest.mark.parametrize(
    "literal",
    ["NaN", "Infinity", "-Infinity", "1e400", "-1e999", "1" * 5000],
    ids=["nan", "infinity", "minus-infinity", "overflow", "minus-overflow", "5000-digits"],
)
def test_non_finite_or_unreadable_numbers_become_a_dead_letter(literal: str) -> None:
    body = json.dumps(text_update()).replace('"date": 1767225611', f'"date": {literal}')
    assert literal in body

    assert post(body) == OK

    [letter] = dead_letters()
    assert letter["body"] == body
    assert stored_messages() == []


# -- strings and structures -----------------------------------------------------------------
def test_a_lone_surrogate_is_replaced_and_said_so() -> None:
    update = text_update(text="bad \ud800 half")
    update["message"]["from"]["first_name"] = "Ada\udfff"

    assert post(update) == OK

    message = the_message()
    assert message["text"] == "bad \ufffd half"
    assert "unicode" in message["cut"]
    user = conv.get_user(PROJECT_ID, USER_ID)
    assert user is not None and user["first_name"] == "Ada\ufffd"


@pytest.mark.parametrize("depth", [40, 100_000])
def test_deep_nesting_becomes_a_dead_letter(depth: int) -> None:
    body = json.dumps(text_update())[:-1] + ', "deep": ' + "[" * depth + "]" * depth + "}"

    assert post(body) == OK

    [letter] = dead_letters()
    assert "nest" in letter["reason"]
    assert letter["body"] == body[: len(letter["body"])]


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("dice", {"": 1, "emoji": "🎲", "value": 3}, {"emoji": "🎲", "value": 3}),
        ("dice", {"emoji": {"": {"": []}}, "value": 3}, {"value": 3}),
        (
            "contact",
            {"phone_number": "+1", "": "x", "user_id": 10**40, "extra": {"a": [{"": 1}]}},
            {"phone_number": "+1"},
        ),
        (
            "location",
            {"latitude": 1.5, "longitude": 2.5, "": 1},
            {"latitude": 1.5, "longitude": 2.5},
        ),
    ],
)
def test_user_objects_keep_known_fields_of_the_right_type_only(
    field: str, value: dict[str, Any], expected: dict[str, Any]
) -> None:
    update = text_update(**{field: value})
    del update["message"]["text"], update["message"]["entities"]

    assert send(update) == OK

    message = the_message()  # the table reads back: nothing stored under an empty name
    assert message[field] == expected
    assert message["raw"][field] == value


def test_media_entities_and_forwards_keep_known_fields_only() -> None:
    update = text_update(
        entities=[{"type": "bold", "offset": 0, "length": 2, "": "x", "user": {"": 1}}, "junk"],
        forward_origin={"type": "user", "sender_user": {"id": 5, "first_name": "F" * 10_000}},
    )
    update["message"]["document"] = {"file_id": "f", "": "x", "file_size": 10**40, "thumb": {}}

    assert send(update) == OK

    message = the_message()
    assert message["entities"] == [{"type": "bold", "offset": 0, "length": 2}]
    assert message["media"] == {"file_id": "f"}
    assert len(message["forward"]["name"]) == shapes.MAX_NAME
    assert {"entities", "media", "forward"} <= set(message["cut"])


@pytest.mark.parametrize("photo", [5, "abc", {"file_id": "x"}, [1, None, {"": 2}]])
def test_a_photo_that_is_not_a_list_of_sizes_is_acknowledged(photo: Any) -> None:
    assert send(text_update(photo=photo)) == OK
    assert len(stored_messages()) == 1


def test_names_too_long_for_a_profile_are_cut() -> None:
    update = text_update()
    update["message"]["from"]["first_name"] = "A" * 500_000
    update["message"]["from"]["username"] = "u" * 500_000

    assert send(update) == OK

    user = conv.get_user(PROJECT_ID, USER_ID)
    assert user is not None and len(user["first_name"]) == shapes.MAX_NAME
    assert "from" in the_message()["cut"]


def test_a_callback_query_too_large_is_cut() -> None:
    update = fixture("callback_query")
    update["callback_query"]["data"] = "d" * 300_000
    update["callback_query"]["message"]["text"] = "t" * 300_000

    assert send(update) == OK

    message = the_message()
    assert {"callback_query", "raw"} <= set(message["cut"])
    assert_fits(message)


# -- edits ----------------------------------------------------------------------------------
def test_edits_of_a_long_message_keep_the_item_under_the_limit_and_count_what_was_dropped() -> None:
    long = "😀" * 4096
    assert send(text_update(text=f"0 {long}", entities=[])) == OK
    for n in range(1, 26):
        tick()
        edit = fixture("edited_message")
        edit["update_id"] = 882000000 + n
        edit["edited_message"]["text"] = f"{n} {long}"
        edit["edited_message"]["edit_date"] = 1767225900 + n
        assert send(edit) == OK, f"edit {n}"

    message = the_message()
    assert_fits(message)
    assert message["text"].startswith("25 ")
    edits = message["edits"]
    assert edits[0]["text"].startswith("0 ")  # the original is kept
    assert edits[-1]["text"].startswith("24 ")  # and the latest ones
    assert message["edits_dropped"] == 25 - len(edits)
    assert message["edits_dropped"] > 0


def test_an_edit_too_large_for_an_item_is_stored_cut_and_the_cut_marker_follows_the_text() -> None:
    assert send(text_update(text="v0")) == OK
    edit = fixture("edited_message")
    edit["edited_message"]["text"] = "汉" * 200_000

    assert send(edit) == OK

    message = the_message()
    assert message["text"] == "汉" * updates.MAX_TEXT
    assert {"text", "raw"} <= set(message["cut"]) and "raw" not in message
    assert message["edits"][0]["text"] == "v0"

    edit = fixture("edited_message")
    edit["update_id"] += 1
    edit["edited_message"]["edit_date"] += 1
    assert send(edit) == OK

    message = the_message()
    assert "cut" not in message and message["raw"] == edit["edited_message"]
    assert_fits(message)


def test_many_small_edits_still_keep_the_original_and_the_latest_49() -> None:
    assert send(text_update(text="v0")) == OK
    for n in range(1, 56):
        edit = fixture("edited_message")
        edit["update_id"] = 882000000 + n
        edit["edited_message"]["text"] = f"v{n}"
        edit["edited_message"]["edit_date"] = 1767225900 + n
        assert send(edit) == OK

    message = the_message()
    assert [e["text"] for e in message["edits"]] == ["v0", *(f"v{n}" for n in range(6, 55))]
    assert message["edits_dropped"] == 5


# -- dead letters and what DynamoDB refuses -------------------------------------------------
def test_a_dead_letter_keeps_the_first_64_kib_of_its_body_and_says_so() -> None:
    body = "{" + "😀" * 300_000  # not JSON; 1.2 MB of UTF-8

    assert post(body) == OK

    [letter] = dead_letters()
    kept = letter["body"]
    assert len(kept.encode()) <= conv.DEAD_LETTER_MAX_BODY_BYTES
    assert body.startswith(kept) and letter["body_truncated"] is True
    assert letter["body_length"] == len(body)


def test_a_small_dead_letter_is_kept_whole() -> None:
    assert post("{not json") == OK
    [letter] = dead_letters()
    assert letter["body"] == "{not json" and "body_truncated" not in letter


def fail_transactions(monkeypatch: pytest.MonkeyPatch, code: str, message: str) -> None:
    def transact_write_items(**_: Any) -> None:
        error = {"Error": {"Code": code, "Message": message}}
        raise ClientError(error, "TransactWriteItems")  # type: ignore[arg-type]

    monkeypatch.setattr(table.client(), "transact_write_items", transact_write_items)


def test_a_write_dynamodb_refuses_becomes_a_dead_letter(monkeypatch: pytest.MonkeyPatch) -> None:
    fail_transactions(monkeypatch, "ValidationException", "Item too large")

    assert send(text_update()) == OK

    [letter] = dead_letters()
    assert "Item too large" in letter["reason"]


def test_an_update_the_parser_chokes_on_becomes_a_dead_letter(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def choke(_: Any) -> None:
        raise TypeError("a shape nobody foresaw")

    monkeypatch.setattr(ingest, "decode_update", choke)

    assert send(text_update()) == OK

    [letter] = dead_letters()
    assert "TypeError" in letter["reason"]


@pytest.mark.parametrize(
    "code", ["ProvisionedThroughputExceededException", "ThrottlingException", "InternalServerError"]
)
def test_a_transient_failure_asks_telegram_to_retry(
    monkeypatch: pytest.MonkeyPatch, code: str
) -> None:
    fail_transactions(monkeypatch, code, "busy")

    status, body = send(text_update())

    assert status == 503 and body["code"] == "ingest_unavailable"
    assert dead_letters() == []


def test_every_stored_item_reads_back(aws: Any) -> None:
    """A map key that is the empty string is refused by DynamoDB and mangled by moto."""
    update = text_update(dice={"": 1}, contact={"": {"": 1}}, poll={"options": [{"": 1}]})
    assert send(update) == OK
    aws.scan(TableName=TABLE)  # raises if any item came back mangled


# -- what the console sees ------------------------------------------------------------------
def test_the_console_api_says_what_was_cut(client: Any, telegram: Any) -> None:
    admin = login(client)
    project_id = api_create_project(client, admin)["project_id"]
    [hook] = [call.params for call in telegram.calls_of("setWebhook")]
    update = text_update(text="x" * 200_000, location={"latitude": 1e308, "longitude": 1.5})
    event = http_event(json.dumps(update), project_id=project_id, secret=hook["secret_token"])

    assert call_webhook(event) == OK

    sessions = client.get("/api/sessions", headers=admin).json()["items"]
    [session] = [s for s in sessions if s["project_id"] == project_id]
    page = client.get(f"/api/sessions/{session['session_id']}/messages", headers=admin).json()
    [message] = page["items"]
    assert message["cut"] == ["location", "raw", "text"]
    assert message["location"] == {"longitude": 1.5}
    assert len(message["text"]) == updates.MAX_TEXT
