"""Statistics counters: pre-aggregated per dimension value and project-local day, kept by
the table's stream (tgdesk.stats.stream decides what a change counts).

Layout (tgdesk.storage.records.stats_day): PK `STATS#{pid}#{yyyymm}#{dimension}#{n}`,
SK `{value}#{yyyy-mm-dd}`; every counter of one (dimension, value, day) in one item per
shard. Write-sharded over keys.STATS_SHARDS by the counted stream record: a project's
`project` item takes every message, so it must not be one partition; readers sum shards.

Exactly once: one stream record's whole tally is ONE TransactWriteItems: first the record's
marker (`STATSEVENT#{event}`, put only if absent, expiring after MARKER_TTL_SECONDS, longer
than the stream keeps a record), then one ADD per (dimension, value, day) item. A
redelivered record finds its marker and adds nothing. Requests per record: one.

Reads: `read` of one value over a range of D days makes one Query per shard and month the
range touches and reads at most D x STATS_SHARDS items (90 days: at most 720 items in
4 x 8 = 32 Queries, whatever the traffic). Without a value (every value of the dimension)
it reads the whole months the range touches: at most values x (D + 60) x STATS_SHARDS items.
"""

from __future__ import annotations

import random
import time
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from botocore.exceptions import ClientError

from tgdesk.storage import keys, table
from tgdesk.storage.expressions import Changes, put_new
from tgdesk.storage.records import stats_day

MARKER_TTL_SECONDS = 48 * 3600  # the stream keeps a record 24 h
MAX_ATTEMPTS = 6
MAX_VALUE_CHARS = 128  # a dimension value as stored (ids, tag names, link codes)
MAX_ITEMS_PER_TALLY = 100  # DynamoDB's limit of one transaction, the marker included
_READERS = 8

Counters = dict[str, dict[str, dict[str, int]]]  # value -> day -> counter -> amount


@dataclass(frozen=True, slots=True)
class Row:
    """What one tally adds to one (dimension, value, day) item."""

    dimension: str
    value: str
    day: str  # yyyy-mm-dd
    counters: Mapping[str, int]


@dataclass(frozen=True, slots=True)
class Tally:
    """Everything one stream record counts for one project: written at once, or not at all."""

    event: str  # the stream record's id (its marker)
    project_id: str
    rows: Sequence[Row] = field(default_factory=tuple)


def merged(rows: Sequence[Row]) -> list[Row]:
    """Rows of the same item added together (a transaction touches an item once); rows
    that add nothing left out."""
    out: dict[tuple[str, str, str], dict[str, int]] = {}
    for row in rows:
        value = row.value[:MAX_VALUE_CHARS]
        sums = out.setdefault((row.dimension, value, row.day), {})
        for name, amount in row.counters.items():
            sums[name] = sums.get(name, 0) + int(amount)
    return [
        Row(dimension, value, day, {k: v for k, v in sums.items() if v})
        for (dimension, value, day), sums in out.items()
        if any(sums.values())
    ]


def count(tally: Tally, now: int) -> bool:
    """Add `tally` once: False when its record was counted before (or it adds nothing)."""
    rows = merged(tally.rows)
    if not rows:
        return False
    if len(rows) + 1 > MAX_ITEMS_PER_TALLY:
        raise ValueError(f"a tally of {len(rows)} items does not fit one transaction")
    operations = _operations(tally, rows, now)
    for attempt in range(MAX_ATTEMPTS):
        try:
            table.client().transact_write_items(TransactItems=operations)
            return True
        except ClientError as err:
            if err.response.get("Error", {}).get("Code") != "TransactionCanceledException":
                raise
            reasons = table.cancellation_reasons(err)
            if reasons and reasons[0] == "ConditionalCheckFailed":
                return False  # counted before
        time.sleep(random.uniform(0, 0.02 * 2**attempt))  # another tally held an item
    raise RuntimeError(f"the statistics counters stayed contended for {tally.event}")


def _operations(tally: Tally, rows: Sequence[Row], now: int) -> list[dict[str, Any]]:
    marker_pk, marker_sk = keys.stats_event(tally.event)
    marker = {
        "PK": marker_pk,
        "SK": marker_sk,
        "kind": "stats_event",
        "ttl": now // 1000 + MARKER_TTL_SECONDS,
    }
    shard = keys.shard(tally.event, keys.STATS_SHARDS)
    operations = [put_new(marker)]
    for row in rows:
        update = Changes()
        descriptive = stats_day.descriptive(tally.project_id, row.dimension, row.value, row.day)
        for name, value in descriptive.items():
            update.set(name, value)
        for name, amount in sorted(row.counters.items()):
            update.add(name, amount)
        key = stats_day.key(tally.project_id, row.dimension, row.value, row.day, shard)
        operations.append(update.item(*key))
    return operations


# -- reads ------------------------------------------------------------------------------------
def months_between(first_day: str, last_day: str) -> list[str]:
    """The `yyyymm` months from `first_day`'s to `last_day`'s (both `yyyy-mm-dd`)."""
    year, month = int(first_day[:4]), int(first_day[5:7])
    out: list[str] = []
    while f"{year:04d}{month:02d}" <= stats_day.month_of(last_day):
        out.append(f"{year:04d}{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def days_between(first_day: str, last_day: str) -> Iterator[str]:
    day, last = date.fromisoformat(first_day), date.fromisoformat(last_day)
    while day <= last:
        yield day.isoformat()
        day += timedelta(days=1)


def _queries(
    project_id: str, dimension: str, value: str | None, first_day: str, last_day: str
) -> Iterator[dict[str, Any]]:
    for month in months_between(first_day, last_day):
        for pk in keys.stats_counters_shards(project_id, month, dimension):
            if value is None:
                yield {"pk": pk}
            else:
                yield {"pk": pk, "sk_between": keys.stats_days(value, first_day, last_day)}


def read(
    project_id: str, dimension: str, value: str | None, first_day: str, last_day: str
) -> Counters:
    """The counters of `dimension` (one `value`, or every value with None) per day from
    `first_day` to `last_day` (`yyyy-mm-dd`, the project's local days), shards summed:
    value -> day -> counter -> amount. Days without any count are absent."""
    if first_day > last_day:
        return {}
    queries = list(_queries(project_id, dimension, value, first_day, last_day))
    with ThreadPoolExecutor(_READERS) as pool:
        pages = list(pool.map(lambda q: table.query_all(**q), queries))
    out: Counters = {}
    for item in (item for page in pages for item in page):
        row = stats_day.from_item(item)
        if not first_day <= row["day"] <= last_day:
            continue
        if value is not None and row["value"] != value:
            continue
        sums = out.setdefault(row["value"], {}).setdefault(row["day"], {})
        for name, amount in row["counters"].items():
            sums[name] = sums.get(name, 0) + amount
    return out
