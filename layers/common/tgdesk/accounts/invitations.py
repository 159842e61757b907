"""Invitations: a one-time link (72 h) with which an agent sets their password, after an
administrator created the account or voided its password. The token is in the link only;
the table keeps its digest."""

from __future__ import annotations

import logging
from typing import Any

from tgdesk.accounts import passwords
from tgdesk.audit import entries as audit
from tgdesk.core.clock import now_ms
from tgdesk.core.errors import NotFound
from tgdesk.storage import accounts

log = logging.getLogger(__name__)

INVITATION_TTL_MS = 72 * 3600 * 1000


def invite(
    agent_id: str, *, actor_id: str, public_url: str, source_ip: str | None = None
) -> dict[str, Any]:
    """A one-time link (72 h) with which the agent sets their password: {url, expires_at}."""
    if accounts.get_agent(agent_id) is None:
        raise NotFound("no such agent", code="agent_not_found")
    token = passwords.new_token()
    created_at = now_ms()
    expires_at = created_at + INVITATION_TTL_MS
    accounts.put_invitation(
        {
            "token_hash": passwords.token_digest(token),
            "agent_id": agent_id,
            "created_by": actor_id,
            "created_at": created_at,
            "expires_at": expires_at,
        },
        audit.entry(
            "agent.invitation_created",
            actor_id=actor_id,
            target_type="agent",
            target_id=agent_id,
            details={"expires_at": expires_at},
            source_ip=source_ip,
        ),
    )
    return {"url": f"{public_url.rstrip('/')}/#/invitation/{token}", "expires_at": expires_at}


def accept_invitation(token: str, password: str, source_ip: str | None = None) -> None:
    """Set the invited agent's password; the invitation is used up in the same transaction."""
    passwords.validate_password(password)
    digest = passwords.token_digest(token)
    invitation = accounts.get_invitation(digest) if token else None
    now = now_ms()
    if invitation is None or invitation["expires_at"] <= now:
        raise NotFound(
            "this invitation link is invalid, used or expired; ask an administrator for a new one",
            code="invitation_not_found",
        )
    agent_id = invitation["agent_id"]
    accounts.redeem_invitation(
        digest,
        agent_id,
        password_hash=passwords.hash_password(password),
        now=now,
        audit_entry=audit.entry(
            "agent.invitation_accepted",
            actor_id=agent_id,
            target_type="agent",
            target_id=agent_id,
            source_ip=source_ip,
        ),
    )
    log.info("invitation accepted", extra={"agent_id": agent_id})
