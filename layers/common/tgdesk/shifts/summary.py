"""A handover summary of one shift occurrence: what each agent did and what the next shift
inherits. Pure over what `gather` read, so its figures are checked by hand in the tests.

Figures per agent, over the occurrence [start, end):
- handled: their sessions with a reply of theirs or a close within the shift
- closed: their sessions closed within the shift. Those are "archived" from the handover:
  counted here, never listed among the open sessions (nothing is written to them; the
  session list keeps showing them under `closed` as before)
- median first response: over their sessions first answered within the shift,
  first_reply_at - first_inbound_at
- average handling time: over their sessions closed within the shift,
  closed_at - assigned_at (opened_at when never assigned)

Reads, bounded: per agent one Query of their latest SESSIONS_PER_AGENT sessions; per open
session listed one Query of its latest NOTES_READ notes (at most MAX_OPEN_LISTED); the
project's tag catalog; the project's tasks due up to the next shift's end (MAX_TASKS).
So at most agents x 200 + 100 x 5 + 1 + 100 items.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from tgdesk.core.domain import Status
from tgdesk.core.item_size import utf8_prefix
from tgdesk.storage.records.shift import HandoverAgent, HandoverOpen

SESSIONS_PER_AGENT = 200
NOTES_READ = 5
MAX_OPEN_LISTED = 100
MAX_EVENTS = 100
MAX_TASKS = 100
TEXT_BYTES = 300  # a last note or next step as kept in the summary
SPECIAL_TAGS = ("complaint", "sensitive")
LOW_RATING = 3  # a rating of 3 or less is a special event
OPEN_STATUSES = (Status.UNREAD, Status.PROCESSING, Status.FOLLOW_UP)


@dataclass
class Gathered:
    """What a summary is computed from (the reads of `handover.gather`)."""

    sessions: dict[str, list[dict[str, Any]]]  # agent id -> their sessions
    notes: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # newest first
    tag_names: dict[str, str] = field(default_factory=dict)  # tag id -> name
    tasks: list[dict[str, Any]] = field(default_factory=list)
    moved: set[str] = field(default_factory=set)  # sessions set to follow_up at the end
    reads: int = 0


def within(value: Any, start: int, end: int) -> bool:
    return value is not None and start <= int(value) < end


def agent_figures(
    agent_id: str, sessions: Sequence[Mapping[str, Any]], start: int, end: int
) -> HandoverAgent:
    closed = [
        s
        for s in sessions
        if s.get("status") == Status.CLOSED and within(s.get("closed_at"), start, end)
    ]
    handled = [s for s in sessions if within(s.get("last_agent_msg_at"), start, end) or s in closed]
    first_responses = [
        int(s["first_reply_at"]) - int(s["first_inbound_at"])
        for s in sessions
        if within(s.get("first_reply_at"), start, end) and s.get("first_inbound_at") is not None
    ]
    handling = [int(s["closed_at"]) - int(s.get("assigned_at") or s["opened_at"]) for s in closed]
    return {
        "agent_id": agent_id,
        "handled": len(handled),
        "closed": len(closed),
        "median_first_response_ms": int(statistics.median(first_responses))
        if first_responses
        else None,
        "average_handling_ms": int(sum(handling) / len(handling)) if handling else None,
    }


def open_sessions(gathered: Gathered) -> list[dict[str, Any]]:
    """Every open session of the shift's agents, each once, the most recently active first."""
    seen: dict[str, dict[str, Any]] = {}
    for sessions in gathered.sessions.values():
        for session in sessions:
            if session.get("status") in OPEN_STATUSES:
                seen.setdefault(session["session_id"], session)
    return sorted(seen.values(), key=lambda s: -int(s.get("last_activity_at") or 0))


def shared_note(notes: Iterable[Mapping[str, Any]]) -> str:
    for note in notes:
        if not note.get("personal"):
            return utf8_prefix(str(note.get("text") or ""), TEXT_BYTES)
    return ""


def next_step(session_id: str, tasks: Iterable[Mapping[str, Any]]) -> str:
    """The note of the session's earliest unfinished task (tgdesk.tasks), if any."""
    for task in sorted(tasks, key=lambda t: t["due_at"]):
        if task["session_id"] == session_id and task.get("state") != "done":
            return utf8_prefix(str(task.get("note") or task.get("task_kind") or ""), TEXT_BYTES)
    return ""


def user_name(session: Mapping[str, Any]) -> str:
    user = session.get("user") or {}
    name = " ".join(p for p in (user.get("first_name"), user.get("last_name")) if p)
    return utf8_prefix(name or str(user.get("username") or session.get("tg_user_id") or ""), 120)


def listed(session: Mapping[str, Any], gathered: Gathered) -> HandoverOpen:
    sid = session["session_id"]
    moved = sid in gathered.moved
    return {
        "session_id": sid,
        "agent_id": str(session.get("assignee_id") or ""),
        "status": Status.FOLLOW_UP if moved else str(session.get("status")),
        "priority": str(session.get("priority") or ""),
        "tags": [gathered.tag_names.get(t, t) for t in session.get("tags") or []][:20],
        "user": user_name(session),
        "last_note": shared_note(gathered.notes.get(sid, [])),
        "next_step": next_step(sid, gathered.tasks),
        "moved_to_follow_up": moved,
    }


def special_events(gathered: Gathered, start: int, end: int) -> list[dict[str, Any]]:
    """Sessions tagged complaint or sensitive, SLA breaches and escalations within the shift,
    low ratings given within the shift."""
    found: list[dict[str, Any]] = []
    seen: set[str] = set()
    for sessions in gathered.sessions.values():
        for session in sessions:
            sid = session["session_id"]
            if sid in seen:
                continue
            seen.add(sid)
            found.extend(_events_of(session, gathered, start, end))
    return found


def _events_of(
    session: Mapping[str, Any], gathered: Gathered, start: int, end: int
) -> Iterable[dict[str, Any]]:
    sid = session["session_id"]
    touched = (
        within(session.get("last_activity_at"), start, end)
        or session.get("status") in OPEN_STATUSES
    )
    names = {gathered.tag_names.get(t, t).lower() for t in session.get("tags") or []}
    for tag in SPECIAL_TAGS:
        if tag in names and touched:
            yield {"session_id": sid, "event": f"tag:{tag}", "detail": tag}
    for sla_event in (session.get("sla") or {}).get("events") or []:
        if sla_event.get("stage") == "breach" and within(sla_event.get("at"), start, end):
            yield {"session_id": sid, "event": "sla_breach", "detail": str(sla_event.get("clock"))}
    ticket = session.get("ticket")
    if ticket and touched:
        yield {
            "session_id": sid,
            "event": "escalation",
            "detail": f"#{ticket.get('number')} {ticket.get('level')}",
        }
    rating = session.get("rating")
    if (
        rating
        and int(rating.get("score") or 5) <= LOW_RATING
        and within(rating.get("at"), start, end)
    ):
        yield {"session_id": sid, "event": "low_rating", "detail": str(rating.get("score"))}


def promises(tasks: Iterable[Mapping[str, Any]], low: int, high: int) -> list[dict[str, Any]]:
    """Unfinished tasks due within [low, high): what the next shift must keep."""
    return [
        {
            "session_id": t["session_id"],
            "task_kind": t.get("task_kind"),
            "due_at": t["due_at"],
            "note": utf8_prefix(str(t.get("note") or ""), TEXT_BYTES),
        }
        for t in sorted(tasks, key=lambda t: t["due_at"])
        if t.get("state") != "done" and low <= t["due_at"] < high
    ][:MAX_TASKS]
