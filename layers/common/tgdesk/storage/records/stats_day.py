"""The statistics counters of one dimension value on one project-local day, in one shard.

PK `STATS#{project_id}#{yyyymm}#{dimension}#{n}` (n < keys.STATS_SHARDS, picked by the
counted stream record), SK `{value}#{yyyy-mm-dd}`: a value's days sort together, so a range
of days of one value is one Query per shard and month. The counters (tgdesk.stats.counters)
are top-level number attributes added with ADD; their names are a bounded set (the plain
counters and 69 buckets per bucketed time), so the item stays a few KB.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypedDict

from tgdesk.storage import keys

KIND = "stats_day"
# The attributes that describe the item; every other number is a counter.
FIELDS = frozenset({"PK", "SK", "kind", "project_id", "dimension", "value", "day"})


class StatsDay(TypedDict):
    project_id: str
    dimension: str
    value: str
    day: str  # yyyy-mm-dd, the project's local day
    counters: dict[str, int]


def key(project_id: str, dimension: str, value: str, day: str, shard: int) -> tuple[str, str]:
    pk = keys.stats_counters(project_id, month_of(day), dimension, shard)
    return pk, keys.stats_day(value, day)


def month_of(day: str) -> str:
    """`yyyymm` of a `yyyy-mm-dd` day."""
    return day[:4] + day[5:7]


def descriptive(project_id: str, dimension: str, value: str, day: str) -> dict[str, Any]:
    """The attributes an ADD sets beside its counters (readers need no key parsing)."""
    return {
        "kind": KIND,
        "project_id": project_id,
        "dimension": dimension,
        "value": value,
        "day": day,
    }


def from_item(item: Mapping[str, Any]) -> StatsDay:
    counters = {
        name: int(amount)
        for name, amount in item.items()
        if name not in FIELDS and isinstance(amount, (int, float)) and not isinstance(amount, bool)
    }
    return {
        "project_id": str(item["project_id"]),
        "dimension": str(item["dimension"]),
        "value": str(item["value"]),
        "day": str(item["day"]),
        "counters": counters,
    }
