"""A session's SLA clocks, derived from what the session holds. Pure.

Two clocks run at most at once:
- the response clock: from the first user message the agent has not answered yet
  (`waiting_since`, set by ingest, removed by a reply) to the reply. It is the *first
  response* clock until the session's first reply (`first_reply_at`), then a *next
  response* clock each time the user writes after an answer;
- the resolution clock: from the opening (`opened_at`), or from the last reopen
  (`reopened_at`: a new clock), to the close.

Both pause while the session is `follow_up` (its `sla.paused_since`; finished pauses in
`sla.pauses`) and stop at the close. A clock's elapsed time counts only its calendar's
business time, less the business time of the pauses since it started; so its due time is
the instant at which `target + paused` business time has passed since its start. A clock
is named `{clock}@{started_at}`: its warning and breach are marked under that name, once.

An escalation may carry its own, stricter targets (the session's `ticket.targets`): from the
escalation on, a clock's target is the policy's or, when stricter, the business time it had
counted at the escalation plus the escalation's target (a clock that starts later: that
target alone).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from tgdesk.core.domain import Status
from tgdesk.sla import policies
from tgdesk.sla.calendar import Calendar
from tgdesk.storage.records.sla import (
    MAX_EVENTS,
    MAX_PAUSES,
    ClockShown,
    SessionSla,
    SlaEvent,
    SlaSettings,
    current_view,
)

RESPONSE = "response"  # the timer family of the first and next response clocks
RESOLUTION = "resolution"
WARNING = "warning"
BREACH = "breach"


@dataclass(frozen=True, slots=True)
class Clock:
    clock: str  # first_response, next_response, resolution
    family: str  # response, resolution
    started_at: int
    target_ms: int
    warn_at: int | None  # None while paused
    due_at: int | None  # None while paused
    paused: bool
    remaining_ms: int
    warned_at: int | None
    breached_at: int | None

    @property
    def name(self) -> str:
        return f"{self.clock}@{self.started_at}"

    def stage_due(self, now: int) -> str | None:
        """What is to be recorded now: the breach, the warning, or nothing."""
        if self.paused or self.due_at is None or self.warn_at is None:
            return None
        if self.breached_at is None and now >= self.due_at:
            return BREACH
        if self.warned_at is None and self.breached_at is None and now >= self.warn_at:
            return WARNING
        return None

    def next_look(self) -> int | None:
        """When the scheduler should look next: the warning, then the breach; None once
        both are recorded or while paused."""
        if self.paused or self.breached_at is not None:
            return None
        if self.warned_at is None:
            return self.warn_at
        return self.due_at

    def shown(self) -> ClockShown:
        shown: dict[str, Any] = {
            "clock": self.clock,
            "started_at": self.started_at,
            "target_ms": self.target_ms,
            "warn_at": self.warn_at,
            "due_at": self.due_at,
            "paused": self.paused,
            "remaining_ms": self.remaining_ms,
            "warned_at": self.warned_at,
            "breached_at": self.breached_at,
        }
        return ClockShown(**{k: v for k, v in shown.items() if v is not None})  # type: ignore[typeddict-item]


def state(session: Mapping[str, Any]) -> SessionSla:
    return dict(session.get("sla") or {})  # type: ignore[return-value]


def running(session: Mapping[str, Any], settings: SlaSettings, now: int) -> list[Clock]:
    """The session's running clocks at `now` (none once it is closed)."""
    if session.get("status") == Status.CLOSED:
        return []
    found = [_clock(session, settings, family, now) for family in (RESPONSE, RESOLUTION)]
    return [c for c in found if c is not None]


def of_family(
    session: Mapping[str, Any], settings: SlaSettings, family: str, now: int
) -> Clock | None:
    if session.get("status") == Status.CLOSED:
        return None
    return _clock(session, settings, family, now)


def _clock(
    session: Mapping[str, Any], settings: SlaSettings, family: str, now: int
) -> Clock | None:
    if family == RESPONSE:
        started = session.get("waiting_since")
        clock = policies.NEXT_RESPONSE if session.get("first_reply_at") else policies.FIRST_RESPONSE
    else:
        started = session.get("reopened_at") or session.get("opened_at")
        clock = policies.RESOLUTION
    if started is None:
        return None
    started = int(started)
    priority = session.get("priority")
    calendar = policies.calendar(settings, priority)
    sla = state(session)
    target = _target(session, settings, calendar, clock, started, sla)
    paused_since = _paused_since(session, sla, now)
    paused_ms = _paused_business(calendar, sla.get("pauses", []), started, now)
    marks = sla.get("marks", {}).get(f"{clock}@{started}", {})
    if paused_since is not None:
        counted = calendar.measure(started, max(started, paused_since)) - paused_ms
        warn_at = due_at = None
    else:
        counted = calendar.measure(started, now) - paused_ms
        warn_at = calendar.add(started, policies.warn_ms(settings, target) + paused_ms)
        due_at = calendar.add(started, target + paused_ms)
    return Clock(
        clock=clock,
        family=family,
        started_at=started,
        target_ms=target,
        warn_at=warn_at,
        due_at=due_at,
        paused=paused_since is not None,
        remaining_ms=target - counted,
        warned_at=marks.get("warned_at"),
        breached_at=marks.get("breached_at"),
    )


_ESCALATION_TARGET = {
    policies.FIRST_RESPONSE: "first_response_minutes",
    policies.NEXT_RESPONSE: "first_response_minutes",
    policies.RESOLUTION: "resolution_minutes",
}


def _target(
    session: Mapping[str, Any],
    settings: SlaSettings,
    calendar: Calendar,
    clock: str,
    started: int,
    sla: SessionSla,
) -> int:
    """The policy's target for the session's priority, or its escalation's when stricter."""
    target = policies.target_ms(settings, session.get("priority"), clock)
    targets = (session.get("ticket") or {}).get("targets") or {}
    minutes = targets.get(_ESCALATION_TARGET[clock])
    if minutes is None:
        return target
    since = int(targets["since"])
    counted = 0
    if started < since:
        paused = _paused_business(calendar, sla.get("pauses", []), started, since)
        counted = calendar.measure(started, since) - paused
    return min(target, counted + int(minutes) * policies.MINUTE_MS)


def _paused_since(session: Mapping[str, Any], sla: SessionSla, now: int) -> int | None:
    if session.get("status") != Status.FOLLOW_UP:
        return None
    return int(sla.get("paused_since", now))


def _paused_business(calendar: Calendar, pauses: list[list[int]], started: int, now: int) -> int:
    """Business ms of the finished pauses that fall after `started` (and before `now`)."""
    return sum(calendar.measure(max(a, started), min(b, now)) for a, b in pauses if b > started)


# -- pausing and resuming -------------------------------------------------------------------------
def paused(session: Mapping[str, Any], at: int) -> SessionSla:
    """The session's `sla` map as the session enters `follow_up` at `at`."""
    sla = state(session)
    sla["paused_since"] = at
    return sla


def resumed(session: Mapping[str, Any], at: int) -> SessionSla:
    """The session's `sla` map as the session leaves `follow_up` at `at`: the pause is kept
    (the latest MAX_PAUSES; the oldest two are merged beyond that, which can only count a
    clock that started before both of them as paused a little longer)."""
    sla = state(session)
    since = sla.pop("paused_since", None)
    if since is None:
        return sla
    pauses = [list(p) for p in sla.get("pauses", [])] + [[int(since), at]]
    while len(pauses) > MAX_PAUSES:
        first, second = pauses.pop(0), pauses.pop(0)
        pauses.insert(0, [first[0], second[1]])
    sla["pauses"] = pauses
    return sla


def status_changed(session: Mapping[str, Any], new_status: str, at: int) -> SessionSla | None:
    """The `sla` map a status change writes, or None when it leaves it as it is."""
    was_paused = session.get("status") == Status.FOLLOW_UP
    if new_status == Status.FOLLOW_UP and not was_paused:
        return paused(session, at)
    if was_paused and new_status != Status.FOLLOW_UP:
        return resumed(session, at)
    return None


# -- recording ----------------------------------------------------------------------------------
MAX_MARKED_CLOCKS = 8


def marked(
    session: Mapping[str, Any],
    clock: Clock,
    stage: str,
    now: int,
    *,
    priority: str,
    all_clocks: list[Clock],
) -> SessionSla:
    """The `sla` map with `stage` of `clock` recorded at `now`: its mark (marks of clocks no
    longer running are dropped), an event (the latest MAX_EVENTS), the count, and the
    console's snapshot of the running clocks."""
    sla = state(session)
    running_names = {c.name for c in all_clocks}
    marks = {k: dict(v) for k, v in sla.get("marks", {}).items() if k in running_names}
    mark = marks.setdefault(clock.name, {})
    mark["warned_at" if stage == WARNING else "breached_at"] = now
    sla["marks"] = dict(list(marks.items())[-MAX_MARKED_CLOCKS:])
    event: SlaEvent = {
        "clock": clock.clock,
        "stage": stage,
        "at": now,
        "due_at": int(clock.due_at or now),
        "priority": priority,
    }
    sla["events"] = [*sla.get("events", []), event][-MAX_EVENTS:]
    if stage == WARNING:
        sla["warnings"] = sla.get("warnings", 0) + 1
    else:
        sla["breaches"] = sla.get("breaches", 0) + 1
    updated = [c if c.name != clock.name else _with_mark(c, stage, now) for c in all_clocks]
    return snapshot({**session, "sla": sla}, updated, now)


def snapshot(session: Mapping[str, Any], clocks: list[Clock], now: int) -> SessionSla:
    """The `sla` map with the console's view of `clocks` as of `now`."""
    sla = state(session)
    sla["clocks"] = [c.shown() for c in clocks]
    dues = [c.due_at for c in clocks if c.due_at is not None]
    if dues:
        sla["due_at"] = min(dues)
    else:
        sla.pop("due_at", None)
    sla["evaluated_at"] = now
    return sla


def _with_mark(clock: Clock, stage: str, now: int) -> Clock:
    if stage == WARNING:
        return replace(clock, warned_at=now)
    return replace(clock, breached_at=now)


def due_soonest_key(session: Mapping[str, Any]) -> tuple[int, int]:
    """Sort key of "due soonest": sessions with a running clock first, by its due time."""
    view = current_view(session) or {}
    due = view.get("due_at")
    return (0, int(due)) if due is not None else (1, 0)
