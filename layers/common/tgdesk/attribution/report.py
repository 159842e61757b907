"""A link's funnel over a range of days, as the console's API answers it.

Days are UTC days (tgdesk.storage.link_funnel.day_of); a range holds at most MAX_DAYS of
them. Its reads are bounded by the range, never by the clicks: per month the range touches
and per shard (keys.LINK_FUNNEL_SHARDS), one Query of the link's day items (at most one
item a day per shard) and one of the project's dimension items (one a day per shard per
channel, UTM source and UTM campaign value counted that day).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from tgdesk.accounts import access
from tgdesk.core.clock import now_ms
from tgdesk.core.errors import InvalidInput
from tgdesk.links import catalog
from tgdesk.storage import link_funnel
from tgdesk.storage.link_funnel import RATING_SUM, STEPS

MAX_DAYS = 92
DEFAULT_DAYS = 30
TOP = 10  # countries and device classes shown
TOP_VALUES = 50  # channels, UTM sources and campaigns shown
COUNTED = (*STEPS, RATING_SUM)  # what a counter item holds and readers sum


def link_funnel_report(
    scope: access.Scope, code: str, first: str | None = None, last: str | None = None
) -> dict[str, Any]:
    """The link's funnel per day and in total from `first` to `last` (ISO dates, UTC,
    both included; by default the last DEFAULT_DAYS days), the same per channel, UTM source
    and UTM campaign over the project's links, and the link's top countries and device
    classes. Admins and supervisors of the link's project; anyone else: NotFound."""
    link = catalog.get_link(scope, code)
    first_day, last_day = _range(first, last)
    project_id = link["project_id"]
    days = _days(first_day, last_day)
    per_day: dict[str, Counter[str]] = {day: Counter() for day in days}
    countries: Counter[str] = Counter()
    devices: Counter[str] = Counter()
    for item in link_funnel.link_days(project_id, code, days[0], days[-1]):
        per_day[item["day"]].update(_steps(item))
        for name, value in item.items():
            if isinstance(name, str) and name.startswith(("country.", "device.")):
                target = countries if name.startswith("country.") else devices
                target[name.split(".", 1)[1]] += int(value)
    by_dimension: dict[str, dict[str, Counter[str]]] = {
        d: defaultdict(Counter) for d in link_funnel.DIMENSIONS
    }
    for item in link_funnel.dimension_days(project_id, days[0], days[-1]):
        by_dimension[item["dimension"]][item["value"]].update(_steps(item))
    return {
        "code": link["code"],
        "project_id": project_id,
        "from": _iso(days[0]),
        "to": _iso(days[-1]),
        "time_zone": "UTC",
        "days": [{"day": _iso(day), **_full(per_day[day])} for day in days],
        "total": _full(sum(per_day.values(), Counter())),
        "channels": _ranked(by_dimension["channel"]),
        "utm_sources": _ranked(by_dimension["utm_source"]),
        "utm_campaigns": _ranked(by_dimension["utm_campaign"]),
        "countries": _top(countries),
        "devices": _top(devices),
    }


def _steps(item: Mapping[str, Any]) -> Counter[str]:
    return Counter({name: int(item[name]) for name in COUNTED if name in item})


def _full(counts: Mapping[str, int]) -> dict[str, Any]:
    """Every step's count, and the average rating of the sessions rated (None: none)."""
    shown: dict[str, Any] = {step: int(counts.get(step, 0)) for step in STEPS}
    shown["average_rating"] = average_rating(counts)
    return shown


def average_rating(counts: Mapping[str, int]) -> float | None:
    rated = int(counts.get("rated", 0))
    return round(int(counts.get(RATING_SUM, 0)) / rated, 2) if rated > 0 else None


def _ranked(values: Mapping[str, Counter[str]]) -> list[dict[str, Any]]:
    ordered = sorted(values.items(), key=lambda kv: (-kv[1]["clicks"], -kv[1]["starts"], kv[0]))
    return [{"value": value, **_full(counts)} for value, counts in ordered[:TOP_VALUES]]


def _top(counts: Counter[str]) -> list[dict[str, Any]]:
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return [{"value": value, "clicks": n} for value, n in ordered[:TOP]]


# -- the range --------------------------------------------------------------------------
def _range(first: str | None, last: str | None) -> tuple[dt.date, dt.date]:
    today = dt.datetime.fromtimestamp(now_ms() / 1000, dt.UTC).date()
    last_day = _date(last, "to") if last else today
    first_day = _date(first, "from") if first else last_day - dt.timedelta(days=DEFAULT_DAYS - 1)
    if first_day > last_day:
        raise InvalidInput("`from` comes after `to`.", code="invalid_range", field="from")
    if (last_day - first_day).days >= MAX_DAYS:
        raise InvalidInput(
            f"A range holds at most {MAX_DAYS} days.", code="invalid_range", field="from"
        )
    return first_day, last_day


def _date(value: str, field: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as err:
        raise InvalidInput("Give a date as YYYY-MM-DD.", code="invalid_range", field=field) from err


def _days(first_day: dt.date, last_day: dt.date) -> list[str]:
    count = (last_day - first_day).days + 1
    return [(first_day + dt.timedelta(days=n)).strftime("%Y%m%d") for n in range(count)]


def _iso(day: str) -> str:
    return f"{day[:4]}-{day[4:6]}-{day[6:]}"


def summed(items: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """The steps of counter items summed (their shards, or days)."""
    return _full(sum((_steps(i) for i in items), Counter()))
