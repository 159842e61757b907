"""The session lifecycle through the API: opening, status and priority, close, reopen,
and who may send. Sessions come from the real ingest path; routing is replayed."""

from __future__ import annotations

from typing import Any

import lifecycle_fixtures
import pytest
from api_helpers import agent_login
from fastapi.testclient import TestClient
from lifecycle_support import (
    DAY,
    T0,
    assign,
    at,
    audit_actions,
    autoclose_timer,
    open_session_id,
    open_sessions_of,
    profile,
    session,
    user_writes,
)

from tgdesk.storage import conversations

# The desk of lifecycle_fixtures: the ingest project at T0, maria, boss and li.
aws, desk = lifecycle_fixtures.aws, lifecycle_fixtures.desk


@pytest.fixture
def sid(desk: dict[str, Any]) -> str:
    """A session of the user, routed to maria."""
    user_writes("my order is late")
    session_id = open_session_id()
    assign(session_id, desk["maria"])
    return session_id


def test_the_assignee_opening_it_moves_unread_to_processing(
    client: TestClient, desk: dict[str, Any], sid: str
) -> None:
    assert session(sid)["status"] == "unread"

    client.get(f"/api/sessions/{sid}/messages", headers=desk["as_boss"]).raise_for_status()
    assert session(sid)["status"] == "unread"  # a supervisor looking in changes nothing

    response = client.get(f"/api/sessions/{sid}/messages", headers=desk["as_maria"])
    assert response.status_code == 200
    assert [m["text"] for m in response.json()["items"]] == ["my order is late"]
    assert session(sid)["status"] == "processing"
    [entry] = audit_actions(sid)
    assert entry["action"] == "session.status"
    assert (entry["before"], entry["after"]) == ({"status": "unread"}, {"status": "processing"})
    assert entry["actor_id"] == desk["maria"]

    client.get(f"/api/sessions/{sid}/messages", headers=desk["as_maria"]).raise_for_status()
    assert len(audit_actions(sid)) == 1


def test_status_and_priority_are_set_with_audit_entries(
    client: TestClient, desk: dict[str, Any], sid: str
) -> None:
    response = client.patch(
        f"/api/sessions/{sid}",
        json={"status": "follow_up", "priority": "urgent"},
        headers=desk["as_maria"],
    )
    assert response.status_code == 200, response.text
    assert (response.json()["status"], response.json()["priority"]) == ("follow_up", "urgent")
    assert (session(sid)["status"], session(sid)["priority"]) == ("follow_up", "urgent")

    at(T0 + 1000)
    response = client.patch(
        f"/api/sessions/{sid}", json={"priority": "low"}, headers=desk["as_boss"]
    )
    assert response.status_code == 200
    entries = [(e["action"], e["before"], e["after"], e["actor_id"]) for e in audit_actions(sid)]
    assert sorted(entries[:2]) == [
        ("session.priority", {"priority": "medium"}, {"priority": "urgent"}, desk["maria"]),
        ("session.status", {"status": "unread"}, {"status": "follow_up"}, desk["maria"]),
    ]
    assert entries[2:] == [
        ("session.priority", {"priority": "urgent"}, {"priority": "low"}, desk["boss"]),
    ]
    assert all(e["source_ip"] for e in audit_actions(sid))


def test_an_unchanged_value_writes_nothing(
    client: TestClient, desk: dict[str, Any], sid: str
) -> None:
    response = client.patch(
        f"/api/sessions/{sid}", json={"priority": "medium"}, headers=desk["as_maria"]
    )
    assert response.status_code == 200
    assert audit_actions(sid) == []


@pytest.mark.parametrize(
    "body",
    [{}, {"status": "closed"}, {"status": "unread"}, {"priority": "critical"}],
)
def test_invalid_changes_name_their_field(
    client: TestClient, desk: dict[str, Any], sid: str, body: dict[str, Any]
) -> None:
    response = client.patch(f"/api/sessions/{sid}", json=body, headers=desk["as_maria"])
    assert response.status_code == 422
    assert response.json()["code"] == "invalid_input"
    assert session(sid)["status"] == "unread"


def test_outsiders_get_404_for_every_lifecycle_endpoint(
    client: TestClient, desk: dict[str, Any], sid: str
) -> None:
    calls = [
        ("PATCH", f"/api/sessions/{sid}", {"priority": "high"}),
        ("POST", f"/api/sessions/{sid}/close", None),
        ("POST", f"/api/sessions/{sid}/reopen", None),
        ("PATCH", "/api/sessions/nosuchsession", {"priority": "high"}),
        ("POST", "/api/sessions/nosuchsession/close", None),
    ]
    for method, url, body in calls:
        response = client.request(method, url, json=body, headers=desk["as_li"])
        assert (response.status_code, response.json()["code"]) == (404, "session_not_found")
    assert session(sid)["priority"] == "medium"


def test_close_updates_session_profile_load_timers_and_audit(
    client: TestClient, desk: dict[str, Any], sid: str
) -> None:
    assert open_sessions_of(desk["maria"]) == 1
    assert autoclose_timer(sid) is not None
    closed_at = at(T0 + 60_000)

    response = client.post(f"/api/sessions/{sid}/close", headers=desk["as_maria"])

    assert response.status_code == 200, response.text
    assert (response.json()["status"], response.json()["closed_at"]) == ("closed", closed_at)
    assert session(sid)["status"] == "closed"
    user = profile()
    assert "open_session_id" not in user
    assert (user["last_session_id"], user["last_closed_at"]) == (sid, closed_at)
    assert open_sessions_of(desk["maria"]) == 0
    assert autoclose_timer(sid) is None
    entry = audit_actions(sid)[-1]
    assert entry["action"] == "session.close"
    assert entry["after"] == {"status": "closed", "closed_at": closed_at}

    again = client.post(f"/api/sessions/{sid}/close", headers=desk["as_boss"])
    assert (again.status_code, again.json()["code"]) == (409, "session_closed")
    changed = client.patch(
        f"/api/sessions/{sid}", json={"priority": "high"}, headers=desk["as_boss"]
    )
    assert (changed.status_code, changed.json()["code"]) == (409, "session_closed")


def test_a_supervisor_closes_a_queued_session_out_of_the_queue(
    client: TestClient, desk: dict[str, Any]
) -> None:
    user_writes("anyone there?")
    sid = open_session_id()
    assert [s["session_id"] for s in conversations.list_queue("acme01")] == [sid]

    response = client.post(f"/api/sessions/{sid}/close", headers=desk["as_boss"])

    assert response.status_code == 200
    assert conversations.list_queue("acme01") == []


def test_a_user_who_writes_soon_after_the_close_gets_the_session_back(
    client: TestClient, desk: dict[str, Any], sid: str
) -> None:
    client.post(f"/api/sessions/{sid}/close", headers=desk["as_maria"]).raise_for_status()
    at(T0 + 6 * DAY)

    user_writes("still late!")

    assert open_session_id() == sid
    reopened = session(sid)
    assert (reopened["status"], reopened["assignee_id"]) == ("unread", desk["maria"])
    assert "closed_at" not in reopened
    assert open_sessions_of(desk["maria"]) == 1
    assert autoclose_timer(sid)["due_at"] == T0 + 7 * DAY
    entry = audit_actions(sid)[-1]
    assert (entry["action"], entry["actor_id"]) == ("session.reopen", "system")
    as_maria = agent_login(client, "maria")  # yesterday's login has expired
    messages = client.get(f"/api/sessions/{sid}/messages", headers=as_maria).json()
    assert [m["text"] for m in messages["items"]] == ["my order is late", "still late!"]


def test_a_user_who_writes_after_the_window_gets_a_new_session_and_keeps_history(
    client: TestClient, desk: dict[str, Any], sid: str
) -> None:
    client.post(f"/api/sessions/{sid}/close", headers=desk["as_maria"]).raise_for_status()
    at(T0 + 8 * DAY)

    user_writes("hello again")

    new_sid = open_session_id()
    assert new_sid != sid
    assert session(new_sid)["status"] == "unread"
    assert session(sid)["status"] == "closed"
    refs = conversations.list_user_sessions("acme01", session(sid)["tg_user_id"])
    assert [r["session_id"] for r in refs] == [new_sid, sid]


def test_an_agent_reopens_the_users_latest_session(
    client: TestClient, desk: dict[str, Any], sid: str
) -> None:
    client.post(f"/api/sessions/{sid}/close", headers=desk["as_maria"]).raise_for_status()
    reopened = client.post(f"/api/sessions/{sid}/reopen", headers=desk["as_maria"])
    assert reopened.status_code == 200
    assert reopened.json()["status"] == "unread"
    assert open_session_id() == sid
    assert open_sessions_of(desk["maria"]) == 1
    assert autoclose_timer(sid) is not None

    again = client.post(f"/api/sessions/{sid}/reopen", headers=desk["as_boss"])
    assert (again.status_code, again.json()["code"]) == (409, "session_not_closed")


def test_reopen_refuses_while_the_user_has_another_open_session(
    client: TestClient, desk: dict[str, Any], sid: str
) -> None:
    client.post(f"/api/sessions/{sid}/close", headers=desk["as_maria"]).raise_for_status()
    at(T0 + 30 * DAY)
    user_writes("new question")
    newer = open_session_id()
    as_boss = agent_login(client, "boss")

    busy = client.post(f"/api/sessions/{sid}/reopen", headers=as_boss)
    assert (busy.status_code, busy.json()["code"]) == (409, "user_has_open_session")

    client.post(f"/api/sessions/{newer}/close", headers=as_boss).raise_for_status()
    older = client.post(f"/api/sessions/{sid}/reopen", headers=as_boss)
    assert (older.status_code, older.json()["code"]) == (409, "not_latest_session")


def test_only_the_assignee_sends(client: TestClient, desk: dict[str, Any], sid: str) -> None:
    url = f"/api/sessions/{sid}/messages"
    for who in ("as_boss", "admin"):
        response = client.post(url, json={"text": "hi"}, headers=desk[who])
        assert (response.status_code, response.json()["code"]) == (403, "not_assignee")

    sent = client.post(url, json={"text": "on it"}, headers=desk["as_maria"])
    assert sent.status_code == 201, sent.text

    client.post(f"/api/sessions/{sid}/close", headers=desk["as_maria"]).raise_for_status()
    closed = client.post(url, json={"text": "one more thing"}, headers=desk["as_maria"])
    assert (closed.status_code, closed.json()["code"]) == (409, "session_closed")


def test_an_assignee_without_the_reply_permission_cannot_send(
    client: TestClient, desk: dict[str, Any], sid: str
) -> None:
    narrowed = client.put(
        f"/api/projects/acme01/members/{desk['maria']}",
        json={"permissions": ["transfer"]},
        headers=desk["as_boss"],
    )
    assert narrowed.status_code == 200, narrowed.text

    response = client.post(
        f"/api/sessions/{sid}/messages", json={"text": "hi"}, headers=desk["as_maria"]
    )

    assert (response.status_code, response.json()["code"]) == (403, "permission_denied")
