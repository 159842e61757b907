"""How a session came to each of its agents: its assignment records (routed, transferred,
taken over, reopened), with who moved it, from whom and why. Read by whoever may see the
session, so the agent who receives it can tell why."""

from __future__ import annotations

from typing import Any

from tgdesk.accounts import access
from tgdesk.storage import assignments, table


def of_session(scope: access.Scope, session_id: str) -> list[dict[str, Any]]:
    """The session's assignments, oldest first; NotFound when the caller may not see it."""
    scope.session(session_id)
    return [table.strip_keys(item) for item in assignments.list_assignments(session_id)]
