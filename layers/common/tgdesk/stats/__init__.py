"""Statistics: counters kept by the table's stream, per dimension value and project-local day.

Modules:
- counters: the counter and dimension names (one flat namespace);
- buckets: logarithmic time buckets and the percentiles merged from them (RELATIVE_ERROR);
- days: a project's time zone and local days;
- stream: what each change of the table counts (sessions, SLA clocks, surveys, presence);
- report, ranges, figures, labels: the figures of a date range for the API.

`read` is the read surface: the stored counters of one dimension over a range of days
(tgdesk.storage.stats explains the layout and how many items a range reads).
"""

from __future__ import annotations

from datetime import date

from tgdesk.core.errors import InvalidInput
from tgdesk.stats.counters import DIMENSIONS
from tgdesk.storage import stats as store

MAX_DAYS = 366


def read(
    project_id: str, dimension: str, value: str | None, first_day: str, last_day: str
) -> dict[str, dict[str, dict[str, int]]]:
    """value -> day (`yyyy-mm-dd`) -> counter -> amount, for `dimension`'s `value` (None:
    every value) from `first_day` to `last_day`, the project's local days, both included.
    One value of a range of D days reads at most D x keys.STATS_SHARDS items (90 days: 720)."""
    if dimension not in DIMENSIONS:
        raise InvalidInput(f"unknown dimension {dimension!r}", field="dimension")
    first, last = _day(first_day, "from"), _day(last_day, "to")
    if last < first:
        raise InvalidInput("the range ends before it starts", field="to")
    if (last - first).days + 1 > MAX_DAYS:
        raise InvalidInput(f"a range is at most {MAX_DAYS} days", field="to")
    return store.read(project_id, dimension, value, first_day, last_day)


def _day(text: str, name: str) -> date:
    try:
        day = date.fromisoformat(text)
    except (TypeError, ValueError):
        day = None
    if day is None or day.isoformat() != text:
        raise InvalidInput(f"{name} must be a day, YYYY-MM-DD", field=name)
    return day
