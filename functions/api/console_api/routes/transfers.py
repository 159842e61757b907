"""Transfers and take-overs of sessions, and the notices an agent is shown."""

from __future__ import annotations

from fastapi import APIRouter

from console_api.deps import CurrentScope, SourceIp
from console_api.models import ErrorBody
from console_api.models_sessions import SessionView
from console_api.models_transfer import Notice, TakeOverRequest, TransferRequest
from tgdesk import delivery, routing_service
from tgdesk.storage import assignments

router = APIRouter(tags=["transfers"])

_RESPONSES = {
    403: {
        "model": ErrorBody,
        "description": "Missing the `transfer` permission, or not a supervisor",
    },
    409: {"model": ErrorBody, "description": "Closed, changed meanwhile, or nobody can take it"},
}


@router.post("/sessions/{session_id}/transfer", responses=_RESPONSES)
def transfer(
    session_id: str, body: TransferRequest, scope: CurrentScope, source_ip: SourceIp
) -> SessionView:
    """Give the session to a named agent, to a group (routed inside it with the project's
    mode) or to any online agent. Its notes follow it; the previous agent no longer sees
    it. With `notify_user`, `message` is sent to the user, recorded like any reply."""
    if body.notify_user and body.message:
        delivery.validate_text(body.message)
    moved = routing_service.transfer(
        scope,
        session_id,
        agent_id=body.to.agent_id,
        group_id=body.to.group_id,
        any_online=body.to.any_online,
        reason=body.reason,
        source_ip=source_ip,
    )
    if body.notify_user and body.message:
        delivery.announce(scope.agent_id, moved, body.message)
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
def list_notices(scope: CurrentScope) -> list[Notice]:
    """What the caller should know: sessions of theirs routed to someone else because
    they were not opened or answered in time. Newest first; kept 14 days."""
    return [Notice(**n) for n in assignments.list_notices(scope.agent_id)]
