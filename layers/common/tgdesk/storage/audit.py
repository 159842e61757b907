"""The audit log: append-only entries, written beside the change they record.

There is no update or delete here on purpose: nothing, through the API or otherwise in
tgdesk, edits an entry once written.
"""

from __future__ import annotations

from typing import Any

from tgdesk.storage import keys, table
from tgdesk.storage.expressions import put_new


def entry_item(entry: dict[str, Any]) -> dict[str, Any]:
    """The table item of an audit entry (see tgdesk.audit.entries.entry)."""
    pk, sk = keys.audit_entry(entry.get("project_id"), entry["at"], entry["entry_id"])
    return {
        "PK": pk,
        "SK": sk,
        "kind": "audit",
        "GSI1PK": keys.audit_index(entry["entry_id"]),
        "GSI1SK": sk,
        **entry,
    }


def put_operation(entry: dict[str, Any]) -> dict[str, Any]:
    """A TransactWriteItems operation that appends the entry (never overwrites one)."""
    return put_new(entry_item(entry))


def append(entry: dict[str, Any]) -> None:
    put = put_operation(entry)["Put"]
    table.client().put_item(**put)
