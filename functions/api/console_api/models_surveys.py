"""Bodies of the survey settings' routes (tgdesk.surveys), and a session's rating."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from console_api.models import Public


class Wording(BaseModel):
    model_config = ConfigDict(extra="forbid")

    question: str | None = Field(default=None, description="Above the 1-5 buttons")
    thanks: str | None = Field(default=None, description="After a press; `{score}` is replaced")
    comment_invite: str | None = None
    review_invite: str | None = Field(default=None, description="For a 4 or 5; `{url}`")
    return_visit: str | None = Field(default=None, description="The check-in message")


class QuietHours(BaseModel):
    model_config = ConfigDict(extra="forbid")

    start_minute: int = Field(description="Minutes after midnight, the user's local time")
    end_minute: int


class SurveySettings(Public):
    project_id: str
    enabled: bool
    sessions: Literal["all", "escalated"]
    auto_closed: bool = Field(description="Sessions closed for the user's silence too")
    wording: dict[str, Wording] = Field(description="Per language code (en, zh, ru, ...)")
    review_url: str
    once_per_days: int = Field(description="No survey to the same user again within this")
    comment_minutes: int = Field(description="The user's next message within this: a comment")
    quiet_hours: QuietHours
    return_visit_hours: int = Field(description="0: off; 24 to 48 after an escalated close")
    updated_at: int | None = None
    updated_by: str | None = None


class SurveySettingsChange(BaseModel):
    """What to save; anything left out takes its default. `updated_at`: the one read."""

    model_config = ConfigDict(extra="forbid")

    enabled: bool | None = None
    sessions: Literal["all", "escalated"] | None = None
    auto_closed: bool | None = None
    wording: dict[str, Wording] | None = None
    review_url: str | None = None
    once_per_days: int | None = None
    comment_minutes: int | None = None
    quiet_hours: QuietHours | None = None
    return_visit_hours: int | None = None
    updated_at: int | None = None

    def wanted(self) -> dict[str, object]:
        return self.model_dump(exclude_none=True)


class SessionRating(Public):
    """The user's satisfaction rating of a resolved session."""

    score: int = Field(ge=1, le=5)
    at: int
    agent_id: str | None = Field(default=None, description="The agent who resolved it")
    ticket_number: int | None = None
    comment: str | None = Field(default=None, description="The user's next message, as sent")
    comment_at: int | None = None
