"""Internal notes, stored under their session (docs/data-model.md: note).

Each write is one transaction with its audit entry, so no note changes unrecorded.
"""

from __future__ import annotations

from typing import Any

from tgdesk.core.errors import Conflict
from tgdesk.storage import audit, keys, table
from tgdesk.storage.expressions import Changes, put_new


def create(note: dict[str, Any], entry: dict[str, Any]) -> None:
    """Store a new note (note_id, session_id, project_id, author_id, text, personal,
    created_at) together with its audit entry."""
    pk, sk = keys.session_note(note["session_id"], note["created_at"], note["note_id"])
    put = put_new({"PK": pk, "SK": sk, "kind": "note", **note})
    table.client().transact_write_items(TransactItems=[put, audit.put_operation(entry)])


def list_for_session(session_id: str) -> list[dict[str, Any]]:
    """Every note of a session, oldest first."""
    pk, _ = keys.session(session_id)
    items = table.query_all(pk=pk, sk_prefix=keys.NOTE_PREFIX)
    return [table.strip_keys(i) for i in items]


def find(session_id: str, note_id: str) -> dict[str, Any] | None:
    """One note of a session by id (the sort key also holds its time, unknown here)."""
    pk, _ = keys.session(session_id)
    request: dict[str, Any] = {
        "TableName": table.table_name(),
        "KeyConditionExpression": "PK = :pk AND begins_with(SK, :prefix)",
        "FilterExpression": "note_id = :id",
        "ExpressionAttributeValues": table.values(
            {":pk": pk, ":prefix": keys.NOTE_PREFIX, ":id": note_id}
        ),
    }
    while True:
        resp = table.client().query(**request)
        if resp.get("Items"):
            return table.strip_keys(table.from_item(resp["Items"][0]) or {})
        if not resp.get("LastEvaluatedKey"):
            return None
        request["ExclusiveStartKey"] = resp["LastEvaluatedKey"]


def update_text(
    note: dict[str, Any], text: str, edited_at: int, entry: dict[str, Any]
) -> dict[str, Any]:
    """Replace a note's text as its author, if nobody changed it since `note` was read."""
    pk, sk = keys.session_note(note["session_id"], note["created_at"], note["note_id"])
    update = (
        Changes()
        .require_item()
        .require_equal("author_id", note["author_id"])
        .require_as_read("edited_at", note.get("edited_at"))
        .set("text", text)
        .set("edited_at", edited_at)
    )
    table.transact(
        [update.item(pk, sk), audit.put_operation(entry)],
        conflict=Conflict(
            "This note was changed meanwhile; reload it and edit again.", code="note_changed"
        ),
    )
    return {**note, "text": text, "edited_at": edited_at}
