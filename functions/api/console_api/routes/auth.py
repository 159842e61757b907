"""Logging in and out, and setting a password from an invitation link."""

from __future__ import annotations

from fastapi import APIRouter, Path, Response

from console_api.deps import BearerToken, CurrentAgent, SourceIp
from console_api.models import AgentPublic, ErrorBody, LoginRequest, LoginResponse
from console_api.models_team import InvitationAccept
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
    token, agent, expires_at = logins.login(
        body.username, body.password.get_secret_value(), source_ip=source_ip
    )
    return LoginResponse(token=token, expires_at=expires_at, agent=AgentPublic(**agent))


@router.post("/auth/logout", status_code=204)
def logout(token: BearerToken, agent: CurrentAgent, source_ip: SourceIp) -> Response:
    logins.logout(token, agent["agent_id"], source_ip=source_ip)
    return Response(status_code=204)


@router.post(
    "/auth/invitations/{token}",
    status_code=204,
    responses={404: {"model": ErrorBody, "description": "Invalid, used or expired link"}},
)
def accept_invitation(
    body: InvitationAccept,
    source_ip: SourceIp,
    token: str = Path(min_length=20, max_length=128),
) -> Response:
    """Set your password with the link an administrator gave you (once); then log in."""
    invitations.accept_invitation(token, body.password.get_secret_value(), source_ip=source_ip)
    return Response(status_code=204)
