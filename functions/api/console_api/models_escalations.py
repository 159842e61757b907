"""Bodies of escalations, tickets and the escalation wording."""

from __future__ import annotations

from typing import Literal, Self

from pydantic import BaseModel, Field, model_validator

from console_api.models import Public
from console_api.models_sla import SlaView
from tgdesk.core.domain import Emotion, Level, Priority, Status
from tgdesk.escalation import content as limits
from tgdesk.sla.policies import MAX_TARGET_MINUTES

__all__ = [
    "EscalationRequest",
    "EscalationTarget",
    "TicketList",
    "TicketSummary",
    "TicketTargets",
    "TicketUpdate",
    "TicketView",
    "WordingUpdate",
    "WordingView",
]


class TicketTargets(Public):
    """An escalation's own targets (minutes), stricter than the project's policy: the
    session's clocks use them from `since` on."""

    first_response_minutes: int | None = Field(
        default=None, description="The response clocks: the first answer, then each next one"
    )
    resolution_minutes: int | None = None
    since: int = Field(description="When the escalation set them")


class TicketSummary(Public):
    """A session's ticket in short, shown on top of the session for whoever holds it (its
    priority is the session's)."""

    number: int = Field(description="The ticket's number in its project (#1234)")
    level: Level
    emotion: Emotion


class EscalationTarget(BaseModel):
    """Exactly one of: a group, a named agent, or (l3 only) the project's supervisors and
    admins (one of them, online first, with the fewest open sessions)."""

    group_id: str | None = Field(default=None, max_length=64)
    agent_id: str | None = Field(default=None, max_length=64)
    supervisors: bool = False

    @model_validator(mode="after")
    def _exactly_one(self) -> Self:
        chosen = [self.group_id is not None, self.agent_id is not None, self.supervisors]
        if sum(chosen) != 1:
            raise ValueError("name exactly one of group_id, agent_id or supervisors: true")
        return self


class EscalationRequest(BaseModel):
    """Fields left out keep what the ticket holds; a first escalation picks the key messages
    (the user's last messages with content) and takes the problem from them."""

    level: Literal[Level.L2, Level.L3] = Field(description="Higher than the session's level")
    to: EscalationTarget
    reason: str | None = Field(default=None, max_length=limits.MAX_REASON_CHARS)
    problem: str | None = Field(
        default=None,
        max_length=limits.MAX_PROBLEM_CHARS,
        description="The problem in the user's own words",
    )
    tried: str | None = Field(default=None, max_length=limits.MAX_TRIED_CHARS)
    key_message_ids: list[str] | None = Field(
        default=None, max_length=limits.MAX_KEY_MESSAGES, description="Messages of the session"
    )
    emotion: Emotion | None = None
    priority: Priority | None = Field(default=None, description="Sets the session's priority")
    notify_user: bool = Field(
        default=True,
        description="Tell the user (in their language) the ticket number and when to expect "
        "an answer",
    )
    confirm_risk: bool = Field(
        default=False, description="Send the message although it matches `confirm` risk entries"
    )
    first_response_minutes: int | None = Field(
        default=None,
        ge=1,
        le=MAX_TARGET_MINUTES,
        description="The ticket's own first-response target, never looser than the project's "
        "policy for its priority; the user is told it",
    )
    resolution_minutes: int | None = Field(
        default=None,
        ge=1,
        le=MAX_TARGET_MINUTES,
        description="The ticket's own resolution target, never looser than the policy's",
    )


class TicketUser(Public):
    tg_user_id: int
    first_name: str | None = None
    last_name: str | None = None
    username: str | None = None
    language_code: str | None = None


class KeyMessage(Public):
    message_id: str = Field(description="Opens the message (and its media) in the session")
    created_at: int
    type: str
    excerpt: str
    has_media: bool = False


class Hop(Public):
    at: int
    by: str
    from_level: Level
    from_agent_id: str | None = None
    to_level: Level
    to_group_id: str | None = None
    to_agent_id: str | None = Field(default=None, description="Who got the session")
    to_supervisors: bool = False
    priority: Priority
    reason: str | None = None


class TicketView(Public):
    session_id: str
    project_id: str
    number: int
    level: Level
    group_id: str | None = None
    user: TicketUser
    problem: str
    tried: str = ""
    key_messages: list[KeyMessage] = []
    emotion: Emotion
    priority: Priority = Field(description="The session's priority")
    status: Status = Field(description="The session's status")
    assignee_id: str | None = Field(default=None, description="Who holds the session")
    hops: list[Hop] = Field(description="Every escalation, oldest first (the latest 20)")
    targets: TicketTargets | None = Field(
        default=None, description="The escalation's own targets, when it set them"
    )
    sla: SlaView | None = Field(
        default=None, description="The session's running SLA clocks, when its project tracks them"
    )
    created_at: int
    created_by: str
    updated_at: int


class TicketUpdate(BaseModel):
    problem: str | None = Field(default=None, max_length=limits.MAX_PROBLEM_CHARS)
    tried: str | None = Field(default=None, max_length=limits.MAX_TRIED_CHARS)
    key_message_ids: list[str] | None = Field(default=None, max_length=limits.MAX_KEY_MESSAGES)
    emotion: Emotion | None = None
    priority: Priority | None = Field(default=None, description="Sets the session's priority")


class TicketList(Public):
    items: list[TicketView]
    next_cursor: str | None = Field(
        default=None, description="More tickets may follow (a page may hold fewer than asked)"
    )


class WordingView(Public):
    templates: dict[str, str] = Field(description="The project's own messages, by language")
    defaults: dict[str, str] = Field(description="What a language without its own message says")


class WordingUpdate(BaseModel):
    templates: dict[str, str | None] = Field(
        description="By language (en, zh, ru): {ticket} and {response_time} required, "
        "{first_name} optional; blank: the default again",
        max_length=10,
    )
