"""Who owns a task now: its named owner, or else whoever holds its session.

A task opened without an owner follows its session: transfers, escalations and hand-overs
change the session's holder, and the task's owner with it, with no write of the task.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tgdesk.storage.records.task import Task


def owner_of(task: Task, session: Mapping[str, Any] | None) -> str | None:
    """The agent who owns `task` now (None: nobody, its session waits in the queue)."""
    if task.get("owner_id"):
        return task["owner_id"]
    return (session or {}).get("assignee_id") or None
