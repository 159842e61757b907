"""An audit entry: who did what, when, to what, with the state before and after.

The builder lives here, below the feature packages, so storage can write the entries of the
changes it makes itself (a session reopened by a user's message); `tgdesk.audit.entries`
offers it to the feature packages. The item is made by `tgdesk.storage.audit`.
"""

from __future__ import annotations

from typing import Any

from tgdesk.core.clock import now_ms
from tgdesk.core.ids import sortable_id

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
