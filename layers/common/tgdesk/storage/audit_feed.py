"""Reading the audit log: newest first, filtered, over one project, several, or everything.

Entries of one project are written over a few table partitions, everything over GSI1
shards; a read merges the shards it needs (docs/data-model.md: audit entry). All are
ordered by the same `{at}#{entry_id}` sort key, which is the cursor.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from tgdesk.storage import keys, scroll, table

_ENTRY_KEY = re.compile(r"\d{13}#[0-9a-z]{1,64}")


def entries(
    project_ids: list[str] | None,
    *,
    limit: int,
    cursor: str | None = None,
    since: int | None = None,
    until: int | None = None,
    action: str | None = None,
    actor_id: str | None = None,
    match: Callable[[dict[str, Any]], bool] | None = None,
) -> tuple[list[dict[str, Any]], str | None]:
    """Entries of these projects (None: of everything, projects or not), newest first,
    between `since` and `until` (epoch ms, inclusive), with this action and actor, kept by
    `match` (applied while reading: a page may hold fewer than `limit` and still have a
    cursor)."""
    if project_ids is None:
        partitions = [scroll.Partition(shard, "GSI1") for shard in keys.audit_shards()]
    else:
        partitions = [
            scroll.Partition(shard) for p in project_ids for shard in keys.project_audit_shards(p)
        ]
    equals = {
        name: value
        for name, value in (("action", action), ("actor_id", actor_id))
        if value is not None
    }
    items, next_key = scroll.newest(
        partitions,
        low=keys.ts(since or 0),
        high=keys.ts(until) + "#~" if until is not None else "~",
        limit=limit,
        before=scroll.decode_cursor(cursor, _ENTRY_KEY),
        grow=True,
        equals=equals,
        match=match,
    )
    next_cursor = scroll.encode_cursor(next_key) if next_key else None
    return [table.strip_keys(i) for i in items], next_cursor
