"""A tracked link's funnel (tgdesk.attribution.report): administrators and supervisors of
the link's project; to anyone else the link does not exist (404)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import Field

from console_api.deps import CurrentScope
from console_api.models import Public
from tgdesk.attribution import report

router = APIRouter(tags=["links"])


class FunnelSteps(Public):
    clicks: int = Field(description="Clicks by people (bots and preview fetchers apart)")
    bot_clicks: int = Field(description="Clicks by preview fetchers and crawlers")
    visitors: int = Field(description="Unique visitors, per day (summed over a range)")
    starts: int = Field(description="Start pressed in the bot with the link's click")
    first_messages: int = Field(description="Sessions whose user wrote after the start")
    first_replies: int = Field(description="Sessions an agent answered")
    resolved: int = Field(description="Sessions closed (for the first time)")
    rated: int = Field(description="Sessions the user rated (satisfaction surveys)")
    average_rating: float | None = Field(
        description="The rated sessions' average score, 1-5 (null when none was rated)"
    )


class FunnelDay(FunnelSteps):
    day: str = Field(description="YYYY-MM-DD (UTC)")


class FunnelValue(FunnelSteps):
    value: str


class ClickCount(Public):
    value: str
    clicks: int


class LinkFunnelPublic(Public):
    code: str
    project_id: str
    from_: str = Field(alias="from", description="The first day, YYYY-MM-DD (UTC)")
    to: str = Field(description="The last day, YYYY-MM-DD (UTC), included")
    time_zone: str = Field(description="The days' time zone (UTC)")
    days: list[FunnelDay] = Field(description="Every day of the range, oldest first")
    total: FunnelSteps
    channels: list[FunnelValue] = Field(description="Over the project's links, most clicks first")
    utm_sources: list[FunnelValue] = Field(description="Over the project's links")
    utm_campaigns: list[FunnelValue] = Field(description="Over the project's links")
    countries: list[ClickCount] = Field(description="The link's clicks by country, top 10")
    devices: list[ClickCount] = Field(description="The link's clicks by device class")

    model_config = Public.model_config | {"populate_by_name": True, "serialize_by_alias": True}


@router.get("/links/{code}/funnel", response_model_by_alias=True)
def link_funnel(
    code: str,
    scope: CurrentScope,
    from_: Annotated[
        str | None, Query(alias="from", max_length=10, description="YYYY-MM-DD (UTC)")
    ] = None,
    to: Annotated[str | None, Query(max_length=10, description="YYYY-MM-DD (UTC)")] = None,
) -> LinkFunnelPublic:
    """The link's funnel per day and in total over the range (at most 92 days; by default
    the last 30), the same per channel and UTM source and campaign over the project's
    links, and the link's top countries and device classes. Reads per month the range
    touches and per counter shard (8) two Queries, whatever the number of clicks."""
    return LinkFunnelPublic(**report.link_funnel_report(scope, code, from_, to))
