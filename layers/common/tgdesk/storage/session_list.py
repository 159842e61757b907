"""The console's session list: filters, keyset paging over several index partitions, counts.

Sessions are read from lists ordered by last activity: a project's sessions (GSI2, written
over shards by session id, read together) or an agent's (GSI1). The activity range narrows
the key condition; status, being queued, waiting, priority and tag are a FilterExpression; the
caller's project scope and the search on the user's names are checked in code. A page reads
each partition newest first below the cursor, a bounded number of requests per partition (a
sharded list shares one partition's budget of items read among its shards), and merges them:
the cursor is the activity sort key below which nothing has been returned yet, so a page cut
short by the read bound still continues exactly where it stopped.
"""

from __future__ import annotations

import heapq
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from tgdesk.core.domain import Priority, Status
from tgdesk.core.person_names import fold, name_matches
from tgdesk.storage import keys, scroll, table
from tgdesk.storage.expressions import Condition
from tgdesk.storage.records import session as session_record
from tgdesk.storage.records.session import Session

MAX_PAGE = 200
READS_PER_PARTITION = 5  # requests per partition and page; an emptier page still has a cursor
READ_SIZE = 200  # items evaluated per request
MAX_COUNTED = 20_000  # sessions looked at for the status counts of one request
# A cursor is the activity sort key a page ended at: `{13-digit epoch ms}#{session id}`.
_ACTIVITY_KEY = re.compile(r"\d{13}#.+", re.DOTALL)


@dataclass(frozen=True, slots=True)
class Partition:
    """One list of sessions: the index partitions (its shards) that hold it, read together."""

    index: str
    shards: tuple[str, ...]

    @property
    def sort_attribute(self) -> str:
        return f"{self.index}SK"

    def reads(self, limit: int) -> list[ShardRead]:
        """How each shard is read for a page of `limit`: a page's worth of matches from an
        unsharded list; from each of n shards, twice its fair share of the page, with requests
        of READ_SIZE / n items, so a page reads at most as many items as one partition's."""
        count = len(self.shards)
        want = limit + 1 if count == 1 else min(limit + 1, -(-2 * (limit + 1) // count))
        size = max(1, READ_SIZE // count)
        return [ShardRead(self.index, shard, want, size) for shard in self.shards]


@dataclass(frozen=True, slots=True)
class ShardRead:
    index: str
    key: str
    want: int  # matches that end its reading for this page
    size: int  # items evaluated per request

    @property
    def sort_attribute(self) -> str:
        return f"{self.index}SK"


def project_partition(project_id: str) -> Partition:
    return Partition("GSI2", keys.project_sessions_shards(project_id))


def assignee_partition(agent_id: str) -> Partition:
    return Partition("GSI1", (keys.assignee_sessions_index(agent_id),))


@dataclass(frozen=True, slots=True)
class SessionFilter:
    statuses: tuple[Status, ...] = ()
    queued: bool = False  # only sessions with `queued_at`
    waiting: bool = False  # only sessions whose user waits for an answer (`waiting_since`)
    priority: Priority | None = None
    tag: str | None = None
    project_ids: frozenset[str] | None = None  # None: whatever project the partition holds
    active_from: int | None = None  # last activity at or after (epoch ms)
    active_to: int | None = None  # last activity at or before
    search: str | None = None  # folded words of the user's name, username or Telegram id

    def without_status(self) -> SessionFilter:
        return replace(self, statuses=())

    def admits(self, item: dict[str, Any]) -> bool:
        """The part of the filter checked in code: the caller's project scope, and the search
        (case-insensitive, on the `user` copy kept on the session)."""
        if self.project_ids is not None and item.get("project_id") not in self.project_ids:
            return False
        return self.search is None or matches_user(item, self.search)

    def holds(self, item: dict[str, Any]) -> bool:
        """The whole filter checked in code, for sessions read by key rather than listed."""
        if self.statuses and item.get("status") not in self.statuses:
            return False
        if (self.queued and "queued_at" not in item) or (
            self.waiting and "waiting_since" not in item
        ):
            return False
        if self.priority is not None and item.get("priority") != self.priority:
            return False
        if self.tag is not None and self.tag not in (item.get("tags") or []):
            return False
        activity = int(item.get("last_activity_at") or 0)
        if self.active_from is not None and activity < self.active_from:
            return False
        if self.active_to is not None and activity > self.active_to:
            return False
        return self.admits(item)

    @property
    def read_attributes(self) -> tuple[str, ...]:
        """What admits() reads, beside the status, when only counting."""
        return ("project_id", "user", "tg_user_id") if self.search else ("project_id",)


def fold_search(text: str) -> str | None:
    """A search as matched: case-folded, single-spaced, without a username's `@`."""
    folded = fold(text).removeprefix("@")
    return folded or None


def matches_user(item: dict[str, Any], search: str) -> bool:
    """A session whose user's full name (either order, with or without a space) or username
    contains `search`, or whose Telegram id starts with it."""
    card = item.get("user")
    user: dict[str, Any] = card if isinstance(card, dict) else {}
    first, last = str(user.get("first_name") or ""), str(user.get("last_name") or "")
    if name_matches(first, last, search) or search in fold(str(user.get("username") or "")):
        return True
    return str(item.get("tg_user_id", "")).startswith(search)


def list_page(
    partitions: Iterable[Partition],
    session_filter: SessionFilter,
    *,
    limit: int = 50,
    cursor: str | None = None,
) -> tuple[list[Session], str | None]:
    """One page of sessions, newest activity first, and the cursor of the next page."""
    limit = max(1, min(int(limit), MAX_PAGE))
    below = scroll.decode_cursor(cursor, _ACTIVITY_KEY)
    pages: list[list[dict[str, Any]]] = []
    floors: list[str] = []  # how far down each unfinished partition was read
    shard_reads = [r for p in dict.fromkeys(partitions) for r in p.reads(limit)]
    for shard in dict.fromkeys(shard_reads):
        matches, floor = _read_down(shard, session_filter, below)
        pages.append(matches)
        if floor is not None:
            floors.append(floor)
    # Below the highest floor some partition is unread: stop there, continue next page.
    boundary = max(floors, default=None)
    merged = [
        item
        for item in heapq.merge(*pages, key=lambda i: i["_sort"], reverse=True)
        if boundary is None or item["_sort"] >= boundary
    ]
    page = merged[:limit]
    if len(merged) > limit:
        next_cursor: str | None = scroll.encode_cursor(page[-1]["_sort"])
    elif boundary is not None:
        next_cursor = scroll.encode_cursor(boundary)
    else:
        next_cursor = None
    return [_public(i) for i in page], next_cursor


def count_by_status(
    partitions: Iterable[Partition], session_filter: SessionFilter
) -> tuple[dict[str, int], bool]:
    """How many sessions match the filter, per status (the filter's own statuses are
    ignored), and whether every matching session was counted (False past MAX_COUNTED)."""
    session_filter = session_filter.without_status()
    counts: Counter[str] = Counter()
    looked_at = 0
    shard_reads = [r for p in dict.fromkeys(partitions) for r in p.reads(READ_SIZE)]
    for shard in dict.fromkeys(shard_reads):
        start: dict[str, Any] | None = None
        while True:
            if looked_at >= MAX_COUNTED:
                return dict(counts), False
            items, start = _query(
                shard,
                session_filter,
                high=None,
                start_key=start,
                limit=READ_SIZE,
                projection=("status", *session_filter.read_attributes),
            )
            looked_at += len(items)
            counts.update(i.get("status", "") for i in items if session_filter.admits(i))
            if start is None:
                break
    return dict(counts), True


# -- reading ----------------------------------------------------------------------------------
def _read_down(
    shard: ShardRead, session_filter: SessionFilter, below: str | None
) -> tuple[list[dict[str, Any]], str | None]:
    """Matching sessions of one shard below the cursor (exclusive), newest first: up to
    `shard.want`, or what READS_PER_PARTITION requests find. The floor is the sort key of the
    last session looked at when the shard may hold more below it, else None."""
    matches: list[dict[str, Any]] = []
    start: dict[str, Any] | None = None
    for _ in range(READS_PER_PARTITION):
        items, start = _query(shard, session_filter, high=below, start_key=start, limit=shard.size)
        for item in items:
            item["_sort"] = item[shard.sort_attribute]
            if session_filter.admits(item):
                matches.append(item)
        if start is None or len(matches) >= shard.want:
            break
    # Whatever this shard holds below its floor is read by a later page: the merged page
    # ends there (a shard that found a whole page of matches ends it no higher than they do).
    return matches, (start[shard.sort_attribute]["S"] if start else None)


def _query(
    partition: ShardRead,
    session_filter: SessionFilter,
    *,
    high: str | None,
    start_key: dict[str, Any] | None,
    limit: int,
    projection: tuple[str, ...] = (),
) -> tuple[list[dict[str, Any]], dict[str, Any] | None]:
    expression = _filter_expression(session_filter)
    names = {**expression.names, "#pk": f"{partition.index}PK", "#sk": partition.sort_attribute}
    low = keys.ts(session_filter.active_from) if session_filter.active_from is not None else "0"
    top = f"{keys.ts(session_filter.active_to)}#~" if session_filter.active_to is not None else "~"
    if high is not None:
        top = min(top, _just_below(high))
    request: dict[str, Any] = {
        "TableName": table.table_name(),
        "IndexName": partition.index,
        "KeyConditionExpression": "#pk = :pk AND #sk BETWEEN :low AND :top",
        "ExpressionAttributeNames": names,
        "ExpressionAttributeValues": table.values(
            {**expression.values, ":pk": partition.key, ":low": low, ":top": top}
        ),
        "ScanIndexForward": False,
        "Limit": limit,
    }
    if expression.conditions:
        request["FilterExpression"] = " AND ".join(expression.conditions)
    if projection:
        request["ProjectionExpression"] = ", ".join(expression.name(a) for a in projection)
        request["ExpressionAttributeNames"] = {**expression.names, **names}
    if start_key:
        request["ExclusiveStartKey"] = start_key
    response = table.client().query(**request)
    items = [table.from_item(i) or {} for i in response.get("Items", [])]
    return items, response.get("LastEvaluatedKey")


def _filter_expression(session_filter: SessionFilter) -> Condition:
    condition = Condition()
    if session_filter.statuses:
        options = ", ".join(condition.value(s) for s in session_filter.statuses)
        condition.require(f"{condition.name('status')} IN ({options})")
    if session_filter.queued:
        condition.require(f"attribute_exists({condition.name('queued_at')})")
    if session_filter.waiting:
        condition.require(f"attribute_exists({condition.name('waiting_since')})")
    if session_filter.priority is not None:
        condition.require_equal("priority", session_filter.priority)
    if session_filter.tag is not None:
        condition.require(
            f"contains({condition.name('tags')}, {condition.value(session_filter.tag)})"
        )
    return condition


def _public(item: dict[str, Any]) -> Session:
    return session_record.from_item({k: v for k, v in item.items() if k != "_sort"})


# -- cursors ----------------------------------------------------------------------------------
def _just_below(sort_key: str) -> str:
    """An inclusive upper bound that leaves out `sort_key` and keeps every smaller activity
    key: its last character lowered by one, then "~", which sorts after every character
    of a session id (lower-case base32)."""
    return sort_key[:-1] + chr(ord(sort_key[-1]) - 1) + "~"
