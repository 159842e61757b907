"""Invitations: a one-time link (72 h) with which an agent sets their password, after an
administrator created the account invited (without a password) or voided its password. The
token is in the link only; the table keeps its digest.

Anyone may read or use a link, without a login, so a link that does not work (unknown,
used or expired) is one answer (`invitation_not_found`), and each such answer counts
against the caller's address like a failed login (tgdesk.accounts.logins).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from tgdesk.accounts import agents, logins, passwords
from tgdesk.audit import entries as audit
from tgdesk.core.clock import now_ms
from tgdesk.core.domain import Role
from tgdesk.core.errors import NotFound
from tgdesk.storage import accounts
from tgdesk.storage.records.agent import Agent

log = logging.getLogger(__name__)

INVITATION_TTL_MS = 72 * 3600 * 1000


@dataclass(frozen=True)
class Issued:
    """A new invitation: what the table keeps (`record`, by the token's digest) and what the
    administrator hands over (`link`: {url, expires_at}; the token is only in the url)."""

    record: dict[str, Any]
    link: dict[str, Any]

    @property
    def expires_at(self) -> int:
        return int(self.record["expires_at"])


def issue(agent_id: str, *, actor_id: str, public_url: str) -> Issued:
    """A new one-time link for the agent, not yet stored (see `invite`)."""
    token = passwords.new_token()
    created_at = now_ms()
    expires_at = created_at + INVITATION_TTL_MS
    record = {
        "token_hash": passwords.token_digest(token),
        "agent_id": agent_id,
        "created_by": actor_id,
        "created_at": created_at,
        "expires_at": expires_at,
    }
    link = {"url": f"{public_url.rstrip('/')}/#/invitation/{token}", "expires_at": expires_at}
    return Issued(record=record, link=link)


def invite(
    agent_id: str, *, actor_id: str, public_url: str, source_ip: str | None = None
) -> dict[str, Any]:
    """A one-time link (72 h) with which the agent sets their password: {url, expires_at}."""
    if accounts.get_agent(agent_id) is None:
        raise NotFound("no such agent", code="agent_not_found")
    issued = issue(agent_id, actor_id=actor_id, public_url=public_url)
    accounts.put_invitation(
        issued.record,
        audit.entry(
            "agent.invitation_created",
            actor_id=actor_id,
            target_type="agent",
            target_id=agent_id,
            details={"expires_at": issued.expires_at},
            source_ip=source_ip,
        ),
    )
    return issued.link


def _not_found() -> NotFound:
    return NotFound(
        "this invitation link is invalid, used or expired; ask an administrator for a new one",
        code="invitation_not_found",
    )


def _usable(token: str, source_ip: str | None) -> tuple[str, dict[str, Any], Agent]:
    """The invitation behind a token and its agent: (digest, invitation, agent). Refused at
    once while the address is throttled; a link that does not work is counted against it
    and answered `invitation_not_found`, whatever the reason."""
    logins.check_address(source_ip)
    digest = passwords.token_digest(token)
    invitation = accounts.get_invitation(digest) if token else None
    agent = accounts.get_agent(invitation["agent_id"]) if invitation else None
    if invitation is None or agent is None or invitation["expires_at"] <= now_ms():
        logins.count_wrong_secret(source_ip, what="invitation link")
        raise _not_found()
    return digest, invitation, agent


def lookup(token: str, source_ip: str | None = None) -> dict[str, Any]:
    """Whose the invitation is, for the page that opens the link: {username, display_name,
    expires_at}."""
    _, invitation, agent = _usable(token, source_ip)
    return {
        "username": agent["username"],
        "display_name": agent.get("display_name") or agent["username"],
        "expires_at": int(invitation["expires_at"]),
    }


def accept_invitation(token: str, password: str, source_ip: str | None = None) -> str:
    """Set the invited agent's password; the invitation is used up in the same transaction.
    Returns the agent's username (to sign in with)."""
    passwords.validate_password(password)
    digest, _, agent = _usable(token, source_ip)
    agent_id = agent["agent_id"]
    now = now_ms()
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
    return agent["username"]


def create_invited_agent(
    *,
    username: str,
    display_name: str | None,
    role: Role,
    actor_id: str,
    public_url: str,
    source_ip: str | None = None,
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Create an agent without a password, with the invitation that lets them choose one,
    in one transaction audited as `agent.create` with `invited`: (public agent, link)."""
    agent = agents.new_agent(username=username, password=None, display_name=display_name, role=role)
    issued = issue(agent["agent_id"], actor_id=actor_id, public_url=public_url)
    entry = agents.creation_entry(
        agent,
        actor_id=actor_id,
        source_ip=source_ip,
        details={"invited": True, "invitation_expires_at": issued.expires_at},
    )
    accounts.create_agent(agent, entry, invitation=issued.record)
    log.info("agent created invited", extra={"agent_id": agent["agent_id"], "role": role})
    return agents.public_agent(agent), issued.link
