"""What the console is shown of a session's SLA clocks (the API's session payload and the
realtime frames alike): storage.records.sla.current_view, for callers above storage; and
whether a session is in breach now (the ticket list's `breach` filter)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tgdesk.storage.records.sla import current_view

__all__ = ["breached", "current_view"]


def breached(session: Mapping[str, Any], now: int) -> bool:
    """A clock of the session still runs past its target: its breach recorded, or due
    already (before the scheduler's next look records it)."""
    view = current_view(session) or {}
    for clock in view.get("clocks", []):
        due_at = clock.get("due_at")
        if clock.get("breached_at") is not None or (due_at is not None and int(due_at) <= now):
            return True
    return False
