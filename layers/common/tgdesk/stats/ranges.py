"""The days a statistics request covers: local days of the project's time zone
(tgdesk.stats.days, the zone the counters are kept in).

A range is given as two ISO dates, both included (by default the last DEFAULT_DAYS days up
to today in the project's zone), and holds at most MAX_DAYS days; its previous period is the
same number of days just before it, what the console compares the figures with.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tgdesk.core.clock import now_ms
from tgdesk.core.errors import InvalidInput
from tgdesk.stats import days as local_days

MAX_DAYS = 366
DEFAULT_DAYS = 30


@dataclass(frozen=True)
class DayRange:
    first: dt.date
    last: dt.date

    @property
    def length(self) -> int:
        return (self.last - self.first).days + 1

    @property
    def first_day(self) -> str:
        return self.first.isoformat()

    @property
    def last_day(self) -> str:
        return self.last.isoformat()

    def days(self) -> list[str]:
        """Every day of the range, oldest first (YYYY-MM-DD)."""
        return [(self.first + dt.timedelta(days=n)).isoformat() for n in range(self.length)]

    def previous(self) -> DayRange:
        """The same number of days just before this range."""
        last = self.first - dt.timedelta(days=1)
        return DayRange(last - dt.timedelta(days=self.length - 1), last)


def today(time_zone: str) -> dt.date:
    return dt.date.fromisoformat(local_days.local_day(now_ms(), time_zone))


def requested(first: str | None, last: str | None, time_zone: str) -> DayRange:
    """The range from `first` to `last` (ISO dates; either may be left out), checked."""
    last_date = _date(last, "to") if last else today(time_zone)
    first_date = _date(first, "from") if first else last_date - dt.timedelta(days=DEFAULT_DAYS - 1)
    if first_date > last_date:
        raise InvalidInput("`from` comes after `to`.", code="invalid_range", field="from")
    chosen = DayRange(first_date, last_date)
    if chosen.length > MAX_DAYS:
        raise InvalidInput(
            f"A range holds at most {MAX_DAYS} days.", code="invalid_range", field="from"
        )
    return chosen


def _date(value: str, field: str) -> dt.date:
    try:
        if len(value) != 10:
            raise ValueError(value)
        return dt.date.fromisoformat(value)
    except ValueError as err:
        raise InvalidInput("Give a date as YYYY-MM-DD.", code="invalid_range", field=field) from err
