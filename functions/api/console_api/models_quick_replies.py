"""Bodies of the quick replies' routes (tgdesk.quickreplies)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from console_api.models import Public
from tgdesk.quickreplies.catalog import MAX_TEXT_CHARS, MAX_TITLE_CHARS


class QuickReplyWrite(BaseModel):
    """A new quick reply, or a reply's new title and texts (`version`: the one read)."""

    model_config = ConfigDict(extra="forbid")

    title: str = Field(max_length=MAX_TITLE_CHARS)
    texts: dict[str, str | None] = Field(
        description="Language (en, zh, ru) -> text; blank languages are dropped",
        max_length=8,
    )
    version: int | None = Field(default=None, description="The version read (on a change)")


class QuickReplyPublic(Public):
    reply_id: str
    owner: Literal["project", "agent"]
    owner_id: str = Field(description="The project, or the agent of a personal reply")
    title: str
    texts: dict[str, str]
    version: int
    updated_at: int
    uses: int = Field(default=0, description="How many times it was inserted (0: never)")
    last_used_at: int | None = None


class QuickReplyFilled(Public):
    """A reply's text for one session's user, to edit in the composer before sending."""

    reply_id: str
    title: str
    language: str
    text: str = Field(max_length=MAX_TEXT_CHARS * 2)
    unfilled: list[str] = Field(description="Placeholders the session has no value for")
