"""Scheduled routing work: due `return` timers (the scheduler's `timers` job), and the
queues as a safety net (its `queues` job).

Queues drain as soon as capacity frees, from the agent's MODIFY record in the assign
function; the scheduler drains them too, each minute, in case such a reaction was lost.

A due `return` timer is judged by the project's settings as they are now, not as they
were when it was set: with the return timer switched off the session stays; with a longer
time it waits for that; and a session returned `max_returns` times in a row with nobody
opening it stays with its agent for good, and the project's supervisors are told.
"""

from __future__ import annotations

import logging
from typing import Any

from tgdesk.audit import entries as audit
from tgdesk.core import metrics
from tgdesk.core.clock import now_ms
from tgdesk.core.domain import Role
from tgdesk.routing.policy import RETURNED, SYSTEM, Outcome, SessionToRoute
from tgdesk.routing.service import drain_queue, route_session
from tgdesk.storage import accounts, assignments, projects, sessions
from tgdesk.team import settings as team

RETURNS_PER_RUN = 200
QUEUED_PER_PROJECT = 25
_MINUTE_MS = 60_000

log = logging.getLogger(__name__)


def run_due_returns(now: int | None = None) -> dict[str, int]:
    """Route again the sessions whose `return` timer is due (the `timers` job)."""
    now = now if now is not None else now_ms()
    counts = {
        "returns_due": 0,
        "returned": 0,
        "returns_dropped": 0,
        "returns_postponed": 0,
        "returns_stopped": 0,
    }
    timers = list(sessions.each_due_timer(assignments.RETURN_TIMER, now, most=RETURNS_PER_RUN))
    counts["returns_due"] = len(timers)
    oldest = int(timers[0]["due_at"]) if timers else None  # earliest first
    metrics.scheduler_job("returns", due=len(timers), oldest_due_at=oldest, now=now)
    settings = _Settings()
    for timer in timers:
        counts[_handle_return(timer, now, settings)] += 1
    log.info("return timers", extra=counts)
    return counts


def drain_queues() -> dict[str, int]:
    """Route up to `QUEUED_PER_PROJECT` waiting sessions of every project (the `queues`
    job). No lag is reported: a session may rightly wait while nobody has room."""
    counts = {"projects": 0, "dequeued": 0}
    for project in projects.list_projects():
        counts["projects"] += 1
        counts["dequeued"] += drain_queue(project["project_id"], limit=QUEUED_PER_PROJECT)
    metrics.sessions_dequeued(counts["dequeued"])
    return counts


class _Settings:
    """Projects' routing settings, read once per run."""

    def __init__(self) -> None:
        self._routing: dict[str, dict[str, Any]] = {}

    def routing(self, project_id: str) -> dict[str, Any]:
        if project_id not in self._routing:
            project = projects.get_project(project_id) or {"project_id": project_id}
            self._routing[project_id] = team.project_settings(project)["routing"]
        return self._routing[project_id]


def still_unattended(session: dict[str, Any] | None, timer: dict[str, Any]) -> bool:
    """The assignee has neither opened nor answered the session since it became theirs."""
    if session is None or not session.get("assignee_id") or session.get("status") != "unread":
        return False
    assigned_at = int(session.get("assigned_at", 0))
    return int(session.get("last_agent_msg_at", 0)) < assigned_at <= int(timer["due_at"])


def _handle_return(timer: dict[str, Any], now: int, settings: _Settings) -> str:
    """Give an unattended session to someone else (never its current agent), who is told
    through an audit entry and a notice. Returns the count the outcome goes to."""
    session = sessions.get(timer["session_id"])
    if not still_unattended(session, timer):
        sessions.drop_timer(timer)  # opened, answered, closed or gone
        return "returns_dropped"
    assert session is not None
    routing = settings.routing(session["project_id"])
    minutes = routing["return_after_minutes"]
    if not minutes:
        sessions.drop_timer(timer)  # the return timer was switched off since it was set
        return "returns_dropped"
    due = int(session["assigned_at"]) + int(minutes) * _MINUTE_MS
    if due > now:  # the time was made longer since the timer was set
        sessions.move_timer(timer, due)
        return "returns_postponed"
    if int(session.get(sessions.RETURN_COUNT, 0)) >= int(routing["max_returns"]):
        stop_returning(session, timer, now)
        return "returns_stopped"
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
        return "returned"
    sessions.drop_timer(timer)  # nobody else online to take it
    return "returns_dropped"


def stop_returning(session: dict[str, Any], timer: dict[str, Any], now: int) -> bool:
    """The session stays with its agent: its timer goes, the audit says so, and the
    project's supervisors (its admins when it has none) get a notice to look at it."""
    returns = int(session.get(sessions.RETURN_COUNT, 0))
    entry = audit.entry(
        "session.return_limit",
        actor_id=audit.SYSTEM,
        project_id=session["project_id"],
        target_type="session",
        target_id=session["session_id"],
        before={"assignee_id": session["assignee_id"]},
        after={"assignee_id": session["assignee_id"]},
        details={"returns": returns, "cause": "returned as often as the project allows"},
    )
    notices = [
        assignments.notice_item(
            supervisor,
            assignments.RETURN_LIMIT,
            session,
            to_agent_id=session["assignee_id"],
            entry=entry,
            at=now,
            returns=returns,
        )
        for supervisor in supervisors_of(session["project_id"])
    ]
    stopped = assignments.stop_returns(timer, notices, entry)
    if stopped:
        log.warning(
            "session returned as often as allowed; supervisors told",
            extra={"session_id": session["session_id"], "returns": returns},
        )
    return stopped


def supervisors_of(project_id: str) -> list[str]:
    """The enabled supervisors among the project's members, else the enabled admins."""
    members = accounts.get_agents(m["agent_id"] for m in projects.list_members(project_id))
    found = [
        aid
        for aid, agent in sorted(members.items())
        if agent.get("role") == Role.SUPERVISOR and not agent.get("disabled")
    ]
    if found:
        return found
    return [
        a["agent_id"]
        for a in accounts.list_agents()
        if a.get("role") == Role.ADMIN and not a.get("disabled")
    ]
