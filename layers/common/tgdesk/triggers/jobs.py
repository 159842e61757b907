"""The scheduler's part (its `timers` job): due unresolved timers, from their sharded
index (`TIMER#trigger_unresolved#{n}`), earliest first.

A timer whose session closed (a close removes its timers, but one may have been set by a
late stream record), whose project turned the trigger off, or whose session's trigger
fired already, is dropped. A timer that comes too early (the project asked for more
minutes since) moves. Otherwise the trigger fires in one transaction with the removal of
the timer as read and the session's trigger item as read: of two overlapping runs, one
records it and the other writes nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tgdesk.core import metrics
from tgdesk.core.clock import now_ms
from tgdesk.core.domain import Status
from tgdesk.core.errors import Conflict
from tgdesk.storage import sessions
from tgdesk.storage import triggers as store
from tgdesk.storage.records.triggers import SessionTriggers
from tgdesk.triggers import firing
from tgdesk.triggers import settings as trigger_settings
from tgdesk.triggers.settings import UNRESOLVED

TIMERS_PER_RUN = 500  # the rest wait for the next run
_MINUTE_MS = 60_000


def run_due_unresolved(now: int | None = None) -> dict[str, int]:
    """Evaluate the due unresolved timers; counts by outcome."""
    now = now if now is not None else now_ms()
    counts = {
        "unresolved_due": 0,
        "unresolved_fired": 0,
        "unresolved_moved": 0,
        "unresolved_dropped": 0,
        "unresolved_skipped": 0,
    }
    oldest: int | None = None
    for timer in sessions.each_due_timer(store.UNRESOLVED_TIMER, now, most=TIMERS_PER_RUN):
        counts["unresolved_due"] += 1
        oldest = int(timer["due_at"]) if oldest is None else oldest
        counts[f"unresolved_{evaluate(timer, now)}"] += 1
    metrics.scheduler_job("unresolved", due=counts["unresolved_due"], oldest_due_at=oldest, now=now)
    return counts


def evaluate(timer: Mapping[str, Any], now: int) -> str:
    """One due timer: fired, moved, dropped or skipped (another run got there first)."""
    session = sessions.get(timer["session_id"])
    if session is None or session.get("status") == Status.CLOSED:
        return _dropped(timer)
    settings = trigger_settings.current(session["project_id"])
    unresolved = settings[UNRESOLVED]
    read = store.get_state(session["session_id"])
    if not unresolved.get("enabled") or UNRESOLVED in (read or {}).get("fired", {}):
        return _dropped(timer)
    minutes = int(unresolved["minutes"])
    opened_at = int(session.get("reopened_at") or session.get("opened_at") or timer["due_at"])
    due_at = opened_at + minutes * _MINUTE_MS
    if due_at > now:
        return "moved" if sessions.move_timer(dict(timer), due_at) else "skipped"
    made = [firing.suggestion(UNRESOLVED, now, minutes=minutes)]
    state: SessionTriggers = read or {
        "session_id": session["session_id"],
        "project_id": session["project_id"],
    }
    try:
        written = firing.record(
            session,
            firing.with_fired(state, made),
            read_version=(read or {}).get("version"),
            fired=made,
            timer=timer,
        )
    except Conflict:
        written = False
    if not written:
        return "skipped"
    firing.escalate_on_their_own(session, made, settings)
    return "fired"


def _dropped(timer: Mapping[str, Any]) -> str:
    return "dropped" if store.drop_timer(timer) else "skipped"
