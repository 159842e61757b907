"""The preview of a session's last message (`last_message`) kept on the session for its row."""

from __future__ import annotations

from typing import Any

from api_helpers import agent_login, create_agent, create_project, login, put_session
from fastapi.testclient import TestClient
from ingest_support import PROJECT_ID, USER_ID

from tgdesk.core import clock
from tgdesk.inbound import ingest
from tgdesk.sessions.opening import InboundTiming
from tgdesk.storage import conversations, sessions
from tgdesk.storage.records.session import PREVIEW_CHARS

T0 = 1_767_225_700_000
DAY = 24 * 3_600_000


def inbound(message: dict[str, Any], now: int) -> None:
    ingest.store_user_message(
        PROJECT_ID,
        now,  # a distinct update id per message
        tg_user_id=USER_ID,
        chat_id=USER_ID,
        profile={"first_name": "Ada"},
        message={**message, "raw": {"message_id": now, **message}},
        timing=InboundTiming(autoclose_due=now + DAY, reopen_since=now - 7 * DAY),
        now=now,
    )


def last_message() -> dict[str, Any]:
    profile = conversations.get_user(PROJECT_ID, USER_ID)
    assert profile is not None
    session = sessions.get(profile["open_session_id"])
    assert session is not None
    return session["last_message"]


def test_a_user_message_sets_it_and_the_next_one_replaces_it(aws: Any) -> None:
    clock.set_now_for_tests(T0)
    inbound({"type": "text", "text": "hello"}, T0)
    assert last_message() == {"direction": "in", "type": "text", "text": "hello", "at": T0}

    inbound({"type": "photo", "caption": "my receipt", "media": {"file_id": "f"}}, T0 + 5)
    assert last_message() == {
        "direction": "in",
        "type": "photo",
        "text": "my receipt",
        "at": T0 + 5,
    }

    inbound({"type": "sticker", "media": {"file_id": "s"}}, T0 + 9)
    assert last_message() == {"direction": "in", "type": "sticker", "text": "", "at": T0 + 9}


def test_it_keeps_only_the_start_of_a_long_text(aws: Any) -> None:
    clock.set_now_for_tests(T0)
    long = "长" * 30 + "x" * 4000
    inbound({"type": "text", "text": long}, T0)

    assert last_message()["text"] == long[:PREVIEW_CHARS]
    assert PREVIEW_CHARS == 80


def test_an_agents_reply_replaces_it(client: TestClient, telegram: Any) -> None:
    admin = login(client)
    project = create_project(client, admin)["project_id"]
    maria = create_agent(client, admin, "maria")["agent_id"]
    client.post(f"/api/projects/{project}/members", json={"agent_id": maria}, headers=admin)
    session_id = put_session(project, 5000, assignee_id=maria)["session_id"]
    headers = agent_login(client, "maria")

    sent = client.post(
        f"/api/sessions/{session_id}/messages", json={"text": "Hi, Ada!"}, headers=headers
    )
    assert sent.status_code == 201, sent.text

    expected = {
        "direction": "out",
        "type": "text",
        "text": "Hi, Ada!",
        "at": sent.json()["created_at"],
    }
    view = client.get(f"/api/sessions/{session_id}", headers=headers).json()
    assert view["last_message"] == expected
    listing = client.get("/api/sessions", headers=headers).json()["items"]
    assert [s["last_message"] for s in listing if s["session_id"] == session_id] == [expected]
