"""Shifts and handover with a controlled clock: the schedule over DST changes, reminders
once, the end of a shift (sessions to follow-up, a summary checked by hand), the next
shift's acknowledgement, the supervisors' reminder, downloads and access."""

from __future__ import annotations

import csv
import io
import statistics
from datetime import UTC, datetime
from typing import Any

import collab_helpers
import pytest
from api_helpers import put_session
from fastapi.testclient import TestClient

from tgdesk.core import clock
from tgdesk.shifts import export, jobs, schedule
from tgdesk.shifts import handover as handovers
from tgdesk.storage import sessions, table
from tgdesk.storage import shifts as store

team = collab_helpers.team
MIN = 60_000
HOUR = 60 * MIN


def ms(text: str) -> int:
    return int(datetime.fromisoformat(text).timestamp() * 1000)


# -- the schedule --------------------------------------------------------------------------------
NIGHT = {
    "days": ["sat"],
    "start": "22:00",
    "end": "06:00",
    "time_zone": "Europe/Berlin",
    "reminder_minutes": [60, 30],
}


def test_a_night_shift_over_the_autumn_change_lasts_an_hour_longer() -> None:
    [found] = list(schedule.occurrences(NIGHT, ms("2026-10-24T12:00:00+00:00"), days=3))
    assert found.start == ms("2026-10-24T22:00:00+02:00")
    assert found.end == ms("2026-10-25T06:00:00+01:00")
    assert found.end - found.start == 9 * HOUR


def test_a_night_shift_over_the_spring_change_lasts_an_hour_shorter() -> None:
    [found] = list(schedule.occurrences(NIGHT, ms("2026-03-28T12:00:00+00:00"), days=3))
    assert found.end - found.start == 7 * HOUR
    events = schedule.events(NIGHT, found)
    assert [(e.kind, e.minutes, e.at) for e in events] == [
        ("reminder", 60, found.end - HOUR),
        ("reminder", 30, found.end - 30 * MIN),
        ("end", 0, found.end),
    ]
    assert schedule.next_event(NIGHT, found.end - HOUR) == events[1]
    assert schedule.current(NIGHT, found.start) == found
    assert schedule.current(NIGHT, found.end) is None


# -- the end of a shift -------------------------------------------------------------------------
def hhmm(at: int) -> str:
    return datetime.fromtimestamp(at / 1000, UTC).strftime("%H:%M")


def put(project_id: str, agent_id: str, tg_user: int, status: str, **fields: Any) -> str:
    """A session of `agent_id` with its timing fields written as the webhook would."""
    made = put_session(project_id, tg_user, assignee_id=agent_id, opened_at=fields.pop("opened_at"))
    sid = made["session_id"]
    names = {f"#{k}": k for k in [*fields, "status"]}
    values = {f":{k}": v for k, v in {**fields, "status": status}.items()}
    table.client().update_item(
        TableName=table.table_name(),
        Key=table.to_item({"PK": f"SESSION#{sid}", "SK": "SESSION"}),
        UpdateExpression="SET " + ", ".join(f"#{k} = :{k}" for k in [*fields, "status"]),
        ExpressionAttributeNames=names,
        ExpressionAttributeValues=table.values(values),
    )
    return sid


def note(client: TestClient, headers: dict[str, str], sid: str, at: int) -> None:
    clock.set_now_for_tests(at)
    made = client.post(
        f"/api/sessions/{sid}/notes",
        json={"text": "called back", "personal": False},
        headers=headers,
    )
    assert made.status_code == 201, made.text


def notices(client: TestClient, headers: dict[str, str], kind: str) -> list[dict[str, Any]]:
    answer = client.get("/api/notices", headers=headers)
    assert answer.status_code == 200, answer.text
    return [n for n in answer.json()["items"] if n["notice"] == kind]


@pytest.fixture
def day(client: TestClient, team: dict[str, Any]) -> dict[str, Any]:
    """A day shift (maria, ana) running now for four hours, then an evening shift (ana)."""
    now = clock.now_ms()
    start = (now - 2 * HOUR) // MIN * MIN
    end = start + 4 * HOUR
    clock.set_now_for_tests(now)
    p1 = team["p1"]
    every_day = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    shifts = {}
    for name, begins, agents in (
        ("Day", start, ["maria", "ana"]),
        ("Evening", end, ["ana"]),
    ):
        made = client.post(
            f"/api/projects/{p1}/shifts",
            json={
                "name": name,
                "days": every_day,
                "start": hhmm(begins),
                "end": hhmm(begins + 4 * HOUR),
                "time_zone": "UTC",
                "agent_ids": [team["ids"][a] for a in agents],
                "reminder_minutes": [60, 30],
                "ack_minutes": 30,
            },
            headers=team["boss"],
        )
        assert made.status_code == 201, made.text
        shifts[name] = made.json()
    return {"start": start, "end": end, "now": now, "shifts": shifts}


def test_reminders_are_given_once_each(
    client: TestClient, team: dict[str, Any], day: dict[str, Any]
) -> None:
    end = day["end"]
    clock.set_now_for_tests(end - HOUR - 1)
    assert jobs.run_due()["shift_reminders"] == 0
    clock.set_now_for_tests(end - HOUR)
    shift = day["shifts"]["Day"]
    renamed = client.put(  # an edit while a reminder is due keeps it due
        f"/api/projects/{team['p1']}/shifts/{shift['shift_id']}",
        json={"name": "Early"},
        headers=team["boss"],
    )
    assert renamed.json()["next_event_at"] == end - HOUR
    assert jobs.run_due()["shift_reminders"] == 1
    assert jobs.run_due()["shift_reminders"] == 0  # an overlapping or later run: nothing
    clock.set_now_for_tests(end - 30 * MIN + 5)
    assert jobs.run_due()["shift_reminders"] == 1
    for agent in ("maria", "ana"):
        found = notices(client, team[agent], jobs.REMINDER_NOTICE)
        assert len(found) == 2, found
    assert notices(client, team["boss"], jobs.REMINDER_NOTICE) == []


def test_overlapping_runs_remind_once(team: dict[str, Any], day: dict[str, Any]) -> None:
    clock.set_now_for_tests(day["end"] - HOUR)
    [indexed] = store.due_shifts(day["end"] - HOUR, most=10)
    assert jobs.handle(indexed, day["end"] - HOUR) == "shift_reminders"
    assert jobs.handle(indexed, day["end"] - HOUR) == "shift_skipped"  # from the same read


def test_the_end_of_a_shift_moves_sessions_and_summarises_them(
    client: TestClient, team: dict[str, Any], day: dict[str, Any]
) -> None:
    p1, ids, start, end = team["p1"], team["ids"], day["start"], day["end"]
    maria, ana = ids["maria"], ids["ana"]
    complaint = client.post(
        f"/api/projects/{p1}/tags",
        json={"name": "complaint", "colour": "#e5484d"},
        headers=team["boss"],
    ).json()
    # maria: A and D processing without a note in the shift (moved), B with one (stays),
    # C closed within the shift.
    a = put(
        p1,
        maria,
        3001,
        "processing",
        opened_at=start - HOUR,
        first_inbound_at=start + 10 * MIN,
        first_reply_at=start + 15 * MIN,
        last_agent_msg_at=start + 15 * MIN,
        last_activity_at=start + 15 * MIN,
        user={"first_name": '=HYPERLINK("x")'},
    )
    b = put(
        p1,
        maria,
        3002,
        "processing",
        opened_at=start,
        first_inbound_at=start + 20 * MIN,
        first_reply_at=start + 40 * MIN,
        last_agent_msg_at=start + 40 * MIN,
        last_activity_at=start + 40 * MIN,
    )
    c = put(
        p1,
        maria,
        3003,
        "closed",
        opened_at=start + 30 * MIN,
        assigned_at=start + 30 * MIN,
        first_inbound_at=start + 30 * MIN,
        first_reply_at=start + 31 * MIN,
        last_agent_msg_at=start + HOUR,
        closed_at=start + 2 * HOUR,
        last_activity_at=start + 2 * HOUR,
    )
    d = put(
        p1,
        maria,
        3004,
        "processing",
        opened_at=start - 3 * HOUR,
        first_inbound_at=start - 3 * HOUR,
        first_reply_at=start - 3 * HOUR + MIN,
        last_activity_at=start - 2 * HOUR,
    )
    # ana: E closed within the shift (a complaint), F processing with a note and a breach.
    e = put(
        p1,
        ana,
        3005,
        "closed",
        opened_at=start,
        assigned_at=start,
        first_inbound_at=start,
        first_reply_at=start + 3 * MIN,
        last_agent_msg_at=start + 3 * MIN,
        closed_at=start + HOUR,
        last_activity_at=start + HOUR,
        tags=[complaint["tag_id"]],
    )
    f = put(
        p1,
        ana,
        3006,
        "processing",
        opened_at=start - HOUR,
        first_inbound_at=start - HOUR,
        first_reply_at=start - HOUR + 2 * MIN,
        last_agent_msg_at=start + 50 * MIN,
        last_activity_at=start + 50 * MIN,
        sla={
            "events": [
                {
                    "clock": "resolution",
                    "stage": "breach",
                    "at": start + 30 * MIN,
                    "due_at": start + 30 * MIN,
                    "priority": "medium",
                }
            ]
        },
    )
    note(client, team["maria"], b, start + HOUR)
    note(client, team["maria"], d, start - HOUR)
    note(client, team["ana"], f, start + 90 * MIN)
    clock.set_now_for_tests(day["now"])
    promise = client.post(
        f"/api/sessions/{b}/tasks",
        json={"kind": "promise", "due_at": end + HOUR, "note": "send the refund status"},
        headers=team["maria"],
    )
    assert promise.status_code == 201, promise.text

    clock.set_now_for_tests(end + 1_000)
    counts = jobs.run_due()
    assert counts["shift_ends"] == 1, counts
    assert jobs.run_due()["shift_ends"] == 0
    day_shift = store.get(p1, day["shifts"]["Day"]["shift_id"])
    assert day_shift is not None
    assert handovers.end_of_shift(day_shift, schedule.previous(day_shift, end + 1_000), end) is None

    status = {sid: (sessions.get(sid) or {})["status"] for sid in (a, b, c, d, e, f)}
    assert status == {
        a: "follow_up",
        b: "processing",
        c: "closed",
        d: "follow_up",
        e: "closed",
        f: "processing",
    }

    shift_id = day["shifts"]["Day"]["shift_id"]
    base = f"/api/projects/{p1}/handovers/{shift_id}/{end}"
    shown = client.get(base, headers=team["maria"])
    assert shown.status_code == 200, shown.text
    summary = shown.json()
    by_agent = {x["agent_id"]: x for x in summary["agents"]}
    # by hand: maria handled A, B, C; first responses 5, 20, 1 minutes; C took 90 minutes
    assert by_agent[maria] == {
        "agent_id": maria,
        "handled": 3,
        "closed": 1,
        "median_first_response_ms": int(statistics.median([5 * MIN, 20 * MIN, 1 * MIN])),
        "average_handling_ms": 90 * MIN,
    }
    # ana handled E and F; E's first response 3 minutes, handled in 60
    assert by_agent[ana] == {
        "agent_id": ana,
        "handled": 2,
        "closed": 1,
        "median_first_response_ms": 3 * MIN,
        "average_handling_ms": 60 * MIN,
    }
    listed = {s["session_id"]: s for s in summary["open_sessions"]}
    assert {a, b, d, f} <= set(listed) and not {c, e} & set(listed)  # closed: archived
    assert {s for s, x in listed.items() if x["moved_to_follow_up"]} == {a, d}
    assert listed[b]["last_note"] == "called back"
    assert listed[b]["next_step"] == "send the refund status"
    assert {(x["session_id"], x["event"]) for x in summary["events"]} == {
        (e, "tag:complaint"),
        (f, "sla_breach"),
    }
    assert [p["session_id"] for p in summary["promises"]] == [b]
    assert summary["next_agent_ids"] == [ana]
    assert 0 < summary["reads"] <= 2 * 200 + 100 * 5 + 1 + 100 + 20

    downloaded = client.get(f"{base}/csv", headers=team["maria"])
    assert downloaded.status_code == 200
    assert downloaded.text.startswith("\ufeff")
    cells = [c for row in csv.reader(io.StringIO(downloaded.text[1:])) for c in row]
    assert "'=HYPERLINK" in " ".join(cells) and not any(c.startswith("=") for c in cells)
    markdown = client.get(f"{base}/markdown", headers=team["maria"])
    assert markdown.status_code == 200 and markdown.text.startswith("# Handover: Day")

    # nobody acknowledged: the supervisor is reminded once, after 30 minutes
    clock.set_now_for_tests(end + 29 * MIN)
    assert jobs.run_due()["handover_reminders"] == 0
    clock.set_now_for_tests(end + 31 * MIN)
    assert jobs.run_due()["handover_reminders"] == 1
    assert jobs.run_due()["handover_reminders"] == 0
    assert len(notices(client, team["boss"], jobs.ACK_NOTICE)) == 1

    refused = client.post(f"{base}/acknowledge", headers=team["maria"])
    assert refused.status_code == 403 and refused.json()["code"] == "not_next_shift"
    acknowledged = client.post(f"{base}/acknowledge", headers=team["ana"])
    assert acknowledged.status_code == 200, acknowledged.text
    assert acknowledged.json()["acknowledged_by"] == ana
    again = client.post(f"{base}/acknowledge", headers=team["ana"])
    assert again.json()["acknowledged_at"] == acknowledged.json()["acknowledged_at"]


def test_who_is_on_shift_and_who_may_change_shifts(
    client: TestClient, team: dict[str, Any], day: dict[str, Any]
) -> None:
    p1 = team["p1"]
    now = client.get(f"/api/projects/{p1}/shifts/on-now", headers=team["maria"])
    assert now.status_code == 200
    assert [s["name"] for s in now.json()["items"]] == ["Day"]
    assert client.get(f"/api/projects/{p1}/shifts", headers=team["li"]).status_code == 404
    refused = client.post(f"/api/projects/{p1}/shifts", json={"name": "x"}, headers=team["maria"])
    assert refused.status_code == 403
    shift = day["shifts"]["Day"]
    hidden = client.put(
        f"/api/projects/{p1}/shifts/{shift['shift_id']}", json={}, headers=team["chief"]
    )
    assert hidden.status_code == 404
    renamed = client.put(
        f"/api/projects/{p1}/shifts/{shift['shift_id']}",
        json={"name": "Early", "version": shift["version"]},
        headers=team["boss"],
    )
    assert renamed.status_code == 200 and renamed.json()["name"] == "Early"
    stale = client.put(
        f"/api/projects/{p1}/shifts/{shift['shift_id']}",
        json={"name": "Late", "version": shift["version"]},
        headers=team["boss"],
    )
    assert stale.status_code == 409
    bad = client.post(
        f"/api/projects/{p1}/shifts",
        json={"name": "x", "days": ["mon"], "start": "25:00", "end": "06:00"},
        headers=team["boss"],
    )
    assert bad.status_code == 400 or bad.status_code == 422


def test_a_stored_summary_without_figures_still_exports() -> None:
    """The table keeps no nulls: an agent with no first response has no such attribute."""
    stored: Any = {
        "shift_name": "Night",
        "started_at": 0,
        "ended_at": HOUR,
        "agents": [{"agent_id": "a1", "handled": 0, "closed": 0}],
        "open_sessions": [{"session_id": "s1", "status": "follow_up", "user": "@admin"}],
        "events": [],
        "promises": [],
        "truncated": False,
    }
    text = export.to_csv(stored)
    assert text.startswith("\ufeffsection,agent,session")
    assert "'@admin" in text
    assert export.to_markdown(stored).startswith("# Handover: Night")
