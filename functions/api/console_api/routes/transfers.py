"""Transfers and take-overs of sessions, and the notices an agent is shown."""

from __future__ import annotations

from fastapi import APIRouter

from console_api.deps import CurrentScope, SourceIp
from console_api.models import ErrorBody, Items
from console_api.models_sessions import SessionView
from console_api.models_transfer import Assignment, Notice, TakeOverRequest, TransferRequest
from tgdesk.outbound import delivery
from tgdesk.risk import checks as risk_checks
from tgdesk.routing import history, notices
from tgdesk.routing import service as routing_service

router = APIRouter(tags=["transfers"])

_RESPONSES = {
    403: {
        "model": ErrorBody,
        "description": "Missing the `transfer` permission, or not a supervisor",
    },
    409: {
        "model": ErrorBody,
        "description": "Closed, changed meanwhile, nobody can take it, or the message to the "
        "user needs `confirm_risk` (`risk_confirmation_required`)",
    },
    422: {
        "model": ErrorBody,
        "description": "The message to the user is blocked (`risk_blocked`); `notify_user` "
        "without a message (`message_required`) or `false` with one (`message_not_wanted`); "
        "the named agent is not a member (`agent_not_member`), not in the project's agent "
        "scope (`agent_not_in_scope`) or disabled (`agent_disabled`); the same agent "
        "(`same_agent`)",
    },
}


@router.post("/sessions/{session_id}/transfer", responses=_RESPONSES)
def transfer(
    session_id: str, body: TransferRequest, scope: CurrentScope, source_ip: SourceIp
) -> SessionView:
    """Give the session to a named agent, to a group (routed inside it with the project's
    mode) or to any online agent. Its notes follow it; the previous agent no longer sees
    it. A `message` is checked against the project's risk words first (a blocked or
    unconfirmed message refuses the whole transfer before anything changes), stored with
    the move in one write, then sent and delivered like any reply."""
    text = routing_service.transfer_message(body.notify_user, body.message)
    message = None
    if text is not None:
        session = scope.session(session_id)
        risk_matches = risk_checks.check_outbound(
            scope.agent_id, session, text, confirmed=body.confirm_risk
        )
        message = delivery.prepare(scope.agent_id, session, text, risk_matches=risk_matches)
    moved = routing_service.transfer(
        scope,
        session_id,
        agent_id=body.to.agent_id,
        group_id=body.to.group_id,
        any_online=body.to.any_online,
        reason=body.reason,
        source_ip=source_ip,
        message=message,
    )
    if message is not None:
        delivery.send(message.message)
    return SessionView(**moved)


@router.post("/sessions/{session_id}/take-over", responses=_RESPONSES)
def take_over(
    session_id: str, scope: CurrentScope, source_ip: SourceIp, body: TakeOverRequest | None = None
) -> SessionView:
    """A supervisor of the project makes the session theirs, to write to the user."""
    taken = routing_service.take_over(
        scope, session_id, reason=body.reason if body else None, source_ip=source_ip
    )
    return SessionView(**taken)


@router.get("/notices")
def list_notices(scope: CurrentScope) -> Items[Notice]:
    """What the caller should know: sessions of theirs routed to someone else because
    they were not opened or answered in time; for supervisors, sessions of their projects
    returned as often as the project allows. Newest first; kept 14 days."""
    return Items[Notice](items=[Notice(**n) for n in notices.of_agent(scope.agent_id)])


@router.get("/sessions/{session_id}/assignments", responses={404: {"model": ErrorBody}})
def list_assignments(session_id: str, scope: CurrentScope) -> Items[Assignment]:
    """How the session came to each of its agents, oldest first: routed, transferred (with
    the reason and who it came from), taken over, returned or reopened. Seen by whoever may
    see the session; anyone else is told it does not exist (404)."""
    found = history.of_session(scope, session_id)
    return Items[Assignment](items=[Assignment(**a) for a in found])
