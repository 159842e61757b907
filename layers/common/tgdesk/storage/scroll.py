"""Keyset paging, newest first, over one or more partitions, with filters and a read budget;
and oldest first over the shards of one list (`earliest`).

A page holds the newest items whose sort key lies below a cursor, the sort key where the
previous page ended. Items a filter drops still cost reads, so each partition is read for at
most `max_pages` Query pages per call: when that budget runs out first, the page ends where
reading stopped (possibly with fewer items than asked, even none) and its cursor goes on from
there. A search through a long history therefore answers in bounded time and never skips.

With `grow`, a partition's first Query asks for no more than the page needs (`limit`) and
each next one for twice as many, up to `page_size`: a page of 5 reads 5 items, not 100,
when they all match, and a filter that drops most items still reaches full-size Queries.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from tgdesk.core.errors import InvalidInput
from tgdesk.storage import table

PAGE_SIZE = 100
MAX_PAGES = 5


@dataclass(frozen=True)
class Partition:
    """One partition to read: of the table (`index` None) or of a GSI."""

    key: str
    index: str | None = None

    @property
    def key_names(self) -> tuple[str, str]:
        return ("PK", "SK") if self.index is None else (f"{self.index}PK", f"{self.index}SK")


def newest(
    partitions: Sequence[Partition],
    *,
    low: str,
    high: str,
    limit: int,
    before: str | None = None,
    equals: Mapping[str, Any] | None = None,
    match: Callable[[dict[str, Any]], bool] | None = None,
    page_size: int = PAGE_SIZE,
    max_pages: int = MAX_PAGES,
    grow: bool = False,
) -> tuple[list[dict[str, Any]], str | None]:
    """Up to `limit` items with a sort key in [low, high] and below `before`, newest first,
    merged across partitions. `equals` filters on attributes in DynamoDB, `match` in code.
    Returns the items (with their key attributes) and the cursor sort key of the next page,
    or None when nothing more can match."""
    top = high if before is None else min(high, before)
    floors: list[str] = []
    candidates: list[tuple[str, dict[str, Any]]] = []
    for partition in dict.fromkeys(partitions):
        sizes = _sizes(limit if grow else page_size, page_size)
        found, floor = _read(partition, low, top, before, limit, equals, match, sizes, max_pages)
        floors.append(floor)
        sort_name = partition.key_names[1]
        candidates.extend((item[sort_name], item) for item in found)
    # Below the highest point where some partition stopped reading, other partitions may
    # hold items not yet looked at: the page ends there.
    floor = max(floors, default="")
    candidates = sorted((c for c in candidates if c[0] >= floor), key=lambda c: c[0], reverse=True)
    page = candidates[:limit]
    if len(page) == limit and (len(candidates) > limit or floor):
        return [item for _, item in page], page[-1][0]
    return [item for _, item in page], floor or None


def earliest(
    partitions: Sequence[Partition],
    *,
    low: str,
    high: str,
    limit: int,
    after: str | None = None,
) -> tuple[list[dict[str, Any]], str | None]:
    """Up to `limit` items with a sort key in [low, high] and above `after`, oldest first,
    merged across partitions (the shards of one list), and the cursor of the next page (None
    when nothing more lies in the range).

    One Query per partition, of a fair share of the page (twice `limit` / partitions): a
    page costs as many requests as there are partitions. It ends at the lowest point where a
    partition stopped reading (what lies above may be unread elsewhere), so it may hold fewer
    than `limit` items and still have a cursor; it holds at least one item when any is due."""
    unique = list(dict.fromkeys(partitions))
    share = min(limit, max(1, -(-2 * limit // max(1, len(unique)))))
    ceilings: list[str] = []
    candidates: list[tuple[str, dict[str, Any]]] = []
    for partition in unique:
        found, ceiling = _read_up(partition, low, high, after, share)
        if ceiling is not None:
            ceilings.append(ceiling)
        sort_name = partition.key_names[1]
        candidates.extend((item[sort_name], item) for item in found)
    ceiling = min(ceilings, default=None)
    candidates = sorted(
        (c for c in candidates if ceiling is None or c[0] <= ceiling), key=lambda c: c[0]
    )
    page = candidates[:limit]
    if len(candidates) > limit:
        return [item for _, item in page], page[-1][0]
    return [item for _, item in page], ceiling


def each_earliest(
    partitions: Sequence[Partition], *, low: str, high: str, most: int
) -> Iterator[dict[str, Any]]:
    """At most `most` items with a sort key in [low, high], oldest first, merged across
    partitions (the shards of one list): each page read when the previous one has been
    taken, so a bounded run reads no more than it takes."""
    after: str | None = None
    taken = 0
    while taken < most:
        page, after = earliest(partitions, low=low, high=high, limit=most - taken, after=after)
        taken += len(page)
        yield from page
        if after is None:
            return


def _read_up(
    partition: Partition, low: str, high: str, after: str | None, size: int
) -> tuple[list[dict[str, Any]], str | None]:
    """Up to `size` items of one partition above `after`, oldest first, and the sort key
    reading stopped at when the partition may hold more (else None)."""
    bottom = low if after is None else max(low, after)
    if high < bottom:
        return [], None
    pk_name, sk_name = partition.key_names
    request: dict[str, Any] = {
        "TableName": table.table_name(),
        "KeyConditionExpression": "#pk = :pk AND #sk BETWEEN :lo AND :hi",
        "ExpressionAttributeNames": {"#pk": pk_name, "#sk": sk_name},
        "ExpressionAttributeValues": table.values(
            {":pk": partition.key, ":lo": bottom, ":hi": high}
        ),
        "ScanIndexForward": True,
        # BETWEEN is inclusive: the cursor's own item may come back first, read one more.
        "Limit": size + (1 if after is not None else 0),
    }
    if partition.index:
        request["IndexName"] = partition.index
    resp = table.client().query(**request)
    items = [table.from_item(raw) or {} for raw in resp.get("Items", [])]
    found = [item for item in items if item.get(sk_name) != after]
    last = resp.get("LastEvaluatedKey")
    return found, (table.from_item(last) or {}).get(sk_name) if last else None


def _sizes(first: int, most: int) -> Iterator[int]:
    """Query sizes: `first` (at least 1, at most `most`), then doubling up to `most`."""
    size = max(1, min(first, most))
    while True:
        yield size
        size = min(size * 2, most)


def _read(
    partition: Partition,
    low: str,
    high: str,
    before: str | None,
    want: int,
    equals: Mapping[str, Any] | None,
    match: Callable[[dict[str, Any]], bool] | None,
    sizes: Iterator[int],
    max_pages: int,
) -> tuple[list[dict[str, Any]], str]:
    """Matching items of one partition, and the sort key reading stopped at ("" at the end)."""
    if high < low:
        return [], ""
    pk_name, sk_name = partition.key_names
    names = {"#pk": pk_name, "#sk": sk_name}
    vals: dict[str, Any] = {":pk": partition.key, ":lo": low, ":hi": high}
    request: dict[str, Any] = {
        "TableName": table.table_name(),
        "KeyConditionExpression": "#pk = :pk AND #sk BETWEEN :lo AND :hi",
        "ScanIndexForward": False,
        # BETWEEN is inclusive, so the cursor's own item comes back first: read one more
        # then, or a page of one would never get past it.
        "Limit": next(sizes) + (1 if before is not None else 0),
    }
    if partition.index:
        request["IndexName"] = partition.index
    if equals:
        clauses = []
        for i, (attribute, value) in enumerate(equals.items()):
            names[f"#f{i}"], vals[f":f{i}"] = attribute, value
            clauses.append(f"#f{i} = :f{i}")
        request["FilterExpression"] = " AND ".join(clauses)
    request["ExpressionAttributeNames"] = names
    request["ExpressionAttributeValues"] = table.values(vals)

    found: list[dict[str, Any]] = []
    last: dict[str, Any] | None = None
    for _ in range(max(1, max_pages)):
        resp = table.client().query(**request)
        for raw in resp.get("Items", []):
            item = table.from_item(raw) or {}
            if item.get(sk_name) != before and (match is None or match(item)):
                found.append(item)
        last = resp.get("LastEvaluatedKey")
        if not last:
            return found, ""
        if len(found) >= want:
            break
        request["ExclusiveStartKey"] = last
        request["Limit"] = next(sizes)
    return found, (table.from_item(last) or {}).get(sk_name, "")


# -- cursors: the one codec of the table's list cursors -------------------------------------
def encode_cursor(text: str) -> str:
    """A cursor for `text` (a sort key, or a start key as JSON): URL-safe base64, unpadded."""
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None, pattern: re.Pattern[str] | None = None) -> str | None:
    """The text a cursor stands for; with `pattern`, it must have the shape of this list's
    sort keys. A cursor that is not one raises InvalidInput `invalid_cursor`."""
    if cursor is None:
        return None
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
    except (ValueError, binascii.Error, UnicodeDecodeError) as err:
        raise bad_cursor() from err
    if pattern is not None and not pattern.fullmatch(text):
        raise bad_cursor()
    return text


def bad_cursor() -> InvalidInput:
    return InvalidInput(
        "This cursor does not belong to this list; start again without it.",
        code="invalid_cursor",
        field="cursor",
    )
