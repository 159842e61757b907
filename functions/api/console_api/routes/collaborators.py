"""Collaborators on a session: invite, list, remove, and hand the reply over to one of them."""

from __future__ import annotations

from fastapi import APIRouter, Response

from console_api.deps import CurrentScope, SourceIp
from console_api.models import ErrorBody, Items
from console_api.models_collaborators import CollaboratorCreate, CollaboratorPublic, HandOver
from console_api.models_sessions import SessionView
from tgdesk.collaboration import hand_over as handing
from tgdesk.collaboration import invitations

router = APIRouter(tags=["collaborators"])

_FORBIDDEN = {
    403: {
        "model": ErrorBody,
        "description": "Not the session's holder nor a supervisor (`holder_or_supervisor_only`)",
    }
}
_CONFLICT = {
    409: {
        "model": ErrorBody,
        "description": "Closed (`session_closed`), already invited (`already_collaborator`), "
        "full (`too_many_collaborators`) or changed meanwhile (`session_changed`)",
    }
}


@router.get("/sessions/{session_id}/collaborators")
def list_collaborators(session_id: str, scope: CurrentScope) -> Items[CollaboratorPublic]:
    """Who collaborates on the session, earliest invited first: whoever may see it."""
    found = invitations.of_session(scope, session_id)
    return Items[CollaboratorPublic](items=[CollaboratorPublic(**c) for c in found])


@router.post(
    "/sessions/{session_id}/collaborators",
    status_code=201,
    responses={
        **_FORBIDDEN,
        **_CONFLICT,
        422: {
            "model": ErrorBody,
            "description": "The agent holds the session (`agent_is_holder`), is not a member "
            "(`agent_not_member`) or is disabled (`agent_disabled`)",
        },
    },
)
def invite(
    session_id: str, body: CollaboratorCreate, scope: CurrentScope, source_ip: SourceIp
) -> CollaboratorPublic:
    """Invite an agent of the project to collaborate: they see the session, read all of it,
    write notes and are told of new messages; only the holder replies."""
    invited = invitations.invite(scope, session_id, body.agent_id, source_ip=source_ip)
    return CollaboratorPublic(**invited)


@router.delete(
    "/sessions/{session_id}/collaborators/{agent_id}",
    status_code=204,
    responses={**_FORBIDDEN, **_CONFLICT},
)
def remove(session_id: str, agent_id: str, scope: CurrentScope, source_ip: SourceIp) -> Response:
    """Remove a collaborator (the holder or a supervisor), or leave (the collaborator): they
    lose access at once."""
    invitations.remove(scope, session_id, agent_id, source_ip=source_ip)
    return Response(status_code=204)


@router.post(
    "/sessions/{session_id}/collaborators/{agent_id}/hand-over",
    responses={
        **_FORBIDDEN,
        **_CONFLICT,
        422: {
            "model": ErrorBody,
            "description": "Not a collaborator of the session (`not_a_collaborator`), or not "
            "eligible in the project (as for a transfer)",
        },
    },
)
def hand_over(
    session_id: str,
    agent_id: str,
    scope: CurrentScope,
    source_ip: SourceIp,
    body: HandOver | None = None,
) -> SessionView:
    """Give the reply to a collaborator: a transfer to them that keeps the other
    collaborators; the previous holder stays on as a collaborator unless `keep_previous` is
    false."""
    body = body or HandOver()
    moved = handing.hand_over(
        scope,
        session_id,
        agent_id,
        keep_previous=body.keep_previous,
        reason=body.reason,
        source_ip=source_ip,
    )
    return SessionView(**moved)
