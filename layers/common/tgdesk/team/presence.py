"""Agent presence: what an agent set, and whether their console is still there.

An agent who set `online` counts as online only while their console sends heartbeats: a
closed laptop must not keep receiving sessions.
"""

from __future__ import annotations

from typing import Any, cast

from tgdesk.accounts.agents import public_agent
from tgdesk.audit import entries as audit
from tgdesk.core.clock import now_ms
from tgdesk.core.domain import Presence, values
from tgdesk.core.errors import InvalidInput
from tgdesk.storage import accounts
from tgdesk.storage.records.agent import Agent

HEARTBEAT_GRACE_MS = 90_000  # the console beats every 30 s; three missed beats is gone
_STATES = frozenset(values(Presence))


def effective(agent: Agent, now: int) -> Presence:
    """online, busy or offline, with an expired heartbeat turning online into offline."""
    state = agent.get("presence", Presence.OFFLINE)
    if state == Presence.ONLINE and now - int(agent.get("heartbeat_at", 0)) > HEARTBEAT_GRACE_MS:
        return Presence.OFFLINE
    return cast(Presence, state) if state in _STATES else Presence.OFFLINE


def is_online(agent: Agent, now: int) -> bool:
    return not agent.get("disabled") and effective(agent, now) == Presence.ONLINE


def set_presence(agent_id: str, state: str, *, source_ip: str | None = None) -> dict[str, Any]:
    """The agent sets online, busy or offline; online also counts as a heartbeat."""
    if state not in _STATES:
        raise InvalidInput(f"state is one of {', '.join(values(Presence))}", field="state")
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
            before={"presence": before.get("presence", Presence.OFFLINE)},
            after={"presence": state},
            source_ip=source_ip,
        )
    return public_agent(after)


def heartbeat(agent_id: str) -> int:
    """The console is alive (one UpdateItem). Returns the time recorded."""
    now = now_ms()
    accounts.touch_heartbeat(agent_id, now)
    return now
