"""Bodies of the SLA routes: a project's time zone, business hours, holidays and its
targets per priority (tgdesk.sla.policies)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from console_api.models import Public
from tgdesk.core.domain import Priority

Hours = dict[str, list[list[str]]]
HOURS_DESCRIPTION = (
    'Per weekday (`mon` .. `sun`) zero or more intervals of local time, `[["09:00", "17:00"]]`'
    ' ("24:00" ends the day); a weekday left out is closed. `null`: calendar time'
)


class BreachAction(BaseModel):
    notify: bool = Field(
        default=True,
        description="Tell the holder and the project's supervisors (its admins when it has none)",
    )
    raise_priority: bool = Field(default=False, description="Raise the priority one step")
    reassign_group_id: str | None = Field(
        default=None, description="Move the session to this group of the project's agents"
    )


class Policy(Public):
    first_response_minutes: int
    next_response_minutes: int
    resolution_minutes: int
    business_hours: bool = Field(description="Count only the project's business hours")
    breach_action: BreachAction


class SlaSettings(Public):
    project_id: str
    enabled: bool = Field(description="Whether the project's sessions run SLA clocks")
    time_zone: str = Field(description="IANA time zone of the business hours and holidays")
    business_hours: Hours | None = Field(default=None, description=HOURS_DESCRIPTION)
    holidays: list[str] = Field(description="Local dates (YYYY-MM-DD) on which no clock counts")
    warn_percent: int = Field(description="The holder is warned when this share has passed")
    policies: dict[Priority, Policy]
    updated_at: int | None = None
    updated_by: str | None = None


class PolicyChange(BaseModel):
    """A priority's targets; what is left out takes its default (next response: first
    response)."""

    model_config = ConfigDict(extra="forbid")

    first_response_minutes: int | None = None
    next_response_minutes: int | None = None
    resolution_minutes: int | None = None
    business_hours: bool | None = None
    breach_action: BreachAction | None = None


class SlaSettingsChange(BaseModel):
    """The whole of a project's SLA settings; what is left out takes its default."""

    model_config = ConfigDict(extra="forbid")

    enabled: bool = False
    time_zone: str | None = Field(default=None, description="Default: TGDESK_TIME_ZONE")
    business_hours: Hours | None = Field(default=None, description=HOURS_DESCRIPTION)
    holidays: list[str] = Field(default_factory=list, max_length=400)
    warn_percent: int = 80
    policies: dict[Priority, PolicyChange] = Field(default_factory=dict)

    def wanted(self) -> dict:
        """The body as tgdesk.sla.settings.save takes it (unset fields left out)."""
        out = self.model_dump(exclude_none=True)
        out["business_hours"] = self.business_hours
        out["policies"] = {
            str(p): c.model_dump(exclude_none=True) for p, c in self.policies.items()
        }
        return out


class ClockView(Public):
    """A running SLA clock, as of `evaluated_at` (the console counts on from there)."""

    clock: str = Field(description="`first_response`, `next_response` or `resolution`")
    started_at: int
    target_ms: int
    warn_at: int | None = Field(default=None, description="Absent while paused")
    due_at: int | None = Field(default=None, description="Absent while paused")
    paused: bool = Field(default=False, description="The session is `follow_up`")
    remaining_ms: int = Field(
        description="Business ms left when evaluated (negative: overdue by as much); while "
        "paused, exactly what is left"
    )
    warned_at: int | None = None
    breached_at: int | None = None


class SlaEvent(Public):
    clock: str
    stage: str = Field(description="`warning` or `breach`")
    at: int
    due_at: int
    priority: Priority


class SlaView(Public):
    """A session's SLA clocks (tgdesk.sla): those running, and its warnings and breaches."""

    clocks: list[ClockView] = Field(default_factory=list)
    due_at: int | None = Field(
        default=None, description="The earliest due time of the running clocks"
    )
    evaluated_at: int | None = None
    warnings: int = 0
    breaches: int = 0
    events: list[SlaEvent] = Field(
        default_factory=list, description="The latest warnings and breaches, oldest first"
    )
