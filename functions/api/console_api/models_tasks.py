"""Bodies of follow-up tasks, a project's task settings and a user's time zone."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from console_api.models import Public
from tgdesk.tasks.service import NOTE_MAX

TaskKind = Literal["promise", "csat_follow_up", "return_visit", "handover"]
TaskState = Literal["open", "overdue", "done"]


class TaskCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: TaskKind = "promise"
    due_at: int = Field(gt=0, description="Epoch ms")
    note: str = Field(default="", max_length=NOTE_MAX)
    owner_id: str | None = Field(
        default=None, description="An agent of the project; none: the session's holder, always"
    )


class TaskUpdate(BaseModel):
    """What changes; `version` is the one the caller read (a stale edit answers 409)."""

    model_config = ConfigDict(extra="forbid")

    version: int
    done: bool | None = None
    due_at: int | None = Field(default=None, gt=0)
    note: str | None = Field(default=None, max_length=NOTE_MAX)
    owner_id: str | None = Field(default=None, description="Set with `follow_holder` false")
    follow_holder: bool | None = Field(
        default=None, description="true: the session's holder owns it again, `owner_id` unset"
    )


class TaskPublic(Public):
    task_id: str
    session_id: str
    project_id: str
    kind: TaskKind
    due_at: int
    owner_id: str | None = Field(default=None, description="Named owner; none: the holder")
    owner_now: str | None = Field(default=None, description="Who owns it now")
    note: str
    state: TaskState
    created_by: str
    created_at: int
    updated_at: int
    version: int
    reminded_at: int | None = None
    done_at: int | None = None
    done_by: str | None = None


class TaskSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")

    team_chat_reminders: bool = Field(description="Also post due tasks to the team's group")
    night_start: str = Field(pattern=r"^([01]\d|2[0-3]):[0-5]\d$", description="HH:MM")
    night_end: str = Field(pattern=r"^([01]\d|2[0-3]):[0-5]\d$", description="HH:MM")
    updated_at: int | None = Field(default=None, description="As read; none: never saved")


class TaskSettingsPublic(Public):
    project_id: str
    team_chat_reminders: bool
    night_start: str
    night_end: str
    updated_at: int | None = None


class UserTimeZone(BaseModel):
    model_config = ConfigDict(extra="forbid")

    time_zone: str | None = Field(
        max_length=64, description="IANA time zone (Europe/Berlin); null clears it"
    )
