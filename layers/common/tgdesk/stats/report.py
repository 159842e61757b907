"""A project's statistics over a range of its local days, as GET /api/stats answers them.

Who sees what: administrators every project, supervisors their projects (404 to anyone
outside the project); an agent of the project only their own figures, per day or as their
one agent row (any other dimension or filter: 403 `supervisor_only`).

The figures come from the counters alone (tgdesk.stats.read), never from sessions or
messages: one read of the filtered dimension (or of the whole project) over the range, one
over the previous period and, for rows per agent, group, priority, tag, link or channel,
one of that dimension over the range. Counters are kept per single dimension, so a filter
combines with rows per day or with rows of its own dimension only. The default priority
has no counters of its own (the stream saves that item on nearly every record): its figures,
filtered or as its row per priority, are the project's less the other priorities'
(tgdesk.stats.default_priority), so such a read also reads the project and every priority.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tgdesk import stats
from tgdesk.accounts import access
from tgdesk.core.errors import Forbidden, InvalidInput
from tgdesk.stats import buckets, days, labels, ranges
from tgdesk.stats import counters as c
from tgdesk.stats.figures import figures, summed
from tgdesk.team import projects

DAY = "day"
BY = (DAY, *(d for d in c.DIMENSIONS if d != c.PROJECT))  # what the rows may be per
FILTERS = (c.AGENT, c.GROUP, c.PRIORITY, c.TAG, c.LINK)
AGENTS_OWN = (DAY, c.AGENT)  # the rows an agent may ask for, of their own figures

Filter = tuple[str, str]  # (dimension, value)
PerDay = Mapping[str, Mapping[str, int]]  # day -> counter -> count


def project_report(
    scope: access.Scope,
    project_id: str,
    *,
    first: str | None = None,
    last: str | None = None,
    by: str = DAY,
    filters: Mapping[str, str | None] | None = None,
) -> dict[str, Any]:
    """The project's figures from `first` to `last` (ISO dates in the project's zone, both
    included; by default the last ranges.DEFAULT_DAYS days) in total, over the period just
    before, and per value of `by`. `filters`: {dimension: value}, at most one given."""
    scope.require_project(project_id)
    projects.get_project(project_id)
    if by not in BY:
        raise InvalidInput(f"`by` is one of {', '.join(BY)}.", code="invalid_stats_by", field="by")
    chosen = _scoped_filter(scope, project_id, by, _one_filter(filters or {}))
    if chosen is not None and by not in (DAY, chosen[0]):
        raise InvalidInput(
            f"Filtered by {chosen[0]}, the rows are per day or per {chosen[0]}.",
            code="invalid_stats_filter",
            field="by",
        )
    time_zone = days.of(project_id).time_zone
    span = ranges.requested(first, last, time_zone)
    dimension, value = chosen or (c.PROJECT, project_id)
    per_agent = dimension == c.AGENT
    current = _days_of(project_id, dimension, value, span)
    previous = _days_of(project_id, dimension, value, span.previous())
    if by == DAY:
        rows = [
            _row(day, day, current.get(day, {}), with_presence=per_agent) for day in span.days()
        ]
    elif chosen is not None:  # rows of the filter's own dimension: its one value
        rows = _value_rows(project_id, by, {value: current} if current else {})
    else:
        rows = _value_rows(project_id, by, _read(project_id, by, None, span))
    return {
        "project_id": project_id,
        "from": span.first_day,
        "to": span.last_day,
        "by": by,
        "filter": {"dimension": chosen[0], "value": chosen[1]} if chosen else None,
        "time_zone": time_zone,
        "totals": figures(summed(current.values()), with_presence=per_agent),
        "previous": figures(summed(previous.values()), with_presence=per_agent),
        "rows": rows,
        "percentile_error": buckets.RELATIVE_ERROR,
    }


def _one_filter(filters: Mapping[str, str | None]) -> Filter | None:
    given = [(dimension, value) for dimension, value in filters.items() if value]
    unknown = [dimension for dimension, _ in given if dimension not in FILTERS]
    if unknown:
        raise InvalidInput(f"No filter {unknown[0]}.", code="invalid_stats_filter")
    if len(given) > 1:
        raise InvalidInput(
            "Filter by one of agent, group, priority, tag or link at a time.",
            code="invalid_stats_filter",
            field=given[1][0],
        )
    return given[0] if given else None


def _scoped_filter(
    scope: access.Scope, project_id: str, by: str, chosen: Filter | None
) -> Filter | None:
    """The filter as the caller may apply it: an agent's figures are always their own."""
    if scope.supervises(project_id):
        return chosen
    own: Filter = (c.AGENT, scope.agent_id)
    if by not in AGENTS_OWN or chosen not in (None, own):
        raise Forbidden(
            "an agent sees only their own figures, per day or as their agent row",
            code="supervisor_only",
        )
    return own


def _read(
    project_id: str, dimension: str, value: str | None, span: ranges.DayRange
) -> dict[str, dict[str, dict[str, int]]]:
    return stats.read(project_id, dimension, value, span.first_day, span.last_day)


def _days_of(project_id: str, dimension: str, value: str, span: ranges.DayRange) -> PerDay:
    return _read(project_id, dimension, value, span).get(value, {})


def _value_rows(
    project_id: str, dimension: str, per_value: Mapping[str, PerDay]
) -> list[dict[str, Any]]:
    """One row per value, by label; counters summed over the range's days."""
    names = labels.labels(project_id, dimension, list(per_value))
    rows = [
        _row(value, names[value], summed(days.values()), with_presence=dimension == c.AGENT)
        for value, days in per_value.items()
    ]
    return sorted(rows, key=lambda row: (row["label"].lower(), row["key"]))


def _row(key: str, label: str, counts: Mapping[str, int], *, with_presence: bool) -> dict[str, Any]:
    return {"key": key, "label": label, "figures": figures(counts, with_presence=with_presence)}
