"""Internal notes, stored under their session (docs/data-model.md: note).

Each write is one transaction with its audit entry, so no note changes unrecorded.
"""

from __future__ import annotations

from typing import Any

from tgdesk.core.errors import Conflict
from tgdesk.storage import audit, keys, table


def create(note: dict[str, Any], entry: dict[str, Any]) -> None:
    """Store a new note (note_id, session_id, project_id, author_id, text, personal,
    created_at) together with its audit entry."""
    pk, sk = keys.session_note(note["session_id"], note["created_at"], note["note_id"])
    put = {
        "Put": {
            "TableName": table.table_name(),
            "Item": table.to_item({"PK": pk, "SK": sk, "kind": "note", **note}),
            "ConditionExpression": "attribute_not_exists(PK)",
        }
    }
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
    vals: dict[str, Any] = {":text": text, ":at": edited_at, ":author": note["author_id"]}
    condition = "attribute_exists(PK) AND author_id = :author AND "
    if "edited_at" in note:
        condition += "edited_at = :seen"
        vals[":seen"] = note["edited_at"]
    else:
        condition += "attribute_not_exists(edited_at)"
    update = {
        "Update": {
            "TableName": table.table_name(),
            "Key": table.to_item({"PK": pk, "SK": sk}),
            "UpdateExpression": "SET #text = :text, edited_at = :at",
            "ConditionExpression": condition,
            "ExpressionAttributeNames": {"#text": "text"},
            "ExpressionAttributeValues": table.values(vals),
        }
    }
    table.transact(
        [update, audit.put_operation(entry)],
        conflict=Conflict(
            "This note was changed meanwhile; reload it and edit again.", code="note_changed"
        ),
    )
    return {**note, "text": text, "edited_at": edited_at}
