"""Agent accounts, managed by administrators (nobody registers themselves)."""

from __future__ import annotations

from fastapi import APIRouter

from console_api.deps import AdminAgent
from console_api.models import AgentCreate, AgentPublic, AgentUpdate, Items
from tgdesk import auth
from tgdesk.errors import InvalidInput
from tgdesk.storage import accounts

router = APIRouter(tags=["agents"])


@router.post("/agents", status_code=201)
def create_agent(body: AgentCreate, _: AdminAgent) -> AgentPublic:
    agent = auth.create_agent(
        username=body.username,
        password=body.password.get_secret_value(),
        display_name=body.display_name,
        role=body.role,
    )
    return AgentPublic(**agent)


@router.get("/agents")
def list_agents(_: AdminAgent) -> Items[AgentPublic]:
    return Items[AgentPublic](
        items=[AgentPublic(**auth.public_agent(a)) for a in accounts.list_agents()]
    )


@router.patch("/agents/{agent_id}")
def update_agent(agent_id: str, body: AgentUpdate, admin: AdminAgent) -> AgentPublic:
    if agent_id == admin["agent_id"] and (body.disabled or body.role not in (None, "admin")):
        raise InvalidInput(
            "You cannot disable or demote yourself; ask another administrator.",
            code="cannot_demote_self",
        )
    agent = auth.update_agent(
        agent_id,
        display_name=body.display_name,
        role=body.role,
        disabled=body.disabled,
        password=body.password.get_secret_value() if body.password else None,
    )
    return AgentPublic(**agent)
