"""Follow-up tasks: a session's tasks, the caller's tasks, and a project's task settings."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Response

from console_api.deps import CurrentScope
from console_api.models import ErrorBody, Items
from console_api.models_tasks import (
    TaskCreate,
    TaskPublic,
    TaskSettings,
    TaskSettingsPublic,
    TaskState,
    TaskUpdate,
)
from tgdesk.tasks import listing, service
from tgdesk.tasks import settings as task_settings

router = APIRouter(tags=["tasks"])

_CONFLICT: dict[int | str, dict[str, Any]] = {
    409: {"model": ErrorBody, "description": "Changed meanwhile (`conflict`)"}
}


def shown(task: dict[str, Any]) -> TaskPublic:
    return TaskPublic(**{**task, "kind": task["task_kind"]})


@router.get("/tasks")
def list_tasks(
    scope: CurrentScope,
    state: TaskState | None = None,
    due_from: Annotated[int | None, Query(ge=0, description="Epoch ms")] = None,
    due_to: Annotated[int | None, Query(ge=0, description="Epoch ms")] = None,
    project_id: str | None = None,
    mine: Annotated[bool, Query(description="Supervisors: only their own")] = False,
    limit: Annotated[int, Query(ge=1, le=listing.MAX_LIMIT)] = 100,
) -> Items[TaskPublic]:
    """The caller's tasks (supervisors: their projects'), the earliest due first."""
    found = listing.list_tasks(
        scope,
        state=state,
        due_from=due_from,
        due_to=due_to,
        project_id=project_id,
        mine=mine,
        limit=limit,
    )
    return Items[TaskPublic](items=[shown(dict(t)) for t in found])


@router.get("/sessions/{session_id}/tasks")
def list_session_tasks(session_id: str, scope: CurrentScope) -> Items[TaskPublic]:
    """The session's tasks, the earliest due first: whoever may see the session."""
    return Items[TaskPublic](items=[shown(dict(t)) for t in service.of_session(scope, session_id)])


@router.post("/sessions/{session_id}/tasks", status_code=201)
def create_task(session_id: str, body: TaskCreate, scope: CurrentScope) -> TaskPublic:
    """A task on the session (a promise made to the user, ...): whoever may see it."""
    made = service.open_from_console(
        scope,
        session_id,
        kind=body.kind,
        due_at=body.due_at,
        owner_id=body.owner_id,
        note=body.note,
    )
    return shown(dict(made))


@router.patch("/sessions/{session_id}/tasks/{task_id}", responses=_CONFLICT)
def update_task(session_id: str, task_id: str, body: TaskUpdate, scope: CurrentScope) -> TaskPublic:
    """Mark done (or not), move the due time, edit the note, change the owner."""
    owner: dict[str, Any] = {}
    if body.follow_holder:
        owner["owner_id"] = None
    elif body.owner_id is not None:
        owner["owner_id"] = body.owner_id
    changed = service.change(
        scope,
        session_id,
        task_id,
        version=body.version,
        done=body.done,
        due_at=body.due_at,
        note=body.note,
        **owner,
    )
    return shown(dict(changed))


@router.delete("/sessions/{session_id}/tasks/{task_id}", status_code=204, responses=_CONFLICT)
def delete_task(session_id: str, task_id: str, scope: CurrentScope) -> Response:
    service.delete(scope, session_id, task_id)
    return Response(status_code=204)


@router.get("/projects/{project_id}/task-settings")
def get_task_settings(project_id: str, scope: CurrentScope) -> TaskSettingsPublic:
    """Reminders in the team's group, the users' night hours: members read them."""
    return TaskSettingsPublic(**task_settings.read(scope, project_id))


@router.put(
    "/projects/{project_id}/task-settings",
    responses={
        **_CONFLICT,
        403: {"model": ErrorBody, "description": "Not an administrator (`admin_only`)"},
    },
)
def put_task_settings(
    project_id: str, body: TaskSettings, scope: CurrentScope
) -> TaskSettingsPublic:
    """Administrators change them, from the `updated_at` they read."""
    return TaskSettingsPublic(**task_settings.save(scope, project_id, body.model_dump()))
