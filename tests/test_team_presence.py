"""Presence set by the agent and kept alive by heartbeats; capacity set by an admin."""

from __future__ import annotations

from typing import Any

import collab_helpers
import pytest
from fastapi.testclient import TestClient

from tgdesk.core import clock
from tgdesk.storage import accounts, table
from tgdesk.team import presence

T0 = 1_790_000_000_000

# The two-project team (collab_helpers): admin; p1 maria, ana, boss; p2 li, chief.
team = collab_helpers.team


def agent_row(client: TestClient, team: dict[str, Any], name: str) -> dict[str, Any]:
    listed = client.get(f"/api/projects/{team['p1']}/agents", headers=team["boss"]).json()
    return next(a for a in listed["items"] if a["username"] == name)


def test_presence_lapses_without_heartbeats(client: TestClient, team: dict[str, Any]) -> None:
    clock.set_now_for_tests(T0)
    assert client.get("/api/me", headers=team["maria"]).json()["presence"] == "offline"
    online = client.put("/api/me/presence", json={"state": "online"}, headers=team["maria"])
    assert online.status_code == 200 and online.json()["presence"] == "online"
    assert "password_hash" not in online.text and "token_digest" not in online.text
    assert agent_row(client, team, "maria")["presence"] == "online"

    # Heartbeats keep it online...
    for _ in range(4):
        clock.set_now_for_tests(clock.now_ms() + 60_000)
        beat = client.post("/api/me/heartbeat", headers=team["maria"])
        assert beat.status_code == 200 and beat.json() == {"heartbeat_at": clock.now_ms()}
    assert agent_row(client, team, "maria")["presence"] == "online"

    # ...and a closed laptop stops them: online turns offline, what was set stays.
    clock.set_now_for_tests(clock.now_ms() + presence.HEARTBEAT_GRACE_MS + 1)
    assert agent_row(client, team, "maria")["presence"] == "offline"
    assert client.get("/api/me", headers=team["maria"]).json()["presence"] == "offline"
    assert (accounts.get_agent(team["ids"]["maria"]) or {})["presence"] == "online"


def test_busy_and_offline_are_kept_and_audited(client: TestClient, team: dict[str, Any]) -> None:
    assert (
        client.put("/api/me/presence", json={"state": "busy"}, headers=team["ana"]).status_code
        == 200
    )
    clock.set_now_for_tests(clock.now_ms() + 3_600_000)
    assert agent_row(client, team, "ana")["presence"] == "busy"
    client.put("/api/me/presence", json={"state": "busy"}, headers=team["ana"])  # no change
    bad = client.put("/api/me/presence", json={"state": "away"}, headers=team["ana"])
    assert bad.status_code == 422 and bad.json()["field"] == "state"
    entries = client.get(
        "/api/audit", params={"action": "agent.presence"}, headers=team["admin"]
    ).json()["items"]
    assert [(e["before"], e["after"]) for e in entries] == [
        ({"presence": "offline"}, {"presence": "busy"})
    ]


def test_heartbeat_is_one_write(
    client: TestClient, team: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    real, calls = table.client(), []

    class Counting:
        cache_clear = staticmethod(lambda: None)

        def __getattr__(self, name: str) -> Any:
            calls.append(name)
            return getattr(real, name)

    monkeypatch.setattr(table, "client", Counting)
    presence.heartbeat(team["ids"]["maria"])
    assert calls == ["update_item"]


def test_an_admin_sets_and_removes_capacity(client: TestClient, team: dict[str, Any]) -> None:
    maria = team["ids"]["maria"]
    url = f"/api/agents/{maria}"
    assert (
        client.patch(url, json={"max_open_sessions": 3}, headers=team["admin"]).status_code == 200
    )
    row = agent_row(client, team, "maria")
    assert (row["max_open_sessions"], row["open_sessions"]) == (3, 0)
    assert (accounts.get_agent(maria) or {})["max_open_sessions"] == 3

    listed = client.get("/api/agents", headers=team["admin"]).json()["items"]
    assert next(a for a in listed if a["agent_id"] == maria)["max_open_sessions"] == 3

    zero = client.patch(url, json={"max_open_sessions": 0}, headers=team["admin"])
    assert zero.status_code == 422 and zero.json()["field"] == "max_open_sessions"
    by_supervisor = client.patch(url, json={"max_open_sessions": 9}, headers=team["boss"])
    assert by_supervisor.status_code == 403

    assert (
        client.patch(url, json={"max_open_sessions": None}, headers=team["admin"]).status_code
        == 200
    )
    assert "max_open_sessions" not in (accounts.get_agent(maria) or {})
    entries = client.get(
        "/api/audit", params={"action": "agent.update"}, headers=team["admin"]
    ).json()["items"]
    assert [e["after"].get("max_open_sessions") for e in entries] == [None, 3]
    assert entries[0]["before"]["max_open_sessions"] == 3
    assert "password_hash" not in str(entries)
