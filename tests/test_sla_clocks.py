"""SLA clocks with a controlled clock: the timers a user's message and a reply set, the
scheduler's `sla` job warning then breaching then acting, each once with overlapping runs,
the pause in follow_up, a reopen's new resolution clock, and business hours over a weekend."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import lifecycle_fixtures
import pytest
from api_helpers import scheduler_handler
from conftest import lambda_context
from fastapi.testclient import TestClient
from ingest_support import PROJECT_ID
from lifecycle_support import HOUR, T0, assign, at, audit_actions, open_session_id, session
from lifecycle_support import user_writes as writes

from tgdesk.audit import entries as audit
from tgdesk.core import secrets
from tgdesk.inbound import ingest
from tgdesk.sla import jobs, policies
from tgdesk.storage import assignments, keys, sessions, table
from tgdesk.storage import sla as store

aws, desk = lifecycle_fixtures.aws, lifecycle_fixtures.desk
MINUTE = 60_000


def track(**wanted: Any) -> None:
    """Turn the project's SLA tracking on with `wanted` over the defaults."""
    current = store.get_settings(PROJECT_ID)
    settings = policies.validated(PROJECT_ID, {"enabled": True, **wanted})
    settings["updated_at"] = T0
    entry = audit.entry("sla.settings", actor_id=audit.SYSTEM, project_id=PROJECT_ID)
    assert store.save_settings(
        settings, read_updated_at=(current or {}).get("updated_at"), entry=entry
    )
    ingest.clear_project_cache()


def urgent_in(minutes_first: int, minutes_resolution: int = 120) -> dict[str, Any]:
    return {
        "policies": {
            "medium": {
                "first_response_minutes": minutes_first,
                "resolution_minutes": minutes_resolution,
            }
        }
    }


@pytest.fixture
def run(client: TestClient) -> Any:
    secrets.reset()
    handler = scheduler_handler()

    def run_at(moment: int) -> dict[str, Any]:
        at(moment)
        result = handler({"job": "sla"}, lambda_context())
        assert result.pop("job") == "sla"
        return result

    return run_at


def timer(sid: str, kind: str) -> dict[str, Any] | None:
    return table.get(*keys.session_timer(sid, kind), consistent=True)


def clock_of(sid: str, name: str) -> dict[str, Any]:
    shown = session(sid).get("sla", {}).get("clocks", [])
    return next(c for c in shown if c["clock"] == name)


def sla_audit(sid: str) -> list[str]:
    return [e["action"] for e in audit_actions(sid) if e["action"].startswith("sla.")]


# -- the hot paths -------------------------------------------------------------------------------
def test_untracked_projects_get_no_timers(desk: dict[str, Any]) -> None:
    writes("hello")
    sid = open_session_id()
    assert timer(sid, store.RESPONSE_TIMER) is None
    assert timer(sid, store.RESOLUTION_TIMER) is None


def test_a_message_sets_the_timers_and_a_later_one_leaves_them(desk: dict[str, Any]) -> None:
    track()
    writes("hello")
    sid = open_session_id()
    assert timer(sid, store.RESPONSE_TIMER)["due_at"] == T0
    assert timer(sid, store.RESOLUTION_TIMER)["due_at"] == T0
    at(T0 + MINUTE)
    writes("anyone?")
    assert timer(sid, store.RESPONSE_TIMER)["due_at"] == T0  # the running clock's, kept


def test_warning_then_breach_then_action_each_once(
    desk: dict[str, Any], run: Any, client: TestClient
) -> None:
    track(**urgent_in(10))
    writes("hello")
    sid = open_session_id()
    assign(sid, desk["maria"])
    first = run(T0 + MINUTE)  # the first look computes the due times
    assert first["sla_moved"] == 2
    shown = clock_of(sid, "first_response")
    assert shown["due_at"] == T0 + 10 * MINUTE
    assert shown["warn_at"] == T0 + 8 * MINUTE
    assert session(sid)["sla"]["due_at"] == T0 + 10 * MINUTE

    assert run(T0 + 5 * MINUTE)["sla_due"] == 0  # nothing due before the warning
    warned = run(T0 + 8 * MINUTE)
    assert warned["sla_warned"] == 1
    assert run(T0 + 8 * MINUTE + 1)["sla_warned"] == 0
    notices = assignments.list_notices(desk["maria"])
    assert [n["notice"] for n in notices] == ["sla_warning"]

    breached = run(T0 + 10 * MINUTE)
    assert breached["sla_breached"] == 1
    assert run(T0 + 11 * MINUTE)["sla_breached"] == 0
    assert sla_audit(sid) == ["sla.warning", "sla.breach"]
    sla = session(sid)["sla"]
    assert (sla["warnings"], sla["breaches"]) == (1, 1)
    assert [(e["clock"], e["stage"]) for e in sla["events"]] == [
        ("first_response", "warning"),
        ("first_response", "breach"),
    ]
    # the default action: the holder and the project's supervisors are told
    assert "sla_breach" in [n["notice"] for n in assignments.list_notices(desk["boss"])]
    # the breached clock's timer is parked, not woken by the user's next messages
    assert timer(sid, store.RESPONSE_TIMER)["due_at"] > T0 + 24 * HOUR


def test_overlapping_runs_record_a_breach_once(desk: dict[str, Any], run: Any) -> None:
    track(**urgent_in(10))
    writes("hello")
    sid = open_session_id()
    run(T0 + MINUTE)
    at(T0 + 11 * MINUTE)
    due = list(sessions.each_due_timer(store.RESPONSE_TIMER, T0 + 11 * MINUTE, most=10))
    assert len(due) == 1
    # two runs read the same timer and session; the second's write loses its condition
    first = jobs.evaluate(due[0], T0 + 11 * MINUTE, jobs._Settings())
    second = jobs.evaluate(due[0], T0 + 11 * MINUTE, jobs._Settings())
    assert (first, second) == ("sla_breached", "sla_skipped")
    assert sla_audit(sid) == ["sla.breach"]


def test_a_breach_raises_the_priority(desk: dict[str, Any], run: Any) -> None:
    wanted = urgent_in(10)
    wanted["policies"]["medium"]["breach_action"] = {"notify": False, "raise_priority": True}
    track(**wanted)
    writes("hello")
    sid = open_session_id()
    assign(sid, desk["maria"])
    run(T0 + MINUTE)
    run(T0 + 10 * MINUTE)
    assert session(sid)["priority"] == "high"
    assert "session.priority" in [e["action"] for e in audit_actions(sid)]
    assert assignments.list_notices(desk["boss"]) == []


def test_a_reply_stops_the_response_clock(
    desk: dict[str, Any], run: Any, client: TestClient
) -> None:
    track(**urgent_in(10))
    writes("hello")
    sid = open_session_id()
    assign(sid, desk["maria"])
    run(T0 + MINUTE)
    at(T0 + 2 * MINUTE)
    reply = client.post(
        f"/api/sessions/{sid}/messages", json={"text": "Hi!"}, headers=desk["as_maria"]
    )
    assert reply.status_code in (200, 201), reply.text
    assert timer(sid, store.RESPONSE_TIMER) is None
    assert run(T0 + 30 * MINUTE)["sla_breached"] == 0
    # the user writes again: a next response clock
    at(T0 + 40 * MINUTE)
    writes("one more thing")
    run(T0 + 41 * MINUTE)
    assert clock_of(sid, "next_response")["due_at"] == T0 + 50 * MINUTE


def test_follow_up_pauses_the_clocks(desk: dict[str, Any], run: Any, client: TestClient) -> None:
    track(**urgent_in(10))
    writes("hello")
    sid = open_session_id()
    assign(sid, desk["maria"])
    run(T0 + MINUTE)
    at(T0 + 4 * MINUTE)
    paused = client.patch(
        f"/api/sessions/{sid}", json={"status": "follow_up"}, headers=desk["as_maria"]
    )
    assert paused.status_code == 200, paused.text
    assert run(T0 + 5 * MINUTE)["sla_dropped"] == 2  # paused clocks wait for the resume
    paused_clock = clock_of(sid, "first_response")
    assert paused_clock["paused"] is True
    assert paused_clock["remaining_ms"] == 6 * MINUTE  # exactly what is left
    assert "due_at" not in paused_clock
    assert run(T0 + 60 * MINUTE)["sla_breached"] == 0
    at(T0 + 64 * MINUTE)
    resumed = client.patch(
        f"/api/sessions/{sid}", json={"status": "processing"}, headers=desk["as_maria"]
    )
    assert resumed.status_code == 200, resumed.text
    run(T0 + 65 * MINUTE)
    # 4 minutes ran before the pause, the 60 paused do not count: due 6 minutes after resuming
    assert clock_of(sid, "first_response")["due_at"] == T0 + 70 * MINUTE
    assert run(T0 + 69 * MINUTE)["sla_breached"] == 0
    assert run(T0 + 70 * MINUTE)["sla_breached"] == 1


def test_a_reopen_starts_a_new_resolution_clock(
    desk: dict[str, Any], run: Any, client: TestClient
) -> None:
    track(**urgent_in(10, 60))
    writes("hello")
    sid = open_session_id()
    assign(sid, desk["maria"])
    run(T0 + MINUTE)
    at(T0 + 5 * MINUTE)
    client.post(f"/api/sessions/{sid}/close", headers=desk["as_maria"]).raise_for_status()
    assert timer(sid, store.RESOLUTION_TIMER) is None  # closing deletes every timer
    at(T0 + 2 * HOUR)
    writes("it broke again")  # within reopen_within_days: the same session
    assert open_session_id() == sid
    run(T0 + 2 * HOUR + MINUTE)
    resolution = clock_of(sid, "resolution")
    assert resolution["started_at"] == T0 + 2 * HOUR
    assert resolution["due_at"] == T0 + 3 * HOUR
    assert run(T0 + 3 * HOUR)["sla_breached"] >= 1
    assert "sla.breach" in sla_audit(sid)


def test_business_hours_carry_a_clock_over_the_weekend(desk: dict[str, Any], run: Any) -> None:
    berlin = ZoneInfo("Europe/Berlin")
    friday = int(datetime(2026, 12, 4, 16, 30, tzinfo=berlin).timestamp()) * 1000
    monday_due = int(datetime(2026, 12, 7, 9, 30, tzinfo=berlin).timestamp()) * 1000
    wanted = urgent_in(60)
    wanted["policies"]["medium"]["business_hours"] = True
    weekdays = ("mon", "tue", "wed", "thu", "fri")
    track(
        time_zone="Europe/Berlin",
        business_hours={d: [["09:00", "17:00"]] for d in weekdays},
        **wanted,
    )
    at(friday)
    writes("hello")
    sid = open_session_id()
    run(friday + MINUTE)
    assert clock_of(sid, "first_response")["due_at"] == monday_due
    assert run(friday + 2 * 24 * HOUR)["sla_breached"] == 0  # Sunday: nothing is due
    assert run(monday_due)["sla_breached"] == 1


def test_a_breach_reassigns_to_the_policys_group(
    desk: dict[str, Any], run: Any, client: TestClient
) -> None:
    group = client.post(
        f"/api/projects/{PROJECT_ID}/groups",
        json={"name": "L2 support", "agent_ids": [desk["boss"]]},
        headers=desk["admin"],
    )
    assert group.status_code == 201, group.text
    group_id = group.json()["group_id"]
    client.put("/api/me/presence", json={"state": "online"}, headers=desk["as_boss"])
    wanted = urgent_in(10)
    wanted["policies"]["medium"]["breach_action"] = {"notify": False, "reassign_group_id": group_id}
    track(**wanted)
    writes("hello")
    sid = open_session_id()
    assign(sid, desk["maria"])
    run(T0 + MINUTE)
    assert run(T0 + 10 * MINUTE)["sla_breached"] == 1
    moved = session(sid)
    assert moved["assignee_id"] == desk["boss"]
    [record] = [a for a in assignments.list_assignments(sid) if a["how"] == "transferred"]
    assert (record["by"], record["reason"]) == ("system", "SLA breach: first response")


def test_a_breach_reassigns_only_to_a_group_of_the_project(
    desk: dict[str, Any], client: TestClient
) -> None:
    wanted = {"policies": {"high": {"breach_action": {"reassign_group_id": "nope"}}}}
    answer = client.put(f"/api/projects/{PROJECT_ID}/sla", json=wanted, headers=desk["admin"])
    assert answer.status_code == 422, answer.text
    assert answer.json()["field"] == "policies.high.breach_action.reassign_group_id"


def test_a_higher_priority_brings_the_due_times_forward(
    desk: dict[str, Any], run: Any, client: TestClient
) -> None:
    track()  # the defaults: medium 2 h first response, urgent 15 min
    writes("hello")
    sid = open_session_id()
    assign(sid, desk["maria"])
    run(T0 + MINUTE)
    assert clock_of(sid, "first_response")["due_at"] == T0 + 2 * HOUR
    at(T0 + 2 * MINUTE)
    raised = client.patch(
        f"/api/sessions/{sid}", json={"priority": "urgent"}, headers=desk["as_maria"]
    )
    assert raised.status_code == 200, raised.text
    run(T0 + 3 * MINUTE)
    assert clock_of(sid, "first_response")["due_at"] == T0 + 15 * MINUTE
    assert run(T0 + 15 * MINUTE)["sla_breached"] == 1
