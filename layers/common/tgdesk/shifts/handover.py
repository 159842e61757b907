"""A shift's end and its handover: sessions left without a note move to follow-up, the
summary is generated and stored, the next shift acknowledges it.

At the end of an occurrence (the scheduler, `end_of_shift`): every session held by an
agent of the shift, still `processing`, with no note written during the shift is set to
`follow_up` (conditional on its status as read, audited in the same transaction; of two
overlapping runs one moves it) and listed for the next shift. Then the summary is stored
once per occurrence (put-if-absent) and, when the shift says so, posted to the team's
Telegram group (one message per occurrence, ever).

On demand (`preview`): the same summary for the running (or else the last) occurrence,
computed and returned, nothing moved or stored.
"""

from __future__ import annotations

from typing import Any, cast

from tgdesk import teamchat
from tgdesk.accounts.access import Scope
from tgdesk.audit import entries as audit
from tgdesk.core.clock import now_ms
from tgdesk.core.domain import Status
from tgdesk.core.errors import Conflict, Forbidden, NotFound
from tgdesk.realtime import fanout
from tgdesk.shifts import schedule
from tgdesk.shifts import summary as figures
from tgdesk.shifts.schedule import Occurrence
from tgdesk.sla import clocks as sla_clocks
from tgdesk.storage import sessions as session_store
from tgdesk.storage import shifts as store
from tgdesk.storage import sla as sla_store
from tgdesk.storage import tags as tag_store
from tgdesk.storage import tasks as task_store
from tgdesk.storage.records.audit_entry import SYSTEM
from tgdesk.storage.records.shift import Handover, Shift

MOVED = "session.status"
GENERATED = "handover.generate"
ACKNOWLEDGED = "handover.acknowledge"
RECENT_HANDOVERS = 30
_HOUR_MS = 3_600_000
_DAY_MS = 24 * _HOUR_MS


# -- reads --------------------------------------------------------------------------------------
def gather(shift: Shift, occurrence: Occurrence, horizon: int) -> figures.Gathered:
    """What the summary needs, every read bounded (tgdesk.shifts.summary says how much)."""
    gathered = figures.Gathered(sessions={})
    for agent_id in shift["agent_ids"]:
        found = store.sessions_of_agent(agent_id, limit=figures.SESSIONS_PER_AGENT)
        gathered.sessions[agent_id] = [
            s for s in found if s.get("project_id") == shift["project_id"]
        ]
        gathered.reads += len(found) or 1
    for session in figures.open_sessions(gathered)[: figures.MAX_OPEN_LISTED]:
        notes = store.latest_notes(session["session_id"], limit=figures.NOTES_READ)
        gathered.notes[session["session_id"]] = notes
        gathered.reads += len(notes) or 1
    catalog = tag_store.catalog(shift["project_id"])
    gathered.tag_names = {t["tag_id"]: t["name"] for t in catalog}
    tasks = task_store.of_project(
        shift["project_id"],
        low=occurrence.start - 30 * _DAY_MS,
        high=horizon,
        limit=figures.MAX_TASKS,
    )
    gathered.tasks = [dict(t) for t in tasks]
    gathered.reads += len(catalog) + len(tasks) + 2
    return gathered


def next_shift(project_id: str, after: int) -> tuple[Shift | None, Occurrence | None]:
    """The project's shift that starts next at or after `after` (an hour's overlap allowed)."""
    best: tuple[Shift | None, Occurrence | None] = (None, None)
    for shift in store.of_project(project_id):
        found = schedule.next_start(shift, after - _HOUR_MS)
        if found is not None and (best[1] is None or found.start < best[1].start):
            best = (shift, found)
    return best


# -- the summary --------------------------------------------------------------------------------
def build(
    shift: Shift, occurrence: Occurrence, now: int, *, moved: set[str] | None = None
) -> Handover:
    following, upcoming = next_shift(shift["project_id"], occurrence.end)
    horizon = upcoming.end if upcoming is not None else occurrence.end + 12 * _HOUR_MS
    gathered = gather(shift, occurrence, horizon)
    gathered.moved = moved or set()
    start, end = occurrence.start, occurrence.end
    open_found = figures.open_sessions(gathered)
    events = figures.special_events(gathered, start, end)
    return {
        "project_id": shift["project_id"],
        "shift_id": shift["shift_id"],
        "shift_name": shift["name"],
        "started_at": start,
        "ended_at": end,
        "generated_at": now,
        "agents": [
            figures.agent_figures(a, gathered.sessions.get(a, []), start, end)
            for a in shift["agent_ids"]
        ],
        "open_sessions": [
            figures.listed(s, gathered) for s in open_found[: figures.MAX_OPEN_LISTED]
        ],
        "events": events[: figures.MAX_EVENTS],
        "promises": figures.promises(gathered.tasks, end, horizon),
        "truncated": len(open_found) > figures.MAX_OPEN_LISTED or len(events) > figures.MAX_EVENTS,
        "reads": gathered.reads,
        "next_agent_ids": list(following["agent_ids"]) if following is not None else [],
    }


def preview(scope: Scope, project_id: str, shift_id: str) -> Handover:
    """The running occurrence's summary so far (else the last one's), nothing stored."""
    scope.require_supervisor(project_id)
    shift = _shift(project_id, shift_id)
    now = now_ms()
    occurrence = schedule.current(shift, now) or schedule.previous(shift, now)
    if occurrence is None:
        raise NotFound("this shift has not run yet", code="handover_not_found")
    return build(shift, occurrence, now)


# -- the end of a shift -------------------------------------------------------------------------
def end_of_shift(shift: Shift, occurrence: Occurrence, now: int) -> Handover | None:
    """Move the sessions left without a note, store the summary; None when another run
    stored it first."""
    moved = move_to_follow_up(shift, occurrence, now)
    handover = build(shift, occurrence, now, moved=moved)
    handover["ack_due_at"] = occurrence.end + shift["ack_minutes"] * 60_000
    entry = audit.entry(
        GENERATED,
        actor_id=SYSTEM,
        project_id=shift["project_id"],
        target_type="shift",
        target_id=shift["shift_id"],
        details={"ended_at": occurrence.end, "moved": sorted(moved)},
    )
    if not store.put_handover(handover, entry=entry):
        return None
    if shift.get("post_summary"):
        teamchat.post(
            shift["project_id"],
            f"handover:{shift['shift_id']}:{occurrence.end}",
            group_text(handover),
        )
    return handover


def move_to_follow_up(shift: Shift, occurrence: Occurrence, now: int) -> set[str]:
    """The shift's agents' `processing` sessions with no note written within the shift,
    set to `follow_up`; the ids of those this run moved (or found already moved)."""
    moved: set[str] = set()
    for agent_id in shift["agent_ids"]:
        for session in store.sessions_of_agent(agent_id, limit=figures.SESSIONS_PER_AGENT):
            if (
                session.get("project_id") != shift["project_id"]
                or session.get("status") != Status.PROCESSING
                or session.get("assignee_id") != agent_id
            ):
                continue
            notes = store.latest_notes(session["session_id"], limit=1)
            if notes and int(notes[0]["created_at"]) >= occurrence.start:
                continue
            if _set_follow_up(cast(Any, session), now):
                moved.add(session["session_id"])
    return moved


def _set_follow_up(session: dict[str, Any], now: int) -> bool:
    changes: dict[str, Any] = {"status": Status.FOLLOW_UP}
    if session.get(sla_store.ATTRIBUTE) is not None:  # its SLA clocks pause while follow_up
        paused = sla_clocks.status_changed(session, Status.FOLLOW_UP, now)
        if paused is not None:
            changes[sla_store.ATTRIBUTE] = paused
    entry = audit.entry(
        MOVED,
        actor_id=SYSTEM,
        project_id=session["project_id"],
        target_type="session",
        target_id=session["session_id"],
        before={"status": Status.PROCESSING},
        after={"status": Status.FOLLOW_UP},
        details={"cause": "shift_end"},
    )
    try:
        changed = session_store.change(session, changes, [entry])
    except Conflict:
        return False
    if session.get(sla_store.ATTRIBUTE) is not None:
        sla_store.look_again(changed, now)
    return True


def group_text(handover: Handover) -> str:
    moved = sum(1 for s in handover["open_sessions"] if s.get("moved_to_follow_up"))
    return (
        f"Handover: {handover['shift_name']} ended. "
        f"Open sessions: {len(handover['open_sessions'])} ({moved} moved to follow-up), "
        f"special events: {len(handover['events'])}, "
        f"promises due next shift: {len(handover['promises'])}."
    )


# -- the console's reads and the acknowledgement -------------------------------------------------
def recent(scope: Scope, project_id: str) -> list[Handover]:
    scope.require_project(project_id)
    return store.handovers_of_project(project_id, limit=RECENT_HANDOVERS)


def get(scope: Scope, project_id: str, shift_id: str, ended_at: int | str) -> Handover:
    """One handover by its shift and end (epoch ms; anything else is not found)."""
    scope.require_project(project_id)
    end = int(ended_at) if str(ended_at).isdigit() and len(str(ended_at)) <= 13 else None
    found = None if end is None else store.get_handover(project_id, end, shift_id)
    if found is None:
        raise NotFound("no such handover", code="handover_not_found")
    return found


def acknowledge(
    scope: Scope,
    project_id: str,
    shift_id: str,
    ended_at: int | str,
    *,
    source_ip: str | None = None,
) -> Handover:
    """The next shift (one of its agents) or a supervisor acknowledges; a second
    acknowledgement changes nothing."""
    handover = get(scope, project_id, shift_id, ended_at)
    if scope.agent_id not in handover["next_agent_ids"] and not scope.supervises(project_id):
        raise Forbidden(
            "only the next shift or a supervisor acknowledges a handover",
            code="not_next_shift",
        )
    if handover.get("acknowledged_at") is not None:
        return handover
    at = now_ms()
    entry = audit.entry(
        ACKNOWLEDGED,
        actor_id=scope.agent_id,
        project_id=project_id,
        target_type="shift",
        target_id=shift_id,
        details={"ended_at": handover["ended_at"]},
        source_ip=source_ip,
    )
    store.acknowledge(handover, scope.agent_id, at, entry)
    return get(scope, project_id, shift_id, handover["ended_at"])


def supervisors(project_id: str) -> list[str]:
    """Who is reminded of an unacknowledged handover: the project's supervisors and admins."""
    return list(fanout.Audience().staff(project_id))


def _shift(project_id: str, shift_id: str) -> Shift:
    found = store.get(project_id, shift_id)
    if found is None:
        raise NotFound("no such shift", code="shift_not_found")
    return found
