"""What agents are told about their sessions' routing: a session of theirs returned to
someone else, or (to supervisors) a session returned as often as the project allows.
Written by the claims and the return timers; kept 14 days."""

from __future__ import annotations

from typing import Any

from tgdesk.storage import assignments


def of_agent(agent_id: str, *, limit: int = 50) -> list[dict[str, Any]]:
    """An agent's notices, newest first."""
    return assignments.list_notices(agent_id, limit=limit)
