"""The sessions an agent collaborates on, as their session list shows them.

An agent's list reads the sessions they hold (tgdesk.sessions.inbox); the ones they
collaborate on come from their own partition of collaborations (one Query, newest invitation
first, at most MAX_LISTED) and one BatchGetItem of those sessions, filtered in code like the
list. They are shown with the list's first page.
"""

from __future__ import annotations

from tgdesk.storage import collaborators as store
from tgdesk.storage.records.session import Session
from tgdesk.storage.session_list import SessionFilter

MAX_LISTED = 100


def collaborating(agent_id: str, session_filter: SessionFilter) -> list[Session]:
    """The sessions the agent collaborates on that the filter admits, newest activity first."""
    found = store.of_agent(agent_id, limit=MAX_LISTED)
    sessions = store.sessions([c["session_id"] for c in found])
    held = [s for s in sessions if agent_id in store.ids_of(s) and session_filter.holds(dict(s))]
    return sorted(held, key=lambda s: s.get("last_activity_at") or 0, reverse=True)
