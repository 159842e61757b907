"""Health and operator views."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import Field

from console_api.deps import AdminAgent
from console_api.models import DeadLetterPublic, ErrorBody, Page, Public
from tgdesk.core.clock import now_ms
from tgdesk.inbound import unserved

router = APIRouter(tags=["system"])


@router.get("/health")
def health() -> dict[str, object]:
    return {"status": "ok", "time": now_ms()}


@router.get("/dead-letters")
def dead_letters(
    _: AdminAgent,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    cursor: str | None = None,
) -> Page[DeadLetterPublic]:
    """Webhook bodies that were not Telegram updates, newest first (kept 30 days)."""
    items, next_cursor = unserved.dead_letters(limit=limit, cursor=cursor)
    return Page[DeadLetterPublic](
        items=[DeadLetterPublic(**d) for d in items], next_cursor=next_cursor
    )


class IgnoredUpdates(Public):
    counts: dict[str, int] = Field(
        description="Per update kind (`group_message`, `channel_post`, ..., or the update's "
        "field name; `unknown` for a name that is not one), how many were acknowledged"
    )


@router.get(
    "/projects/{project_id}/ignored-updates",
    responses={
        403: {"model": ErrorBody, "description": "`admin_only`"},
        404: {"model": ErrorBody, "description": "`project_not_found`"},
    },
)
def ignored_updates(project_id: str, _: AdminAgent) -> IgnoredUpdates:
    """The updates of this project's bot that were acknowledged without being served
    (groups, channels, reactions, ...), counted by kind. Administrators only."""
    return IgnoredUpdates(counts=unserved.ignored_counts(project_id))
