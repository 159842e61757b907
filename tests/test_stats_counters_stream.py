"""The statistics counters kept by the table's stream: a random run of sessions (opened,
messages, replies, transfers, closes, reopens) through the real assign function, with
records delivered again, leaves counters equal to a recount of what happened; each count on
the project's local day, across a change of daylight saving time."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from attribution_support import feed_stream, insert, modify
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from moto.dynamodb.models import DynamoDBBackend
from routing_support import stream_record

from infra.local import moto_transactions
from tgdesk import stats
from tgdesk.core import clock
from tgdesk.stats import buckets, days
from tgdesk.stats import counters as c
from tgdesk.stats import stream as stats_stream
from tgdesk.storage import keys, table
from tgdesk.storage import stats as store
from tgdesk.storage.records import sla as sla_record

ZONE = "Europe/Berlin"
START = 1_774_728_000_000  # 2026-03-28 20:00 UTC; Berlin moves to summer time on the 29th
MINUTE = 60_000
AGENTS = ("ada", "bob", "cy")
TAGS = ("billing", "vip", "bug")
CHECKED = (*c.SESSIONS, *c.MESSAGES, c.count_of(c.FIRST_RESPONSE), c.sum_of(c.FIRST_RESPONSE))
_projects = itertools.count()


def checked(counter: str) -> bool:
    """The counters the recount keeps: sessions, messages, first responses."""
    return counter in CHECKED or counter.startswith(f"{c.FIRST_RESPONSE}.b")


@pytest.fixture(autouse=True)
def _transactions_without_table_copies(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        DynamoDBBackend, "transact_write_items", moto_transactions.transact_write_items
    )


def new_project(time_zone: str = ZONE) -> str:
    project_id = f"p-stats-{next(_projects)}"
    settings = {"project_id": project_id, "enabled": False, "time_zone": time_zone}
    item = sla_record.to_item(settings)  # type: ignore[arg-type]
    table.client().put_item(TableName=table.table_name(), Item=table.to_item(item))
    days.forget()
    return project_id


def local_day(at: int) -> str:
    return dt.datetime.fromtimestamp(at / 1000, ZoneInfo(ZONE)).date().isoformat()


@dataclass
class Run:
    """Sessions driven by random steps: their stream records, and a recount of what each
    step did per dimension value and local day (the expectation)."""

    project_id: str
    now: int = START
    sessions: dict[str, dict[str, Any]] = field(default_factory=dict)
    records: list[dict[str, Any]] = field(default_factory=list)
    expected: dict[tuple[str, str, str], dict[str, int]] = field(default_factory=dict)

    def count(self, session: dict[str, Any], at: int, **amounts: int) -> None:
        link = session.get("link") or {}
        values = [
            ("project", self.project_id),
            ("agent", session.get("assignee_id")),
            ("priority", session.get("priority")),
            ("link", link.get("code")),
            ("channel", link.get("channel")),
            *(("tag", t) for t in session.get("tags", [])),
        ]
        for dimension, value in values:
            if value:
                row = self.expected.setdefault((dimension, value, local_day(at)), {})
                for name, amount in amounts.items():
                    row[name] = row.get(name, 0) + amount

    def change(self, sid: str, new: dict[str, Any]) -> None:
        self.records.append(modify(self.sessions[sid], new))
        self.sessions[sid] = new

    # -- steps -------------------------------------------------------------------------------
    def open(self, agent: str | None, tags: list[str], linked: bool) -> None:
        sid = f"{self.project_id}-s{len(self.sessions)}"
        at = self.now
        session: dict[str, Any] = {
            "PK": keys.session(sid)[0],
            "SK": keys.session(sid)[1],
            "kind": "session",
            "session_id": sid,
            "project_id": self.project_id,
            "tg_user_id": 700100400 + len(self.sessions),
            "status": "unread",
            "priority": "medium",
            "tags": tags,
            "opened_at": at,
            "first_inbound_at": at,
            "last_user_msg_at": at,
            "waiting_since": at,
            "last_message": {"direction": "in", "type": "text", "text": "hi", "at": at},
        }
        if agent:
            session.update(assignee_id=agent, assigned_at=at)
        if linked:
            session["link"] = {"code": "spring", "channel": "google-ads"}
        self.sessions[sid] = session
        self.records.append(insert(session))
        self.count(session, at, new=1, messages_in=1, assigned=1 if agent else 0)

    def inbound(self, sid: str) -> None:
        old = self.sessions[sid]
        if old["status"] == "closed":
            return self.reopen(sid)
        at = self.now
        new = {**old, "last_user_msg_at": at, "last_message": _message("in", at)}
        new.setdefault("waiting_since", at)
        self.change(sid, new)
        self.count(new, at, messages_in=1)

    def reply(self, sid: str) -> None:
        old = self.sessions[sid]
        if old["status"] == "closed" or not old.get("assignee_id"):
            return
        at = self.now
        new = {**old, "last_agent_msg_at": at, "last_message": _message("out", at)}
        new.pop("waiting_since", None)
        first = "first_reply_at" not in old
        new.setdefault("first_reply_at", at)
        self.change(sid, new)
        self.count(new, at, messages_out=1)
        if first:
            waited = at - old["first_inbound_at"]
            self.count(new, at, handled=1, first_response_count=1, first_response_sum_ms=waited)
            self.count(new, at, **{buckets.counter(c.FIRST_RESPONSE, waited): 1})

    def transfer(self, sid: str, agent: str) -> None:
        old = self.sessions[sid]
        if old["status"] == "closed" or old.get("assignee_id") == agent:
            return
        new = {**old, "assignee_id": agent, "assigned_at": self.now}
        self.change(sid, new)
        self.count(new, self.now, **{"transferred" if old.get("assignee_id") else "assigned": 1})

    def close(self, sid: str) -> None:
        old = self.sessions[sid]
        if old["status"] == "closed":
            return
        new = {**old, "status": "closed", "closed_at": self.now, "closed_by": "ada"}
        new.pop("waiting_since", None)
        self.change(sid, new)
        self.count(new, self.now, closed=1)

    def reopen(self, sid: str) -> None:
        at = self.now
        new = {**self.sessions[sid], "status": "unread", "reopened_at": at, "waiting_since": at}
        new.update(last_user_msg_at=at, last_message=_message("in", at))
        self.change(sid, new)
        self.count(new, at, reopened=1, messages_in=1)

    def counters(self) -> dict[tuple[str, str, str], dict[str, int]]:
        return {
            key: {k: v for k, v in row.items() if v and checked(k)}
            for key, row in self.expected.items()
        }


def _message(direction: str, at: int) -> dict[str, Any]:
    return {"direction": direction, "type": "text", "text": f"{direction} {at}", "at": at}


steps = st.lists(
    st.one_of(
        st.tuples(
            st.just("open"),
            st.sampled_from((None, *AGENTS)),
            st.lists(st.sampled_from(TAGS), max_size=2, unique=True),
            st.booleans(),
        ),
        st.tuples(st.sampled_from(("inbound", "reply", "close")), st.integers(0, 9)),
        st.tuples(st.just("transfer"), st.integers(0, 9), st.sampled_from(AGENTS)),
        st.tuples(st.just("redeliver"), st.integers(0, 99)),
    ),
    min_size=1,
    max_size=25,
)
gaps = st.lists(st.sampled_from([1, 7, 45, 180, 600]), min_size=25, max_size=25)


def stored(project_id: str) -> dict[tuple[str, str, str], dict[str, int]]:
    out: dict[tuple[str, str, str], dict[str, int]] = {}
    for dimension in ("project", "agent", "priority", "tag", "link", "channel"):
        read = stats.read(project_id, dimension, None, "2026-03-27", "2026-04-30")
        for value, by_day in read.items():
            for day, row in by_day.items():
                kept = {k: v for k, v in row.items() if checked(k)}
                if kept:
                    out[(dimension, value, day)] = kept
    return out


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=steps, gaps=gaps)
def test_counters_equal_a_recount_of_what_happened(
    aws: Any, steps: list[tuple[Any, ...]], gaps: list[int]
) -> None:
    clock.set_now_for_tests(START)
    run = Run(new_project())
    for step, gap in zip(steps, gaps, strict=False):
        run.now += gap * MINUTE
        name, *args = step
        if name == "open":
            run.open(*args)
        elif name == "redeliver":
            if run.records:
                run.records.append(run.records[args[0] % len(run.records)])
        elif run.sessions:
            sid = list(run.sessions)[args[0] % len(run.sessions)]
            getattr(run, name)(sid, *args[1:])
    if run.records:
        feed_stream(*run.records)
        feed_stream(*run.records[: len(run.records) // 2 + 1])  # a batch delivered again
    expected = {k: v for k, v in run.counters().items() if v}
    assert stored(run.project_id) == expected


def test_a_day_is_the_projects_local_day_across_daylight_saving(aws: Any) -> None:
    clock.set_now_for_tests(START)
    run = Run(new_project())
    run.now = START + 3 * 3600_000 + 30 * MINUTE  # 23:30 UTC, 00:30 in Berlin (winter)
    run.open("ada", [], False)
    run.now += 24 * 3600_000  # 23:30 UTC the next day, 01:30 in Berlin (summer)
    run.open("ada", [], False)
    feed_stream(*run.records)
    read = stats.read(run.project_id, "project", run.project_id, "2026-03-28", "2026-03-31")
    assert {day: row["new"] for day, row in read[run.project_id].items()} == {
        "2026-03-29": 1,
        "2026-03-30": 1,
    }


def test_presence_time_is_split_at_local_midnight_in_each_project(
    aws: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock.set_now_for_tests(START)
    berlin, utc = new_project(), new_project("UTC")
    monkeypatch.setattr(stats_stream.projects, "projects_of_agent", lambda _: [berlin, utc])
    agent = {"PK": "AGENT#ada", "SK": "AGENT", "kind": "agent", "agent_id": "ada"}
    # Online from 22:00 UTC on the 28th (23:00 in Berlin) to 02:00 UTC (04:00 summer time).
    old = {**agent, "presence": "online", "presence_at": START + 2 * 3600_000}
    new = {**agent, "presence": "offline", "presence_at": START + 6 * 3600_000}
    record = stream_record("MODIFY", old=old, new=new)
    feed_stream(record, record)
    hour = 3600_000
    in_berlin = stats.read(berlin, "agent", "ada", "2026-03-28", "2026-03-29")["ada"]
    assert {d: r["online_ms"] for d, r in in_berlin.items()} == {
        "2026-03-28": 1 * hour,
        "2026-03-29": 3 * hour,
    }
    in_utc = stats.read(utc, "agent", "ada", "2026-03-28", "2026-03-29")["ada"]
    assert {d: r["online_ms"] for d, r in in_utc.items()} == {
        "2026-03-28": 2 * hour,
        "2026-03-29": 2 * hour,
    }


def test_sla_ratings_surveys_escalations_and_bot_messages_count(aws: Any) -> None:
    clock.set_now_for_tests(START)
    project_id = new_project()
    table.client().update_item(
        TableName=table.table_name(),
        Key=table.to_item(dict(zip(("PK", "SK"), keys.project_sla(project_id), strict=True))),
        UpdateExpression="SET enabled = :on",
        ExpressionAttributeValues={":on": {"BOOL": True}},
    )
    days.forget()
    run = Run(project_id)
    run.open("ada", [], False)
    sid = next(iter(run.sessions))
    old = run.sessions[sid]
    started = old["opened_at"]
    marks = {f"first_response@{started}": {"warned_at": START + MINUTE}}
    warned = {**old, "sla": {"marks": marks}}
    breached_marks = {f"first_response@{started}": {**marks[f"first_response@{started}"]}}
    breached_marks[f"first_response@{started}"]["breached_at"] = START + 2 * MINUTE
    breached = {**warned, "sla": {"marks": breached_marks}}
    run.change(sid, warned)
    run.change(sid, breached)
    run.now += 3 * MINUTE
    run.reply(sid)
    run.now += MINUTE
    run.close(sid)
    closed = run.sessions[sid]
    escalated = {**closed, "level": "l3"}
    surveyed = {**escalated, "survey": {"sent_at": run.now + 1}}
    rated = {**surveyed, "rating": {"score": 4, "at": run.now + 2}}
    run.change(sid, escalated)
    run.change(sid, surveyed)
    run.change(sid, rated)
    bot = {"PK": "CHAT#x", "SK": "MSG#1", "kind": "message", "from_bot": True}
    bot.update(project_id=project_id, session_id=sid, created_at=run.now, direction="out")
    feed_stream(*run.records, insert(bot))
    row = stats.read(project_id, "project", project_id, "2026-03-28", "2026-03-28")
    counted = row[project_id]["2026-03-28"]
    assert {k: counted.get(k) for k in ("sla_first_warned", "sla_first_breached")} == {
        "sla_first_warned": 1,
        "sla_first_breached": 1,
    }
    assert "sla_first_met" not in counted  # breached
    assert counted["sla_resolution_met"] == 1
    assert (counted["escalated"], counted["escalated_l3"]) == (1, 1)
    assert (counted["surveyed"], counted["rated"], counted["rating_sum"]) == (1, 1, 4)
    assert counted["rating_4"] == 1
    assert counted["messages_bot"] == 1
    agent_row = stats.read(project_id, "agent", "ada", "2026-03-28", "2026-03-28")
    assert "messages_bot" not in agent_row["ada"]["2026-03-28"]


def test_ttl_expiries_count_nothing(aws: Any) -> None:
    clock.set_now_for_tests(START)
    run = Run(new_project())
    run.open("ada", [], False)
    session = run.sessions[next(iter(run.sessions))]
    expiry = stream_record(
        "REMOVE",
        old=session,
        user_identity={"type": "Service", "principalId": "dynamodb.amazonaws.com"},
    )
    feed_stream(expiry)
    assert stats.read(run.project_id, "project", None, "2026-03-27", "2026-03-30") == {}


def test_the_default_priority_has_no_item_and_reads_as_the_project_less_the_others(
    aws: Any,
) -> None:
    clock.set_now_for_tests(START)
    run = Run(new_project())
    run.open("ada", ["vip"], True)  # at the default priority
    run.open("bob", [], False)
    medium, high = list(run.sessions)
    run.change(high, {**run.sessions[high], "priority": "high"})  # counts nothing itself
    for sid in (medium, high):
        run.now += 10 * MINUTE
        run.reply(sid)
    run.now += MINUTE
    run.close(medium)
    bot = {"PK": "CHAT#x", "SK": "MSG#1", "kind": "message", "from_bot": True}
    bot.update(project_id=run.project_id, session_id=medium, created_at=run.now, direction="out")
    feed_stream(*run.records, insert(bot))
    run.expected[("project", run.project_id, local_day(run.now))]["messages_bot"] = 1

    kept = store.read(run.project_id, c.PRIORITY, None, "2026-03-27", "2026-04-30")
    assert set(kept) == {"high"}  # no item of the default priority
    assert stored(run.project_id) == run.counters()  # the default priority's figures too
    day = local_day(START)
    read = stats.read(run.project_id, c.PRIORITY, c.DEFAULT_PRIORITY, day, day)
    default = read[c.DEFAULT_PRIORITY][day]
    # both opened at the default priority; one answered and closed there
    assert (default["new"], default["handled"], default["closed"]) == (2, 1, 1)
    assert c.MESSAGES_BOT not in default  # the project's alone
    assert read == {"medium": stats.read(run.project_id, c.PRIORITY, None, day, day)["medium"]}


def test_a_session_moved_off_the_default_priority_and_back_counts_where_it_stands(
    aws: Any,
) -> None:
    clock.set_now_for_tests(START)
    run = Run(new_project())
    run.open("ada", [], False)  # new, messages_in: the default priority
    sid = next(iter(run.sessions))
    run.change(sid, {**run.sessions[sid], "priority": "high"})
    for step in ("inbound", "reply"):  # messages_in; messages_out, handled: high
        run.now += 5 * MINUTE
        getattr(run, step)(sid)
    run.change(sid, {**run.sessions[sid], "priority": c.DEFAULT_PRIORITY.value})
    for step in ("inbound", "close"):  # messages_in; closed: the default priority
        run.now += 5 * MINUTE
        getattr(run, step)(sid)
    feed_stream(*run.records)

    assert stored(run.project_id) == run.counters()
    day = local_day(START)
    read = stats.read(run.project_id, c.PRIORITY, None, day, day)
    pick = ("new", "messages_in", "messages_out", "handled", "closed")
    assert {value: [row[day].get(k, 0) for k in pick] for value, row in read.items()} == {
        "medium": [1, 2, 0, 0, 1],
        "high": [0, 1, 1, 1, 0],
    }
    assert set(store.read(run.project_id, c.PRIORITY, None, day, day)) == {"high"}
