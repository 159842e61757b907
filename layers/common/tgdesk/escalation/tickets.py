"""Reading and editing tickets: a session's ticket for whoever sees the session, edits by its
holder or a supervisor, and the ticket list of a project's supervisors and admins.

A ticket's priority is its session's (one value, set by the escalation and by edits of
either); its status is its session's status.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from tgdesk.accounts import access
from tgdesk.audit import entries as audit
from tgdesk.core.clock import now_ms
from tgdesk.core.domain import Emotion, Level, Priority, Status
from tgdesk.core.errors import Forbidden, InvalidInput, NotFound
from tgdesk.escalation import content, sla
from tgdesk.sla import views as sla_views
from tgdesk.storage import tickets as store
from tgdesk.storage.records import ticket as ticket_record
from tgdesk.storage.records.session import Session
from tgdesk.storage.records.ticket import Ticket

OPEN = "open"  # the list's default status filter: every session status but closed
MAX_PAGE = 100
_EDITABLE = ("problem", "tried", "key_messages", "emotion")


def shown(ticket: Ticket, session: Session) -> dict[str, Any]:
    """The ticket as the console shows it, with its session's priority, status, holder and
    live SLA clocks (when its project tracks them)."""
    return {
        **ticket,
        "priority": session.get("priority"),
        "status": session.get("status"),
        "assignee_id": session.get("assignee_id"),
        "sla": sla_views.current_view(session),
    }


def of_session(scope: access.Scope, session_id: str) -> dict[str, Any]:
    """The session's ticket, for whoever may see the session; NotFound when it has none."""
    session = scope.session(session_id)
    ticket = store.get(session_id)
    if ticket is None:
        raise NotFound("This session has not been escalated.", code="ticket_not_found")
    return shown(ticket, session)


@dataclass(frozen=True, slots=True)
class Edit:
    """The fields to change; None leaves one as it is."""

    problem: str | None = None
    tried: str | None = None
    key_message_ids: Sequence[str] | None = None
    emotion: Emotion | None = None
    priority: Priority | None = None


def edit(
    scope: access.Scope, session_id: str, changes: Edit, *, source_ip: str | None = None
) -> dict[str, Any]:
    """Change the ticket's editable fields: by the session's holder or a supervisor of its
    project (both see the session; anyone else is told it does not exist). Audited with the
    fields before and after, in the same transaction."""
    session = scope.session(session_id)
    project_id = session["project_id"]
    if session.get("assignee_id") != scope.agent_id and not scope.supervises(project_id):
        raise Forbidden(
            "Only the session's holder or a supervisor edits its ticket.", code="not_holder"
        )
    before = store.get(session_id, consistent=True)
    if before is None:
        raise NotFound("This session has not been escalated.", code="ticket_not_found")
    after: Ticket = {**before}
    if changes.problem is not None:
        problem = content.bounded(changes.problem, ticket_record.MAX_PROBLEM_CHARS, "problem")
        if problem is None:
            raise InvalidInput("Describe the problem.", code="problem_required", field="problem")
        after["problem"] = problem
    if changes.tried is not None:
        after["tried"] = (
            content.bounded(changes.tried, ticket_record.MAX_TRIED_CHARS, "tried") or ""
        )
    if changes.key_message_ids is not None:
        after["key_messages"] = content.chosen_key_messages(session, changes.key_message_ids)
    if changes.emotion is not None:
        after["emotion"] = Emotion(changes.emotion)
    priority = changes.priority if changes.priority != session.get("priority") else None
    changed = [f for f in _EDITABLE if after.get(f) != before.get(f)]
    if not changed and priority is None:
        return shown(before, session)
    after["updated_at"] = now_ms()
    after["version"] = int(before["version"]) + 1
    entry = audit.entry(
        "ticket.update",
        actor_id=scope.agent_id,
        project_id=project_id,
        target_type="ticket",
        target_id=session_id,
        before={
            **{f: before.get(f) for f in changed},
            **({"priority": session.get("priority")} if priority else {}),
        },
        after={
            **{f: after.get(f) for f in changed},
            **({"priority": priority} if priority else {}),
        },
        details={"number": before["number"]},
        source_ip=source_ip,
    )
    store.save_edit(before, after, entry, priority=priority)
    edited: Session = {**session, "priority": priority or session.get("priority")}  # type: ignore[typeddict-item]
    if priority:
        sla.priority_or_status_changed(edited)
    return shown(after, edited)


@dataclass(frozen=True, slots=True)
class Filters:
    level: Level | None = None
    status: str | None = OPEN  # a session status, `open`, or None for every ticket
    group_id: str | None = None
    priority: Priority | None = None
    breach: bool | None = None  # True: a clock of the session is breached; False: none is


def of_project(
    scope: access.Scope,
    project_id: str,
    filters: Filters,
    *,
    limit: int = 50,
    cursor: str | None = None,
) -> tuple[list[dict[str, Any]], str | None]:
    """The project's tickets, highest number first, for its supervisors and admins (anyone
    else outside the project is told it does not exist). A page may hold fewer than `limit`
    tickets and still have a cursor: reading is bounded, as the session list's is (one query
    of at most MAX_PAGE tickets and one batch read of their sessions; the filters on the
    session — status, priority, breach — apply to that page)."""
    scope.require_supervisor(project_id)
    if filters.status not in (None, OPEN, *Status):
        raise InvalidInput(
            "status is open, unread, processing, follow_up or closed.",
            code="invalid_status",
            field="status",
        )
    equals: dict[str, Any] = {}
    if filters.level is not None:
        equals["level"] = filters.level
    if filters.group_id is not None:
        equals["group_id"] = filters.group_id
    found, next_cursor = store.newest_of_project(
        project_id, limit=max(1, min(limit, MAX_PAGE)), cursor=cursor, equals=equals or None
    )
    sessions = store.sessions_of([t["session_id"] for t in found])
    now = now_ms()
    shown_tickets = [
        shown(ticket, sessions[ticket["session_id"]])
        for ticket in found
        if ticket["session_id"] in sessions
        and _matches(sessions[ticket["session_id"]], filters, now)
    ]
    return shown_tickets, next_cursor


def _matches(session: Session, filters: Filters, now: int) -> bool:
    status = session.get("status")
    if filters.status == OPEN and status == Status.CLOSED:
        return False
    if filters.status not in (None, OPEN) and status != filters.status:
        return False
    if filters.breach is not None and sla_views.breached(session, now) != filters.breach:
        return False
    return filters.priority is None or session.get("priority") == filters.priority
