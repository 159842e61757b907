"""Escalation tickets on the single table (docs/data-model.md: ticket, ticket counter,
escalation wording).

A ticket's number comes from its project's counter (one UpdateItem ADD, taken once the
escalation is validated); the ticket itself is written by the escalation's claim transaction
(tgdesk.storage.assignments.claim: `ticket_writes` and `session_changes`), so a ticket and the
session's level exist exactly when the session moved. A move that fails after its number was
taken leaves a gap: numbers only ever grow and are never handed out twice.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from tgdesk.core.domain import Priority
from tgdesk.core.errors import Conflict
from tgdesk.storage import audit, batch, keys, scroll, table
from tgdesk.storage.expressions import Changes, Condition, put_new
from tgdesk.storage.records import message as message_record
from tgdesk.storage.records import session as session_record
from tgdesk.storage.records import ticket as ticket_record
from tgdesk.storage.records.message import Message
from tgdesk.storage.records.session import Session
from tgdesk.storage.records.ticket import Ticket

_CURSOR = re.compile(r"\d{12}")
_RECENT_PAGE = 25
_RECENT_MAX_PAGES = 4


# -- numbers --------------------------------------------------------------------------------
def next_number(project_id: str) -> int:
    """The project's next ticket number: atomic, so concurrent callers never get the same."""
    pk, sk = keys.ticket_counter(project_id)
    update = Changes().add("last_number", 1).set("kind", "ticket_counter")
    update.set("project_id", project_id)
    resp = table.client().update_item(**update.request(pk, sk), ReturnValues="UPDATED_NEW")
    return int((table.from_item(resp["Attributes"]) or {})["last_number"])


# -- reads ----------------------------------------------------------------------------------
def get(session_id: str, *, consistent: bool = False) -> Ticket | None:
    item = table.get(*ticket_record.key(session_id), consistent=consistent)
    return ticket_record.from_item(item) if item is not None else None


def newest_of_project(
    project_id: str,
    *,
    limit: int,
    cursor: str | None = None,
    equals: dict[str, Any] | None = None,
) -> tuple[list[Ticket], str | None]:
    """A page of the project's tickets, highest number first (`equals`: attribute filters)."""
    before = scroll.decode_cursor(cursor, _CURSOR)
    items, next_key = scroll.newest(
        [scroll.Partition(keys.project_tickets_index(project_id), "GSI1")],
        low="0",
        high="9" * 12,
        limit=limit,
        before=before,
        equals=equals,
    )
    found = [ticket_record.from_item(i) for i in items]
    return found, scroll.encode_cursor(next_key) if next_key else None


def sessions_of(session_ids: Sequence[str]) -> dict[str, Session]:
    """The sessions of these ids that exist, by id (one BatchGetItem per 100)."""
    found = batch.get_items([keys.session(sid) for sid in session_ids])
    sessions = (session_record.from_item(item) for item in found.values())
    return {s["session_id"]: s for s in sessions}


def recent_user_messages(session: Session, *, most: int) -> list[Message]:
    """Up to `most` of the session's latest user messages that carry something (a text, a
    caption or media), newest first; reads at most a hundred of its latest messages."""
    low, high = keys.message_range(session["opened_at"], session.get("closed_at"))
    picked: list[Message] = []
    start: dict[str, Any] | None = None
    for _ in range(_RECENT_MAX_PAGES):
        items, start = table.query(
            pk=keys.chat(session["project_id"], session["tg_user_id"]),
            sk_between=(low, high),
            forward=False,
            limit=_RECENT_PAGE,
            start_key=start,
        )
        for item in items:
            if _says_something(item, session["session_id"]):
                picked.append(message_record.from_item(item))
                if len(picked) == most:
                    return picked
        if not start:
            break
    return picked


def _says_something(item: dict[str, Any], session_id: str) -> bool:
    """A user's message of the session with content (not a bare button press or poll vote)."""
    if item.get("direction") != "in" or item.get("session_id") != session_id:
        return False
    return bool(item.get("text") or item.get("caption") or item.get("media"))


# -- the escalation's writes (inside the claim's transaction) --------------------------------
def ticket_writes(ticket: Ticket, *, version_read: int | None) -> list[dict[str, Any]]:
    """The write of a ticket with an escalation's hop: a new ticket only if the session has
    none; an existing one only if nobody changed it since it was read (`version_read`)."""
    item = ticket_record.to_item(ticket)
    if version_read is None:
        return [put_new(item)]
    condition = Condition().require_item().require_equal("version", version_read)
    return [condition.put(item)]


def session_changes(ticket: Ticket, priority: Priority) -> Callable[[Changes], Changes]:
    """What an escalation changes on its session, merged into the claim's update of it."""

    def change(update: Changes) -> Changes:
        update.set("level", ticket["level"])
        update.set("ticket", ticket_record.summary(ticket))
        return update.set("priority", priority)

    return change


# -- edits ----------------------------------------------------------------------------------
def save_edit(
    before: Ticket,
    after: Ticket,
    entry: dict[str, Any],
    *,
    priority: Priority | None,
) -> None:
    """Write an edited ticket (only if unchanged since `before` was read), the session's
    summary of it and, if given, its priority, with the audit entry: one transaction."""
    put = Condition().require_item().require_equal("version", before["version"])
    session = Changes().require_item().set("ticket", ticket_record.summary(after))
    if priority is not None:
        session.set("priority", priority)
    table.transact(
        [
            put.put(ticket_record.to_item(after)),
            session.item(*keys.session(before["session_id"])),
            audit.put_operation(entry),
        ],
        conflict=Conflict(
            "This ticket was changed meanwhile; reload it and edit again.", code="ticket_changed"
        ),
    )


# -- the project's wording ------------------------------------------------------------------
def get_wording(project_id: str) -> dict[str, str]:
    """The project's own escalation messages, by language ({} when it has none)."""
    item = table.get(*keys.escalation_wording(project_id)) or {}
    return dict(item.get("templates") or {})


def put_wording(project_id: str, templates: dict[str, str], at: int, entry: dict[str, Any]) -> None:
    pk, sk = keys.escalation_wording(project_id)
    item = {
        "PK": pk,
        "SK": sk,
        "kind": "escalation_wording",
        "project_id": project_id,
        "templates": templates,
        "updated_at": at,
    }
    table.client().transact_write_items(
        TransactItems=[Condition().put(item), audit.put_operation(entry)]
    )
