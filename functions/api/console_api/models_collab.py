"""Bodies of notes, tags, Telegram users' views and the audit log."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from console_api.models import LinkTouchPublic, Public
from tgdesk.sessions import notes, tags

TagIds = list[str]


# -- notes --------------------------------------------------------------------------------
class NoteCreate(BaseModel):
    text: str = Field(min_length=1, max_length=notes.MAX_TEXT)
    personal: bool = Field(default=False, description="Only its author will see it")


class NoteUpdate(BaseModel):
    text: str = Field(min_length=1, max_length=notes.MAX_TEXT)


class NotePublic(Public):
    note_id: str
    session_id: str
    project_id: str
    author_id: str
    text: str
    personal: bool
    created_at: int
    edited_at: int | None = None


# -- tags -----------------------------------------------------------------------------------
class TagCreate(BaseModel):
    name: str = Field(min_length=1, max_length=tags.NAME_MAX_LENGTH, examples=["refund"])
    colour: str = Field(pattern=tags.COLOUR.pattern, examples=["#e5484d"])


class TagUpdate(BaseModel):
    name: str | None = Field(default=None, min_length=1, max_length=tags.NAME_MAX_LENGTH)
    colour: str | None = Field(default=None, pattern=tags.COLOUR.pattern)


class TagPublic(Public):
    tag_id: str
    project_id: str
    name: str
    colour: str
    created_at: int
    created_by: str | None = None
    updated_at: int | None = None


class TagsSet(BaseModel):
    tag_ids: TagIds = Field(max_length=tags.MAX_TAGS_PER_TARGET)


# -- Telegram users -------------------------------------------------------------------------
class UserSessionPublic(Public):
    session_id: str
    status: str
    priority: str
    assignee_id: str | None = None
    opened_at: int
    closed_at: int | None = None
    last_activity_at: int
    tags: TagIds = []


class UserSourcePublic(Public):
    first: LinkTouchPublic | None = None
    last: LinkTouchPublic | None = None


class TelegramUserPublic(Public):
    project_id: str
    tg_user_id: int
    first_name: str | None = None
    last_name: str | None = None
    username: str | None = None
    language_code: str | None = None
    is_premium: bool = False
    first_seen_at: int | None = None
    last_seen_at: int | None = None
    unreachable: bool = False
    unreachable_at: int | None = None
    time_zone: str | None = Field(
        default=None, description="IANA time zone an agent set (none: unknown, never guessed)"
    )
    tags: list[TagPublic] = []
    sessions: list[UserSessionPublic] = []
    source: UserSourcePublic | None = Field(
        default=None, description="The tracked links that brought the user: first and latest"
    )


# -- audit ----------------------------------------------------------------------------------
class AuditEntryPublic(Public):
    entry_id: str
    at: int
    action: str
    actor_id: str
    project_id: str | None = None
    target_type: str | None = None
    target_id: str | None = None
    before: Any = None
    after: Any = None
    details: dict[str, Any] | None = None
    source_ip: str | None = None
