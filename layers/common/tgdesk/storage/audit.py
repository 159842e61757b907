"""The audit log: append-only entries, written beside the change they record.

There is no update or delete here on purpose: nothing, through the API or otherwise in
tgdesk, edits an entry once written.
"""

from __future__ import annotations

from typing import Any

from tgdesk.storage import keys, table


def entry_item(entry: dict[str, Any]) -> dict[str, Any]:
    """The table item of an audit entry (see tgdesk.audit.entries.entry)."""
    pk, sk = keys.audit_entry(entry.get("project_id"), entry["at"], entry["entry_id"])
    return {
        "PK": pk,
        "SK": sk,
        "kind": "audit",
        "GSI1PK": keys.AUDIT_INDEX_PK,
        "GSI1SK": sk,
        **entry,
    }


def put_operation(entry: dict[str, Any]) -> dict[str, Any]:
    """A TransactWriteItems operation that appends the entry (never overwrites one)."""
    return {
        "Put": {
            "TableName": table.table_name(),
            "Item": table.to_item(entry_item(entry)),
            "ConditionExpression": "attribute_not_exists(PK)",
        }
    }


def append(entry: dict[str, Any]) -> None:
    put = put_operation(entry)["Put"]
    table.client().put_item(**put)


def list_entries(
    *,
    project_id: str | None = None,
    since: int | None = None,
    until: int | None = None,
    limit: int = 50,
    cursor: dict[str, Any] | None = None,
) -> tuple[list[dict[str, Any]], dict[str, Any] | None]:
    """Entries newest first: of one project, or (project_id None) of everything."""
    lo = keys.ts(since or 0)
    hi = keys.ts(until) + "#~" if until is not None else "~"
    if project_id is None:
        items, last = table.query(
            pk=keys.AUDIT_INDEX_PK,
            index="GSI1",
            sk_between=(lo, hi),
            forward=False,
            limit=limit,
            start_key=cursor,
        )
    else:
        pk, _ = keys.audit_entry(project_id, 0, "")
        items, last = table.query(
            pk=pk, sk_between=(lo, hi), forward=False, limit=limit, start_key=cursor
        )
    return [table.strip_keys(i) for i in items], last
