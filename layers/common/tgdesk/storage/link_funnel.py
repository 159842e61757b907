"""Tracked links' funnel counters: pre-aggregated per link per day, kept by the stream.

Counter items live in a project's month partition, write-sharded:
PK `LINKFUNNEL#{pid}#{yyyymm}#{n}` (n < keys.LINK_FUNNEL_SHARDS, picked by the counted
event's id, so a burst of clicks on one link spreads over every shard), with
- SK `LINK#{code}#{yyyymmdd}`: the link's steps that day (`clicks`, `bot_clicks`,
  `visitors`, `starts`, `first_messages`, `first_replies`, `resolved`, `rated`), the sum of
  the ratings' scores (`rating_sum`, for the average rating) and its clicks by
  `country.{CC}` and `device.{class}` (bounded: ISO codes and a fixed set of classes);
- SK `DAY#{yyyymmdd}#{dimension}#{value}`: the steps of all the project's links that day
  for one value of a dimension (`channel`, `utm_source`, `utm_campaign`).
Readers sum the shards. A range of days reads, per month it touches and per shard, one
Query of the link's items and one of the project's dimension items.

Exactly once: each counted event is one TransactWriteItems whose first item is the event's
marker (`LINKEVENT#{event}`, put only if absent, expiring after MARKER_TTL_SECONDS, longer
than the stream keeps a record), so a redelivered stream record adds nothing. A click's
unique visitor is a second put-if-absent marker (`LINKVISITOR#{code}#{day}#{visitor}`) in
the same transaction as its `visitors` ADD; a visitor counted that day already (read first)
is left out.
"""

from __future__ import annotations

import random
import re
import time
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from botocore.exceptions import ClientError

from tgdesk.storage import keys, table
from tgdesk.storage.expressions import Changes, put_new

STEPS = (
    "clicks",
    "bot_clicks",
    "visitors",
    "starts",
    "first_messages",
    "first_replies",
    "resolved",
    "rated",
)
# Amounts summed with a step (the average rating is `rating_sum` / `rated`).
RATING_SUM = "rating_sum"
# Project-wide breakdowns; a new dimension is a name here and a value on the events.
DIMENSIONS = ("channel", "utm_source", "utm_campaign")
# Breakdowns of a link's own clicks, kept on its day item (bounded value sets).
CLICK_BREAKDOWNS = ("country", "device")
DEVICE_CLASSES = frozenset({"mobile", "tablet", "desktop", "other"})
MARKER_TTL_SECONDS = 48 * 3600  # the stream keeps a record 24 h
VISITOR_TTL_SECONDS = 48 * 3600  # a visitor is unique per day
MAX_VALUE = 64  # characters of a dimension value kept
MAX_ATTEMPTS = 6
_VALUE = re.compile(r"[^a-z0-9_.\-]+")
_COUNTRY = re.compile(r"[A-Z]{2}")
_READERS = 8


@dataclass(frozen=True, slots=True)
class Counted:
    """One funnel step to count: `step` of link `code` (project `project_id`) at `at`.

    `event` names it once and for all (its marker); `dimensions` its values per DIMENSIONS;
    a click's `country`, `device` and `visitor` key (unique visitors per day); a rating's
    `score` (added to RATING_SUM)."""

    event: str
    step: str
    project_id: str
    code: str
    at: int
    dimensions: Mapping[str, str | None] = field(default_factory=dict)
    country: str | None = None
    device: str | None = None
    visitor: str | None = None
    score: int | None = None


def day_of(at: int) -> str:
    """The UTC day of an epoch-ms time, `yyyymmdd` (projects have no time zone of their own)."""
    return time.strftime("%Y%m%d", time.gmtime(at // 1000))


def dimension_value(value: object) -> str | None:
    """A dimension value as counted: lower-case, `a-z0-9_.-` (others become `-`), at most
    MAX_VALUE characters; None when nothing is left."""
    if not isinstance(value, str):
        return None
    cleaned = _VALUE.sub("-", value.strip().lower()).strip("-")[:MAX_VALUE]
    return cleaned or None


def count(event: Counted, now: int) -> bool:
    """Add `event` to its counters once: False when it was counted before.

    A click with a visitor key reads the day's visitor marker first (one GetItem): a visitor
    seen before that day is counted without it, and only a new one tries the transaction that
    puts the marker (which another click of theirs may win meanwhile: then again without)."""
    with_visitor = event.visitor is not None and not _visitor_seen(event)
    for attempt in range(MAX_ATTEMPTS):
        outcome = _write(event, now, with_visitor=with_visitor)
        if outcome in ("counted", "duplicate"):
            return outcome == "counted"
        if outcome == "visitor_seen":
            with_visitor = False
            continue
        time.sleep(random.uniform(0, 0.02 * 2**attempt))  # another transaction held a counter
    raise RuntimeError(f"the funnel counters stayed contended for {event.event}")


def _visitor_seen(event: Counted) -> bool:
    assert event.visitor is not None
    return table.get(*keys.link_visitor(event.code, day_of(event.at), event.visitor)) is not None


def _write(event: Counted, now: int, *, with_visitor: bool) -> str:
    day = day_of(event.at)
    shard = keys.shard(event.event, keys.LINK_FUNNEL_SHARDS)
    pk = keys.link_funnel(event.project_id, day[:6], shard)
    marker_pk, marker_sk = keys.link_funnel_event(event.event)
    operations = [
        put_new(
            {
                "PK": marker_pk,
                "SK": marker_sk,
                "kind": "link_funnel_event",
                "ttl": now // 1000 + MARKER_TTL_SECONDS,
            }
        )
    ]
    if with_visitor:
        assert event.visitor is not None
        visitor_pk, visitor_sk = keys.link_visitor(event.code, day, event.visitor)
        visitor = {
            "PK": visitor_pk,
            "SK": visitor_sk,
            "kind": "link_visitor",
            "ttl": now // 1000 + VISITOR_TTL_SECONDS,
        }
        operations.append(put_new(visitor))
    link_day = _counter(event, day, with_visitor)
    link_day.set("code", event.code)
    if event.step == "clicks":
        country = event.country if event.country and _COUNTRY.fullmatch(event.country) else None
        device = event.device if event.device in DEVICE_CLASSES else None
        for name, value in (("country", country), ("device", device)):
            if value:
                link_day.add(f"{name}.{value}", 1)
    operations.append(link_day.item(pk, keys.link_funnel_day(event.code, day)))
    for dimension in DIMENSIONS:
        value = dimension_value(event.dimensions.get(dimension))
        if value is not None and event.step != "bot_clicks":
            update = _counter(event, day, with_visitor)
            update.set("dimension", dimension)
            update.set("value", value)
            operations.append(update.item(pk, keys.link_funnel_dimension(day, dimension, value)))
    try:
        table.client().transact_write_items(TransactItems=operations)
    except ClientError as err:
        if err.response.get("Error", {}).get("Code") != "TransactionCanceledException":
            raise
        reasons = table.cancellation_reasons(err)
        if reasons and reasons[0] == "ConditionalCheckFailed":
            return "duplicate"
        if with_visitor and len(reasons) > 1 and reasons[1] == "ConditionalCheckFailed":
            return "visitor_seen"
        return "contended"
    return "counted"


def _counter(event: Counted, day: str, with_visitor: bool) -> Changes:
    update = Changes()
    update.set("kind", "link_funnel")
    update.set("project_id", event.project_id)
    update.set("day", day)
    update.add(event.step, 1)
    if event.score is not None:
        update.add(RATING_SUM, event.score)
    if with_visitor:
        update.add("visitors", 1)
    return update


# -- reads ------------------------------------------------------------------------------
def months_between(first_day: str, last_day: str) -> list[str]:
    """The `yyyymm` months from `first_day`'s to `last_day`'s (both `yyyymmdd`)."""
    year, month = int(first_day[:4]), int(first_day[4:6])
    out: list[str] = []
    while f"{year:04d}{month:02d}" <= last_day[:6]:
        out.append(f"{year:04d}{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def _partitions(project_id: str, first_day: str, last_day: str) -> Iterator[str]:
    for month in months_between(first_day, last_day):
        yield from keys.link_funnel_shards(project_id, month)


def _read(queries: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    with ThreadPoolExecutor(_READERS) as pool:
        pages = list(pool.map(lambda q: table.query_all(**q), queries))
    return [item for page in pages for item in page]


def link_days(project_id: str, code: str, first_day: str, last_day: str) -> list[dict[str, Any]]:
    """The link's day items of every shard from `first_day` to `last_day` (unsummed)."""
    between = (keys.link_funnel_day(code, first_day), keys.link_funnel_day(code, last_day))
    return _read(
        {"pk": pk, "sk_between": between} for pk in _partitions(project_id, first_day, last_day)
    )


def dimension_days(project_id: str, first_day: str, last_day: str) -> list[dict[str, Any]]:
    """The project's dimension items of every shard from `first_day` to `last_day`."""
    between = keys.link_funnel_dimension_range(first_day, last_day)
    return _read(
        {"pk": pk, "sk_between": between} for pk in _partitions(project_id, first_day, last_day)
    )
