"""A follow-up task on a session: its item shape, key, index keys, and conversions.

One item per task under its session (`SESSION#{id}`, `TASK#{task}`). It sits in its
project's task list by due time (GSI1 `PROJECT#{p}#TASKS`), and, while it is open and its
reminder not yet given, in the sharded due index (GSI2 `TIMER#task_due#{n}`) the scheduler
reads: the reminder removes it from there, so a task is reminded once.

`owner_id` None means "the session's holder": resolved from the session when the task is
read or reminded, so a task follows its session through every transfer without a write.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NotRequired, TypedDict, cast

from tgdesk.storage import keys, table

KIND = "task"
# Kinds of task.
PROMISE = "promise"
CSAT_FOLLOW_UP = "csat_follow_up"
RETURN_VISIT = "return_visit"
HANDOVER = "handover"
KINDS = (PROMISE, CSAT_FOLLOW_UP, RETURN_VISIT, HANDOVER)
# States: `overdue` is an open task whose due time passed (its reminder was given).
OPEN = "open"
OVERDUE = "overdue"
DONE = "done"
STATES = (OPEN, OVERDUE, DONE)
UNFINISHED = (OPEN, OVERDUE)
NOTE_MAX = 2000


class Task(TypedDict):
    """A task item without its key attributes, as storage returns it."""

    task_id: str
    session_id: str
    project_id: str
    task_kind: str  # one of KINDS (`kind` is the item's type, as on every item)
    due_at: int
    owner_id: str | None  # None: the session's holder
    note: str
    state: str
    created_by: str
    created_at: int
    updated_at: int
    version: int
    reminded_at: NotRequired[int]
    done_at: NotRequired[int]
    done_by: NotRequired[str]
    copy_owner: NotRequired[str]  # whose list holds the task's copy (storage/tasks.py)


def key(session_id: str, task_id: str) -> tuple[str, str]:
    return keys.session_task(session_id, task_id)


def index_keys(task: Mapping[str, Any]) -> dict[str, str]:
    found = {
        "GSI1PK": keys.project_tasks_index(task["project_id"]),
        "GSI1SK": keys.timer_sort_key(task["due_at"], task["task_id"]),
    }
    if task["state"] == OPEN:
        found["GSI2PK"] = keys.timers_index(keys.TASK_DUE_TIMER, task["task_id"])
        found["GSI2SK"] = keys.timer_sort_key(task["due_at"], task["task_id"])
    return found


def to_item(task: Task) -> dict[str, Any]:
    pk, sk = key(task["session_id"], task["task_id"])
    return {"PK": pk, "SK": sk, **index_keys(task), **task, "kind": KIND}


def from_item(item: Mapping[str, Any]) -> Task:
    found = table.strip_keys(dict(item))
    found.pop("kind", None)
    return cast(Task, found)
