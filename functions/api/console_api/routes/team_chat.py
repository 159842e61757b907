"""The team's Telegram group of a project: bind codes, the bound group, unbinding.
Administrators only; the group itself binds with `/bind <code>` (tgdesk.teamchat)."""

from __future__ import annotations

from fastapi import APIRouter, Response

from console_api.deps import AdminAgent, SourceIp
from console_api.models_teamchat import BindCodePublic, TeamChatPublic
from tgdesk.teamchat import binding

router = APIRouter(tags=["team chat"])


@router.post("/projects/{project_id}/team-chat/code", status_code=201)
def create_bind_code(project_id: str, admin: AdminAgent, source_ip: SourceIp) -> BindCodePublic:
    """A one-time code, valid for 15 minutes: add the bot to the team's group and send
    `command` there. Binding replaces the group bound before."""
    code = binding.new_code(project_id, actor_id=admin["agent_id"], source_ip=source_ip)
    return BindCodePublic(**code)


@router.get("/projects/{project_id}/team-chat")
def get_team_chat(project_id: str, admin: AdminAgent) -> TeamChatPublic:
    return TeamChatPublic(**binding.show(project_id))


@router.delete("/projects/{project_id}/team-chat", status_code=204)
def unbind_team_chat(project_id: str, admin: AdminAgent, source_ip: SourceIp) -> Response:
    """Stop posting to the group (`team_chat_not_bound` when none is bound)."""
    binding.unbind(project_id, actor_id=admin["agent_id"], source_ip=source_ip)
    return Response(status_code=204)
