"""The ingest service: authentication, outcomes, and the DynamoDB requests a message costs."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from typing import Any

import pytest
from ingest_support import PROJECT_ID, SECRET, USER_ID, create_project, fixture

from tgdesk.audit import entries as audit
from tgdesk.core import clock
from tgdesk.core.errors import NotFound, Unauthorized
from tgdesk.inbound import ingest
from tgdesk.inbound.ingest import IngestResult
from tgdesk.storage import conversations as conv
from tgdesk.storage import projects, sessions, table

T0 = 1_767_225_700_000


@pytest.fixture(autouse=True)
def project(aws: Any) -> None:
    clock.set_now_for_tests(T0)
    create_project()


@pytest.fixture
def requests() -> Iterator[list[str]]:
    """The names of the DynamoDB operations sent while the test runs."""
    sent: list[str] = []

    def count(model: Any, **_: Any) -> None:
        sent.append(model.name)

    events = table.client().meta.events
    events.register("before-call.dynamodb", count)
    yield sent
    events.unregister("before-call.dynamodb", count)


def handle(update: dict[str, Any] | str, secret: str | None = SECRET) -> IngestResult:
    body = json.dumps(fixture(update) if isinstance(update, str) else update)
    return ingest.handle_update(PROJECT_ID, secret, body)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("text_entities", IngestResult("stored", 881000001, "message")),
        ("callback_query", IngestResult("stored", 881000021, "callback_query")),
        ("edited_message", IngestResult("stored", 881000020, "edited_message")),
        ("my_chat_member_kicked", IngestResult("stored", 881000022, "my_chat_member")),
        ("group_message", IngestResult("ignored", 881000024, "group_message")),
        ("channel_post", IngestResult("ignored", 881000025, "channel_post")),
        ("unknown_kind", IngestResult("ignored", 881000026, "message_reaction")),
    ],
)
def test_outcomes(name: str, expected: IngestResult) -> None:
    assert handle(name) == expected
    assert handle(name) == IngestResult("duplicate", expected.update_id, expected.kind)


def test_an_invalid_body_becomes_a_dead_letter() -> None:
    assert ingest.handle_update(PROJECT_ID, SECRET, b"\xff{oops") == IngestResult("dead_letter")
    [letter], _ = conv.list_dead_letters()
    assert letter["body"] == "\ufffd{oops"


def test_an_inbound_message_to_an_open_session_costs_two_requests(requests: list[str]) -> None:
    handle("text_entities")
    requests.clear()

    assert handle("voice").result == "stored"

    assert requests == ["GetItem", "TransactWriteItems"]


def test_with_a_cold_project_cache_it_costs_three(requests: list[str]) -> None:
    handle("text_entities")
    ingest.clear_project_cache()
    requests.clear()

    handle("voice")

    assert requests == ["GetItem", "GetItem", "TransactWriteItems"]


def test_the_project_is_read_again_after_its_cache_time(
    requests: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    handle("text_entities")
    later = ingest.time.monotonic() + ingest.PROJECT_CACHE_SECONDS + 1
    monkeypatch.setattr(ingest.time, "monotonic", lambda: later)
    requests.clear()
    handle("voice")
    assert requests.count("GetItem") == 2


def test_unknown_project() -> None:
    with pytest.raises(NotFound) as err:
        ingest.handle_update("missing", SECRET, json.dumps(fixture("dice")))
    assert err.value.status == 404


@pytest.mark.parametrize("secret", [None, "", "nope", "sécret-ünicode"])
def test_wrong_secrets(secret: str | None) -> None:
    with pytest.raises(Unauthorized) as err:
        handle("dice", secret=secret)
    assert err.value.status == 401
    assert conv.get_user(PROJECT_ID, 700100200) is None


def test_a_project_without_a_secret_hash_refuses_everything() -> None:
    projects.create_project({"project_id": "bare", "name": "Bare", "created_by": "a"})
    with pytest.raises(Unauthorized):
        ingest.handle_update("bare", SECRET, json.dumps(fixture("dice")))


def test_a_rotated_secret_is_accepted_before_the_cache_expires(requests: list[str]) -> None:
    handle("text_entities")  # caches the project
    projects.update_project(
        PROJECT_ID, {"webhook_secret_hash": hashlib.sha256(b"rotated-secret").hexdigest()}
    )
    assert handle("voice", secret="rotated-secret").result == "stored"
    with pytest.raises(Unauthorized):
        handle("dice", secret=SECRET)


def _close_the_open_session() -> str:
    profile = conv.get_user(PROJECT_ID, USER_ID) or {}
    session = sessions.get(profile["open_session_id"])
    assert session is not None
    entry = audit.entry("session.close", actor_id="agent-1", project_id=PROJECT_ID)
    sessions.close(session, at=clock.now_ms(), entry=entry)
    return session["session_id"]


def test_reopening_a_recently_closed_session_costs_three_requests(
    requests: list[str],
) -> None:
    handle("text_entities")
    closed = _close_the_open_session()
    clock.set_now_for_tests(T0 + 3600_000)
    requests.clear()

    assert handle("voice").result == "stored"

    assert requests == ["GetItem", "GetItem", "TransactWriteItems"]
    assert (conv.get_user(PROJECT_ID, USER_ID) or {})["open_session_id"] == closed


def test_a_message_to_the_open_session_is_one_write_that_leaves_its_timer(
    requests: list[str],
) -> None:
    projects.update_project(PROJECT_ID, {"auto_close_after_hours": 6})
    ingest.clear_project_cache()
    handle("text_entities")
    session_id = (conv.get_user(PROJECT_ID, USER_ID) or {})["open_session_id"]
    clock.set_now_for_tests(T0 + 5_000)
    requests.clear()

    handle("voice")

    assert requests == ["GetItem", "TransactWriteItems"]
    [timer] = sessions.list_timers(session_id)
    assert timer["due_at"] == T0 + 6 * 3600_000  # set when the session opened
