"""Agent accounts, managed by administrators (nobody registers themselves)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from console_api.deps import AdminAgent, PublicUrl, SourceIp
from console_api.models import AgentCreate, AgentPublic, ErrorBody, Items
from console_api.models_team import (
    AgentAccount,
    AgentChange,
    AgentCreated,
    InvitationPublic,
    PasswordReset,
    PasswordResetResult,
)
from tgdesk.accounts import agents, invitations
from tgdesk.core.clock import now_ms
from tgdesk.core.domain import Role
from tgdesk.core.errors import InvalidInput
from tgdesk.team import members

router = APIRouter(tags=["agents"])


@router.post("/agents", status_code=201)
def create_agent(
    body: AgentCreate, admin: AdminAgent, source_ip: SourceIp, public_url: PublicUrl
) -> AgentCreated:
    """Create an account. Without a password the agent is created invited: the answer's
    `invitation` is the link with which they choose one (nobody signs in as them before)."""
    if body.password is None:
        agent, link = invitations.create_invited_agent(
            username=body.username,
            display_name=body.display_name,
            role=body.role,
            actor_id=admin["agent_id"],
            public_url=public_url,
            source_ip=source_ip,
        )
        return AgentCreated(**agent, invitation=InvitationPublic(**link))
    agent = agents.create_agent(
        username=body.username,
        password=body.password.get_secret_value(),
        display_name=body.display_name,
        role=body.role,
        actor_id=admin["agent_id"],
        source_ip=source_ip,
    )
    return AgentCreated(**agent)


def _accounts(found: list[dict[str, Any]]) -> list[AgentAccount]:
    """Accounts as administrators see them: presence, load, any lock, the last sign-in."""
    now = now_ms()
    locks = agents.locks(found)
    return [
        AgentAccount(
            **{
                **agents.public_agent(a),
                **members.agent_summary(a, now),
                "locked_until": locks.get(a["agent_id"]),
                "last_sign_in_at": agents.last_sign_in_at(a),
                "no_recent_sign_in": agents.no_recent_sign_in(a, now),
            }
        )
        for a in found
    ]


@router.get("/agents")
def list_agents(_: AdminAgent) -> Items[AgentAccount]:
    """Every agent, by username, with effective presence, load, any lock and the last
    sign-in (`no_recent_sign_in`: none for 7 days)."""
    return Items[AgentAccount](items=_accounts(agents.list_agents()))


@router.patch("/agents/{agent_id}", responses={404: {"model": ErrorBody}})
def update_agent(
    agent_id: str, body: AgentChange, admin: AdminAgent, source_ip: SourceIp
) -> AgentAccount:
    """Change an account. `max_open_sessions: null` removes the limit; a new password or
    disabling the account ends the agent's login."""
    if agent_id == admin["agent_id"] and (body.disabled or body.role not in (None, Role.ADMIN)):
        raise InvalidInput(
            "You cannot disable or demote yourself; ask another administrator.",
            code="cannot_demote_self",
        )
    agent = agents.update_agent(
        agent_id,
        actor_id=admin["agent_id"],
        display_name=body.display_name,
        role=body.role,
        disabled=body.disabled,
        password=body.password.get_secret_value() if body.password else None,
        max_open_sessions=body.max_open_sessions,
        clear_capacity="max_open_sessions" in body.model_fields_set
        and body.max_open_sessions is None,
        source_ip=source_ip,
    )
    return _accounts([agent])[0]


@router.post(
    "/agents/{agent_id}/unlock",
    responses={404: {"model": ErrorBody, "description": "`agent_not_found`"}},
)
def unlock_agent(agent_id: str, admin: AdminAgent, source_ip: SourceIp) -> AgentAccount:
    """Lift the account's lock after failed logins and forget its failures (a password
    reset does this too). A lock on an address is not lifted: it expires by itself."""
    agent = agents.unlock(agent_id, actor_id=admin["agent_id"], source_ip=source_ip)
    return _accounts([agent])[0]


@router.post("/agents/{agent_id}/password-reset")
def reset_password(
    agent_id: str,
    body: PasswordReset,
    admin: AdminAgent,
    source_ip: SourceIp,
    public_url: PublicUrl,
) -> PasswordResetResult:
    """End the agent's login and set a new password, or (without one) void the old
    password and answer an invitation link with which the agent chooses a new one."""
    password = body.password.get_secret_value() if body.password else None
    agent = agents.reset_password(
        agent_id, actor_id=admin["agent_id"], password=password, source_ip=source_ip
    )
    invitation = None
    if password is None:
        invitation = invitations.invite(
            agent_id, actor_id=admin["agent_id"], public_url=public_url, source_ip=source_ip
        )
    return PasswordResetResult(
        agent=AgentPublic(**agent),
        invitation=InvitationPublic(**invitation) if invitation else None,
    )


@router.post("/agents/{agent_id}/invitations", status_code=201)
def invite(
    agent_id: str, admin: AdminAgent, source_ip: SourceIp, public_url: PublicUrl
) -> InvitationPublic:
    """A one-time link (valid 72 h) with which the agent sets their password."""
    return InvitationPublic(
        **invitations.invite(
            agent_id, actor_id=admin["agent_id"], public_url=public_url, source_ip=source_ip
        )
    )
