"""A user's local time: the IANA time zone an agent set on their profile (Telegram sends
none, and a language is not a time zone, so nothing is guessed), and their quiet hours.

`is_quiet_time(profile, at)` tells whether `at` falls in the user's night (their project's
night hours, 22:00 to 08:00 by default): the console warns an agent replying then, and the
bot's own messages (surveys, return visits) wait. A user without a time zone has no night.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from tgdesk.accounts.access import Scope
from tgdesk.audit import entries as audit
from tgdesk.core.errors import InvalidInput
from tgdesk.inbound import users
from tgdesk.storage import tasks as store
from tgdesk.tasks import settings as task_settings

CHANGED = "user.time_zone"
MAX_ZONE = 64


def zone_of(profile: Mapping[str, Any]) -> ZoneInfo | None:
    name = profile.get("time_zone")
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def valid_zone(name: str) -> str:
    """`name` if it is an IANA time zone (Europe/Berlin, Asia/Shanghai); InvalidInput if not."""
    if not isinstance(name, str) or len(name) > MAX_ZONE or name not in _zones():
        raise InvalidInput(
            "time_zone must be an IANA time zone such as Europe/Berlin",
            code="invalid_time_zone",
            field="time_zone",
        )
    return name


def _zones() -> set[str]:
    global _ZONES
    if _ZONES is None:
        _ZONES = available_timezones()
    return _ZONES


_ZONES: set[str] | None = None


def is_quiet_time(
    profile: Mapping[str, Any], at: int, *, night: tuple[str, str] | None = None
) -> bool:
    """Whether `at` (epoch ms) is in the user's night: between their project's night start
    and end (or `night`, "HH:MM" each) in the time zone on their `profile`. False when the
    profile has no time zone."""
    zone = zone_of(profile)
    if zone is None:
        return False
    if night is None:
        current = task_settings.current(profile["project_id"])
        night = (current["night_start"], current["night_end"])
    local = datetime.fromtimestamp(at / 1000, zone)
    minute = local.hour * 60 + local.minute
    start, end = (_minutes(t) for t in night)
    if start == end:
        return False
    if start < end:
        return start <= minute < end
    return minute >= start or minute < end  # across midnight, as 22:00-08:00


def _minutes(clock: str) -> int:
    hours, minutes = clock.split(":")
    return int(hours) * 60 + int(minutes)


def set_time_zone(
    scope: Scope,
    project_id: str,
    tg_user_id: int,
    time_zone: str | None,
    *,
    source_ip: str | None = None,
) -> dict[str, Any]:
    """Set (or clear, None) the user's time zone: anyone who may see the user. Audited."""
    profile, _ = users.require_visible(scope, project_id, tg_user_id)
    wanted = None if time_zone in (None, "") else valid_zone(time_zone)
    entry = audit.entry(
        CHANGED,
        actor_id=scope.agent_id,
        project_id=project_id,
        target_type="telegram_user",
        target_id=str(tg_user_id),
        before={"time_zone": profile.get("time_zone")},
        after={"time_zone": wanted},
        source_ip=source_ip,
    )
    store.set_user_time_zone(project_id, tg_user_id, wanted, entry=entry)
    return {**profile, "time_zone": wanted}
