"""A project's SLA settings: their defaults, their validation, and what a clock reads of
them (its target, its calendar). Pure.

Defaults a team starts from (first response / resolution; next response = first response):
urgent 15 min / 2 h, high 30 min / 4 h, medium 2 h / 24 h, low 4 h / 48 h, counted in
calendar time, a warning at 80 %, and at a breach the project's supervisors (its admins when
it has none) are told. Tracking is off until an administrator saves the settings with
`enabled`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

from tgdesk.core.domain import Priority, values
from tgdesk.core.errors import InvalidInput
from tgdesk.core.settings import get_settings
from tgdesk.sla.calendar import Calendar, CalendarError
from tgdesk.storage.records.sla import BreachAction, Policy, SlaSettings

FIRST_RESPONSE = "first_response"
NEXT_RESPONSE = "next_response"
RESOLUTION = "resolution"
CLOCKS = (FIRST_RESPONSE, NEXT_RESPONSE, RESOLUTION)

DEFAULT_TARGETS: dict[str, tuple[int, int]] = {  # minutes: first response, resolution
    Priority.URGENT: (15, 2 * 60),
    Priority.HIGH: (30, 4 * 60),
    Priority.MEDIUM: (2 * 60, 24 * 60),
    Priority.LOW: (4 * 60, 48 * 60),
}
DEFAULT_WARN_PERCENT = 80
MAX_TARGET_MINUTES = 90 * 24 * 60
MINUTE_MS = 60_000
# one step up at a breach that raises the priority; urgent stays urgent
HIGHER: dict[str, str] = {
    Priority.LOW: Priority.MEDIUM,
    Priority.MEDIUM: Priority.HIGH,
    Priority.HIGH: Priority.URGENT,
    Priority.URGENT: Priority.URGENT,
}


def default_policy(priority: str) -> Policy:
    first, resolution = DEFAULT_TARGETS[Priority(priority)]
    return {
        "first_response_minutes": first,
        "next_response_minutes": first,
        "resolution_minutes": resolution,
        "business_hours": False,
        "breach_action": {"notify": True, "raise_priority": False, "reassign_group_id": None},
    }


def defaults(project_id: str) -> SlaSettings:
    return {
        "project_id": project_id,
        "enabled": False,
        "time_zone": get_settings().time_zone,
        "business_hours": None,
        "holidays": [],
        "warn_percent": DEFAULT_WARN_PERCENT,
        "policies": {p: default_policy(p) for p in values(Priority)},
    }


def effective(project_id: str, stored: Mapping[str, Any] | None) -> SlaSettings:
    """The stored settings with every default filled in (per priority, per field)."""
    out = defaults(project_id)
    if not stored:
        return out
    filled = cast(dict[str, Any], out)
    for name in ("enabled", "time_zone", "business_hours", "holidays", "warn_percent"):
        if name in stored:
            filled[name] = stored[name]
    for name in ("updated_at", "updated_by"):
        if stored.get(name) is not None:
            filled[name] = stored[name]
    policies = stored.get("policies") or {}
    for priority in values(Priority):
        merged = cast(dict[str, Any], {**out["policies"][priority], **policies.get(priority, {})})
        merged["breach_action"] = {
            **default_policy(priority)["breach_action"],
            **(policies.get(priority, {}).get("breach_action") or {}),
        }
        out["policies"][priority] = cast(Policy, merged)
    return out


# -- what a clock reads -------------------------------------------------------------------------
def policy(settings: SlaSettings, priority: str | None) -> Policy:
    return settings["policies"].get(priority or Priority.MEDIUM) or default_policy(Priority.MEDIUM)


def target_ms(settings: SlaSettings, priority: str | None, clock: str) -> int:
    return int(policy(settings, priority)[f"{clock}_minutes"]) * MINUTE_MS  # type: ignore[literal-required]


def warn_ms(settings: SlaSettings, target: int) -> int:
    return target * int(settings["warn_percent"]) // 100


def calendar(settings: SlaSettings, priority: str | None) -> Calendar:
    """Where the priority's clocks count: the project's business hours, or all the time."""
    hours = settings.get("business_hours") if policy(settings, priority)["business_hours"] else None
    return _calendar(settings["time_zone"], hours, settings.get("holidays") or [])


def breach_action(settings: SlaSettings, priority: str | None) -> BreachAction:
    return policy(settings, priority)["breach_action"]


_calendars: dict[str, Calendar] = {}


def _calendar(zone: str, hours: Any, holidays: list[str]) -> Calendar:
    """Calendars are immutable; the scheduler and the API build the same few over and over."""
    cache_key = repr((zone, hours, holidays))
    found = _calendars.get(cache_key)
    if found is None:
        if len(_calendars) > 256:
            _calendars.clear()
        found = _calendars[cache_key] = Calendar.of(zone, hours if hours else None, holidays)
    return found


# -- validation ---------------------------------------------------------------------------------
def validated(project_id: str, wanted: Mapping[str, Any]) -> SlaSettings:
    """Settings an administrator asked for, checked and completed with the defaults: a
    known time zone, business hours and holidays the calendar accepts, targets of 1 minute to
    90 days (next response defaulting to first response), a warning at 1..99 %."""
    merged = effective(project_id, wanted)
    try:
        Calendar.of(merged["time_zone"], merged.get("business_hours"), merged["holidays"])
    except CalendarError as err:
        field = "time_zone" if "time zone" in str(err) else "business_hours"
        if "date" in str(err) or "holidays" in str(err):
            field = "holidays"
        raise InvalidInput(str(err), field=field) from err
    merged["holidays"] = sorted(set(merged["holidays"]))
    if not 1 <= int(merged["warn_percent"]) <= 99:
        raise InvalidInput("warn_percent is between 1 and 99", field="warn_percent")
    wanted_policies = wanted.get("policies") or {}
    for priority, chosen in merged["policies"].items():
        asked = wanted_policies.get(priority) or {}
        if "first_response_minutes" in asked and "next_response_minutes" not in asked:
            chosen["next_response_minutes"] = asked["first_response_minutes"]
        for clock in CLOCKS:
            minutes = chosen[f"{clock}_minutes"]  # type: ignore[literal-required]
            if not isinstance(minutes, int) or not 1 <= minutes <= MAX_TARGET_MINUTES:
                raise InvalidInput(
                    f"{priority}: {clock} is 1 to {MAX_TARGET_MINUTES} minutes",
                    field=f"policies.{priority}.{clock}_minutes",
                )
    return merged
