"""Escalations of sessions as numbered tickets, the tickets of a project, and the wording of
the message that tells a user their issue was escalated."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from console_api.deps import CurrentScope, SourceIp
from console_api.models import ErrorBody
from console_api.models_escalations import (
    EscalationRequest,
    TicketList,
    TicketUpdate,
    TicketView,
    WordingUpdate,
    WordingView,
)
from tgdesk.core.domain import Level, Priority
from tgdesk.escalation import move, tickets, wording

router = APIRouter(tags=["escalations"])

_ESCALATE_RESPONSES = {
    403: {"model": ErrorBody, "description": "Missing the `transfer` permission"},
    409: {
        "model": ErrorBody,
        "description": "Closed, changed meanwhile (`session_changed`, `ticket_changed`), nobody "
        "can take it (`no_eligible_agent`, `agent_at_capacity`), or the message to the user "
        "needs `confirm_risk` (`risk_confirmation_required`)",
    },
    422: {
        "model": ErrorBody,
        "description": "Not a higher level (`level_not_higher`); supervisors with l2 "
        "(`supervisors_need_l3`); the named agent cannot take it (`agent_not_member`, "
        "`agent_not_in_scope`, `agent_disabled`, `same_agent`); a key message not of the "
        "session (`message_not_found`); the message to the user is blocked (`risk_blocked`); "
        "a target looser than the project's policy (`target_looser_than_policy`)",
    },
}


@router.post("/sessions/{session_id}/escalations", status_code=201, responses=_ESCALATE_RESPONSES)
def escalate(
    session_id: str, body: EscalationRequest, scope: CurrentScope, source_ip: SourceIp
) -> TicketView:
    """Escalate the session to l2 or l3: to a group (routed inside it with the project's
    mode), a named agent, or (l3) the project's supervisors and admins. By its holder with
    the `transfer` permission or a supervisor; the holder loses the session, as with a
    transfer. The first escalation opens the session's ticket with the project's next
    number; a later one (upward only) adds a hop to the same ticket. The user is told, in
    their language, the ticket number and the expected response time for the priority."""
    request = move.Request(
        level=body.level,
        group_id=body.to.group_id,
        agent_id=body.to.agent_id,
        supervisors=body.to.supervisors,
        reason=body.reason,
        problem=body.problem,
        tried=body.tried,
        key_message_ids=tuple(body.key_message_ids) if body.key_message_ids is not None else None,
        emotion=body.emotion,
        priority=body.priority,
        notify_user=body.notify_user,
        confirm_risk=body.confirm_risk,
        first_response_minutes=body.first_response_minutes,
        resolution_minutes=body.resolution_minutes,
    )
    done = move.escalate(scope, session_id, request, source_ip=source_ip)
    return TicketView(**tickets.shown(done.ticket, done.session))


@router.get("/sessions/{session_id}/ticket", responses={404: {"model": ErrorBody}})
def get_ticket(session_id: str, scope: CurrentScope) -> TicketView:
    """The session's ticket, for whoever may see the session (404 `ticket_not_found` when it
    was never escalated)."""
    return TicketView(**tickets.of_session(scope, session_id))


@router.patch("/sessions/{session_id}/ticket", responses={404: {"model": ErrorBody}})
def edit_ticket(
    session_id: str, body: TicketUpdate, scope: CurrentScope, source_ip: SourceIp
) -> TicketView:
    """Change the ticket's problem, what was tried, key messages, emotion or priority (the
    session's): by the session's holder or a supervisor of its project. Audited."""
    changes = tickets.Edit(
        problem=body.problem,
        tried=body.tried,
        key_message_ids=body.key_message_ids,
        emotion=body.emotion,
        priority=body.priority,
    )
    return TicketView(**tickets.edit(scope, session_id, changes, source_ip=source_ip))


@router.get("/tickets", responses={404: {"model": ErrorBody}})
def list_tickets(
    scope: CurrentScope,
    project_id: str,
    level: Level | None = None,
    status: Annotated[
        str,
        Query(description="`open` (every status but closed), `all`, or one session status"),
    ] = tickets.OPEN,
    group_id: Annotated[str | None, Query(max_length=64)] = None,
    priority: Priority | None = None,
    breach: Annotated[
        bool | None,
        Query(description="true: a running SLA clock of the session is overdue; false: none is"),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=tickets.MAX_PAGE)] = 50,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
) -> TicketList:
    """A project's tickets, highest number first, for its supervisors and admins, each with
    its session's live SLA clocks. A page reads at most `limit` tickets and their sessions
    (one batch read); the session filters apply to that page, so it may hold fewer."""
    filters = tickets.Filters(
        level=level,
        status=None if status == "all" else status,
        group_id=group_id,
        priority=priority,
        breach=breach,
    )
    found, next_cursor = tickets.of_project(scope, project_id, filters, limit=limit, cursor=cursor)
    return TicketList(items=[TicketView(**t) for t in found], next_cursor=next_cursor)


@router.get("/projects/{project_id}/escalation-wording")
def get_wording(project_id: str, scope: CurrentScope) -> WordingView:
    """What the project's users are told when their issue is escalated, by language."""
    return WordingView(**wording.of_project(scope, project_id))


@router.put("/projects/{project_id}/escalation-wording")
def put_wording(
    project_id: str, body: WordingUpdate, scope: CurrentScope, source_ip: SourceIp
) -> WordingView:
    """Replace the project's messages (supervisors); a blank language uses the default."""
    return WordingView(**wording.save(scope, project_id, body.templates, source_ip=source_ip))
