"""The holder hands the reply over to a collaborator in one click.

A hand-over is a transfer to that collaborator (tgdesk.routing.service.move, assignment `how`
"handed_over", audited by the claim's own entry): the other collaborators stay, and the
previous holder becomes a collaborator, as a helpdesk team expects of the person who knows
the case best (they can leave it). The collaborators' list changes in the claim's transaction.
"""

from __future__ import annotations

from botocore.exceptions import ClientError

from tgdesk.accounts.access import Scope
from tgdesk.collaboration.invitations import require_manager, require_open
from tgdesk.core.claims import SessionToRoute
from tgdesk.core.clock import now_ms
from tgdesk.core.domain import Status
from tgdesk.core.errors import Conflict, InvalidInput
from tgdesk.routing import service as routing
from tgdesk.storage import collaborators as store
from tgdesk.storage.records.collaborator import Collaborator
from tgdesk.storage.records.session import Session

HANDED_OVER = "handed_over"  # the assignment's `how`


def hand_over(
    scope: Scope,
    session_id: str,
    agent_id: str,
    *,
    keep_previous: bool = True,
    reason: str | None = None,
    source_ip: str | None = None,
) -> Session:
    """Give the session to its collaborator `agent_id`; the holder (when `keep_previous`)
    stays on as a collaborator. By the holder with the `transfer` permission, or a
    supervisor of the project."""
    session = scope.session(session_id)
    project_id = session["project_id"]
    require_manager(scope, session)
    if not scope.supervises(project_id):
        scope.require_permission(project_id, "transfer")
    require_open(session)
    if agent_id not in store.ids_of(session):
        raise InvalidInput(
            "The reply is handed over to one of the session's collaborators.",
            code="not_a_collaborator",
            field="agent_id",
        )
    holder = session.get("assignee_id")
    previous: Collaborator | None = None
    if holder and keep_previous:
        previous = {
            "session_id": session_id,
            "project_id": project_id,
            "agent_id": holder,
            "invited_by": scope.agent_id,
            "invited_at": now_ms(),
        }
    also, session_changes = store.hand_over_writes(session, agent_id, previous)
    wanted = SessionToRoute(
        session_id=session_id,
        project_id=project_id,
        how=HANDED_OVER,
        by=scope.agent_id,
        from_agent_id=holder,
        exclude=frozenset({holder}) if holder else frozenset(),
        target=agent_id,
        status=Status.UNREAD,
        reason=reason,
        source_ip=source_ip,
    )
    via = routing.DynamoRoutingStore(also=also, session_changes=session_changes)
    try:
        return routing.move(wanted, via)
    except ClientError as err:  # the collaborators' writes were refused: they changed
        if err.response.get("Error", {}).get("Code") != "TransactionCanceledException":
            raise
        raise Conflict(
            "The session's collaborators changed meanwhile; reload it and try again.",
            code="session_changed",
        ) from err
