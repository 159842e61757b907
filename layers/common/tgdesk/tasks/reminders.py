"""The scheduler's part (its `timers` job): at a task's due time its owner is told, once.

Open tasks not yet reminded sit in a sharded due index (`TIMER#task_due#{n}`), read earliest
first. A due task's reminder is one transaction, conditioned on the task's `version` as
read: the task becomes `overdue` and leaves the due index, the session's overdue count goes
up, the owner (resolved now: a task without a named owner goes to whoever holds the session
now, so after a transfer the new holder) gets a notice, and the audit entry is appended. Of
two overlapping runs one writes it and the other writes nothing, so only the winner pushes
the notice to the owner's console and posts to the team's group (when the project wants it).
"""

from __future__ import annotations

from typing import cast

from tgdesk import teamchat
from tgdesk.audit import entries as audit
from tgdesk.core import metrics
from tgdesk.core.clock import now_ms
from tgdesk.core.errors import Conflict
from tgdesk.realtime import fanout
from tgdesk.storage import conversations
from tgdesk.storage import tasks as store
from tgdesk.storage.records import task as record
from tgdesk.storage.records.audit_entry import SYSTEM
from tgdesk.storage.records.task import Task
from tgdesk.tasks import settings as task_settings
from tgdesk.tasks.owners import owner_of

REMINDED = "task.remind"
TASK_DUE_FRAME = "task.due"
TASKS_PER_RUN = 500  # the rest wait for the next run


def run_due_tasks(now: int | None = None) -> dict[str, int]:
    """Remind the owners of the tasks due by `now`; counts by outcome."""
    now = now if now is not None else now_ms()
    counts = {"tasks_due": 0, "tasks_reminded": 0, "tasks_skipped": 0}
    found = store.due(now, most=TASKS_PER_RUN)
    for task in found:
        counts["tasks_due"] += 1
        counts["tasks_reminded" if remind(task, now) else "tasks_skipped"] += 1
    oldest = int(found[0]["due_at"]) if found else None
    metrics.scheduler_job("task_reminders", due=len(found), oldest_due_at=oldest, now=now)
    return counts


def remind(indexed: Task, now: int) -> bool:
    """One due task as the index showed it: True when this run reminded its owner."""
    task = store.get(indexed["session_id"], indexed["task_id"])
    if task is None or task["state"] != record.OPEN or task["due_at"] > now:
        return False  # done, deleted or moved since the index was read: its writer saw to it
    session = conversations.get_session(task["session_id"])
    owner = owner_of(task, session)
    after = cast(Task, {**task, "state": record.OVERDUE, "reminded_at": now})
    after["version"] = task["version"] + 1
    entry = audit.entry(
        REMINDED,
        actor_id=SYSTEM,
        project_id=task["project_id"],
        target_type="task",
        target_id=task["task_id"],
        after={"owner_id": owner, "due_at": task["due_at"]},
        details={"session_id": task["session_id"]},
    )
    notice = store.reminder_notice(owner, after, entry=entry, at=now) if owner else None
    try:
        after = store.write(
            after,
            before=task,
            owner=owner,
            entry=entry,
            # a session erased meanwhile has no counts to keep; its task still leaves the index
            overdue_change=1 if session is not None else 0,
            notice=notice,
        )
    except Conflict:
        return False  # another run reminded it, or someone changed it meanwhile
    _tell(owner, after, now)
    return True


def _tell(owner: str | None, task: Task, now: int) -> None:
    if owner:
        frame = fanout.Frame(
            TASK_DUE_FRAME, task["project_id"], task["session_id"], now, dict(task)
        )
        fanout.push_to_agents(frame, (owner,))
    if task_settings.current(task["project_id"])["team_chat_reminders"]:
        text = f"Task due: {task['note'] or task['task_kind']}"
        teamchat.post(
            task["project_id"],
            f"task:{task['task_id']}:{task['due_at']}",
            text,
            link=teamchat.session_link(task["session_id"]),
        )
