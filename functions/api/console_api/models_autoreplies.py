"""Bodies of the automatic answers' routes (tgdesk.autoreplies): a project's welcome,
off-hours answer and FAQ rules, and an agent's answer turned into an FAQ rule."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from console_api.models import Public


class AutoAnswer(BaseModel):
    model_config = ConfigDict(extra="forbid")

    enabled: bool = False
    texts: dict[str, str] = Field(
        default_factory=dict,
        description="Per language code (en, zh, ru, ...); the off-hours text may hold `{back}`",
    )


class FaqRule(BaseModel):
    model_config = ConfigDict(extra="forbid")

    rule_id: str | None = Field(default=None, description="Absent for a new rule")
    language: str = Field(default="en", description="The language of its phrases and answer")
    phrases: list[str] = Field(default_factory=list, description="Any one of them matches")
    keywords: list[str] = Field(default_factory=list, description="All of them, anywhere, match")
    answer: str
    buttons: bool = Field(default=True, description='"That solved it" / "I still need help"')
    created_at: int | None = None
    created_by: str | None = None
    from_message_id: str | None = Field(
        default=None, description="The agent's answer it was made from"
    )
    proposed: bool = Field(
        default=False,
        description="Proposed by an agent: the bot never gives it until a supervisor approves it",
    )


class AutoreplySettings(Public):
    project_id: str
    welcome: AutoAnswer
    off_hours: AutoAnswer = Field(description="Outside the business hours of the SLA settings")
    faq: list[FaqRule]
    updated_at: int | None = None
    updated_by: str | None = None


class AutoreplySettingsChange(BaseModel):
    """What to save; anything left out takes its default. `updated_at`: the one read."""

    model_config = ConfigDict(extra="forbid")

    welcome: AutoAnswer | None = None
    off_hours: AutoAnswer | None = None
    faq: list[FaqRule] | None = None
    updated_at: int | None = None

    def wanted(self) -> dict[str, object]:
        return self.model_dump(exclude_none=True)


class FaqRuleFromMessage(BaseModel):
    """An agent's answer in a session as a new FAQ rule: the answer is the message's text and
    the phrase the user's message before it, unless given."""

    model_config = ConfigDict(extra="forbid")

    session_id: str
    message_id: str
    phrases: list[str] | None = None
    answer: str | None = None
    buttons: bool = True
