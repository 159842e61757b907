"""The team around a project: settings with their defaults, members' permissions,
presence and capacity, the agents a project routes to, and agent groups.

Plain Python over the storage layer; every change is audited.
"""

from __future__ import annotations

from typing import Any

from tgdesk.accounts import access, auth
from tgdesk.audit import entries as audit
from tgdesk.core import ids
from tgdesk.core.clock import now_ms
from tgdesk.core.errors import InvalidInput, NotFound
from tgdesk.storage import accounts, projects
from tgdesk.storage import groups as group_store
from tgdesk.storage import team as team_store
from tgdesk.team import presence

ROUTING_MODES = ("round_robin", "online_first", "balanced")
DEFAULT_ROUTING: dict[str, Any] = {
    "mode": "round_robin",
    "return_after_minutes": None,
    "sticky_returning_users": True,
    "max_returns": 3,  # returns in a row of an unopened session; then its supervisors are told
}
DEFAULT_AUTO_CLOSE_AFTER_HOURS = 24
DEFAULT_REOPEN_WITHIN_DAYS = 7
ALL_AGENTS = "all"
SETTINGS = ("name", "routing", "agent_scope", "auto_close_after_hours", "reopen_within_days")


# -- project settings -------------------------------------------------------------------
def project_settings(project: dict[str, Any]) -> dict[str, Any]:
    """A project's team and routing settings with every default filled in.

    The one reading of docs/data-model.md "Team and routing attributes": routing, the
    lifecycle and the API all call this.
    """
    stored = project.get("routing") or {}
    routing = {**DEFAULT_ROUTING, **{k: v for k, v in stored.items() if k in DEFAULT_ROUTING}}
    if routing["mode"] not in ROUTING_MODES:
        routing["mode"] = DEFAULT_ROUTING["mode"]
    return {
        "name": project.get("name"),
        "routing": routing,
        "agent_scope": project.get("agent_scope") or ALL_AGENTS,
        "auto_close_after_hours": int(
            _stored(project, "auto_close_after_hours", DEFAULT_AUTO_CLOSE_AFTER_HOURS)
        ),
        "reopen_within_days": int(
            _stored(project, "reopen_within_days", DEFAULT_REOPEN_WITHIN_DAYS)
        ),
    }


def _stored(project: dict[str, Any], name: str, default: int) -> Any:
    value = project.get(name)
    return default if value is None else value


def _project(project_id: str) -> dict[str, Any]:
    project = projects.get_project(project_id)
    if project is None:
        raise NotFound("no such project", code="project_not_found")
    return project


def member_ids(project_id: str) -> list[str]:
    return [m["agent_id"] for m in projects.list_members(project_id)]


def _require_members(project_id: str, agent_ids: list[str], field: str) -> list[str]:
    unique = list(dict.fromkeys(agent_ids))
    strangers = sorted(set(unique) - set(member_ids(project_id)))
    if strangers:
        raise InvalidInput(
            f"only members of the project can be named here; not members: {', '.join(strangers)}",
            code="not_a_member",
            field=field,
        )
    return unique


def update_project_settings(
    scope: access.Scope,
    project_id: str,
    changes: dict[str, Any],
    *,
    source_ip: str | None = None,
) -> dict[str, Any]:
    """Change settings (admin or a supervisor of the project); returns project_settings().

    `changes` holds only the fields sent; `routing` may be partial (merged with the current
    routing). `agent_scope` is "all" or a list of member agent ids.
    """
    scope.require_supervisor(project_id)
    unknown = set(changes) - set(SETTINGS)
    if unknown:
        raise InvalidInput(f"unknown setting: {', '.join(sorted(unknown))}", field=min(unknown))
    project = _project(project_id)
    current = project_settings(project)
    new = dict(current)
    if "name" in changes:
        name = str(changes["name"] or "").strip()
        if not name:
            raise InvalidInput("a project needs a name", field="name")
        new["name"] = name
    if "routing" in changes:
        routing = {**current["routing"], **(changes["routing"] or {})}
        if routing["mode"] not in ROUTING_MODES:
            raise InvalidInput(
                f"routing.mode is one of {', '.join(ROUTING_MODES)}", field="routing.mode"
            )
        minutes = routing["return_after_minutes"]
        if minutes is not None and not 1 <= int(minutes) <= 7 * 24 * 60:
            raise InvalidInput(
                "routing.return_after_minutes is 1 to 10080 (or null: off)",
                field="routing.return_after_minutes",
            )
        if routing["max_returns"] is None:
            routing["max_returns"] = DEFAULT_ROUTING["max_returns"]
        routing["max_returns"] = _bounded(routing["max_returns"], 1, 20, "routing.max_returns")
        new["routing"] = routing
    if "agent_scope" in changes:
        scope_value = changes["agent_scope"]
        if scope_value == ALL_AGENTS:
            new["agent_scope"] = ALL_AGENTS
        elif isinstance(scope_value, list) and scope_value:
            new["agent_scope"] = _require_members(project_id, scope_value, "agent_scope")
        else:
            raise InvalidInput(
                'agent_scope is "all" or a non-empty list of member agent ids',
                field="agent_scope",
            )
    if "auto_close_after_hours" in changes:
        hours = changes["auto_close_after_hours"]
        new["auto_close_after_hours"] = (
            DEFAULT_AUTO_CLOSE_AFTER_HOURS
            if hours is None
            else _bounded(hours, 1, 24 * 90, "auto_close_after_hours")
        )
    if "reopen_within_days" in changes:
        days = changes["reopen_within_days"]
        new["reopen_within_days"] = (
            DEFAULT_REOPEN_WITHIN_DAYS
            if days is None
            else _bounded(days, 0, 365, "reopen_within_days")
        )
    changed = {k: v for k, v in new.items() if v != current[k]}
    if not changed:
        return current
    stored = _stored_form(changed)
    before = {k: project.get(k) for k in changed}
    team_store.update_project_settings(
        project_id,
        set_=stored,
        remove=[],
        before=before,
        audit_entry=audit.entry(
            "project.settings",
            actor_id=scope.agent_id,
            project_id=project_id,
            target_type="project",
            target_id=project_id,
            before={k: current[k] for k in changed},
            after=changed,
            source_ip=source_ip,
        ),
    )
    return new


def _bounded(value: Any, lo: int, hi: int, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
        raise InvalidInput(f"{field} is a whole number from {lo} to {hi}", field=field)
    return value


def _stored_form(changed: dict[str, Any]) -> dict[str, Any]:
    """Settings as the project item keeps them: `return_after_minutes` absent when off."""
    stored = dict(changed)
    if "routing" in stored:
        stored["routing"] = {k: v for k, v in stored["routing"].items() if v is not None}
    return stored


def agents_in_scope(project: dict[str, Any]) -> list[str]:
    """The member agent ids a project routes to: all members, or its chosen list (members
    only, in case someone left the project since the list was set)."""
    members = member_ids(project["project_id"])
    chosen = project_settings(project)["agent_scope"]
    if chosen == ALL_AGENTS:
        return members
    return [a for a in chosen if a in set(members)]


# -- members' permissions ---------------------------------------------------------------
def set_member_permissions(
    scope: access.Scope,
    project_id: str,
    agent_id: str,
    permissions: list[str] | None,
    *,
    source_ip: str | None = None,
) -> dict[str, Any]:
    """Narrow what a member may do in the project (None: everything). Returns the member."""
    scope.require_supervisor(project_id)
    if permissions is not None:
        unknown = sorted(set(permissions) - set(access.PERMISSIONS))
        if unknown:
            raise InvalidInput(
                f"unknown permission: {', '.join(unknown)}; "
                f"permissions are {', '.join(access.PERMISSIONS)}",
                code="invalid_permission",
                field="permissions",
            )
        permissions = [p for p in access.PERMISSIONS if p in permissions]
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
    return shown if permissions is None else {**shown, "permissions": permissions}


# -- presence and capacity --------------------------------------------------------------
def agent_summary(agent: dict[str, Any], now: int) -> dict[str, Any]:
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


def has_capacity(agent: dict[str, Any]) -> bool:
    """True while the agent holds fewer open sessions than their optional limit."""
    limit = agent.get("max_open_sessions")
    return limit is None or int(agent.get("open_sessions", 0)) < int(limit)


def project_agents(project_id: str) -> list[dict[str, Any]]:
    """Summaries of a project's members, by display name."""
    agents = accounts.get_agents(member_ids(project_id))
    now = now_ms()
    summaries = [agent_summary(a, now) for a in agents.values()]
    return sorted(summaries, key=lambda a: (str(a["display_name"]).lower(), a["agent_id"]))


def set_presence(agent_id: str, state: str, *, source_ip: str | None = None) -> dict[str, Any]:
    """The agent sets online, busy or offline; online also counts as a heartbeat."""
    if state not in presence.STATES:
        raise InvalidInput(f"state is one of {', '.join(presence.STATES)}", field="state")
    now = now_ms()
    before, after = accounts.update_agent(
        agent_id, {"presence": state, "presence_at": now, "heartbeat_at": now}
    )
    if before.get("presence") != state:
        audit.record(
            "agent.presence",
            actor_id=agent_id,
            target_type="agent",
            target_id=agent_id,
            before={"presence": before.get("presence", presence.OFFLINE)},
            after={"presence": state},
            source_ip=source_ip,
        )
    return auth.public_agent(after)


def heartbeat(agent_id: str) -> int:
    """The console is alive (one UpdateItem). Returns the time recorded."""
    now = now_ms()
    accounts.touch_heartbeat(agent_id, now)
    return now


# -- groups -----------------------------------------------------------------------------
def _group_name(name: Any) -> str:
    cleaned = str(name or "").strip()
    if not 1 <= len(cleaned) <= 60:
        raise InvalidInput("a group name has 1 to 60 characters", field="name")
    return cleaned


def list_groups(scope: access.Scope, project_id: str) -> list[dict[str, Any]]:
    scope.require_project(project_id)
    return sorted(group_store.list_groups(project_id), key=lambda g: g["name"].lower())


def get_group(scope: access.Scope, project_id: str, group_id: str) -> dict[str, Any]:
    scope.require_project(project_id)
    group = group_store.get_group(project_id, group_id)
    if group is None:
        raise NotFound("no such group", code="group_not_found")
    return group


def create_group(
    scope: access.Scope,
    project_id: str,
    name: str,
    agent_ids: list[str],
    *,
    source_ip: str | None = None,
) -> dict[str, Any]:
    scope.require_supervisor(project_id)
    now = now_ms()
    group: dict[str, Any] = {
        "group_id": ids.short_id(),
        "project_id": project_id,
        "name": _group_name(name),
        "agent_ids": _require_members(project_id, agent_ids, "agent_ids"),
        "created_at": now,
        "created_by": scope.agent_id,
        "updated_at": now,
    }
    group_store.create_group(
        group,
        audit.entry(
            "group.create",
            actor_id=scope.agent_id,
            project_id=project_id,
            target_type="group",
            target_id=group["group_id"],
            after={"name": group["name"], "agent_ids": group["agent_ids"]},
            source_ip=source_ip,
        ),
    )
    return group


def update_group(
    scope: access.Scope,
    project_id: str,
    group_id: str,
    *,
    name: str | None = None,
    agent_ids: list[str] | None = None,
    source_ip: str | None = None,
) -> dict[str, Any]:
    scope.require_supervisor(project_id)
    group = get_group(scope, project_id, group_id)
    changes: dict[str, Any] = {}
    if name is not None:
        changes["name"] = _group_name(name)
    if agent_ids is not None:
        changes["agent_ids"] = _require_members(project_id, agent_ids, "agent_ids")
    changes = {k: v for k, v in changes.items() if v != group.get(k)}
    if not changes:
        return group
    changes["updated_at"] = max(now_ms(), int(group["updated_at"]) + 1)
    group_store.update_group(
        project_id,
        group_id,
        changes,
        seen_updated_at=int(group["updated_at"]),
        audit_entry=audit.entry(
            "group.update",
            actor_id=scope.agent_id,
            project_id=project_id,
            target_type="group",
            target_id=group_id,
            before={k: group.get(k) for k in changes if k != "updated_at"},
            after={k: v for k, v in changes.items() if k != "updated_at"},
            source_ip=source_ip,
        ),
    )
    return {**group, **changes}


def delete_group(
    scope: access.Scope, project_id: str, group_id: str, *, source_ip: str | None = None
) -> None:
    scope.require_supervisor(project_id)
    group = get_group(scope, project_id, group_id)
    group_store.delete_group(
        project_id,
        group_id,
        audit.entry(
            "group.delete",
            actor_id=scope.agent_id,
            project_id=project_id,
            target_type="group",
            target_id=group_id,
            before={"name": group["name"], "agent_ids": group["agent_ids"]},
            source_ip=source_ip,
        ),
    )


def group_agent_ids(project_id: str, group_id: str) -> list[str]:
    """The agents of a group who are still members of its project, in the group's order.

    Raises NotFound (`group_not_found`) when the project has no such group."""
    group = group_store.get_group(project_id, group_id)
    if group is None:
        raise NotFound("no such group", code="group_not_found")
    members = set(member_ids(project_id))
    return [a for a in group.get("agent_ids", []) if a in members]
