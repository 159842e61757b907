"""Bodies of the shifts' and handovers' routes (tgdesk.shifts)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from console_api.models import Public


class ShiftChange(BaseModel):
    """A new shift, or the fields of one to change (absent: unchanged)."""

    model_config = ConfigDict(extra="forbid")

    name: str | None = Field(default=None, max_length=80)
    days: list[str] | None = Field(default=None, description="mon, tue, ... sun: start days")
    start: str | None = Field(default=None, description="HH:MM in the shift's time zone")
    end: str | None = Field(default=None, description="HH:MM; at or before the start: the next day")
    time_zone: str | None = Field(default=None, description="IANA; default the project's")
    agent_ids: list[str] | None = Field(default=None, max_length=50)
    reminder_minutes: list[int] | None = Field(
        default=None, description="Reminders this many minutes before the end", max_length=4
    )
    ack_minutes: int | None = Field(
        default=None, description="Supervisors are reminded of an unacknowledged handover"
    )
    post_summary: bool | None = Field(default=None, description="Post it to the team's group")
    version: int | None = Field(default=None, description="The version read (on a change)")

    def wanted(self) -> dict[str, Any]:
        return self.model_dump(exclude_none=True)


class ShiftPublic(Public):
    shift_id: str
    project_id: str
    name: str
    days: list[str]
    start: str
    end: str
    time_zone: str
    agent_ids: list[str]
    reminder_minutes: list[int]
    ack_minutes: int
    post_summary: bool
    version: int
    updated_at: int
    next_event_at: int | None = None


class ShiftList(Public):
    items: list[ShiftPublic]


class OnShift(Public):
    shift_id: str
    name: str
    agent_ids: list[str]
    started_at: int
    ends_at: int


class OnShiftList(Public):
    items: list[OnShift]


class HandoverAgentPublic(Public):
    agent_id: str
    handled: int
    closed: int
    median_first_response_ms: int | None = None
    average_handling_ms: int | None = None


class HandoverSession(Public):
    session_id: str
    agent_id: str = ""
    status: str
    priority: str = ""
    tags: list[str] = []
    user: str = ""
    last_note: str = ""
    next_step: str = ""
    moved_to_follow_up: bool = False


class HandoverEvent(Public):
    session_id: str
    event: str = Field(description="tag:complaint, tag:sensitive, sla_breach, escalation, ...")
    detail: str


class HandoverPromise(Public):
    session_id: str
    task_kind: str | None = None
    due_at: int
    note: str


class HandoverPublic(Public):
    project_id: str
    shift_id: str
    shift_name: str
    started_at: int
    ended_at: int
    generated_at: int
    agents: list[HandoverAgentPublic]
    open_sessions: list[HandoverSession]
    events: list[HandoverEvent]
    promises: list[HandoverPromise]
    truncated: bool
    reads: int = Field(description="Items read to make it (bounded)")
    next_agent_ids: list[str]
    acknowledged_at: int | None = None
    acknowledged_by: str | None = None
    supervisors_reminded_at: int | None = None


class HandoverList(Public):
    items: list[HandoverPublic]
