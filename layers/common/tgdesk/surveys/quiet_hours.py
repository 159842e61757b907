"""When the bot may write to a user: outside the project's quiet hours in the user's local
time, known only when an agent set a time zone on the user's profile (none: any time)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

_MINUTE_MS = 60_000


def next_allowed(now: int, time_zone: str | None, quiet: Mapping[str, Any] | None) -> int:
    """`now` when it is outside the quiet hours (or the user's time zone is unknown), else
    the end of the quiet hours, epoch ms."""
    if not time_zone or not quiet:
        return now
    try:
        zone = ZoneInfo(time_zone)
    except (ZoneInfoNotFoundError, ValueError):
        return now
    start, end = int(quiet.get("start_minute", 0)), int(quiet.get("end_minute", 0))
    if start == end:
        return now
    local = datetime.fromtimestamp(now / 1000, UTC).astimezone(zone)
    minute = local.hour * 60 + local.minute
    inside = start <= minute < end if start < end else minute >= start or minute < end
    if not inside:
        return now
    days = 1 if start > end and minute >= start else 0
    midnight = local.replace(hour=0, minute=0, second=0, microsecond=0)
    # Local wall time (a DST change that night moves it by the zone's rules).
    wall = (midnight + timedelta(days=days)).replace(tzinfo=None) + timedelta(minutes=end)
    return int(wall.replace(tzinfo=zone).timestamp() * 1000)
