"""Audit entries: who did what, when, to what, with the state before and after.

Record an entry in the same transaction as the change when the change is a transaction
(`storage.audit.put_operation(entry(...))`), or with `record(...)` right after it.
"""

from __future__ import annotations

from typing import Any

from tgdesk.core.clock import now_ms
from tgdesk.core.ids import sortable_id
from tgdesk.storage import audit as store

SYSTEM = "system"  # the actor of automatic actions (routing, auto-close, timers)


def entry(
    action: str,
    *,
    actor_id: str,
    project_id: str | None = None,
    target_type: str | None = None,
    target_id: str | None = None,
    before: Any = None,
    after: Any = None,
    details: dict[str, Any] | None = None,
    source_ip: str | None = None,
) -> dict[str, Any]:
    """Build an entry. `action` is a dotted verb such as `session.transfer` or `auth.login`."""
    return {
        "entry_id": sortable_id(),
        "at": now_ms(),
        "action": action,
        "actor_id": actor_id,
        "project_id": project_id,
        "target_type": target_type,
        "target_id": target_id,
        "before": before,
        "after": after,
        "details": details,
        "source_ip": source_ip,
    }


def record(action: str, **fields: Any) -> dict[str, Any]:
    """Append an entry now and return it."""
    made = entry(action, **fields)
    store.append(made)
    return made
