"""A project's statistics from its counters (tgdesk.stats.report): administrators any
project, supervisors theirs, an agent their own figures; outside the project it does not
exist (404)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from console_api.deps import CurrentScope
from console_api.models import ErrorBody
from console_api.models_stats import Dimension, StatsReport
from tgdesk.core.domain import Priority
from tgdesk.stats import report

router = APIRouter(tags=["stats"])

_DATE = {"min_length": 10, "max_length": 10, "pattern": r"^\d{4}-\d{2}-\d{2}$"}


@router.get(
    "/stats",
    response_model_by_alias=True,
    responses={
        403: {
            "model": ErrorBody,
            "description": "`supervisor_only`: an agent asked for other figures than their own",
        },
        404: {"model": ErrorBody, "description": "`project_not_found`"},
    },
)
def project_stats(
    scope: CurrentScope,
    project_id: Annotated[str, Query(max_length=64, description="The project")],
    from_: Annotated[
        str | None,
        Query(
            alias="from",
            description="The first day, YYYY-MM-DD in the project's time zone "
            "(default: 29 days before `to`)",
            **_DATE,
        ),
    ] = None,
    to: Annotated[
        str | None,
        Query(
            description="The last day, YYYY-MM-DD, included (default: today in the "
            "project's time zone); a range holds at most 366 days",
            **_DATE,
        ),
    ] = None,
    by: Annotated[
        Dimension,
        Query(
            description="What the rows are: one per day of the range, or one per agent, "
            "group, priority, tag, link or channel with figures in it. With a filter: per "
            "day, or the filter's own dimension"
        ),
    ] = "day",
    agent_id: Annotated[
        str | None,
        Query(
            max_length=64,
            description="Only this agent's figures (an agent's are always their own)",
        ),
    ] = None,
    group_id: Annotated[
        str | None, Query(max_length=64, description="Only this agent group's figures")
    ] = None,
    priority: Annotated[
        Priority | None, Query(description="Only the sessions of this priority")
    ] = None,
    tag: Annotated[
        str | None, Query(max_length=64, description="Only the sessions with this tag (its id)")
    ] = None,
    link: Annotated[
        str | None,
        Query(max_length=32, description="Only the sessions this tracked link brought (code)"),
    ] = None,
) -> StatsReport:
    """Figures in total over the range, over the same number of days just before it, and per
    row: sessions, first response and resolution times (median, p90), handling and active
    time, messages, SLA attainment, satisfaction and (an agent's) time per presence. At most
    one filter. Read from counters kept per day: a 90-day request reads a bounded number of
    items whatever the traffic (docs/scale.md)."""
    filters = {
        "agent": agent_id,
        "group": group_id,
        "priority": priority.value if priority else None,
        "tag": tag,
        "link": link,
    }
    return StatsReport(
        **report.project_report(scope, project_id, first=from_, last=to, by=by, filters=filters)
    )
