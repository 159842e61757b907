"""Bodies of a Telegram user's data export and erasure (tgdesk.privacy.user_data)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from console_api.models import Public

Items = list[dict[str, Any]]


class UserExport(Public):
    """One page of a user's data. The first page carries the profile and its tags; follow
    `next_cursor` until it is null for the rest."""

    format: str
    project_id: str
    tg_user_id: int
    exported_at: int
    profile: dict[str, Any] | None = None
    tags: Items = []
    session_refs: Items = []
    sessions: Items = []
    assignments: Items = []
    timers: Items = []
    notes: Items = []
    reply_claims: Items = []
    messages: Items = Field(
        default=[], description="With `raw` (the Telegram update as received), edits, delivery"
    )
    message_refs: Items = []
    other: Items = []
    next_cursor: str | None = None


class ErasureRequest(BaseModel):
    confirm_tg_user_id: int = Field(description="The user's id again: confirms the erasure")


class ErasureProgress(Public):
    """The erasure's tombstone: `phase` is `items`, then `audit`, then `done`."""

    project_id: str
    tg_user_id: int
    phase: str
    items_erased: int
    audit_entries_redacted: int
    requested_by: str
    started_at: int
    finished_at: int | None = None
