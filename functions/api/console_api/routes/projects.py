"""Projects (one per bot): settings, members and their permissions, the team's agents.

Admins create projects and add members; a supervisor of a project changes its settings
and its members' permissions; every member sees the project and its agents. A project the
caller does not belong to answers 404, like one that does not exist.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Response

from console_api.deps import AdminAgent, CurrentScope, PublicUrl, SourceIp
from console_api.models import ErrorBody, Items, MemberCreate, ProjectCreate, ProjectPublic
from console_api.models_team import (
    AgentSummary,
    BotTokenReplace,
    BotTokenReplaced,
    MemberDetail,
    MemberPermissions,
    ProjectDetail,
    ProjectSettingsUpdate,
)
from tgdesk.team import members, project_setup, projects, settings

router = APIRouter(tags=["projects"])


def _detail(project: dict[str, Any], public_url: str) -> ProjectDetail:
    return ProjectDetail(
        **{
            **project_setup.public_project(project, public_url),
            **settings.project_settings(project),
        }
    )


def _members(project_id: str) -> list[MemberDetail]:
    return [MemberDetail(**m) for m in members.member_details(project_id)]


@router.post("/projects", status_code=201)
def create_project(body: ProjectCreate, admin: AdminAgent, public_url: PublicUrl) -> ProjectPublic:
    project = project_setup.create_project(
        body.name, body.bot_token.get_secret_value(), admin["agent_id"], public_url
    )
    return ProjectPublic(**project)


@router.put(
    "/projects/{project_id}/bot-token",
    responses={
        400: {"model": ErrorBody, "description": "`invalid_bot_token` or `webhook_rejected`"},
        409: {"model": ErrorBody, "description": "`bot_already_connected` (another project)"},
        502: {
            "model": ErrorBody,
            "description": "`telegram_unavailable`: nothing changed, the old token still works",
        },
    },
)
def replace_bot_token(
    project_id: str,
    body: BotTokenReplace,
    admin: AdminAgent,
    public_url: PublicUrl,
    source_ip: SourceIp,
) -> BotTokenReplaced:
    """Replace the project's bot token (a revoked one, or another bot for this project):
    the webhook is set again with a fresh secret, and the old token and secret are deleted.
    `new_bot` says whether the token is another bot's."""
    project, new_bot = project_setup.replace_bot_token(
        project_id,
        body.bot_token.get_secret_value(),
        actor_id=admin["agent_id"],
        public_url=public_url,
        source_ip=source_ip,
    )
    return BotTokenReplaced(**{**project, **settings.project_settings(project)}, new_bot=new_bot)


@router.get("/projects")
def list_projects(scope: CurrentScope, public_url: PublicUrl) -> Items[ProjectDetail]:
    """The projects you belong to (administrators: all of them)."""
    return Items[ProjectDetail](
        items=[
            _detail(p, public_url)
            for p in projects.list_projects()
            if scope.is_member(p["project_id"])
        ]
    )


@router.get("/projects/{project_id}")
def get_project(project_id: str, scope: CurrentScope, public_url: PublicUrl) -> ProjectDetail:
    """The project with its settings, defaults filled in."""
    scope.require_project(project_id)
    return _detail(projects.get_project(project_id), public_url)


@router.patch("/projects/{project_id}")
def update_project(
    project_id: str,
    body: ProjectSettingsUpdate,
    scope: CurrentScope,
    public_url: PublicUrl,
    source_ip: SourceIp,
) -> ProjectDetail:
    """Change the name, routing, agent scope, auto-close and reopen windows (a supervisor
    of the project). Send only what changes; `routing` may be partial."""
    settings.update_project_settings(
        scope, project_id, body.model_dump(exclude_unset=True), source_ip=source_ip
    )
    return _detail(projects.get_project(project_id), public_url)


@router.post("/projects/{project_id}/members", status_code=201)
def add_member(
    project_id: str,
    body: MemberCreate,
    admin: AdminAgent,
    response: Response,
    source_ip: SourceIp,
) -> MemberDetail:
    added = members.add_member(
        project_id, body.agent_id, actor_id=admin["agent_id"], source_ip=source_ip
    )
    if not added:
        response.status_code = 200
    return next(m for m in _members(project_id) if m.agent_id == body.agent_id)


@router.get("/projects/{project_id}/members")
def list_members(project_id: str, scope: CurrentScope) -> Items[MemberDetail]:
    """Members with their permissions (a supervisor of the project)."""
    scope.require_supervisor(project_id)
    projects.get_project(project_id)
    return Items[MemberDetail](items=_members(project_id))


@router.put("/projects/{project_id}/members/{agent_id}")
def set_member_permissions(
    project_id: str,
    agent_id: str,
    body: MemberPermissions,
    scope: CurrentScope,
    source_ip: SourceIp,
) -> MemberDetail:
    """Narrow what a member may do in this project (`permissions: null`: everything)."""
    members.set_member_permissions(
        scope, project_id, agent_id, body.permissions, source_ip=source_ip
    )
    return next(m for m in _members(project_id) if m.agent_id == agent_id)


@router.get("/projects/{project_id}/agents")
def list_project_agents(project_id: str, scope: CurrentScope) -> Items[AgentSummary]:
    """The project's agents with effective presence, open sessions and capacity."""
    scope.require_project(project_id)
    projects.get_project(project_id)
    return Items[AgentSummary](
        items=[AgentSummary(**a) for a in members.project_agents(project_id)]
    )
