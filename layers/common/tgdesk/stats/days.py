"""A project's local days: its time zone (its SLA settings', else the deployment's
TGDESK_TIME_ZONE), whether its SLA clocks run, and durations split at local midnights.

The stream reads a project's settings at most once per SETTINGS_SECONDS in a container (a
change of time zone reaches the counters within that bound), not once per record.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from tgdesk.sla import calendar, policies
from tgdesk.storage import sla as sla_store
from tgdesk.storage import table

SETTINGS_SECONDS = 300


@dataclass(frozen=True, slots=True)
class ProjectDays:
    time_zone: str
    sla_enabled: bool

    def day_of(self, at: int) -> str:
        """The project-local day (`yyyy-mm-dd`) of an epoch-ms instant."""
        return local_day(at, self.time_zone)


# project id -> (fresh until (monotonic seconds), the table client it was read with, days)
_cache: dict[str, tuple[float, Any, ProjectDays]] = {}


def of(project_id: str) -> ProjectDays:
    """The project's zone and SLA switch, read at most once per SETTINGS_SECONDS."""
    cached = _cache.get(project_id)
    client = table.client()  # a test's moto table is another client
    if cached is not None and cached[0] > time.monotonic() and cached[1] is client:
        return cached[2]
    settings = policies.effective(project_id, sla_store.get_settings(project_id))
    found = ProjectDays(str(settings["time_zone"]), bool(settings.get("enabled")))
    _cache[project_id] = (time.monotonic() + SETTINGS_SECONDS, client, found)
    return found


def forget() -> None:
    """Drop the cached settings (tests change them between cases)."""
    _cache.clear()


def local_day(at: int, time_zone: str) -> str:
    return dt.datetime.fromtimestamp(at / 1000, calendar.zone(time_zone)).date().isoformat()


def split_by_day(start: int, end: int, time_zone: str) -> Iterator[tuple[str, int]]:
    """(local day, ms) pieces of [start, end), cut at the zone's midnights (a DST day is
    23 or 25 hours long)."""
    zone = calendar.zone(time_zone)
    while start < end:
        local = dt.datetime.fromtimestamp(start / 1000, zone)
        next_day = dt.datetime.combine(local.date() + dt.timedelta(days=1), dt.time(), zone)
        cut = min(end, int(next_day.timestamp() * 1000))
        yield local.date().isoformat(), cut - start
        start = cut
