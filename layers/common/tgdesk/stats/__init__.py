"""Statistics: counters kept by the table's stream, per dimension value and project-local day.

Modules:
- counters: the counter and dimension names (one flat namespace);
- buckets: logarithmic time buckets and the percentiles merged from them (RELATIVE_ERROR);
- days: a project's time zone and local days;
- stream: what each change of the table counts (sessions, SLA clocks, surveys, presence);
- report, ranges, figures, labels: the figures of a date range for the API.

`read` is the read surface: the stored counters of one dimension over a range of days
(tgdesk.storage.stats explains the layout and how many items a range reads), the default
priority's derived (`default_priority`): the stream keeps no item for it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from tgdesk.core.errors import InvalidInput
from tgdesk.stats import counters as c
from tgdesk.storage import stats as store

MAX_DAYS = 366

PerDay = Mapping[str, Mapping[str, int]]  # day -> counter -> amount


def read(
    project_id: str, dimension: str, value: str | None, first_day: str, last_day: str
) -> dict[str, dict[str, dict[str, int]]]:
    """value -> day (`yyyy-mm-dd`) -> counter -> amount, for `dimension`'s `value` (None:
    every value) from `first_day` to `last_day`, the project's local days, both included.
    One value of a range of D days reads at most D x keys.STATS_SHARDS items (90 days: 720);
    the default priority is derived from the project and the other priorities, read too."""
    if dimension not in c.DIMENSIONS:
        raise InvalidInput(f"unknown dimension {dimension!r}", field="dimension")
    first, last = _day(first_day, "from"), _day(last_day, "to")
    if last < first:
        raise InvalidInput("the range ends before it starts", field="to")
    if (last - first).days + 1 > MAX_DAYS:
        raise InvalidInput(f"a range is at most {MAX_DAYS} days", field="to")
    if dimension == c.PRIORITY and value in (None, c.DEFAULT_PRIORITY):
        return _priorities(project_id, value, first_day, last_day)
    return store.read(project_id, dimension, value, first_day, last_day)


def _priorities(
    project_id: str, value: str | None, first_day: str, last_day: str
) -> dict[str, dict[str, dict[str, int]]]:
    """The priorities' counters (`value` None) or the default's alone, the default's derived.
    The default's alone reads each kept priority as one value (D x STATS_SHARDS items each).
    The priorities are read before the project: a record counted between the two reads is
    then at most in the project alone (one count too many for the default priority, until
    the next read), never in another priority alone (one too few, or below 0)."""
    if value is None:
        per_value = store.read(project_id, c.PRIORITY, None, first_day, last_day)
        per_value.pop(
            c.DEFAULT_PRIORITY.value, None
        )  # the stream's items from before it derived it
    else:
        per_value = {}
        for kept in c.KEPT_PRIORITIES:
            per_value.update(store.read(project_id, c.PRIORITY, kept, first_day, last_day))
    project = store.read(project_id, c.PROJECT, project_id, first_day, last_day)
    derived = default_priority(project.get(project_id, {}), per_value.values())
    found = {c.DEFAULT_PRIORITY.value: derived} if derived else {}
    return found if value is not None else {**per_value, **found}


def default_priority(project: PerDay, others: Iterable[PerDay]) -> dict[str, dict[str, int]]:
    """The default priority's counters per day: the project's less every other priority's,
    counter by counter (bucket counters too), as every session's count adds the same to the
    project and to its priority. Counters of the project alone (counters.PROJECT_ONLY) are
    no priority's; counters and days that come to 0 are left out, as a read leaves out days
    without counts."""
    out = {day: dict(row) for day, row in project.items()}
    for per_day in others:
        for day, row in per_day.items():
            sums = out.setdefault(day, {})
            for name, amount in row.items():
                sums[name] = sums.get(name, 0) - amount
    derived = {
        day: {k: v for k, v in sums.items() if v and k not in c.PROJECT_ONLY}
        for day, sums in out.items()
    }
    return {day: sums for day, sums in derived.items() if sums}


def _day(text: str, name: str) -> date:
    try:
        day = date.fromisoformat(text)
    except (TypeError, ValueError):
        day = None
    if day is None or day.isoformat() != text:
        raise InvalidInput(f"{name} must be a day, YYYY-MM-DD", field=name)
    return day
