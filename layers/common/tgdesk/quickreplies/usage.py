"""A quick reply inserted into a session's composer: filled for that session, counted.

Inserting never sends: the agent edits the text and sends it as any reply. Each insert is a
use, counted by an ADD on the reply, so a team sees which replies are used and which never
are (`uses` absent: never).

The replies usable in a session are its project's library and the caller's personal one.
"""

from __future__ import annotations

from tgdesk.accounts.access import Scope
from tgdesk.core.clock import now_ms
from tgdesk.quickreplies import catalog, placeholders
from tgdesk.storage import quickreplies as store
from tgdesk.storage.records import quick_reply as record
from tgdesk.storage.records.quick_reply import Owner, QuickReply


def usable(scope: Scope, session_id: str) -> list[QuickReply]:
    """The replies the caller may insert in the session: the project's, then their own."""
    session = scope.session(session_id)
    project = catalog.library(Owner("project", session["project_id"]))
    return project + catalog.library(catalog.personal_owner(scope))


def insert(scope: Scope, session_id: str, reply_id: str) -> placeholders.Filled:
    """The reply (the project's, else the caller's own) filled for the session's user,
    counted as a use."""
    session = scope.session(session_id)
    reply = store.get(Owner("project", session["project_id"]), reply_id)
    if reply is None:
        reply = catalog.get(catalog.personal_owner(scope), reply_id)
    filled = placeholders.fill(reply, session, scope.agent)
    store.count_use(record.owner_of(reply), reply_id, now_ms())
    return filled
