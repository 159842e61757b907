"""Logging in and out, and setting a password from an invitation link."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Response

from console_api.deps import BearerToken, CurrentAgent, SourceIp
from console_api.models import AgentPublic, ErrorBody, LoginRequest, LoginResponse
from console_api.models_team import InvitationAccept, InvitationDetail
from tgdesk.accounts import invitations, logins

router = APIRouter(tags=["auth"])


@router.post(
    "/auth/login",
    responses={
        429: {
            "model": ErrorBody,
            "description": "`too_many_attempts` (wait `Retry-After` seconds) or "
            "`account_locked` (the message says until when)",
        }
    },
)
def login(body: LoginRequest, source_ip: SourceIp) -> LoginResponse:
    """Log in. The new token ends the agent's login on any other device."""
    return _login(body.username, body.password.get_secret_value(), source_ip)


def _login(username: str, password: str, source_ip: str | None) -> LoginResponse:
    token, agent, expires_at = logins.login(username, password, source_ip=source_ip)
    return LoginResponse(token=token, expires_at=expires_at, agent=AgentPublic(**agent))


@router.post("/auth/logout", status_code=204)
def logout(token: BearerToken, agent: CurrentAgent, source_ip: SourceIp) -> Response:
    logins.logout(token, agent["agent_id"], source_ip=source_ip)
    return Response(status_code=204)


_INVITATION_ERRORS = {
    404: {
        "model": ErrorBody,
        "description": "`invitation_not_found`: the link is unknown, used or expired (one "
        "answer for all three)",
    },
    429: {
        "model": ErrorBody,
        "description": "`too_many_attempts` or `account_locked`: links that did not work count "
        "against the address as failed logins do",
    },
}
InvitationToken = Annotated[str, Path(min_length=20, max_length=128)]


@router.get("/auth/invitations/{token}", responses=_INVITATION_ERRORS)
def read_invitation(token: InvitationToken, source_ip: SourceIp) -> InvitationDetail:
    """Whose the invitation link is and the password rule, for the page it opens (no login)."""
    return InvitationDetail(**invitations.lookup(token, source_ip=source_ip))


@router.post("/auth/invitations/{token}", responses=_INVITATION_ERRORS)
def accept_invitation(
    body: InvitationAccept, token: InvitationToken, source_ip: SourceIp
) -> LoginResponse:
    """Set your password with the link an administrator gave you (once), and be signed in:
    the answer is a login, as `POST /api/auth/login` gives."""
    password = body.password.get_secret_value()
    username = invitations.accept_invitation(token, password, source_ip=source_ip)
    return _login(username, password, source_ip)
