"""The stream's part: a task without a named owner follows its session's holder.

Reminders and reads resolve the owner from the session, so they are right at once; what a
transfer (a claim, an escalation's move, a hand-over) leaves behind is the copy in the
previous holder's list. When a session item with open tasks (`tasks_open`) changes holder,
each such task's copy moves to the new holder, conditioned on the task as read: a task
changed meanwhile was moved by its own writer. A redelivered record finds nothing to move.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tgdesk.core.errors import Conflict
from tgdesk.storage import tasks as store
from tgdesk.storage.records import task as record
from tgdesk.storage.tasks import TASKS_OPEN


def on_session_change(old: Mapping[str, Any] | None, new: Mapping[str, Any] | None) -> int:
    """Move the copies of the session's holder-following tasks; how many moved."""
    if not new or new.get("kind") != "session" or not int(new.get(TASKS_OPEN) or 0):
        return 0
    holder = new.get("assignee_id") or None
    if old is not None and (old.get("assignee_id") or None) == holder:
        return 0
    return follow_holder(new["session_id"], holder)


def follow_holder(session_id: str, holder: str | None) -> int:
    moved = 0
    for task in store.of_session(session_id):
        if task.get("owner_id") or task["state"] == record.DONE:
            continue
        if task.get("copy_owner") == holder:
            continue
        after = {**task, "version": task["version"] + 1}
        try:
            store.write(after, before=task, owner=holder, entry=None)  # type: ignore[arg-type]
        except Conflict:
            continue
        moved += 1
    return moved
