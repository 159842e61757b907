"""Agent groups of a project ("pre-sales", "L2 support", "finance"): sessions are routed
or transferred to them. Supervisors of the project manage them; members see them."""

from __future__ import annotations

from fastapi import APIRouter, Response

from console_api.deps import CurrentScope, SourceIp
from console_api.models import Items
from console_api.models_team import GroupCreate, GroupPublic, GroupUpdate
from tgdesk.team import groups

router = APIRouter(tags=["groups"])


@router.post("/projects/{project_id}/groups", status_code=201)
def create_group(
    project_id: str, body: GroupCreate, scope: CurrentScope, source_ip: SourceIp
) -> GroupPublic:
    """A new group; `agent_ids` must be members of the project."""
    return GroupPublic(
        **groups.create_group(scope, project_id, body.name, body.agent_ids, source_ip=source_ip)
    )


@router.get("/projects/{project_id}/groups")
def list_groups(project_id: str, scope: CurrentScope) -> Items[GroupPublic]:
    return Items[GroupPublic](
        items=[GroupPublic(**g) for g in groups.list_groups(scope, project_id)]
    )


@router.get("/projects/{project_id}/groups/{group_id}")
def get_group(project_id: str, group_id: str, scope: CurrentScope) -> GroupPublic:
    return GroupPublic(**groups.get_group(scope, project_id, group_id))


@router.patch("/projects/{project_id}/groups/{group_id}")
def update_group(
    project_id: str, group_id: str, body: GroupUpdate, scope: CurrentScope, source_ip: SourceIp
) -> GroupPublic:
    """Rename the group or replace its agents (members of the project)."""
    return GroupPublic(
        **groups.update_group(
            scope,
            project_id,
            group_id,
            name=body.name,
            agent_ids=body.agent_ids,
            source_ip=source_ip,
        )
    )


@router.delete("/projects/{project_id}/groups/{group_id}", status_code=204)
def delete_group(
    project_id: str, group_id: str, scope: CurrentScope, source_ip: SourceIp
) -> Response:
    groups.delete_group(scope, project_id, group_id, source_ip=source_ip)
    return Response(status_code=204)
