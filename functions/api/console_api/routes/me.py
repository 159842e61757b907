"""The logged-in agent: who am I, presence, and the console's heartbeat."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from console_api.deps import CurrentAgent, SourceIp
from console_api.models_team import AgentAccount, Heartbeat, PresenceUpdate
from tgdesk.core.clock import now_ms
from tgdesk.team import members, presence

router = APIRouter(tags=["me"])


def _me(agent: dict[str, Any]) -> AgentAccount:
    return AgentAccount(**{**agent, **members.agent_summary(agent, now_ms())})


@router.get("/me")
def me(agent: CurrentAgent) -> AgentAccount:
    """Your account with your effective presence (online lapses without heartbeats)."""
    return _me(agent)


@router.put("/me/presence")
def set_presence(body: PresenceUpdate, agent: CurrentAgent, source_ip: SourceIp) -> AgentAccount:
    """online, busy or offline. Online also needs the console's heartbeat to stay online."""
    return _me(presence.set_presence(agent["agent_id"], body.state, source_ip=source_ip))


@router.post("/me/heartbeat")
def heartbeat(agent: CurrentAgent) -> Heartbeat:
    """The console is open (every 30 s). Cheap: one write."""
    return Heartbeat(heartbeat_at=presence.heartbeat(agent["agent_id"]))
