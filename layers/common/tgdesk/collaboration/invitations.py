"""Inviting agents of the project to collaborate on a session, and removing them.

The session's holder or a supervisor of its project invites and removes; a collaborator
may also leave. Each change is audited in its own transaction (tgdesk.storage.collaborators).
"""

from __future__ import annotations

from tgdesk.accounts.access import Scope
from tgdesk.audit import entries as audit
from tgdesk.core.clock import now_ms
from tgdesk.core.domain import Status
from tgdesk.core.errors import Conflict, Forbidden, InvalidInput, NotFound
from tgdesk.storage import accounts, team
from tgdesk.storage import collaborators as store
from tgdesk.storage.records.collaborator import MAX_PER_SESSION, Collaborator
from tgdesk.storage.records.session import Session

INVITED = "collaboration.invite"
REMOVED = "collaboration.remove"


def require_manager(scope: Scope, session: Session) -> None:
    """Only the holder and the project's supervisors change who collaborates."""
    if session.get("assignee_id") != scope.agent_id and not scope.supervises(session["project_id"]):
        raise Forbidden(
            "Only the agent holding this session or a supervisor can do this.",
            code="holder_or_supervisor_only",
        )


def require_open(session: Session) -> None:
    if session.get("status") == Status.CLOSED:
        raise Conflict("This session is closed; reopen it first.", code="session_closed")


def of_session(scope: Scope, session_id: str) -> list[Collaborator]:
    """The session's collaborators, earliest invited first."""
    scope.session(session_id)
    return sorted(store.of_session(session_id), key=lambda c: c["invited_at"])


def invite(
    scope: Scope, session_id: str, agent_id: str, *, source_ip: str | None = None
) -> Collaborator:
    session = scope.session(session_id)
    require_manager(scope, session)
    require_open(session)
    project_id = session["project_id"]
    current = store.ids_of(session)
    if agent_id == session.get("assignee_id"):
        raise InvalidInput(
            "This agent holds the session.", code="agent_is_holder", field="agent_id"
        )
    if agent_id in current:
        raise Conflict(
            "This agent already collaborates on the session.", code="already_collaborator"
        )
    if len(current) >= MAX_PER_SESSION:
        raise Conflict(
            f"A session has at most {MAX_PER_SESSION} collaborators; remove one first.",
            code="too_many_collaborators",
            limit=MAX_PER_SESSION,
        )
    _require_colleague(project_id, agent_id)
    collaborator: Collaborator = {
        "session_id": session_id,
        "project_id": project_id,
        "agent_id": agent_id,
        "invited_by": scope.agent_id,
        "invited_at": now_ms(),
    }
    entry = audit.entry(
        INVITED,
        actor_id=scope.agent_id,
        project_id=project_id,
        target_type="session",
        target_id=session_id,
        before={"collaborator_ids": current},
        after={"collaborator_ids": [*current, agent_id]},
        details={"agent_id": agent_id},
        source_ip=source_ip,
    )
    store.invite(session, collaborator, entry)
    return collaborator


def remove(scope: Scope, session_id: str, agent_id: str, *, source_ip: str | None = None) -> None:
    """Remove a collaborator (or leave, for the collaborator themselves): from this write on,
    they no longer see the session."""
    session = scope.session(session_id)
    if agent_id != scope.agent_id:
        require_manager(scope, session)
    current = store.ids_of(session)
    if agent_id not in current:
        raise NotFound(
            "This agent does not collaborate on the session.", code="collaborator_not_found"
        )
    entry = audit.entry(
        REMOVED,
        actor_id=scope.agent_id,
        project_id=session["project_id"],
        target_type="session",
        target_id=session_id,
        before={"collaborator_ids": current},
        after={"collaborator_ids": [a for a in current if a != agent_id]},
        details={"agent_id": agent_id},
        source_ip=source_ip,
    )
    store.remove(session, agent_id, entry)


def _require_colleague(project_id: str, agent_id: str) -> None:
    """A collaborator is an enabled member of the session's project."""
    if team.get_member(project_id, agent_id) is None:
        raise InvalidInput(
            "This agent is not a member of this project.", code="agent_not_member", field="agent_id"
        )
    if (accounts.get_agent(agent_id) or {}).get("disabled"):
        raise InvalidInput(
            "This agent's account is disabled.", code="agent_disabled", field="agent_id"
        )
