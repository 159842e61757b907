"""The scheduler's evaluation of SLA clocks (part of its `timers` job).

Due `sla_response` and `sla_resolution` timers are read from their sharded index, earliest
first. For each, the session is read and its clock computed as it is now (its priority, the
project's settings and calendar, its pauses): a clock that stopped, paused or belongs to a
closed session or an untracked project drops its timer (a resume or a new clock sets it
again); a clock whose warning or breach has come gets it recorded, with its actions, in
one transaction conditioned on the session's `sla` map as read, so two overlapping runs
record it once; otherwise the timer moves to the clock's next moment (the warning, then the
breach), and the console's snapshot of the clocks is refreshed when it changed.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from tgdesk.core import metrics
from tgdesk.core.clock import now_ms
from tgdesk.core.domain import Status
from tgdesk.sla import actions, clocks, policies
from tgdesk.sla.clocks import RESOLUTION, RESPONSE, Clock
from tgdesk.storage import sessions
from tgdesk.storage import sla as store
from tgdesk.storage.records.sla import SlaSettings

CLOCKS_PER_RUN = 500  # per timer kind; the rest wait for the next run
# A clock whose warning and breach are recorded keeps its timer this far ahead, so that the
# user's next messages (which set the timer only when there is none) do not wake it again.
PARKED_MS = 7 * 24 * 3_600_000

log = logging.getLogger(__name__)
_FAMILY = {store.RESPONSE_TIMER: RESPONSE, store.RESOLUTION_TIMER: RESOLUTION}


def run_due_clocks(now: int | None = None) -> dict[str, int]:
    """Evaluate the due SLA timers; counts by outcome."""
    now = now if now is not None else now_ms()
    counts = {
        "sla_due": 0,
        "sla_warned": 0,
        "sla_breached": 0,
        "sla_moved": 0,
        "sla_dropped": 0,
        "sla_skipped": 0,
    }
    oldest: int | None = None
    settings = _Settings()
    for kind in store.TIMERS:
        for timer in sessions.each_due_timer(kind, now, most=CLOCKS_PER_RUN):
            counts["sla_due"] += 1
            due = int(timer["due_at"])
            oldest = due if oldest is None else min(oldest, due)
            counts[evaluate(timer, now, settings)] += 1
    metrics.scheduler_job("sla", due=counts["sla_due"], oldest_due_at=oldest, now=now)
    return counts


class _Settings:
    """Projects' SLA settings, read once per run."""

    def __init__(self) -> None:
        self._found: dict[str, SlaSettings] = {}

    def of(self, project_id: str) -> SlaSettings:
        if project_id not in self._found:
            stored = store.get_settings(project_id)
            self._found[project_id] = policies.effective(project_id, stored)
        return self._found[project_id]


def evaluate(timer: Mapping[str, Any], now: int, settings: _Settings) -> str:
    """One due timer: which count its outcome goes to."""
    session = sessions.get(timer["session_id"])
    if session is None or session.get("status") == Status.CLOSED:
        return _dropped(timer)
    project = settings.of(session["project_id"])
    if not project.get("enabled"):
        return _dropped(timer)
    clock = clocks.of_family(session, project, _FAMILY[timer["timer"]], now)
    if clock is None:
        return _dropped(timer)
    running = clocks.running(session, project, now)
    if clock.paused:  # the snapshot shows what is left; the resume sets the timer again
        return "sla_dropped" if _refreshed(session, timer, running, now, None) else "sla_skipped"
    if not clocks.state(session):
        _first_look(session, timer, now)
    stage = clock.stage_due(now)
    if stage is None:
        return _moved(session, timer, clock, running, now)
    plan = actions.plan(stage, session, clock, project, now)
    marked = clocks.marked(
        session, clock, stage, now, priority=str(session.get("priority")), all_clocks=running
    )
    after = next(c for c in _clocks_of(marked) if c["clock"] == clock.clock)
    next_due = _next_look(after, now)
    recorded = store.record(
        session,
        marked,
        timer=timer,
        next_due=next_due,
        changes=plan.changes,
        entries=plan.entries,
        notices=plan.notices,
    )
    if not recorded:
        return "sla_skipped"
    log.info(
        "SLA %s",
        stage,
        extra={"session_id": session["session_id"], "clock": clock.clock, "due_at": clock.due_at},
    )
    actions.follow_up(stage, session, clock, plan)
    return "sla_warned" if stage == clocks.WARNING else "sla_breached"


def _moved(
    session: Mapping[str, Any],
    timer: Mapping[str, Any],
    clock: Clock,
    running: list[Clock],
    now: int,
) -> str:
    next_due = clock.next_look() or now + PARKED_MS
    return "sla_moved" if _refreshed(session, timer, running, now, next_due) else "sla_skipped"


def _refreshed(
    session: Mapping[str, Any],
    timer: Mapping[str, Any],
    running: list[Clock],
    now: int,
    next_due: int | None,
) -> bool:
    """Move the timer to `next_due` (None: delete it), rewriting the console's snapshot of
    the clocks with it when that changed."""
    if _snapshot_current(session, running):
        return store.settle_timer(timer, next_due)
    fresh = clocks.snapshot(session, running, now)
    return store.record(session, fresh, timer=timer, next_due=next_due)


def _first_look(session: Mapping[str, Any], timer: Mapping[str, Any], now: int) -> None:
    """A session the clocks see for the first time (it was open when its project's tracking
    began, or it is new): its other clock gets a look too, so that neither goes unwatched."""
    for kind in store.TIMERS:
        if kind != timer["timer"]:
            store.look_at(session, kind, now)


def _dropped(timer: Mapping[str, Any]) -> str:
    return "sla_dropped" if store.settle_timer(timer, None) else "sla_skipped"


def _snapshot_current(session: Mapping[str, Any], running: list[Clock]) -> bool:
    """The session's stored snapshot names the same clocks with the same due times."""
    stored = [
        (c.get("clock"), c.get("started_at"), c.get("due_at"), bool(c.get("paused")))
        for c in clocks.state(session).get("clocks", [])
    ]
    return stored == [(c.clock, c.started_at, c.due_at, c.paused) for c in running]


def _clocks_of(sla: Mapping[str, Any]) -> list[dict[str, Any]]:
    return list(sla.get("clocks", []))


def _next_look(shown: Mapping[str, Any], now: int) -> int:
    if shown.get("breached_at") is not None:
        return now + PARKED_MS
    if shown.get("warned_at") is None and shown.get("warn_at") is not None:
        return int(shown["warn_at"])
    return int(shown.get("due_at") or now + PARKED_MS)
