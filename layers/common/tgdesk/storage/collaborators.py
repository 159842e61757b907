"""Collaborators on a session: the invitation, the removal, the hand-over's writes, the lists.

Every change writes the session's `collaborator_ids` as read (a concurrent change of the list
loses its condition: Conflict, nothing written), the collaborator item and the audit entry in
one transaction (tgdesk.storage.records.collaborator).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from tgdesk.core.domain import Status
from tgdesk.core.errors import Conflict
from tgdesk.storage import audit, batch, keys, table
from tgdesk.storage.expressions import Changes, Condition, put_new
from tgdesk.storage.records import collaborator as record
from tgdesk.storage.records import session as session_record
from tgdesk.storage.records.collaborator import Collaborator
from tgdesk.storage.records.session import Session

_CHANGED = "The session or its collaborators changed meanwhile; reload it and try again."


def ids_of(session: Session) -> list[str]:
    """The session's collaborators as stored on it."""
    return list(session.get("collaborator_ids") or [])


def of_session(session_id: str) -> list[Collaborator]:
    """Who collaborates on the session (at most MAX_PER_SESSION items), by agent id."""
    pk, _ = keys.session_collaborator(session_id, "")
    items = table.query_all(pk=pk, sk_prefix="COLLABORATOR#")
    return [record.from_item(i) for i in items]


def of_agent(agent_id: str, *, limit: int) -> list[Collaborator]:
    """The agent's collaborations, newest invitation first (one Query of their partition)."""
    items, _ = table.query(
        pk=keys.collaborating_index(agent_id), index="GSI1", forward=False, limit=limit
    )
    return [record.from_item(i) for i in items]


def sessions(session_ids: Sequence[str]) -> list[Session]:
    """The sessions of `session_ids` that exist (one BatchGetItem per 100)."""
    found = batch.get_items([keys.session(s) for s in session_ids])
    return [
        session_record.from_item(found[keys.session(s)])
        for s in session_ids
        if keys.session(s) in found
    ]


def _list_as_read(update: Changes, session: Session, wanted: list[str]) -> Changes:
    """Set the session's list to `wanted` (absent when empty), if it still holds what was read."""
    update.require_list_as_read("collaborator_ids", ids_of(session))
    return update.set("collaborator_ids", wanted) if wanted else update.remove("collaborator_ids")


def invite(session: Session, collaborator: Collaborator, entry: dict[str, Any]) -> None:
    """Add the collaborator, while the session is open and held as read."""
    update = (
        Changes()
        .require_item()
        .require_as_read("assignee_id", session.get("assignee_id"))
        .require_not_equal("status", Status.CLOSED)
    )
    _list_as_read(update, session, [*ids_of(session), collaborator["agent_id"]])
    operations = [
        update.item(*keys.session(session["session_id"])),
        put_new(record.to_item(collaborator)),
        audit.put_operation(entry),
    ]
    table.transact(operations, conflict=Conflict(_CHANGED, code="session_changed"))


def remove(session: Session, agent_id: str, entry: dict[str, Any]) -> None:
    """Take the collaborator off the session: their access ends with this write."""
    update = Changes().require_item()
    _list_as_read(update, session, [a for a in ids_of(session) if a != agent_id])
    operations = [
        update.item(*keys.session(session["session_id"])),
        Condition().require_item().delete(*record.key(session["session_id"], agent_id)),
        audit.put_operation(entry),
    ]
    table.transact(operations, conflict=Conflict(_CHANGED, code="session_changed"))


def hand_over_writes(
    session: Session, to_agent_id: str, previous: Collaborator | None
) -> tuple[list[dict[str, Any]], Callable[[Changes], Changes]]:
    """What a hand-over adds to the claim's transaction: the new holder's collaborator item
    goes, the previous holder's (`previous`, if they stay) comes, and the session's list
    changes accordingly, as read."""
    session_id = session["session_id"]
    wanted = [a for a in ids_of(session) if a != to_agent_id]
    operations = [Condition().require_item().delete(*record.key(session_id, to_agent_id))]
    if previous is not None:
        wanted.append(previous["agent_id"])
        operations.append(put_new(record.to_item(previous)))

    def session_changes(update: Changes) -> Changes:
        return _list_as_read(update, session, wanted)

    return operations, session_changes
