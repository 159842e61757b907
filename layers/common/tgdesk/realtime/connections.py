"""The console's WebSocket: tickets, the connection's life, and pushing frames to it.

Browsers cannot set headers on a WebSocket handshake, so the console first asks the REST
API for a ticket (single use, 60 s) and opens `{url}?ticket=...`. The ticket carries the
digest of the login it was issued to: a connection whose login was replaced (signed in
elsewhere, password reset, disabled) stops receiving frames.

Frames go out through API Gateway's Management API (`@connections`), whose endpoint is
the WebSocket stage's https URL on AWS and the local stack's stand-in locally.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

from tgdesk.accounts.passwords import token_digest
from tgdesk.core.clock import now_ms
from tgdesk.core.errors import Unauthorized
from tgdesk.core.settings import get_settings
from tgdesk.storage import accounts, connections
from tgdesk.team import presence

log = logging.getLogger(__name__)

TICKET_TTL_MS = 60_000
CONNECTION_TTL_SECONDS = 2 * 3600  # API Gateway's own limit on a connection's life
_GONE = frozenset({"GoneException"})


# -- tickets ----------------------------------------------------------------------------
@dataclass(frozen=True)
class Ticket:
    ticket: str
    url: str
    expires_at: int


def issue_ticket(agent_id: str, login_token: str, *, fallback_url: str) -> Ticket:
    """A single-use ticket for `agent_id`, logged in with `login_token` (kept as a digest).

    `fallback_url` is used when no WebSocket URL is configured (the request's own origin)."""
    ticket = secrets.token_urlsafe(32)
    expires_at = now_ms() + TICKET_TTL_MS
    connections.put_ticket(
        token_digest(ticket),
        agent_id,
        login_digest=token_digest(login_token),
        expires_at=expires_at,
    )
    return Ticket(ticket, get_settings().websocket_url or fallback_url, expires_at)


# -- the connection's life ----------------------------------------------------------------
def connect(connection_id: str, ticket: str | None, *, source_ip: str | None) -> dict[str, Any]:
    """Redeem the ticket and record the connection; Unauthorized when it cannot open."""
    now = now_ms()
    redeemed = connections.take_ticket(token_digest(ticket), now) if ticket else None
    if redeemed is None:
        raise Unauthorized("the ticket is unknown, used or expired", code="invalid_ticket")
    agent = accounts.get_agent(redeemed["agent_id"])
    if agent is None or agent.get("disabled") or not is_current_login(agent, redeemed):
        raise Unauthorized("the login behind this ticket has ended", code="login_ended")
    connection = {
        "connection_id": connection_id,
        "agent_id": agent["agent_id"],
        "login_digest": redeemed["login_digest"],
        "connected_at": now,
        "source_ip": source_ip,
    }
    connections.put_connection(connection, ttl_seconds=CONNECTION_TTL_SECONDS)
    return connection


def is_current_login(agent: Mapping[str, Any], holder: Mapping[str, Any]) -> bool:
    """Whether a ticket or connection still belongs to the agent's one valid login."""
    return bool(holder.get("login_digest")) and holder.get("login_digest") == agent.get(
        "token_digest"
    )


def heartbeat(connection_id: str) -> bool:
    """The console behind a connection is open: keep the connection and the agent's presence
    alive (as POST /api/me/heartbeat does). False when the connection is unknown or its
    login has ended: the caller closes it, and the console reconnects or signs in again."""
    connection = connections.touch_connection(
        connection_id, now_ms(), ttl_seconds=CONNECTION_TTL_SECONDS
    )
    if connection is None:
        return False
    agent = accounts.get_agent(connection["agent_id"])
    if agent is None or agent.get("disabled") or not is_current_login(agent, connection):
        return False
    presence.heartbeat(agent["agent_id"])
    return True


def disconnect(connection_id: str) -> None:
    connections.delete_connection(connection_id)


# -- pushing ----------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _management_client() -> Any:
    return boto3.client(
        "apigatewaymanagementapi",
        endpoint_url=get_settings().websocket_callback_url,
        config=Config(
            retries={"max_attempts": 2, "mode": "standard"}, connect_timeout=2, read_timeout=3
        ),
    )


def reset() -> None:
    """Forget the cached client (tests switch endpoints)."""
    _management_client.cache_clear()


def can_push() -> bool:
    return bool(get_settings().websocket_callback_url)


def send(connection_id: str, data: bytes) -> bool:
    """Push one frame. A connection API Gateway calls gone (410) is deleted here, and
    False is returned; any other failure raises."""
    try:
        _management_client().post_to_connection(ConnectionId=connection_id, Data=data)
    except ClientError as err:
        if err.response.get("Error", {}).get("Code") in _GONE:
            connections.delete_connection(connection_id)
            log.info("stale connection deleted", extra={"connection_id": connection_id})
            return False
        raise
    return True


def close(connection_id: str) -> None:
    """Close a connection from the server side and forget it (the console reconnects)."""
    connections.delete_connection(connection_id)
    try:
        _management_client().delete_connection(ConnectionId=connection_id)
    except ClientError as err:
        if err.response.get("Error", {}).get("Code") not in _GONE:
            raise
