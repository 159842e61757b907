"""The return timer, end to end against moto: a session routed by the assign function that
its agent does not open within the project's `return_after_minutes` goes to someone else
when the scheduler's `timers` job runs; the first agent gets a notice; the audit says so."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import collab_helpers
import pytest
from api_helpers import put_session, scheduler_handler
from conftest import lambda_context
from fastapi.testclient import TestClient
from routing_support import inserts

from infra.local import cfn
from tgdesk.core import clock, ids
from tgdesk.storage import assignments, keys, sessions, table

team = collab_helpers.team
MINUTE = 60_000
NEW_USER = 3001


@pytest.fixture
def routed(client: TestClient, team: dict[str, Any]) -> Callable[[], dict[str, Any]]:
    """Return-after 5 minutes in Support, maria and ana online; returns a function that
    routes a new session through the assign function and gives it back as stored."""
    t0 = clock.now_ms()
    clock.set_now_for_tests(t0)
    settings = client.patch(
        f"/api/projects/{team['p1']}",
        json={"routing": {"return_after_minutes": 5}},
        headers=team["boss"],
    )
    assert settings.status_code == 200, settings.text
    for name in ("maria", "ana"):
        online = client.put("/api/me/presence", json={"state": "online"}, headers=team[name])
        assert online.status_code == 200, online.text
    assign = cfn.load_handler("AssignFunction")

    def route_new_session() -> dict[str, Any]:
        session = put_session(team["p1"], NEW_USER)
        item = table.get(*keys.session(session["session_id"]), consistent=True)
        assert assign(inserts([item]), lambda_context()) == {"batchItemFailures": []}
        stored = sessions.get(session["session_id"])
        assert stored is not None and stored.get("assignee_id")
        return stored

    return route_new_session


def later(client: TestClient, team: dict[str, Any], minutes: int) -> None:
    """Time passes; both consoles stay open (heartbeats)."""
    clock.set_now_for_tests(clock.now_ms() + minutes * MINUTE)
    for name in ("maria", "ana"):
        assert client.post("/api/me/heartbeat", headers=team[name]).status_code == 200


def run_timers() -> dict[str, Any]:
    return scheduler_handler()({"job": "timers"}, lambda_context())


def name_of(team: dict[str, Any], agent_id: str) -> str:
    return next(name for name, aid in team["ids"].items() if aid == agent_id)


def test_a_session_not_opened_in_time_goes_to_someone_else_and_the_first_agent_is_told(
    client: TestClient, team: dict[str, Any], routed: Callable[[], dict[str, Any]]
) -> None:
    session = routed()
    sid, first = session["session_id"], session["assignee_id"]
    timer = table.get(*keys.session_timer(sid, "return"), consistent=True)
    assert timer is not None and timer["due_at"] == session["assigned_at"] + 5 * MINUTE

    later(client, team, 4)
    run_timers()
    assert sessions.get(sid)["assignee_id"] == first  # not yet due

    later(client, team, 2)
    run_timers()

    moved = sessions.get(sid)
    assert moved is not None
    second = moved["assignee_id"]
    assert second != first and second in (team["ids"]["maria"], team["ids"]["ana"])
    assert moved["status"] == "unread"
    notices = client.get("/api/notices", headers=team[name_of(team, first)]).json()["items"]
    assert [(n["notice"], n["session_id"], n["to_agent_id"]) for n in notices] == [
        ("session_returned", sid, second)
    ]
    assert client.get("/api/notices", headers=team[name_of(team, second)]).json() == {"items": []}
    [entry] = collab_helpers.audit_entries(client, team["admin"], "session.returned")
    assert (entry["target_id"], entry["actor_id"]) == (sid, "system")
    assert (entry["before"], entry["after"]) == ({"assignee_id": first}, {"assignee_id": second})
    assert notices[0]["audit_entry_id"] == entry["entry_id"]
    how = [(r["how"], r["agent_id"]) for r in assignments.list_assignments(sid)]
    assert how == [("routed", first), ("returned", second)]
    assert client.get(f"/api/sessions/{sid}", headers=team[name_of(team, first)]).status_code == 404
    loads = {
        aid: int((table.get(*keys.agent(aid)) or {}).get("open_sessions", 0))
        for aid in (first, second)
    }
    assert loads == {first: 0, second: 1}


def test_a_session_opened_in_time_is_not_returned(
    client: TestClient, team: dict[str, Any], routed: Callable[[], dict[str, Any]]
) -> None:
    session = routed()
    sid, first = session["session_id"], session["assignee_id"]
    later(client, team, 2)

    opened = client.get(f"/api/sessions/{sid}/messages", headers=team[name_of(team, first)])

    assert opened.status_code == 200, opened.text
    assert sessions.get(sid)["status"] == "processing"
    assert table.get(*keys.session_timer(sid, "return"), consistent=True) is None
    later(client, team, 10)
    run_timers()
    assert sessions.get(sid)["assignee_id"] == first
    assert [r["how"] for r in assignments.list_assignments(sid)] == ["routed"]
    assert client.get("/api/notices", headers=team[name_of(team, first)]).json() == {"items": []}


def test_a_due_session_with_nobody_else_online_stays_and_its_timer_goes(
    client: TestClient, team: dict[str, Any], routed: Callable[[], dict[str, Any]]
) -> None:
    session = routed()
    sid, first = session["session_id"], session["assignee_id"]
    other = "ana" if name_of(team, first) == "maria" else "maria"
    offline = client.put("/api/me/presence", json={"state": "offline"}, headers=team[other])
    assert offline.status_code == 200

    clock.set_now_for_tests(clock.now_ms() + 6 * MINUTE)
    assert client.post("/api/me/heartbeat", headers=team[name_of(team, first)]).status_code == 200
    counts = run_timers()

    assert counts["job"] == "timers"
    assert sessions.get(sid)["assignee_id"] == first
    assert table.get(*keys.session_timer(sid, "return"), consistent=True) is None
    assert collab_helpers.audit_entries(client, team["admin"], "session.returned") == []


def test_without_the_setting_no_return_timer_is_set(
    client: TestClient, team: dict[str, Any]
) -> None:
    session = put_session(team["p1"], NEW_USER)
    item = table.get(*keys.session(session["session_id"]), consistent=True)
    cfn.load_handler("AssignFunction")(inserts([item]), lambda_context())

    assert sessions.get(session["session_id"])["assignee_id"]
    assert sessions.list_timers(session["session_id"]) == []


def test_the_scheduler_reads_every_shard_in_due_order_a_bounded_batch(aws: Any) -> None:
    """Timers spread over the shards of their index: each page, whatever its size, continues
    where the last one ended; followed to the end they are every due timer once, the
    earliest first; and a run takes at most its batch, the earliest ones."""
    t0 = 1_760_000_000_000
    due: list[tuple[int, str]] = []
    for n in range(30):
        sid = ids.sortable_id()
        due_at = t0 + (n * 7919) % 30 * MINUTE  # shuffled, some on the same minute
        put = sessions.timer_put({"session_id": sid, "project_id": "p"}, "return", due_at)
        table.client().put_item(**put["Put"])
        due.append((due_at, sid))
    now = t0 + 19 * MINUTE
    expected = [sid for due_at, sid in sorted(due) if due_at <= now]
    shards = {keys.timers_index("return", sid) for _, sid in due}
    assert len(shards) > 1 and shards <= set(keys.timers_shards("return"))

    for limit in (1, 4, 9, 100):
        seen: list[str] = []
        after = None
        for _ in range(100):
            page, after = sessions.due_timers("return", now, limit=limit, after=after)
            assert len(page) <= limit
            seen.extend(t["session_id"] for t in page)
            if after is None:
                break
        assert seen == expected, limit

    batch = list(sessions.each_due_timer("return", now, most=7))
    assert [t["session_id"] for t in batch] == expected[:7]
