"""GET /api/stats: a project's figures from its counters (seeded here as the stream keeps
them), over a range of the project's local days, with the period before, per row; who may
see which figures."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator, Mapping
from typing import Any

import collab_helpers
import pytest
from fastapi.testclient import TestClient

from tgdesk.core.clock import set_now_for_tests
from tgdesk.stats import buckets
from tgdesk.stats import counters as c
from tgdesk.stats import stream as stats_stream
from tgdesk.storage import stats as stats_store

team = collab_helpers.team

NOW = int(dt.datetime(2026, 3, 15, 12, 0, tzinfo=dt.UTC).timestamp() * 1000)
TODAY = "2026-03-15"
_events = itertools.count()


@pytest.fixture(autouse=True)
def frozen_clock() -> Iterator[None]:
    set_now_for_tests(NOW)
    yield
    set_now_for_tests(None)


def seed(project_id: str, day: str, dimension: str, value: str, **counts: int) -> None:
    """Counters as the stream adds them: one tally of one record (bucket counters are
    given with `__` for the dot: first_response__b07)."""
    named = {name.replace("__", "."): amount for name, amount in counts.items()}
    row = stats_store.Row(dimension, value, day, named)
    stats_store.count(stats_store.Tally(f"seed-{next(_events)}", project_id, (row,)), NOW)


def times(measure: str, *durations_ms: int) -> dict[str, int]:
    """The bucket, count and sum counters of some durations of a measure."""
    counts: dict[str, int] = {
        c.count_of(measure): len(durations_ms),
        c.sum_of(measure): sum(durations_ms),
    }
    for ms in durations_ms:
        name = buckets.counter(measure, ms).replace(".", "__")
        counts[name] = counts.get(name, 0) + 1
    return counts


def get(client: TestClient, headers: Any, project_id: str, **params: Any) -> Any:
    return client.get("/api/stats", params={"project_id": project_id, **params}, headers=headers)


def ok(response: Any) -> dict[str, Any]:
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def error_code(response: Any, status: int) -> str:
    assert response.status_code == status, response.text
    return str(response.json()["code"])


def within(estimate: int | None, exact: int) -> bool:
    return estimate is not None and abs(estimate - exact) <= buckets.RELATIVE_ERROR * exact


# -- figures --------------------------------------------------------------------------------
def test_the_project_s_figures_per_day_and_in_total(
    client: TestClient, team: dict[str, Any]
) -> None:
    p1 = team["p1"]
    seed(p1, "2026-03-10", c.PROJECT, p1, new=4, handled=3, closed=2, reopened=1, escalated=1)
    seed(p1, "2026-03-10", c.PROJECT, p1, messages_in=9, messages_out=6, messages_bot=2)
    seed(p1, "2026-03-12", c.PROJECT, p1, new=2, closed=2, escalated_l2=1, resolved_by_bot=1)
    seed(p1, "2026-03-10", c.PROJECT, p1, **times(c.FIRST_RESPONSE, 30_000, 60_000, 600_000))
    seed(p1, "2026-03-12", c.PROJECT, p1, **times(c.FIRST_RESPONSE, 90_000))
    seed(p1, "2026-03-12", c.PROJECT, p1, **times(c.HANDLING, 1_000, 2_001))
    seed(p1, "2026-03-12", c.PROJECT, p1, sla_first_met=3, sla_first_breached=1)
    seed(p1, "2026-03-12", c.PROJECT, p1, sla_next_warned=2)
    seed(p1, "2026-03-12", c.PROJECT, p1, surveyed=4, rated=3, rating_sum=12, rating_5=2)
    seed(p1, "2026-03-12", c.PROJECT, p1, rating_2=1)
    seed(p1, "2026-03-05", c.PROJECT, p1, new=5, closed=5)  # the previous period
    seed(p1, "2026-03-11", c.AGENT, team["ids"]["maria"], new=100)  # another dimension

    body = ok(get(client, team["boss"], p1, **{"from": "2026-03-09", "to": "2026-03-15"}))

    assert (body["project_id"], body["from"], body["to"], body["by"]) == (
        p1,
        "2026-03-09",
        TODAY,
        "day",
    )
    assert body["filter"] is None and body["time_zone"] == "UTC"
    assert body["percentile_error"] == buckets.RELATIVE_ERROR
    totals = body["totals"]
    assert totals["sessions"] == {
        "new": 6,
        "assigned": 0,
        "handled": 3,
        "closed": 4,
        "reopened": 1,
        "transferred": 0,
        "escalated": 1,
        "escalated_l2": 1,
        "escalated_l3": 0,
        "resolved_by_bot": 1,
        "reopen_rate": 0.25,
        "escalation_ratio": round(1 / 6, 4),
    }
    assert totals["messages"] == {"in": 9, "out": 6, "bot": 2, "replies_per_session": 2.0}
    first = totals["first_response_ms"]
    assert first["count"] == 4
    assert within(first["median"], 60_000) and within(first["p90"], 600_000)
    assert totals["resolution_ms"] == {"median": None, "p90": None, "count": 0}
    assert totals["handling_ms"] == {"average": 1_500, "count": 2}
    assert totals["active_ms"] == {"average": None, "count": 0}
    assert totals["sla"]["first"] == {"met": 3, "warned": 0, "breached": 1, "attainment": 0.75}
    assert totals["sla"]["next"] == {"met": 0, "warned": 2, "breached": 0, "attainment": None}
    assert totals["satisfaction"] == {
        "surveyed": 4,
        "rated": 3,
        "average": 4.0,
        "distribution": [0, 1, 0, 0, 2],
        "response_rate": 0.75,
    }
    assert totals["presence_ms"] is None
    assert body["previous"]["sessions"]["new"] == 5
    assert [row["key"] for row in body["rows"]] == [f"2026-03-{d:02d}" for d in range(9, 16)]
    per_day = {row["key"]: row for row in body["rows"]}
    assert per_day["2026-03-10"]["figures"]["sessions"]["new"] == 4
    assert per_day["2026-03-10"]["label"] == "2026-03-10"
    assert per_day["2026-03-11"]["figures"]["sessions"]["new"] == 0
    assert per_day["2026-03-11"]["figures"]["sessions"]["reopen_rate"] is None
    assert per_day["2026-03-12"]["figures"]["satisfaction"]["rated"] == 3


def test_the_previous_period_is_as_long_and_just_before(
    client: TestClient, team: dict[str, Any]
) -> None:
    p1 = team["p1"]
    seed(p1, "2026-03-02", c.PROJECT, p1, new=1)  # the previous 7 days: 03-02 .. 03-08
    seed(p1, "2026-03-08", c.PROJECT, p1, new=2)
    seed(p1, "2026-03-01", c.PROJECT, p1, new=40)  # before both
    body = ok(get(client, team["boss"], p1, **{"from": "2026-03-09", "to": TODAY}))
    assert body["previous"]["sessions"]["new"] == 3
    assert body["totals"]["sessions"]["new"] == 0


def test_rows_per_agent_with_names_and_presence(client: TestClient, team: dict[str, Any]) -> None:
    p1, ids = team["p1"], team["ids"]
    seed(p1, "2026-03-14", c.AGENT, ids["maria"], handled=2, messages_out=5, online_ms=3_600_000)
    seed(p1, "2026-03-15", c.AGENT, ids["maria"], handled=1, busy_ms=60_000)
    seed(p1, "2026-03-15", c.AGENT, ids["ana"], handled=4, messages_out=4)
    seed(p1, "2026-02-01", c.AGENT, ids["ana"], handled=50)  # outside the range

    body = ok(get(client, team["admin"], p1, by="agent", **{"from": "2026-03-01"}))

    assert [(row["key"], row["label"]) for row in body["rows"]] == [
        (ids["ana"], "ana"),
        (ids["maria"], "maria"),
    ]
    maria = body["rows"][1]["figures"]
    assert maria["sessions"]["handled"] == 3
    assert maria["messages"]["replies_per_session"] == round(5 / 3, 2)
    assert maria["presence_ms"] == {"online": 3_600_000, "busy": 60_000, "offline": 0}
    assert body["totals"]["presence_ms"] is None  # the project's totals


def test_rows_per_group_and_tag_carry_their_names(client: TestClient, team: dict[str, Any]) -> None:
    p1 = team["p1"]
    group = client.post(
        f"/api/projects/{p1}/groups",
        json={"name": "Billing", "agent_ids": [team["ids"]["maria"]]},
        headers=team["boss"],
    ).json()
    tag = client.post(
        f"/api/projects/{p1}/tags",
        json={"name": "refund", "colour": "#e5484d"},
        headers=team["boss"],
    ).json()
    seed(p1, TODAY, c.GROUP, group["group_id"], new=2)
    seed(p1, TODAY, c.GROUP, "gone-group", new=1)
    seed(p1, TODAY, c.TAG, tag["tag_id"], new=3)

    groups = ok(get(client, team["boss"], p1, by="group"))["rows"]
    assert [(r["key"], r["label"], r["figures"]["sessions"]["new"]) for r in groups] == [
        (group["group_id"], "Billing", 2),
        ("gone-group", "gone-group", 1),
    ]
    tags = ok(get(client, team["boss"], p1, by="tag"))["rows"]
    assert [(r["label"], r["figures"]["sessions"]["new"]) for r in tags] == [("refund", 3)]


def test_a_filter_gives_its_value_s_figures(client: TestClient, team: dict[str, Any]) -> None:
    p1 = team["p1"]
    seed(p1, TODAY, c.PRIORITY, "urgent", new=2, closed=1)
    seed(p1, TODAY, c.PRIORITY, "low", new=7)
    seed(p1, TODAY, c.PROJECT, p1, new=9)

    by_day = ok(get(client, team["boss"], p1, priority="urgent"))
    assert by_day["filter"] == {"dimension": "priority", "value": "urgent"}
    assert by_day["totals"]["sessions"]["new"] == 2
    assert by_day["rows"][-1]["figures"]["sessions"]["closed"] == 1

    own_rows = ok(get(client, team["boss"], p1, priority="urgent", by="priority"))
    assert [(r["key"], r["figures"]["sessions"]["new"]) for r in own_rows["rows"]] == [
        ("urgent", 2)
    ]


def test_the_default_priority_reads_as_the_project_less_the_other_priorities(
    client: TestClient, team: dict[str, Any]
) -> None:
    p1, at = team["p1"], NOW - 3_600_000
    opened = {"kind": "session", "session_id": "s-medium", "project_id": p1, "status": "unread"}
    opened.update(priority="medium", opened_at=at, first_inbound_at=at)
    opened["last_message"] = {"direction": "in", "type": "text", "text": "hi", "at": at}
    replied = {**opened, "first_reply_at": at + 60_000}
    replied["last_message"] = {"direction": "out", "type": "text", "text": "yes", "at": at + 60_000}
    urgent = {**opened, "session_id": "s-urgent", "priority": "urgent"}
    stats_stream.count_change("e-medium-opened", "INSERT", None, opened)
    stats_stream.count_change("e-medium-replied", "MODIFY", opened, replied)
    stats_stream.count_change("e-urgent-opened", "INSERT", None, urgent)
    seed(p1, TODAY, c.PROJECT, p1, messages_bot=4)  # the project's alone
    seed(p1, "2026-03-14", c.PROJECT, p1, new=5)  # the previous period
    seed(p1, "2026-03-14", c.PRIORITY, "urgent", new=2)
    seed(p1, "2026-03-13", c.PROJECT, p1, new=1)  # a day of urgent sessions only
    seed(p1, "2026-03-13", c.PRIORITY, "urgent", new=1)
    assert set(stats_store.read(p1, c.PRIORITY, None, "2026-03-13", TODAY)) == {"urgent"}
    today = {"from": TODAY, "to": TODAY}

    body = ok(get(client, team["boss"], p1, priority="medium", **today))
    totals = body["totals"]
    assert (totals["sessions"]["new"], totals["sessions"]["handled"]) == (1, 1)
    assert totals["messages"] == {"in": 1, "out": 1, "bot": 0, "replies_per_session": 1.0}
    assert totals["first_response_ms"]["count"] == 1
    assert within(totals["first_response_ms"]["median"], 60_000)
    assert body["previous"]["sessions"]["new"] == 3
    assert [(r["key"], r["figures"]["sessions"]["new"]) for r in body["rows"]] == [(TODAY, 1)]

    def priorities(**params: str) -> list[tuple[str, int, int]]:
        rows = ok(get(client, team["boss"], p1, by="priority", **params))["rows"]
        return [
            (r["key"], r["figures"]["sessions"]["new"], r["figures"]["sessions"]["handled"])
            for r in rows
        ]

    assert priorities(**today) == [("medium", 1, 1), ("urgent", 1, 0)]
    assert priorities(priority="medium", **today) == [("medium", 1, 1)]
    quiet = {"from": "2026-03-13", "to": "2026-03-13"}
    assert priorities(**quiet) == [("urgent", 1, 0)]  # no counts, no row
    assert priorities(priority="medium", **quiet) == []


def test_the_days_are_the_project_s_local_days(client: TestClient, team: dict[str, Any]) -> None:
    p1 = team["p1"]
    put = client.put(
        f"/api/projects/{p1}/sla", json={"time_zone": "Pacific/Kiritimati"}, headers=team["admin"]
    )
    assert put.status_code == 200, put.text
    body = ok(get(client, team["boss"], p1))
    # 12:00 UTC is 02:00 the next day at UTC+14; the default range is the last 30 days
    assert (body["time_zone"], body["to"], body["from"]) == (
        "Pacific/Kiritimati",
        "2026-03-16",
        "2026-02-15",
    )
    assert len(body["rows"]) == 30


# -- the range and the query --------------------------------------------------------------
@pytest.mark.parametrize(
    ("params", "code"),
    [
        ({"from": "2026-03-15", "to": "2026-03-14"}, "invalid_range"),
        ({"from": "2025-03-14", "to": "2026-03-15"}, "invalid_range"),  # 367 days
        ({"from": "2026-02-30"}, "invalid_range"),
        ({"agent_id": "a", "group_id": "g"}, "invalid_stats_filter"),
        ({"group_id": "g", "by": "agent"}, "invalid_stats_filter"),
    ],
)
def test_invalid_requests(
    client: TestClient, team: dict[str, Any], params: Mapping[str, str], code: str
) -> None:
    assert error_code(get(client, team["boss"], team["p1"], **params), 422) == code


def test_a_range_of_366_days_is_answered(client: TestClient, team: dict[str, Any]) -> None:
    body = ok(get(client, team["boss"], team["p1"], **{"from": "2025-03-15", "to": TODAY}))
    assert len(body["rows"]) == 366


def test_the_query_parameters_are_documented(client: TestClient) -> None:
    operation = client.get("/api/openapi.json").json()["paths"]["/api/stats"]["get"]
    params = {p["name"]: p for p in operation["parameters"]}
    expected = {"project_id", "from", "to", "by", "agent_id", "group_id", "priority", "tag", "link"}
    assert set(params) == expected
    assert all(p.get("description") for p in params.values())
    assert {"403", "404"} <= set(operation["responses"])


# -- who sees what ------------------------------------------------------------------------
def test_an_agent_sees_only_their_own_figures(client: TestClient, team: dict[str, Any]) -> None:
    p1, ids = team["p1"], team["ids"]
    seed(p1, TODAY, c.AGENT, ids["maria"], handled=2, online_ms=1_000)
    seed(p1, TODAY, c.AGENT, ids["ana"], handled=7)
    seed(p1, TODAY, c.PROJECT, p1, handled=9)

    mine = ok(get(client, team["maria"], p1))
    assert mine["filter"] == {"dimension": "agent", "value": ids["maria"]}
    assert mine["totals"]["sessions"]["handled"] == 2
    assert mine["totals"]["presence_ms"]["online"] == 1_000
    row = ok(get(client, team["maria"], p1, by="agent", agent_id=ids["maria"]))["rows"]
    assert [(r["key"], r["label"]) for r in row] == [(ids["maria"], "maria")]

    for params in ({"agent_id": ids["ana"]}, {"by": "group"}, {"priority": "urgent"}):
        assert error_code(get(client, team["maria"], p1, **params), 403) == "supervisor_only"


def test_supervisors_see_their_projects_only(client: TestClient, team: dict[str, Any]) -> None:
    p1 = team["p1"]
    seed(p1, TODAY, c.PROJECT, p1, new=1)
    assert ok(get(client, team["boss"], p1, by="agent"))["project_id"] == p1
    for outsider in ("li", "chief"):
        response = get(client, team[outsider], p1)
        assert error_code(response, 404) == "project_not_found"
    assert error_code(get(client, team["admin"], "no-such-project"), 404) == "project_not_found"
