"""Who is replying to which session, read in two requests.

A reply's request names its login token and its session. Both are read in one
BatchGetItem; then the agent the token names, their membership of the session's project and,
when this container's copy is stale, the risk version, in a second (tgdesk.storage.outbound).
The answers are those of tgdesk.accounts.logins.authenticate followed by
tgdesk.accounts.access.Scope.session: the token and agent checks first (401, 403), then 404
for a session the agent may not see. A disabled agent, a changed role or membership, a login
ended elsewhere all apply at once: the agent and member items are read on every reply.
"""

from __future__ import annotations

from dataclasses import dataclass

from tgdesk.accounts import access, logins
from tgdesk.core.errors import NotFound
from tgdesk.storage import outbound
from tgdesk.storage.records.session import Session


@dataclass(frozen=True, slots=True)
class Sender:
    """The authenticated agent's scope (their membership of the session's project known)
    and the session they may see."""

    scope: access.Scope
    session: Session


def authenticate_sender(token: str, session_id: str) -> Sender:
    digest = logins.token_digest(token)
    record, session = (
        outbound.read_login_and_session(digest, session_id) if digest else (None, None)
    )
    record = logins.check_token(record)
    project_id = session["project_id"] if session else None
    agent, member = outbound.read_sender(record["agent_id"], project_id)
    scope = access.Scope(
        logins.admit(digest, record, agent),
        known={project_id: member} if project_id else None,
    )
    if session is None or not scope.can_view_session(session):
        raise NotFound("no such session", code="session_not_found")
    return Sender(scope, session)
