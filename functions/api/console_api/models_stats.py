"""The body of GET /api/stats: a project's figures over a range of its local days, in total,
for the period just before, and per value of one dimension (tgdesk.stats.report)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from console_api.models import Public

Dimension = Literal["day", "agent", "group", "priority", "tag", "link", "channel"]
FilterDimension = Literal["agent", "group", "priority", "tag", "link"]
_BY_ALIAS = Public.model_config | {"populate_by_name": True, "serialize_by_alias": True}


class StatsSessions(Public):
    new: int = Field(description="Sessions opened")
    assigned: int = Field(description="Sessions given a holder when they had none")
    handled: int = Field(description="Sessions an agent replied to at least once")
    closed: int
    reopened: int
    transferred: int = Field(description="Sessions moved from one holder to another")
    escalated: int = Field(description="Escalations, every level")
    escalated_l2: int
    escalated_l3: int
    resolved_by_bot: int = Field(description="Closed by the bot's answer (the user said it helped)")
    reopen_rate: float | None = Field(description="reopened / closed; null when none closed")
    escalation_ratio: float | None = Field(description="escalated / new; null when none new")


class StatsPercentiles(Public):
    median: int | None = Field(description="ms, merged from time buckets; null with no sample")
    p90: int | None = Field(description="ms, the 90th percentile; null with no sample")
    count: int = Field(description="How many times were measured")


class StatsAverage(Public):
    average: int | None = Field(description="ms; null with no sample")
    count: int


class StatsMessages(Public):
    in_: int = Field(alias="in", description="Messages from users")
    out: int = Field(description="Agents' replies")
    bot: int = Field(description="The bot's own messages")
    replies_per_session: float | None = Field(
        description="out / handled; null when no session was handled"
    )

    model_config = _BY_ALIAS


class StatsSlaClock(Public):
    met: int
    warned: int
    breached: int
    attainment: float | None = Field(description="met / (met + breached); null when neither")


class StatsSla(Public):
    first: StatsSlaClock = Field(description="First response")
    next: StatsSlaClock = Field(description="Next response")
    resolution: StatsSlaClock


class StatsSatisfaction(Public):
    surveyed: int = Field(description="Surveys sent")
    rated: int = Field(description="Surveys answered")
    average: float | None = Field(description="StatsAverage rating, 1-5; null when none rated")
    distribution: list[int] = Field(
        min_length=5, max_length=5, description="How many ratings of 1, 2, 3, 4 and 5"
    )
    response_rate: float | None = Field(description="rated / surveyed; null when none surveyed")


class StatsPresence(Public):
    online: int = Field(description="ms online")
    busy: int = Field(description="ms busy")
    offline: int = Field(description="ms offline")


class StatsFigures(Public):
    sessions: StatsSessions
    first_response_ms: StatsPercentiles = Field(
        description="From the user's first message to the first agent reply"
    )
    resolution_ms: StatsPercentiles = Field(
        description="From the opening (or reopening) to the close"
    )
    handling_ms: StatsAverage = Field(description="From the assignment to the close")
    active_ms: StatsAverage = Field(
        description="Time with the agent's replies in it: first to last reply of a round"
    )
    messages: StatsMessages
    sla: StatsSla
    satisfaction: StatsSatisfaction
    presence_ms: StatsPresence | None = Field(
        description="Time per presence (from presence changes): agent rows and an agent's "
        "own figures only, else null"
    )


class StatsFilter(Public):
    dimension: FilterDimension
    value: str


class StatsRow(Public):
    key: str = Field(description="The day (YYYY-MM-DD) or the dimension's value (an id)")
    label: str = Field(description="What the console shows: the day, a name, the value")
    figures: StatsFigures


class StatsReport(Public):
    project_id: str
    from_: str = Field(alias="from", description="The first day, YYYY-MM-DD, project's zone")
    to: str = Field(description="The last day, YYYY-MM-DD, included")
    by: Dimension
    filter: StatsFilter | None = Field(description="The one filter applied, if any")
    time_zone: str = Field(description="The project's IANA time zone the days are in")
    totals: StatsFigures = Field(description="Over the whole range")
    previous: StatsFigures = Field(description="Over the same number of days just before `from`")
    rows: list[StatsRow] = Field(
        description="by=day: every day of the range, oldest first; otherwise each value "
        "with figures in the range"
    )
    percentile_error: float = Field(
        description="Worst-case relative error of a median or p90 merged from time buckets"
    )

    model_config = _BY_ALIAS
