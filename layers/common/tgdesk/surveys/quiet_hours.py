"""When the bot may write to a user: outside the project's survey quiet hours in the user's
local time, known only when an agent set a time zone on the user's profile (tgdesk.tasks.
local_time; none: any time)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from tgdesk.tasks import local_time


def next_allowed(now: int, profile: Mapping[str, Any], quiet: Mapping[str, Any] | None) -> int:
    """`now` when it is outside the quiet hours (or the user's time zone is unknown), else
    the end of the quiet hours, epoch ms."""
    zone = local_time.zone_of(profile)
    if zone is None or not quiet:
        return now
    start, end = int(quiet.get("start_minute", 0)), int(quiet.get("end_minute", 0))
    if not local_time.is_quiet_time(profile, now, night=(_clock(start), _clock(end))):
        return now
    local = datetime.fromtimestamp(now / 1000, zone)
    past_midnight = start > end and local.hour * 60 + local.minute >= start
    midnight = local.replace(hour=0, minute=0, second=0, microsecond=0, tzinfo=None)
    # The end as a local wall time (a DST change that night moves it by the zone's rules).
    wall = midnight + timedelta(days=1 if past_midnight else 0, minutes=end)
    return int(wall.replace(tzinfo=zone).timestamp() * 1000)


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"
