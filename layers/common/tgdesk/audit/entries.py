"""Audit entries: who did what, when, to what, with the state before and after.

Record an entry in the same transaction as the change when the change is a transaction
(`storage.audit.put_operation(entry(...))`), or with `record(...)` right after it.
"""

from __future__ import annotations

from typing import Any

from tgdesk.storage import audit as store
from tgdesk.storage.records.audit_entry import SYSTEM, entry

__all__ = ["SYSTEM", "entry", "record"]


def record(action: str, **fields: Any) -> dict[str, Any]:
    """Append an entry now and return it."""
    made = entry(action, **fields)
    store.append(made)
    return made
