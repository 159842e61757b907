"""A project's members: joining, their permissions, and the team list of their agents.

Every change is audited.
"""

from __future__ import annotations

from typing import Any, cast

from tgdesk.accounts import access, agents
from tgdesk.audit import entries as audit
from tgdesk.core.clock import now_ms
from tgdesk.core.errors import InvalidInput, NotFound
from tgdesk.storage import accounts, projects
from tgdesk.storage import team as team_store
from tgdesk.storage.records.agent import Agent
from tgdesk.storage.records.project import Member
from tgdesk.team import presence
from tgdesk.team.projects import get_project


def member_ids(project_id: str) -> list[str]:
    return [m["agent_id"] for m in projects.list_members(project_id)]


def require_members(project_id: str, agent_ids: list[str], field: str) -> list[str]:
    """The agent ids without repeats, all of them members of the project (InvalidInput
    `not_a_member` about `field` otherwise)."""
    unique = list(dict.fromkeys(agent_ids))
    strangers = sorted(set(unique) - set(member_ids(project_id)))
    if strangers:
        raise InvalidInput(
            f"only members of the project can be named here; not members: {', '.join(strangers)}",
            code="not_a_member",
            field=field,
        )
    return unique


# -- joining ----------------------------------------------------------------------------
def add_member(
    project_id: str, agent_id: str, *, actor_id: str, source_ip: str | None = None
) -> bool:
    """Make an agent a member of a project (an admin does this); audited. False when they
    already were. NotFound for an unknown project or agent (`agent_id`)."""
    get_project(project_id)
    agents.get_agent(agent_id, field="agent_id")
    added = projects.add_member(project_id, agent_id)
    if added:
        audit.record(
            "member.add",
            actor_id=actor_id,
            project_id=project_id,
            target_type="agent",
            target_id=agent_id,
            source_ip=source_ip,
        )
    return added


def member_details(project_id: str) -> list[dict[str, Any]]:
    """The project's members, each with their account's fields (the member's win)."""
    members = projects.list_members(project_id)
    accounts_by_id = accounts.get_agents([m["agent_id"] for m in members])
    return [{**accounts_by_id.get(m["agent_id"], {}), **m} for m in members]


# -- permissions ------------------------------------------------------------------------
def _valid_permissions(permissions: list[str]) -> list[str]:
    """The permissions in access.PERMISSIONS order; InvalidInput for an unknown one."""
    unknown = sorted(set(permissions) - set(access.PERMISSIONS))
    if unknown:
        raise InvalidInput(
            f"unknown permission: {', '.join(unknown)}; "
            f"permissions are {', '.join(access.PERMISSIONS)}",
            code="invalid_permission",
            field="permissions",
        )
    return [p for p in access.PERMISSIONS if p in permissions]


def set_member_permissions(
    scope: access.Scope,
    project_id: str,
    agent_id: str,
    permissions: list[str] | None,
    *,
    source_ip: str | None = None,
) -> Member:
    """Narrow what a member may do in the project (None: everything). Returns the member."""
    scope.require_supervisor(project_id)
    if permissions is not None:
        permissions = _valid_permissions(permissions)
    member = team_store.get_member(project_id, agent_id)
    if member is None:
        raise NotFound("this agent is not a member of the project", code="member_not_found")
    before = member.get("permissions")
    if before != permissions:
        team_store.set_member_permissions(
            project_id,
            agent_id,
            permissions,
            before=before,
            audit_entry=audit.entry(
                "member.permissions",
                actor_id=scope.agent_id,
                project_id=project_id,
                target_type="agent",
                target_id=agent_id,
                before={"permissions": before},
                after={"permissions": permissions},
                source_ip=source_ip,
            ),
        )
    shown = {k: v for k, v in member.items() if k != "permissions"}
    return cast(Member, shown if permissions is None else {**shown, "permissions": permissions})


# -- the team list ----------------------------------------------------------------------
def agent_summary(agent: Agent, now: int) -> dict[str, Any]:
    """What a team list shows of an agent: who, role, effective presence, load."""
    return {
        "agent_id": agent["agent_id"],
        "username": agent.get("username"),
        "display_name": agent.get("display_name") or agent.get("username"),
        "role": agent.get("role"),
        "disabled": bool(agent.get("disabled")),
        "presence": presence.effective(agent, now),
        "open_sessions": int(agent.get("open_sessions", 0)),
        "max_open_sessions": agent.get("max_open_sessions"),
    }


def project_agents(project_id: str) -> list[dict[str, Any]]:
    """Summaries of a project's members, by display name."""
    found = accounts.get_agents(member_ids(project_id))
    now = now_ms()
    summaries = [agent_summary(a, now) for a in found.values()]
    return sorted(summaries, key=lambda a: (str(a["display_name"]).lower(), a["agent_id"]))
