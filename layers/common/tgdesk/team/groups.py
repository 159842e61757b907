"""Agent groups of a project ("pre-sales", "L2 support"): sessions are routed or
transferred to them. Supervisors of the project manage them; members see them. Every
change is audited."""

from __future__ import annotations

from typing import Any

from tgdesk.accounts import access
from tgdesk.audit import entries as audit
from tgdesk.core import ids
from tgdesk.core.clock import now_ms
from tgdesk.core.errors import InvalidInput, NotFound
from tgdesk.storage import groups as group_store
from tgdesk.team.members import require_members


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
        "agent_ids": require_members(project_id, agent_ids, "agent_ids"),
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
        changes["agent_ids"] = require_members(project_id, agent_ids, "agent_ids")
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
