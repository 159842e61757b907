"""Dependencies shared by the routes, as `Annotated` aliases."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from tgdesk.accounts import access, client_address, logins
from tgdesk.core.domain import Role
from tgdesk.core.errors import Forbidden, Unauthorized
from tgdesk.core.settings import get_settings
from tgdesk.outbound import sender

_bearer = HTTPBearer(auto_error=False, description="The token that POST /api/auth/login returns")


def bearer_token(
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> str:
    if credentials is None or not credentials.credentials:
        raise Unauthorized("log in to continue", code="unauthorized")
    return credentials.credentials


BearerToken = Annotated[str, Depends(bearer_token)]


def current_agent(token: BearerToken) -> dict[str, Any]:
    return logins.authenticate(token)


CurrentAgent = Annotated[dict[str, Any], Depends(current_agent)]


def admin_agent(agent: CurrentAgent) -> dict[str, Any]:
    if agent["role"] != Role.ADMIN:
        raise Forbidden("only an administrator can do this", code="admin_only")
    return agent


AdminAgent = Annotated[dict[str, Any], Depends(admin_agent)]


def current_scope(agent: CurrentAgent) -> access.Scope:
    return access.Scope(agent)


CurrentScope = Annotated[access.Scope, Depends(current_scope)]


def session_sender(session_id: str, token: BearerToken) -> sender.Sender:
    """The agent and the session of a request about that one session (a reply), with the
    same answers as CurrentScope then `scope.session(session_id)`, in two reads instead of
    four (tgdesk.outbound.sender)."""
    return sender.authenticate_sender(token, session_id)


SessionSender = Annotated[sender.Sender, Depends(session_sender)]


def public_url(request: Request) -> str:
    """Where Telegram and browsers reach us: the configured URL, else this request's origin."""
    configured = get_settings().public_url
    return configured or f"{request.url.scheme}://{request.url.netloc}"


PublicUrl = Annotated[str, Depends(public_url)]


def source_ip(request: Request) -> str | None:
    """The client's address, the one every route audits and login throttles by: the viewer's
    on a request that provably came through the stack's CloudFront distribution, else API
    Gateway's `sourceIp` (through Mangum), else the peer's (tgdesk.accounts.client_address)."""
    event = request.scope.get("aws.event") or {}
    address = event.get("requestContext", {}).get("http", {}).get("sourceIp")
    peer = str(address) if address else (request.client.host if request.client else None)
    return client_address.client_address(request.headers, peer, get_settings().origin_secret)


SourceIp = Annotated[str | None, Depends(source_ip)]
