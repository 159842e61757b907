"""Health and operator views."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from console_api.deps import AdminAgent
from console_api.models import DeadLetterPublic, Page
from tgdesk.core.clock import now_ms
from tgdesk.storage import conversations

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
    items, next_cursor = conversations.list_dead_letters(limit=limit, cursor=cursor)
    return Page[DeadLetterPublic](
        items=[DeadLetterPublic(**d) for d in items], next_cursor=next_cursor
    )
