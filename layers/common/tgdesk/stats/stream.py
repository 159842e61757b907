"""The stream's part: what each change of the table adds to the statistics counters.

One stream record is one tally (tgdesk.storage.stats: its marker and one ADD per item, in
one transaction, so a redelivered record adds nothing). What counts:

| change (stream images) | counters |
|---|---|
| a session is inserted | `new` (+ `assigned` when it has a holder already) |
| its `last_message` moves on | `messages_in` (a user's) or `messages_out` (an agent's) |
| it gets a holder from none / another holder | `assigned` / `transferred` |
| its `first_reply_at` appears | `handled`, `first_response` (first user message to it) |
| an agent replies to a waiting user after the first reply | `sla_next_met` (SLA on, no breach) |
| its status becomes closed | `closed`, `resolved_by_bot`, `sla_resolution_met`, the times (1) |
| its status leaves closed | `reopened` |
| its `level` goes up | `escalated` and `escalated_l2` / `escalated_l3` |
| an SLA clock's mark gets `warned_at` / `breached_at` | `sla_{clock}_{warned,breached}` |
| its survey is sent / its rating appears | `surveyed` / `rated`, `rating_sum`, `rating_{1..5}` |
| a message `from_bot` is inserted | `messages_bot` (the project only: no session read) |
| an agent's `presence` changes | `{online,busy,offline}_ms` of the time since the last one (2) |

(1) `resolution` (opening or reopening to the close), `handling` (the holder's assignment to
the close), `active` (first to last agent reply of the round).
(2) split at local midnights, in every project the agent belongs to (one tally each).

A session's counts go to its dimensions as the new image holds them: the project, its
holder (`assignee_id`), group (`group_id`), priority, tags (the first MAX_TAGS), tracked
link (`link.code`) and channel (`link.channel`); each count on the project-local day of
the moment it happened (the close's `closed_at`, the reply's time, ...). The default
priority (counters.DEFAULT_PRIORITY, almost every session's) has no item: its counts are
the project's less every other priority's, derived on read (tgdesk.stats.read), which
saves one item, 2 write units, on nearly every counted record.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from tgdesk.core.clock import now_ms
from tgdesk.stats import buckets, days
from tgdesk.stats import counters as c
from tgdesk.storage import projects
from tgdesk.storage import stats as store
from tgdesk.storage.stats import Row, Tally

Image = Mapping[str, Any]
MAX_TAGS = 10  # a session's tags counted (its transaction stays far below 100 items)
BOT_CLOSER = "bot"
_LEVELS = {"l1": 1, "l2": 2, "l3": 3}
_SLA_CLOCKS = {"first_response": "first", "next_response": "next", "resolution": "resolution"}


@dataclass(frozen=True, slots=True)
class Fact:
    """One counter's amount and when it happened."""

    counter: str
    amount: int
    at: int


def count_change(event_id: str, event_name: str, old: Image | None, new: Image | None) -> int:
    """Count what a stream record changed, once; returns how many tallies were written now
    (0 for a redelivered record or one that counts nothing)."""
    if not event_id:
        return 0  # no record id, no marker: nothing can be counted once
    now = now_ms()
    return sum(store.count(t, now) for t in tallies(event_id, event_name, old or {}, new or {}))


def tallies(event_id: str, event_name: str, old: Image, new: Image) -> Iterator[Tally]:
    kind = new.get("kind")
    if event_name == "REMOVE" or not new.get("project_id") and kind != "agent":
        return
    if kind == "session":
        yield from _session(event_id, event_name, old, new)
    elif kind == "message" and event_name == "INSERT" and new.get("from_bot"):
        if new.get("session_id"):
            project_id = str(new["project_id"])
            at = int(new.get("created_at") or now_ms())
            rows = [_row(c.PROJECT, project_id, project_id, Fact(c.MESSAGES_BOT, 1, at))]
            yield Tally(event_id, project_id, rows)
    elif kind == "agent" and event_name == "MODIFY":
        yield from _presence(event_id, old, new)


# -- sessions ---------------------------------------------------------------------------------
def _session(event_id: str, event_name: str, old: Image, new: Image) -> Iterator[Tally]:
    project_id = str(new["project_id"])
    facts = list(session_facts(event_name, old, new))
    if not facts:
        return
    project = days.of(project_id)
    if not project.sla_enabled:
        facts = [f for f in facts if not f.counter.endswith("_met")]
    rows = [
        Row(dimension, value, project.day_of(fact.at), {fact.counter: fact.amount})
        for fact in facts
        for dimension, value in dimensions_of(new)
    ]
    yield Tally(event_id, project_id, rows)


def dimensions_of(session: Image) -> list[tuple[str, str]]:
    """The (dimension, value) pairs a session's counts go to, now (no pair for the default
    priority: read as the project less the other priorities)."""
    link = session.get("link") or {}
    priority = session.get("priority")
    pairs = [
        (c.PROJECT, session["project_id"]),
        (c.AGENT, session.get("assignee_id")),
        (c.GROUP, session.get("group_id")),
        (c.PRIORITY, None if priority == c.DEFAULT_PRIORITY else priority),
        (c.LINK, link.get("code")),
        (c.CHANNEL, link.get("channel")),
        *((c.TAG, tag) for tag in list(dict.fromkeys(session.get("tags") or []))[:MAX_TAGS]),
    ]
    return [(dimension, str(value)) for dimension, value in pairs if value]


def session_facts(event_name: str, old: Image, new: Image) -> Iterator[Fact]:
    """What a session's change counts (`sla_*_met` ones too: dropped when the project's
    SLA clocks are off, as no clock ran)."""
    now = now_ms()
    if event_name == "INSERT":
        yield Fact(c.NEW, 1, int(new.get("opened_at") or now))
    holder, before = new.get("assignee_id"), old.get("assignee_id")
    if holder and holder != before:
        at = int(new.get("assigned_at") or now)
        yield Fact(c.TRANSFERRED if before else c.ASSIGNED, 1, at)
    yield from _messages(old, new)
    yield from _first_reply(old, new)
    yield from _closing(old, new, now)
    if old and old.get("status") == "closed" and new.get("status") != "closed":
        yield Fact(c.REOPENED, 1, int(new.get("reopened_at") or now))
    yield from _escalation(old, new, now)
    yield from _sla_marks(old, new)
    yield from _survey(old, new)


def _messages(old: Image, new: Image) -> Iterator[Fact]:
    last, before = new.get("last_message") or {}, old.get("last_message") or {}
    if not last or last == before:
        return
    at = int(last.get("at") or now_ms())
    if last.get("direction") == "in":
        yield Fact(c.MESSAGES_IN, 1, at)
        return
    yield Fact(c.MESSAGES_OUT, 1, at)
    waited = old.get("waiting_since")
    if old.get("first_reply_at") and waited and not _breached(new, "next_response", int(waited)):
        yield Fact(c.sla("next", "met"), 1, at)


def _first_reply(old: Image, new: Image) -> Iterator[Fact]:
    replied = new.get("first_reply_at")
    if not replied or old.get("first_reply_at"):
        return
    at = int(replied)
    yield Fact(c.HANDLED, 1, at)
    start = new.get("first_inbound_at") or new.get("opened_at")
    if start is not None:
        yield from _timed(c.FIRST_RESPONSE, at - int(start), at)
    if not _breached(new, "first_response", 0):
        yield Fact(c.sla("first", "met"), 1, at)


def _closing(old: Image, new: Image, now: int) -> Iterator[Fact]:
    if new.get("status") != "closed" or old.get("status") == "closed":
        return
    at = int(new.get("closed_at") or now)
    yield Fact(c.CLOSED, 1, at)
    if new.get("closed_by") == BOT_CLOSER:
        yield Fact(c.RESOLVED_BY_BOT, 1, at)
    start = max(int(new.get("opened_at") or at), int(new.get("reopened_at") or 0))
    yield from _timed(c.RESOLUTION, at - start, at)
    if new.get("assigned_at"):
        yield from _timed(c.HANDLING, at - max(int(new["assigned_at"]), start), at)
    first, last = new.get("first_reply_at"), new.get("last_agent_msg_at")
    if first and last and int(last) >= start:
        yield from _timed(c.ACTIVE, int(last) - max(int(first), start), at)
    if not _breached(new, "resolution", start):
        yield Fact(c.sla("resolution", "met"), 1, at)


def _timed(name: str, ms: int, at: int) -> Iterator[Fact]:
    ms = max(0, ms)
    yield Fact(c.count_of(name), 1, at)
    yield Fact(c.sum_of(name), ms, at)
    if name in c.BUCKETED:
        yield Fact(buckets.counter(name, ms), 1, at)


def _escalation(old: Image, new: Image, now: int) -> Iterator[Fact]:
    level = _LEVELS.get(str(new.get("level") or "l1"), 1)
    if level <= _LEVELS.get(str(old.get("level") or "l1"), 1):
        return
    at = int(new.get("last_activity_at") or now)
    yield Fact(c.ESCALATED, 1, at)
    yield Fact(c.ESCALATED_L2 if level == 2 else c.ESCALATED_L3, 1, at)


def _marks(session: Image) -> Mapping[str, Mapping[str, Any]]:
    return (session.get("sla") or {}).get("marks") or {}


def _breached(session: Image, clock: str, since: int) -> bool:
    """Whether a mark of `clock` started at or after `since` records a breach."""
    for name, mark in _marks(session).items():
        kind, _, started = name.partition("@")
        if kind == clock and _started(started) >= since and mark.get("breached_at"):
            return True
    return False


def _started(text: str) -> int:
    """A clock mark's start (`{clock}@{started}`); 0 when it names none."""
    return int(text) if text.isdigit() else 0


def _sla_marks(old: Image, new: Image) -> Iterator[Fact]:
    before = _marks(old)
    for name, mark in _marks(new).items():
        clock = _SLA_CLOCKS.get(name.partition("@")[0])
        if clock is None:
            continue
        for stage, outcome in (("warned_at", "warned"), ("breached_at", "breached")):
            if mark.get(stage) and not (before.get(name) or {}).get(stage):
                yield Fact(c.sla(clock, outcome), 1, int(mark[stage]))


def _survey(old: Image, new: Image) -> Iterator[Fact]:
    sent = (new.get("survey") or {}).get("sent_at")
    if sent and not (old.get("survey") or {}).get("sent_at"):
        yield Fact(c.SURVEYED, 1, int(sent))
    rating, before = new.get("rating") or {}, old.get("rating") or {}
    score = rating.get("score")
    if score is None or before.get("score") is not None or not 1 <= int(score) <= 5:
        return
    at = int(rating.get("at") or now_ms())
    yield Fact(c.RATED, 1, at)
    yield Fact(c.RATING_SUM, int(score), at)
    yield Fact(c.rating(int(score)), 1, at)


# -- presence ---------------------------------------------------------------------------------
def _presence(event_id: str, old: Image, new: Image) -> Iterator[Tally]:
    state, since, until = old.get("presence"), old.get("presence_at"), new.get("presence_at")
    counter = c.PRESENCE_COUNTER.get(str(state))
    if counter is None or since is None or until is None or new.get("presence") == state:
        return
    if int(until) <= int(since):
        return
    agent_id = str(new["agent_id"])
    for project_id in projects.projects_of_agent(agent_id):
        zone = days.of(project_id).time_zone
        rows = [
            Row(c.AGENT, agent_id, day, {counter: ms})
            for day, ms in days.split_by_day(int(since), int(until), zone)
        ]
        yield Tally(f"{event_id}#{project_id}", project_id, rows)


def _row(dimension: str, value: str, project_id: str, fact: Fact) -> Row:
    return Row(dimension, value, days.of(project_id).day_of(fact.at), {fact.counter: fact.amount})
