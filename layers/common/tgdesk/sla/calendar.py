"""Business-hours arithmetic: pure, in epoch milliseconds UTC, over a project's time zone.

A `Calendar` is either calendar time (every moment counts) or a weekly schedule in local
time (per weekday zero or more intervals, "HH:MM" to "HH:MM", "24:00" ending the day) with
holidays (local dates on which nothing counts). Two operations: `measure(a, b)`, the
business milliseconds between two instants, and `add(a, n)`, the instant at which `n`
business milliseconds have passed since `a`. `measure(a, add(a, n)) == n` for every n >= 0.

Daylight-saving changes: a day's intervals are turned into real instants with the zone's
rules, so an interval across the spring change is an hour shorter and one across the
autumn change an hour longer (the repeated hour is worked twice). A local time that does
not exist (inside the spring gap) reads with the offset before the change, so 02:30 in
Berlin on that day is 03:30 summer time; an ambiguous one (the repeated hour) is its first
occurrence. A day's instants are then merged, so no moment ever counts twice.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DAY_MINUTES = 24 * 60
MAX_INTERVALS_PER_DAY = 6
MAX_HOLIDAYS = 400
# How far `add` looks for business time before giving up: a schedule whose every open day
# is a holiday for longer than this is refused when it is saved, never met here.
SEARCH_DAYS = 3 * 366

Interval = tuple[int, int]  # minutes of the local day, start < end <= DAY_MINUTES


class CalendarError(ValueError):
    """A time zone, schedule or holiday that cannot be used; the message says why."""


def zone(name: str) -> ZoneInfo:
    """The IANA time zone `name` (e.g. Europe/Berlin); CalendarError when unknown."""
    if not isinstance(name, str) or not name or name.startswith(("/", ".")) or ".." in name:
        raise CalendarError(f"{name!r} is not an IANA time zone name")
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as err:
        raise CalendarError(f"{name!r} is not an IANA time zone name") from err


def parse_minute(text: str) -> int:
    """ "HH:MM" as minutes of the day, 00:00 .. 24:00."""
    try:
        hours, minutes = text.split(":")
        if len(hours) != 2 or len(minutes) != 2:
            raise ValueError
        value = int(hours) * 60 + int(minutes)
        if not (0 <= int(minutes) < 60 and 0 <= value <= DAY_MINUTES):
            raise ValueError
    except (ValueError, AttributeError) as err:
        raise CalendarError(f"{text!r} is not a time of day HH:MM (00:00 to 24:00)") from err
    return value


def format_minute(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


def parse_day(intervals: Sequence[Sequence[str]]) -> tuple[Interval, ...]:
    """One weekday's intervals ([["09:00", "17:00"], ...]) sorted; they may not overlap."""
    if len(intervals) > MAX_INTERVALS_PER_DAY:
        raise CalendarError(f"at most {MAX_INTERVALS_PER_DAY} intervals a day")
    parsed: list[Interval] = []
    for pair in intervals:
        if len(pair) != 2:
            raise CalendarError("an interval is [start, end]")
        start, end = parse_minute(pair[0]), parse_minute(pair[1])
        if start >= end:
            raise CalendarError(f"{pair[0]}-{pair[1]}: the end must come after the start")
        parsed.append((start, end))
    parsed.sort()
    for (_, end), (start, _) in zip(parsed, parsed[1:], strict=False):
        if start < end:
            raise CalendarError("a day's intervals may not overlap")
    return tuple(parsed)


def parse_holiday(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except (TypeError, ValueError) as err:
        raise CalendarError(f"{text!r} is not a date YYYY-MM-DD") from err


@dataclass(frozen=True)
class Calendar:
    """When a clock counts. `week` None: calendar time (always); else seven tuples of
    intervals, Monday first, in `tz`'s local time; `holidays` are local dates."""

    tz: ZoneInfo
    week: tuple[tuple[Interval, ...], ...] | None = None
    holidays: frozenset[date] = field(default_factory=frozenset)

    @classmethod
    def of(
        cls,
        time_zone: str,
        hours: Mapping[str, Sequence[Sequence[str]]] | None,
        holidays: Sequence[str] = (),
    ) -> Calendar:
        """From the stored shape: a zone name, {"mon": [["09:00", "17:00"]], ...} (a missing
        weekday is closed; None for calendar time) and ["2026-12-25", ...]."""
        if len(holidays) > MAX_HOLIDAYS:
            raise CalendarError(f"at most {MAX_HOLIDAYS} holidays")
        unknown = set(hours or {}) - set(WEEKDAYS)
        if unknown:
            raise CalendarError(
                f"unknown weekday {sorted(unknown)[0]!r}; use {', '.join(WEEKDAYS)}"
            )
        week = None
        if hours is not None:
            week = tuple(parse_day(hours.get(day, ())) for day in WEEKDAYS)
            if not any(week):
                raise CalendarError("business hours need at least one interval in the week")
        return cls(zone(time_zone), week, frozenset(parse_holiday(h) for h in holidays))

    @property
    def always(self) -> bool:
        return self.week is None

    # -- the two operations --------------------------------------------------------------
    def measure(self, start: int, end: int) -> int:
        """Business milliseconds in [start, end) (0 when end <= start)."""
        if end <= start:
            return 0
        if self.week is None:
            return end - start
        total = 0
        for low, high in self.open_spans(start):
            if low >= end:
                break
            total += min(high, end) - low
        return total

    def add(self, start: int, amount: int) -> int:
        """The instant at which `amount` business ms have passed since `start` (`start`
        itself for 0). It always lies inside business hours or at an interval's end."""
        if amount <= 0:
            return start
        if self.week is None:
            return start + amount
        left = amount
        for low, high in self.open_spans(start):
            if high - low >= left:
                return low + left
            left -= high - low
        raise CalendarError("no business hours within three years")  # pragma: no cover

    def is_open(self, instant: int) -> bool:
        """Whether a clock counts at `instant`."""
        return self.measure(instant, instant + 1) == 1

    # -- the schedule as real instants -----------------------------------------------------
    def open_spans(self, start: int) -> Iterator[tuple[int, int]]:
        """The business spans [low, high) in UTC ms from `start` on, in order, the first
        cut at `start`; for SEARCH_DAYS local days."""
        assert self.week is not None
        first = _local_date(start, self.tz) - timedelta(days=1)  # a span may begin the day before
        for offset in range(SEARCH_DAYS):
            day = first + timedelta(days=offset)
            for low, high in self.day_spans(day):
                if high <= start:
                    continue
                yield max(low, start), high

    def day_spans(self, day: date) -> list[tuple[int, int]]:
        """The local day's intervals as UTC ms spans, sorted and merged (see the module's
        note on daylight-saving changes); none on a holiday."""
        if self.week is None or day in self.holidays:
            return []
        spans = sorted(
            (_instant(day, low, self.tz), _instant(day, high, self.tz))
            for low, high in self.week[day.weekday()]
        )
        merged: list[tuple[int, int]] = []
        for low, high in spans:
            if high <= low:
                continue  # inside the spring gap entirely
            if merged and low <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], high))
            else:
                merged.append((low, high))
        return merged


def _local_date(instant: int, tz: ZoneInfo) -> date:
    return datetime.fromtimestamp(instant / 1000, tz=tz).date()


def _instant(day: date, minute: int, tz: ZoneInfo) -> int:
    """UTC ms of a local wall-clock time (fold 0: see the module's note); 24:00 is the next
    day's 00:00."""
    if minute >= DAY_MINUTES:
        day, minute = day + timedelta(days=1), minute - DAY_MINUTES
    local = datetime.combine(day, time(minute // 60, minute % 60), tzinfo=tz)
    return int(local.timestamp()) * 1000  # whole minutes: exact
