"""The audit log, read only: there is no route that edits or deletes an entry."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from console_api.deps import CurrentScope
from console_api.models import Page
from console_api.models_collab import AuditEntryPublic
from tgdesk.audit import log as audit_log

router = APIRouter(tags=["audit"])

Moment = Annotated[int | None, Query(ge=0, description="Epoch milliseconds, inclusive")]


@router.get("/audit")
def list_audit(
    scope: CurrentScope,
    project_id: str | None = None,
    action: Annotated[str | None, Query(max_length=64)] = None,
    actor_id: Annotated[str | None, Query(max_length=64)] = None,
    since: Moment = None,
    until: Moment = None,
    cursor: str | None = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> Page[AuditEntryPublic]:
    """Entries newest first. Admins read all; supervisors the projects they supervise (one
    with `project_id`, else all of them); agents none. A filtered page may hold fewer items
    than `limit` and still carry a `next_cursor`."""
    items, next_cursor = audit_log.read(
        scope,
        limit=limit,
        project_id=project_id,
        cursor=cursor,
        since=since,
        until=until,
        action=action,
        actor_id=actor_id,
    )
    return Page[AuditEntryPublic](
        items=[AuditEntryPublic(**e) for e in items], next_cursor=next_cursor
    )
