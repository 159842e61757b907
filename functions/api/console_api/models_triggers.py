"""Bodies of the escalation triggers' routes (tgdesk.triggers): a project's triggers, and a
session's suggestions to escalate."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from console_api.models import Public
from tgdesk.core.domain import Level

TriggerName = Literal["unresolved", "manager", "keyword"]


class AutoEscalation(BaseModel):
    model_config = ConfigDict(extra="forbid")

    group_id: str = Field(description="A group of the project's agents")
    level: Literal[Level.L2, Level.L3] = Level.L2


class UnresolvedTrigger(Public):
    enabled: bool
    minutes: int = Field(description="A session still open this long after it (re)opened")
    escalate: AutoEscalation | None = Field(
        default=None, description="Escalate on its own to this group, at this level"
    )


class ManagerTrigger(Public):
    enabled: bool
    times: int = Field(description="The user's messages asking for a manager or to complain")
    phrases: dict[str, list[str]] = Field(
        description="Per language code; a user's message is matched against every language's"
    )
    escalate: AutoEscalation | None = None


class KeywordTrigger(Public):
    enabled: bool
    keywords: list[str]
    escalate: AutoEscalation | None = None


class TriggerSettings(Public):
    project_id: str
    unresolved: UnresolvedTrigger
    manager: ManagerTrigger
    keyword: KeywordTrigger
    updated_at: int | None = None
    updated_by: str | None = None


class UnresolvedChange(BaseModel):
    model_config = ConfigDict(extra="forbid")

    enabled: bool | None = None
    minutes: int | None = None
    escalate: AutoEscalation | None = None


class ManagerChange(BaseModel):
    model_config = ConfigDict(extra="forbid")

    enabled: bool | None = None
    times: int | None = None
    phrases: dict[str, list[str]] | None = None
    escalate: AutoEscalation | None = None


class KeywordChange(BaseModel):
    model_config = ConfigDict(extra="forbid")

    enabled: bool | None = None
    keywords: list[str] | None = None
    escalate: AutoEscalation | None = None


class TriggerSettingsChange(BaseModel):
    """The project's triggers; what a trigger leaves out takes its default (an `escalate`
    left out: the trigger only suggests)."""

    model_config = ConfigDict(extra="forbid")

    unresolved: UnresolvedChange | None = None
    manager: ManagerChange | None = None
    keyword: KeywordChange | None = None
    updated_at: int | None = Field(
        default=None, description="As read: a save made meanwhile is refused (409)"
    )

    def wanted(self) -> dict[str, Any]:
        return self.model_dump(exclude_none=True, mode="json")


class Suggestion(Public):
    trigger: TriggerName
    reason: str = Field(description="In words (English), as the audit log has it")
    at: int
    count: int | None = Field(default=None, description="manager: how many times the user asked")
    keyword: str | None = Field(default=None, description="keyword: the one the user wrote")
    minutes: int | None = Field(default=None, description="unresolved: the project's minutes")


class SuggestionList(Public):
    items: list[Suggestion]
