"""Opening, changing, finishing and deleting tasks, each audited in its own transaction.

`open_task` is the way any feature opens a task (a CSAT follow-up, a return visit, a
handover item); the console's calls check the caller's access first and then use the same
writes. A task's state is `open` until its due time passes (the reminder makes it
`overdue`) and `done` once someone marks it so; moving an overdue task's due time to the
future opens it again, to be reminded again.
"""

from __future__ import annotations

from typing import Any, cast

from tgdesk.accounts.access import Scope
from tgdesk.audit import entries as audit
from tgdesk.core.clock import now_ms
from tgdesk.core.errors import Conflict, InvalidInput, NotFound
from tgdesk.core.ids import sortable_id
from tgdesk.storage import conversations, team
from tgdesk.storage import tasks as store
from tgdesk.storage.records import task as record
from tgdesk.storage.records.task import Task
from tgdesk.tasks.owners import owner_of

OPENED = "task.open"
CHANGED = "task.change"
DELETED = "task.delete"
NOTE_MAX = record.NOTE_MAX
MAX_OPEN_PER_SESSION = 50  # keeps a session's task partition and the list's counts small
_UNSET: Any = object()


def open_task(
    project_id: str,
    session_id: str,
    *,
    kind: str,
    due_at: int,
    owner_id: str | None,
    note: str,
    created_by: str,
) -> Task:
    """Open a task on a session of `project_id`. `owner_id` None: the session's holder, now
    and after any transfer. `created_by` is an agent id or `system`. Audited."""
    session = conversations.get_session(session_id)
    if session is None or session["project_id"] != project_id:
        raise NotFound("no such session", code="session_not_found")
    if kind not in record.KINDS:
        raise InvalidInput(f"kind must be one of {', '.join(record.KINDS)}", field="kind")
    _check_owner(project_id, owner_id)
    if len([t for t in store.of_session(session_id) if t["state"] != record.DONE]) >= (
        MAX_OPEN_PER_SESSION
    ):
        raise InvalidInput("this session has too many open tasks", code="too_many_tasks")
    now = now_ms()
    task: Task = {
        "task_id": sortable_id(),
        "session_id": session_id,
        "project_id": project_id,
        "task_kind": kind,
        "due_at": _due(due_at),
        "owner_id": owner_id,
        "note": _note(note),
        "state": record.OPEN,
        "created_by": created_by,
        "created_at": now,
        "updated_at": now,
        "version": 1,
    }
    entry = audit.entry(
        OPENED,
        actor_id=created_by,
        project_id=project_id,
        target_type="task",
        target_id=task["task_id"],
        after=_audited(task),
        details={"session_id": session_id},
    )
    return store.write(task, before=None, owner=owner_of(task, session), entry=entry, open_change=1)


def open_from_console(
    scope: Scope, session_id: str, *, kind: str, due_at: int, owner_id: str | None, note: str
) -> Task:
    session = scope.session(session_id)
    made = open_task(
        session["project_id"],
        session_id,
        kind=kind,
        due_at=due_at,
        owner_id=owner_id,
        note=note,
        created_by=scope.agent_id,
    )
    return shown(made, session)


def get(scope: Scope, session_id: str, task_id: str) -> Task:
    """A task of a session the caller may see, with its owner now; NotFound otherwise."""
    session = scope.session(session_id)
    task = store.get(session_id, task_id)
    if task is None:
        raise NotFound("no such task", code="task_not_found")
    return shown(task, session)


def shown(task: Task, session: Any) -> Task:
    """The task with `owner_now`: who owns it now."""
    return cast(Task, {**task, "owner_now": owner_of(task, session)})


def of_session(scope: Scope, session_id: str) -> list[Task]:
    session = scope.session(session_id)
    found = sorted(store.of_session(session_id), key=lambda t: (t["due_at"], t["task_id"]))
    return [shown(t, session) for t in found]


def change(
    scope: Scope,
    session_id: str,
    task_id: str,
    *,
    version: int,
    done: bool | None = None,
    due_at: int | None = None,
    note: str | None = None,
    owner_id: str | None = _UNSET,
) -> Task:
    """Mark done (or open again), move the due time, edit the note, name an owner (None:
    follow the holder again); conditioned on the `version` the caller read."""
    session = scope.session(session_id)
    before = store.get(session_id, task_id)
    if before is None:
        raise NotFound("no such task", code="task_not_found")
    if before["version"] != version:
        raise Conflict("the task changed meanwhile; reload it", code="conflict")
    now = now_ms()
    after = cast(Task, dict(before))
    if note is not None:
        after["note"] = _note(note)
    if owner_id is not _UNSET:
        _check_owner(session["project_id"], owner_id)
        after["owner_id"] = owner_id
    if due_at is not None:
        after["due_at"] = _due(due_at)
        if before["state"] == record.OVERDUE and after["due_at"] > now:
            after["state"] = record.OPEN  # to be reminded again at its new due time
            after.pop("reminded_at", None)
    if done is True and before["state"] != record.DONE:
        after["state"], after["done_at"], after["done_by"] = record.DONE, now, scope.agent_id
    elif done is False and before["state"] == record.DONE:
        after["state"] = record.OVERDUE if after["due_at"] <= now else record.OPEN
        for gone in ("done_at", "done_by", "reminded_at"):
            after.pop(gone, None)  # type: ignore[misc]
        if after["state"] == record.OVERDUE:
            after["reminded_at"] = now  # due already: flagged, not reminded again
    after["updated_at"], after["version"] = now, before["version"] + 1
    entry = audit.entry(
        CHANGED,
        actor_id=scope.agent_id,
        project_id=session["project_id"],
        target_type="task",
        target_id=task_id,
        before=_audited(before),
        after=_audited(after),
        details={"session_id": session_id},
    )
    after = store.write(
        after,
        before=before,
        owner=owner_of(after, session),
        entry=entry,
        open_change=_counted(after, record.UNFINISHED) - _counted(before, record.UNFINISHED),
        overdue_change=_counted(after, (record.OVERDUE,)) - _counted(before, (record.OVERDUE,)),
    )
    return shown(after, session)


def delete(scope: Scope, session_id: str, task_id: str) -> None:
    session = scope.session(session_id)
    before = store.get(session_id, task_id)
    if before is None:
        raise NotFound("no such task", code="task_not_found")
    entry = audit.entry(
        DELETED,
        actor_id=scope.agent_id,
        project_id=session["project_id"],
        target_type="task",
        target_id=task_id,
        before=_audited(before),
        details={"session_id": session_id},
    )
    store.delete(
        before,
        entry=entry,
        open_change=-_counted(before, record.UNFINISHED),
        overdue_change=-_counted(before, (record.OVERDUE,)),
    )


# -- helpers ----------------------------------------------------------------------------------
def _counted(task: Task, states: tuple[str, ...]) -> int:
    return 1 if task["state"] in states else 0


def _check_owner(project_id: str, owner_id: str | None) -> None:
    if owner_id is not None and team.get_member(project_id, owner_id) is None:
        raise InvalidInput("the owner must be a member of the project", field="owner_id")


def _due(due_at: int) -> int:
    if not isinstance(due_at, int) or due_at <= 0:
        raise InvalidInput("due_at is epoch milliseconds", field="due_at")
    return due_at


def _note(note: str) -> str:
    text = (note or "").strip()
    if len(text) > record.NOTE_MAX:
        raise InvalidInput(f"a note holds at most {record.NOTE_MAX} characters", field="note")
    return text


def _audited(task: Task) -> dict[str, Any]:
    keep = ("task_kind", "due_at", "owner_id", "note", "state")
    return {k: task.get(k) for k in keep}
