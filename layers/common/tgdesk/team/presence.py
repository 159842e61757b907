"""Agent presence: what an agent set, and whether their console is still there.

An agent who set `online` counts as online only while their console sends heartbeats: a
closed laptop must not keep receiving sessions.
"""

from __future__ import annotations

from typing import Any

ONLINE, BUSY, OFFLINE = "online", "busy", "offline"
STATES = (ONLINE, BUSY, OFFLINE)
HEARTBEAT_GRACE_MS = 90_000  # the console beats every 30 s; three missed beats is gone


def effective(agent: dict[str, Any], now: int) -> str:
    """online, busy or offline, with an expired heartbeat turning online into offline."""
    state = agent.get("presence", OFFLINE)
    if state == ONLINE and now - int(agent.get("heartbeat_at", 0)) > HEARTBEAT_GRACE_MS:
        return OFFLINE
    return state if state in STATES else OFFLINE


def is_online(agent: dict[str, Any], now: int) -> bool:
    return not agent.get("disabled") and effective(agent, now) == ONLINE
