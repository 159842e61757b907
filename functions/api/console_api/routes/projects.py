"""Projects (one per bot) and their members."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Response

from console_api.deps import AdminAgent, PublicUrl
from console_api.models import Items, MemberCreate, MemberPublic, ProjectCreate, ProjectPublic
from tgdesk import project_setup
from tgdesk.errors import NotFound
from tgdesk.storage import accounts, projects

router = APIRouter(tags=["projects"])


def _project(project_id: str) -> dict[str, Any]:
    project = projects.get_project(project_id)
    if project is None:
        raise NotFound("no such project", code="project_not_found")
    return project


@router.post("/projects", status_code=201)
def create_project(body: ProjectCreate, admin: AdminAgent, public_url: PublicUrl) -> ProjectPublic:
    project = project_setup.create_project(
        body.name, body.bot_token.get_secret_value(), admin["agent_id"], public_url
    )
    return ProjectPublic(**project)


@router.get("/projects")
def list_projects(_: AdminAgent, public_url: PublicUrl) -> Items[ProjectPublic]:
    return Items[ProjectPublic](
        items=[
            ProjectPublic(**project_setup.public_project(p, public_url))
            for p in projects.list_projects()
        ]
    )


@router.get("/projects/{project_id}")
def get_project(project_id: str, _: AdminAgent, public_url: PublicUrl) -> ProjectPublic:
    return ProjectPublic(**project_setup.public_project(_project(project_id), public_url))


@router.post("/projects/{project_id}/members", status_code=201)
def add_member(
    project_id: str, body: MemberCreate, _: AdminAgent, response: Response
) -> MemberPublic:
    _project(project_id)
    agent = accounts.get_agent(body.agent_id)
    if agent is None:
        raise NotFound("no such agent", code="agent_not_found", field="agent_id")
    if not projects.add_member(project_id, body.agent_id):
        response.status_code = 200
    member = next(m for m in projects.list_members(project_id) if m["agent_id"] == body.agent_id)
    return MemberPublic(**{**agent, **member})


@router.get("/projects/{project_id}/members")
def list_members(project_id: str, _: AdminAgent) -> Items[MemberPublic]:
    _project(project_id)
    members = projects.list_members(project_id)
    agents = accounts.get_agents([m["agent_id"] for m in members])
    return Items[MemberPublic](
        items=[MemberPublic(**{**agents.get(m["agent_id"], {}), **m}) for m in members]
    )
