"""A session's escalation suggestions as the console shows them to whoever may see the
session: one per trigger that fired, with its reason and facts (how many times the user
asked for a manager, the keyword, how long the session has been open)."""

from __future__ import annotations

from tgdesk.accounts import access
from tgdesk.storage import triggers as store
from tgdesk.storage.records.triggers import Suggestion


def of_session(scope: access.Scope, session_id: str) -> list[Suggestion]:
    """The session's suggestions, oldest first (NotFound when the caller may not see it)."""
    scope.session(session_id)
    state = store.get_state(session_id) or {}
    return sorted(state.get("suggestions", []), key=lambda s: s["at"])
