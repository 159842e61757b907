"""Follow-up tasks in the table (docs/data-model.md: task, owned task, the `task_due` index).

A task is one item under its session (records/task.py). Its owner's list is a copy of it
under the owner (`AGENT#{owner}`, `TASK#{due}#{task}`), written in the same transaction as
every change of the task, so "my tasks" is one Query of one partition in due order; the
task records where its copy is (`copy_owner`). A task that follows the session's holder is
copied under the holder at the time; a transfer moves the copy (tgdesk.tasks.following,
from the table's stream), and whoever lists copies checks the holder on the session, so a
copy not yet moved is never shown to the wrong agent.

The session keeps two counts its list row shows: `tasks_open` (open or overdue tasks) and
`tasks_overdue`. Every change writes the task conditioned on the `version` read, with the
counts and its audit entry, in one transaction: of two racing writers one wins.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

from tgdesk.core.errors import Conflict
from tgdesk.storage import audit, keys, scroll, table
from tgdesk.storage.assignments import notice_item
from tgdesk.storage.expressions import Changes, Condition, put, put_new
from tgdesk.storage.records import session as session_record
from tgdesk.storage.records import task as record
from tgdesk.storage.records.task import Task

TASKS_OPEN = "tasks_open"  # on the session: its open and overdue tasks
TASKS_OVERDUE = "tasks_overdue"  # on the session: its overdue tasks
TASK_DUE_NOTICE = "task_due"  # the notice an owner gets at a task's due time
_OWNED_KIND = "owned_task"
_LOST = Conflict("the task changed meanwhile; reload it", code="conflict")


# -- reads ------------------------------------------------------------------------------------
def get(session_id: str, task_id: str) -> Task | None:
    item = table.get(*record.key(session_id, task_id), consistent=True)
    return None if item is None else record.from_item(item)


def of_session(session_id: str) -> list[Task]:
    pk, _ = session_record.key(session_id)
    return [record.from_item(i) for i in table.query_all(pk=pk, sk_prefix=keys.TASK_PREFIX)]


def of_owner(agent_id: str, *, low: int, high: int, limit: int) -> list[Task]:
    """The copies under `agent_id` due in [low, high], the earliest first."""
    pk, _ = keys.owned_task(agent_id, "")
    items, _ = table.query(
        pk=pk,
        sk_between=(f"TASK#{keys.ts(low)}", f"TASK#{keys.ts(high)}#~"),
        limit=limit,
    )
    return [record.from_item(i) for i in items]


def of_project(project_id: str, *, low: int, high: int, limit: int) -> list[Task]:
    """A project's tasks due in [low, high], the earliest first (GSI1)."""
    items, _ = table.query(
        pk=keys.project_tasks_index(project_id),
        index="GSI1",
        sk_between=(keys.ts(low), f"{keys.ts(high)}#~"),
        limit=limit,
    )
    return [record.from_item(i) for i in items]


def due(now: int, *, most: int) -> list[Task]:
    """Open tasks not yet reminded, due by `now`, the earliest first, from every shard."""
    shards = keys.timers_shards(keys.TASK_DUE_TIMER)
    found = scroll.each_earliest(
        [scroll.Partition(shard, "GSI2") for shard in shards],
        low="0",
        high=f"{keys.ts(now)}#~",
        most=most,
    )
    return [record.from_item(i) for i in found]


# -- writes -----------------------------------------------------------------------------------
def write(
    task: Task,
    *,
    before: Task | None,
    owner: str | None,
    entry: dict[str, Any] | None,
    open_change: int = 0,
    overdue_change: int = 0,
    notice: dict[str, Any] | None = None,
) -> Task:
    """Write `task` (new when `before` is None, else conditioned on the version read) with
    its copy under `owner` (moved from where `before` had it; none once done), the session's
    counts, the audit entry and the notice, in one transaction. Returns the task as written;
    Conflict when any of it changed meanwhile."""
    copy_owner = owner if task["state"] != record.DONE else None
    written = cast(Task, {k: v for k, v in task.items() if k != "copy_owner"})
    if copy_owner is not None:
        written["copy_owner"] = copy_owner
    operations = [_task_put(written, before)]
    old_copy = _copy_key(before.get("copy_owner"), before) if before is not None else None
    new_copy = _copy_key(copy_owner, written)
    if old_copy is not None and old_copy != new_copy:
        operations.append({"Delete": {"TableName": table.table_name(), "Key": _key(*old_copy)}})
    if copy_owner is not None:
        operations.append(put(_copy_item(copy_owner, written)))
    if open_change or overdue_change:
        counts = Changes().require_item()
        if open_change:
            counts.add(TASKS_OPEN, open_change)
        if overdue_change:
            counts.add(TASKS_OVERDUE, overdue_change)
        operations.append(counts.item(*session_record.key(task["session_id"])))
    if entry is not None:
        operations.append(audit.put_operation(entry))
    if notice is not None:
        operations.append(put_new(notice))
    table.transact(operations, conflict=_LOST)
    return written


def delete(task: Task, *, entry: dict[str, Any], open_change: int, overdue_change: int) -> None:
    """Delete a task as read, its owner's copy, its part of the session's counts, audited."""
    condition = Condition().require_equal("version", task["version"])
    operations: list[dict[str, Any]] = [
        condition.delete(*record.key(task["session_id"], task["task_id"]))
    ]
    copy = _copy_key(task.get("copy_owner"), task)
    if copy is not None:
        operations.append({"Delete": {"TableName": table.table_name(), "Key": _key(*copy)}})
    if open_change or overdue_change:
        counts = Changes().require_item().add(TASKS_OPEN, open_change)
        if overdue_change:
            counts.add(TASKS_OVERDUE, overdue_change)
        operations.append(counts.item(*session_record.key(task["session_id"])))
    operations.append(audit.put_operation(entry))
    table.transact(operations, conflict=_LOST)


def drop_copy(owner: str, task: Task) -> None:
    """Delete a copy left in `owner`'s list by a task whose session is gone (erased)."""
    copy = _copy_key(owner, task)
    if copy is not None:
        table.client().delete_item(TableName=table.table_name(), Key=_key(*copy))


def reminder_notice(owner_id: str, task: Task, *, entry: dict[str, Any], at: int) -> dict[str, Any]:
    """The notice that tells the owner a task is due (routing's notice item, kept 14 days)."""
    session = {"session_id": task["session_id"], "project_id": task["project_id"]}
    return notice_item(
        owner_id,
        TASK_DUE_NOTICE,
        session,
        to_agent_id=None,
        entry=entry,
        at=at,
        task_id=task["task_id"],
        task_kind=task["task_kind"],
        due_at=task["due_at"],
    )


# -- helpers ----------------------------------------------------------------------------------
def _task_put(task: Task, before: Task | None) -> dict[str, Any]:
    if before is None:
        return put_new(record.to_item(task))
    condition = Condition().require_equal("version", before["version"])
    return condition.put(record.to_item(task))


def _copy_key(owner: str | None, task: Mapping[str, Any] | None) -> tuple[str, str] | None:
    if owner is None or task is None:
        return None
    return keys.owned_task(owner, keys.timer_sort_key(task["due_at"], task["task_id"]))


def _copy_item(owner: str, task: Task) -> dict[str, Any]:
    copy_key = _copy_key(owner, task)
    assert copy_key is not None
    return {"PK": copy_key[0], "SK": copy_key[1], **task, "kind": _OWNED_KIND}


def _key(pk: str, sk: str) -> dict[str, Any]:
    return table.to_item({"PK": pk, "SK": sk})


# -- a project's task settings ----------------------------------------------------------------
def get_settings(project_id: str) -> dict[str, Any] | None:
    item = table.get(*keys.project_task_settings(project_id))
    return (
        None if item is None else {k: v for k, v in table.strip_keys(item).items() if k != "kind"}
    )


def save_settings(
    settings: dict[str, Any], *, read_updated_at: int | None, entry: dict[str, Any]
) -> None:
    """Store a project's settings with its audit entry, if nobody saved since `updated_at`
    was read (None: nobody ever had); Conflict otherwise."""
    pk, sk = keys.project_task_settings(settings["project_id"])
    condition = Condition().require_as_read("updated_at", read_updated_at)
    item = {"PK": pk, "SK": sk, **settings, "kind": "task_settings"}
    table.transact([condition.put(item), audit.put_operation(entry)], conflict=_LOST)


# -- a user's time zone -----------------------------------------------------------------------
def set_user_time_zone(
    project_id: str, tg_user_id: int, time_zone: str | None, *, entry: dict[str, Any]
) -> None:
    """Set (None: clear) the time zone on the user's profile, audited in the same write."""
    changes = Changes().require_item().set_or_remove("time_zone", time_zone)
    operations = [
        changes.item(*keys.telegram_user(project_id, tg_user_id)),
        audit.put_operation(entry),
    ]
    table.transact(operations, conflict=Conflict("no such user", code="user_not_found"))
