"""Scheduled routing work: due `return` timers, and the queues as a safety net.

Queues drain as soon as capacity frees, from the agent's MODIFY record in the assign
function; the scheduler drains them too, each minute, in case such a reaction was lost.
"""

from __future__ import annotations

import logging
from typing import Any

from tgdesk.clock import now_ms
from tgdesk.routing import RETURNED, SYSTEM, Outcome, SessionToRoute
from tgdesk.routing_service import drain_queue, route_session
from tgdesk.storage import assignments, projects, sessions

RETURNS_PER_RUN = 200
QUEUED_PER_PROJECT = 25

log = logging.getLogger(__name__)


def run_due(now: int | None = None) -> dict[str, int]:
    """Route again the sessions whose `return` timer is due, then drain the queues."""
    now = now if now is not None else now_ms()
    counts = {"returns_due": 0, "returned": 0, "returns_dropped": 0, "dequeued": 0}
    timers, _ = sessions.due_timers(assignments.RETURN_TIMER, now, limit=RETURNS_PER_RUN)
    counts["returns_due"] = len(timers)
    for timer in timers:
        counts["returned" if return_session(timer, now) else "returns_dropped"] += 1
    for project in projects.list_projects():
        counts["dequeued"] += drain_queue(project["project_id"], limit=QUEUED_PER_PROJECT)
    log.info("routing jobs", extra=counts)
    return counts


def still_unattended(session: dict[str, Any] | None, timer: dict[str, Any]) -> bool:
    """The assignee has neither opened nor answered the session since it became theirs."""
    if session is None or not session.get("assignee_id") or session.get("status") != "unread":
        return False
    assigned_at = int(session.get("assigned_at", 0))
    return int(session.get("last_agent_msg_at", 0)) < assigned_at <= int(timer["due_at"])


def return_session(timer: dict[str, Any], now: int) -> bool:
    """Give an unattended session to someone else (never its current agent), who is told
    through an audit entry and a notice. Returns True when the session moved."""
    session = sessions.get(timer["session_id"])
    if still_unattended(session, timer):
        assert session is not None
        agent_id = session["assignee_id"]
        result = route_session(
            SessionToRoute(
                session_id=session["session_id"],
                project_id=session["project_id"],
                how=RETURNED,
                by=SYSTEM,
                from_agent_id=agent_id,
                exclude=frozenset({agent_id}),
                online_only=True,
                reason="not opened or answered in time",
            )
        )
        if result.outcome is Outcome.ASSIGNED:
            return True
    sessions.drop_timer(timer)  # opened, answered, closed, or nobody else to take it
    return False
