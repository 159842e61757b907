"""Bodies of the session lifecycle and of the session list."""

from __future__ import annotations

from typing import Any, Literal, Self

from pydantic import BaseModel, Field, model_validator

from console_api.models import Public, SessionPublic
from console_api.models_escalations import TicketSummary
from console_api.models_sla import SlaView
from console_api.models_surveys import SessionRating
from tgdesk.core.domain import Level, Priority, Status
from tgdesk.sla import views as sla_views

__all__ = [
    "LastMessage",
    "Priority",
    "SessionList",
    "SessionUpdate",
    "SessionView",
    "Status",
    "StatusCounts",
]


class LastMessage(Public):
    """A short preview of a session's last message, for its list row."""

    direction: Literal["in", "out"] = Field(description="in: the user's; out: an agent's")
    type: str = Field(description="The message's kind: text, photo, sticker, …")
    text: str = Field(
        description="The first 80 characters of its text or caption; empty for bare media"
    )
    at: int


class SessionView(SessionPublic):
    """A session with its lifecycle and tag attributes."""

    status: Status
    priority: Priority

    tags: list[str] = Field(default=[], description="Ids of the project's tags")
    reopened_at: int | None = None
    queued_at: int | None = Field(
        default=None,
        description="Since when the session waits in its project's queue: nobody eligible "
        "had room for it; absent once it has an agent (or is closed)",
    )
    waiting_since: int | None = Field(
        default=None,
        description="Since when the user waits for an answer: their first message after the "
        "last agent reply; absent once an agent replies (or the session is closed)",
    )
    last_message: LastMessage | None = Field(
        default=None, description="The last message, user's or agent's, in short"
    )
    level: Level = Field(default=Level.L1, description="The support level; escalations raise it")
    ticket: TicketSummary | None = Field(
        default=None, description="The escalation ticket in short, once the session has one"
    )
    sla: SlaView | None = Field(
        default=None, description="SLA clocks, when the project tracks them (tgdesk.sla)"
    )
    collaborator_ids: list[str] = Field(
        default=[],
        description="Agents invited to collaborate: they see the session and write notes; "
        "only its holder replies",
    )
    tasks_open: int = Field(default=0, description="Open and overdue follow-up tasks")
    tasks_overdue: int = Field(default=0, description="Follow-up tasks past their due time")
    rating: SessionRating | None = Field(
        default=None,
        description="The user's satisfaction rating (1-5) and comment, once they pressed",
    )

    @model_validator(mode="before")
    @classmethod
    def _running_clocks(cls, data: Any) -> Any:
        """Only the clocks that still run as the session stands (sla.views)."""
        if isinstance(data, dict) and data.get("sla") is not None:
            data = {**data, "sla": sla_views.current_view(data)}
        return data


class SessionUpdate(BaseModel):
    status: Literal[Status.PROCESSING, Status.FOLLOW_UP] | None = Field(
        default=None, description="Close and reopen have their own endpoints"
    )
    priority: Priority | None = None

    @model_validator(mode="after")
    def _something(self) -> Self:
        if self.status is None and self.priority is None:
            raise ValueError("give a status, a priority, or both")
        return self


class StatusCounts(Public):
    unread: int = 0
    processing: int = 0
    follow_up: int = 0
    closed: int = 0


class SessionList(Public):
    items: list[SessionView]
    next_cursor: str | None = None
    counts: StatusCounts = Field(
        description="Sessions per status for the same filters, ignoring the status filter"
    )
    unread_ids: list[str] = Field(
        default=[],
        description="The page's sessions whose user wrote since the caller last opened them "
        "(the caller's own read state, kept by the server: an unread badge after a reload)",
    )
    counts_complete: bool = Field(
        description="False when there were too many sessions to count them all"
    )
