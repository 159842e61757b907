"""A session's assignments through the API: the receiver of a transfer sees why it came."""

from __future__ import annotations

from typing import Any

import collab_helpers
from fastapi.testclient import TestClient

team = collab_helpers.team


def test_the_receiver_sees_who_transferred_the_session_and_why(
    client: TestClient, team: dict[str, Any]
) -> None:
    sid = team["sessions"]["maria"]["session_id"]
    maria, ana = team["ids"]["maria"], team["ids"]["ana"]
    moved = client.post(
        f"/api/sessions/{sid}/transfer",
        json={"to": {"agent_id": ana}, "reason": "billing question"},
        headers=team["maria"],
    )
    assert moved.status_code == 200, moved.text

    seen = client.get(f"/api/sessions/{sid}/assignments", headers=team["ana"])

    assert seen.status_code == 200, seen.text
    [latest] = seen.json()["items"][-1:]
    assert latest == {
        "agent_id": ana,
        "how": "transferred",
        "from_agent_id": maria,
        "by": maria,
        "reason": "billing question",
        "at": latest["at"],
    }
    by_supervisor = client.get(f"/api/sessions/{sid}/assignments", headers=team["boss"])
    assert by_supervisor.json() == seen.json()


def test_an_agent_who_may_not_see_the_session_is_told_it_does_not_exist(
    client: TestClient, team: dict[str, Any]
) -> None:
    sid = team["sessions"]["maria"]["session_id"]
    hidden = client.get(f"/api/sessions/{sid}/assignments", headers=team["ana"])
    assert (hidden.status_code, hidden.json()["code"]) == (404, "session_not_found")
    missing = client.get("/api/sessions/nope/assignments", headers=team["maria"])
    assert missing.status_code == 404
