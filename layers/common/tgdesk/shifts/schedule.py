"""When a shift happens: pure, in epoch milliseconds UTC, over the project's time zone.

A shift starts on each of its weekdays at `start` local time and ends at `end` local time,
the next day when `end` is at or before `start` (a night shift crosses midnight). Local
times become instants with the zone's rules (tgdesk.sla.calendar's zone), so a night shift
over the autumn change lasts an hour longer and one over the spring change an hour shorter.
A local time inside the spring gap reads with the offset before the change (02:30 in Berlin
on that day is 03:30 summer time), as the SLA calendar reads it.

Events of an occurrence ending at E: a reminder at E - m minutes for each of the shift's
`reminder_minutes`, then the end at E.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from tgdesk.sla.calendar import WEEKDAYS, parse_minute, zone

MINUTE_MS = 60_000
END = "end"
REMINDER = "reminder"


@dataclass(frozen=True)
class Occurrence:
    start: int
    end: int


@dataclass(frozen=True)
class Event:
    at: int
    kind: str  # REMINDER or END
    occurrence: Occurrence
    minutes: int = 0  # a reminder's minutes before the end


def _instant(day: date, minute: int, time_zone: str) -> int:
    """Local `day` at `minute` of the day as epoch ms; a time in the spring gap reads with
    the offset before the change (fold=0 then maps forward)."""
    tz = zone(time_zone)
    naive = datetime(day.year, day.month, day.day) + timedelta(minutes=minute)
    local = naive.replace(tzinfo=tz, fold=0)
    return int(local.timestamp() * 1000)


def occurrence_on(shift: Mapping[str, Any], day: date) -> Occurrence | None:
    """The occurrence that starts on local `day`, if the shift runs that weekday."""
    if WEEKDAYS[day.weekday()] not in shift["days"]:
        return None
    start, end = parse_minute(shift["start"]), parse_minute(shift["end"])
    end_day = day if end > start else day + timedelta(days=1)
    return Occurrence(
        _instant(day, start, shift["time_zone"]), _instant(end_day, end, shift["time_zone"])
    )


def occurrences(shift: Mapping[str, Any], since: int, days: int = 9) -> Iterator[Occurrence]:
    """Occurrences that end after `since`, in order, starting from the local day before."""
    tz = zone(shift["time_zone"])
    first = datetime.fromtimestamp(since / 1000, tz).date() - timedelta(days=1)
    for offset in range(days):
        found = occurrence_on(shift, first + timedelta(days=offset))
        if found is not None and found.end > since:
            yield found


def current(shift: Mapping[str, Any], now: int) -> Occurrence | None:
    """The occurrence running at `now` (start <= now < end), if any."""
    for found in occurrences(shift, now):
        if found.start <= now < found.end:
            return found
    return None


def previous(shift: Mapping[str, Any], before: int) -> Occurrence | None:
    """The latest occurrence that ended at or before `before` (within the last week)."""
    latest = None
    for found in occurrences(shift, before - 8 * 24 * 60 * MINUTE_MS, days=11):
        if found.end <= before:
            latest = found
    return latest


def next_start(shift: Mapping[str, Any], after: int) -> Occurrence | None:
    """The first occurrence that starts at or after `after`."""
    for found in occurrences(shift, after):
        if found.start >= after:
            return found
    return None


def events(shift: Mapping[str, Any], occurrence: Occurrence) -> list[Event]:
    found = [
        Event(occurrence.end - m * MINUTE_MS, REMINDER, occurrence, m)
        for m in sorted(set(shift.get("reminder_minutes") or ()), reverse=True)
        if occurrence.end - m * MINUTE_MS >= occurrence.start
    ]
    return [*found, Event(occurrence.end, END, occurrence)]


def next_event(shift: Mapping[str, Any], after: int) -> Event | None:
    """The first event strictly after `after`."""
    for found in occurrences(shift, after):
        for event in events(shift, found):
            if event.at > after:
                return event
    return None


def event_at(shift: Mapping[str, Any], at: int) -> Event | None:
    """The event due at exactly `at` (what `next_event` gave when the index was written)."""
    found = next_event(shift, at - 1)
    return found if found is not None and found.at == at else None


def validate_days(days: Sequence[str]) -> list[str]:
    unknown = set(days) - set(WEEKDAYS)
    if unknown or not days:
        raise ValueError(f"days are some of {', '.join(WEEKDAYS)}")
    return [d for d in WEEKDAYS if d in days]
