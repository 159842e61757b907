"""The scheduler's part (its `timers` job): a shift's reminders and end, and the
supervisors' reminder of an unacknowledged handover. Each happens once.

A shift sits in a sharded due index by its next event (`TIMER#shift_event#{n}`). A run takes
a due shift, works out which event is due (schedule.event_at), and moves the shift on to its
following event conditioned on the `version` read: of two overlapping runs only one moves
it, and only that one reminds (the agents' notices are in that same transaction; the team
group's message is keyed by occurrence and minutes, so posted once). An end is handled by
the run that stored its handover (put-if-absent per occurrence); the shift then moves on.
A run that finds an event more than STALE_MS late (the scheduler was down) skips a
reminder, never an end.

An unacknowledged handover sits in `TIMER#handover_ack#{n}` until `ack_due_at`; reminding
the supervisors takes it out of there in the transaction that writes their notices.
"""

from __future__ import annotations

from typing import Any

from tgdesk import teamchat
from tgdesk.audit import entries as audit
from tgdesk.core import metrics
from tgdesk.core.clock import now_ms
from tgdesk.realtime import fanout
from tgdesk.shifts import handover as handovers
from tgdesk.shifts import schedule
from tgdesk.storage import shifts as store
from tgdesk.storage.records.audit_entry import SYSTEM
from tgdesk.storage.records.shift import Handover, Shift

SHIFTS_PER_RUN = 100
EVENTS_PER_SHIFT = 6  # a shift's events one run takes (reminders and an end)
STALE_MS = 15 * 60_000
REMINDER_NOTICE = "shift_handover_soon"
ACK_NOTICE = "handover_unacknowledged"
REMINDER_FRAME = "shift.reminder"
ACK_FRAME = "handover.unacknowledged"


def run_due(now: int | None = None) -> dict[str, int]:
    """Every due shift event and handover reminder; counts by outcome."""
    now = now if now is not None else now_ms()
    counts = {"shift_reminders": 0, "shift_ends": 0, "shift_skipped": 0, "handover_reminders": 0}
    due = store.due_shifts(now, most=SHIFTS_PER_RUN)
    for shift in due:
        # a late run catches up: a shift's stale reminders are skipped, its end still happens
        found: Shift | None = shift
        for _ in range(EVENTS_PER_SHIFT):
            assert found is not None
            counts[handle(found, now)] += 1
            found = store.get(shift["project_id"], shift["shift_id"])
            if found is None or int(found.get("next_event_at") or now + 1) > now:
                break
    for handover in store.due_acknowledgements(now, most=SHIFTS_PER_RUN):
        if remind_supervisors(handover, now):
            counts["handover_reminders"] += 1
    oldest = int(due[0]["next_event_at"]) if due else None
    metrics.scheduler_job("shift_events", due=len(due), oldest_due_at=oldest, now=now)
    return counts


def handle(shift: Shift, now: int) -> str:
    """One due shift as the index showed it; the outcome's counter."""
    current = store.get(shift["project_id"], shift["shift_id"])
    if current is None or current.get("next_event_at") != shift.get("next_event_at"):
        return "shift_skipped"  # edited, deleted or moved on by another run
    due_at = int(current["next_event_at"])
    event = schedule.event_at(current, due_at)
    following = schedule.next_event(current, due_at)
    next_at = following.at if following is not None else None
    if event is None:  # the schedule changed under the index: just move on
        store.advance(current, schedule_next(current, now))
        return "shift_skipped"
    if event.kind == schedule.END:
        stored = handovers.end_of_shift(current, event.occurrence, now) is not None
        store.advance(current, next_at)  # also after a run that stored it and stopped
        return "shift_ends" if stored else "shift_skipped"
    if now - event.at > STALE_MS:
        store.advance(current, next_at)
        return "shift_skipped"
    return "shift_reminders" if remind(current, event, next_at, now) else "shift_skipped"


def schedule_next(shift: Shift, now: int) -> int | None:
    found = schedule.next_event(shift, now)
    return found.at if found is not None else None


def remind(shift: Shift, event: schedule.Event, next_at: int | None, now: int) -> bool:
    """Tell the agents on shift (notice + push) and the team's group, once."""
    about = {
        "project_id": shift["project_id"],
        "shift_id": shift["shift_id"],
        "shift_name": shift["name"],
        "minutes": event.minutes,
        "ends_at": event.occurrence.end,
    }
    entry = audit.entry(
        "shift.remind",
        actor_id=SYSTEM,
        project_id=shift["project_id"],
        target_type="shift",
        target_id=shift["shift_id"],
        details={"minutes": event.minutes, "ends_at": event.occurrence.end},
    )
    notices = [
        store.notice(a, REMINDER_NOTICE, about, entry=entry, at=now) for a in shift["agent_ids"]
    ]
    extra = [store.audit_operation(entry), *store.new_items(notices[:97])]
    if not store.advance(shift, next_at, extra=extra):
        return False
    frame = fanout.Frame(REMINDER_FRAME, shift["project_id"], "", now, about)
    fanout.push_to_agents(frame, shift["agent_ids"])
    teamchat.post(
        shift["project_id"],
        f"shift:{shift['shift_id']}:{event.occurrence.end}:{event.minutes}",
        f"{shift['name']}: handover in {event.minutes} minutes: "
        "update the notes of unfinished sessions.",
    )
    return True


def remind_supervisors(handover: Handover, now: int) -> bool:
    """An unacknowledged handover: its project's supervisors are told, once."""
    supervisors = handovers.supervisors(handover["project_id"])
    about = {
        "project_id": handover["project_id"],
        "shift_id": handover["shift_id"],
        "shift_name": handover["shift_name"],
        "ended_at": handover["ended_at"],
    }
    entry = audit.entry(
        "handover.remind",
        actor_id=SYSTEM,
        project_id=handover["project_id"],
        target_type="shift",
        target_id=handover["shift_id"],
        details={"ended_at": handover["ended_at"], "supervisors": supervisors[:50]},
    )
    notices: list[dict[str, Any]] = [
        store.notice(a, ACK_NOTICE, about, entry=entry, at=now) for a in supervisors
    ]
    if not store.mark_supervisors_reminded(handover, now, notices, entry):
        return False
    fanout.push_to_agents(
        fanout.Frame(ACK_FRAME, handover["project_id"], "", now, about), supervisors
    )
    return True
