"""Whether the team is away, by the project's business hours (tgdesk.sla: its weekly schedule,
holidays and IANA time zone; the calendar's arithmetic is reused, daylight-saving changes
included), and when it is back.

A project without business hours in its SLA settings is never away. The SLA settings are read
at most once per FRESH_SECONDS per container (tgdesk.team.feature_settings), so a user's
message costs no read.
"""

from __future__ import annotations

import json
from datetime import datetime
from functools import lru_cache

from tgdesk.core.errors import Conflict
from tgdesk.sla import policies
from tgdesk.sla.calendar import Calendar, CalendarError
from tgdesk.storage import sla as sla_store
from tgdesk.storage.records.sla import SlaSettings
from tgdesk.team.feature_settings import FeatureSettings


def _changed() -> Conflict:  # never raised: this copy is only read
    return Conflict("The SLA settings changed meanwhile.")


# The SLA settings as the stream reads them (tgdesk.sla.settings reads and saves them).
_SLA = FeatureSettings[SlaSettings](
    action="sla.settings",
    effective=policies.effective,
    validated=policies.validated,
    get_stored=sla_store.get_settings,
    save_stored=sla_store.save_settings,
    changed=_changed,
)
forget = _SLA.forget


def calendar_of(project_id: str) -> Calendar | None:
    """The project's business hours as a calendar; None when it has none (always open)."""
    settings = _SLA.current(project_id)
    hours = settings.get("business_hours")
    if not hours:
        return None
    holidays = tuple(settings.get("holidays") or ())
    return _calendar(settings["time_zone"], json.dumps(hours, sort_keys=True), holidays)


@lru_cache(maxsize=64)
def _calendar(zone: str, hours: str, holidays: tuple[str, ...]) -> Calendar | None:
    """Calendars are immutable: built once per schedule (`hours` as JSON, a hashable key)."""
    try:
        return Calendar.of(zone, json.loads(hours), holidays)
    except CalendarError:
        return None  # settings the SLA page would refuse: never away


def back_at(calendar: Calendar | None, at: int) -> int | None:
    """When the team is back, for a message at `at`; None when the team is there (or the
    project has no business hours, or none in the next three years)."""
    if calendar is None or calendar.always:
        return None
    for low, _ in calendar.open_spans(at):
        return None if low <= at else low
    return None


def shown(calendar: Calendar, instant: int) -> str:
    """`instant` in the project's zone, as the user reads it:
    `Mon 2026-12-07 09:00 (Europe/Berlin)`."""
    local = datetime.fromtimestamp(instant / 1000, calendar.tz)
    return f"{local:%a %Y-%m-%d %H:%M} ({calendar.tz.key})"
