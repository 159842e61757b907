"""The caller's tasks (`GET /api/tasks`): an agent's from their own list (one Query), a
supervisor's from each project they supervise (one Query per project), filtered by state,
due range and project, at most `limit`, the earliest due first.

A copy in an agent's list whose task follows the holder is shown only while that agent
still holds the session (a transfer's move of the copy may not have happened yet); one
GetItem per session listed.
"""

from __future__ import annotations

import heapq
from typing import cast

from tgdesk.accounts.access import Scope
from tgdesk.core.errors import InvalidInput
from tgdesk.storage import conversations
from tgdesk.storage import tasks as store
from tgdesk.storage.records import task as record
from tgdesk.storage.records.session import Session
from tgdesk.storage.records.task import Task
from tgdesk.tasks.owners import owner_of

MAX_LIMIT = 200
_FAR = 10**13 - 1  # the greatest 13-digit epoch ms


def list_tasks(
    scope: Scope,
    *,
    state: str | None = None,
    due_from: int | None = None,
    due_to: int | None = None,
    project_id: str | None = None,
    mine: bool = False,
    limit: int = 100,
) -> list[Task]:
    """The tasks of the projects the caller supervises (unless `mine`) and the caller's own
    in the others, the earliest due first."""
    if state is not None and state not in record.STATES:
        raise InvalidInput(f"state is one of {', '.join(record.STATES)}", field="state")
    low, high = due_from or 0, due_to if due_to is not None else _FAR
    limit = max(1, min(limit, MAX_LIMIT))
    read = limit if state is None else MAX_LIMIT  # a state filter reads a fuller page
    if project_id is not None:
        scope.require_project(project_id)
    visible = [project_id] if project_id else scope.project_ids()
    supervised = [] if mine else [p for p in visible if scope.supervises(p)]
    lists = [store.of_project(p, low=low, high=high, limit=read) for p in supervised]
    # a project's tasks name their owner as of the copy's last move (the stream keeps it current)
    shown = [
        [cast(Task, {**t, "owner_now": t.get("owner_id") or t.get("copy_owner")}) for t in found]
        for found in lists
    ]
    if len(supervised) < len(visible):  # the caller's own tasks in the other projects
        own = _own(scope, store.of_owner(scope.agent_id, low=low, high=high, limit=read))
        wanted = set(visible) - set(supervised)
        shown.append([t for t in own if t["project_id"] in wanted])
    found = list(heapq.merge(*shown, key=lambda t: (t["due_at"], t["task_id"])))
    if state is not None:
        found = [t for t in found if t["state"] == state]
    return found[:limit]


def _own(scope: Scope, copies: list[Task]) -> list[Task]:
    """The copies the caller still owns: a holder-following task only while the caller holds
    its session; a copy whose session is gone (a user's data erased) is deleted instead."""
    sessions: dict[str, Session | None] = {}
    out: list[Task] = []
    for task in copies:
        if task["session_id"] not in sessions:
            sessions[task["session_id"]] = conversations.get_session(task["session_id"])
        session = sessions[task["session_id"]]
        if session is None:
            store.drop_copy(scope.agent_id, task)
            continue
        owner = owner_of(task, session)
        if owner == scope.agent_id:
            out.append(cast(Task, {**task, "owner_now": owner}))
    return out
