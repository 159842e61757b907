"""Several items by key in one request (BatchGetItem): what a hot path needs together.

A request reads up to 100 keys; the keys DynamoDB leaves unprocessed (throttling) are asked
again. Reads are eventually consistent, like the single GetItems they replace.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tgdesk.storage import table

MAX_KEYS = 100

Key = tuple[str, str]


def get_items(wanted: Sequence[Key]) -> dict[Key, dict[str, Any]]:
    """The items found among `wanted` (PK, SK) keys, keyed by (PK, SK); missing ones absent."""
    unique = list(dict.fromkeys(wanted))
    found: dict[Key, dict[str, Any]] = {}
    for start in range(0, len(unique), MAX_KEYS):
        chunk = unique[start : start + MAX_KEYS]
        keys = [table.to_item({"PK": pk, "SK": sk}) for pk, sk in chunk]
        request: dict[str, Any] = {table.table_name(): {"Keys": keys}}
        while request:
            resp = table.client().batch_get_item(RequestItems=request)
            for raw in resp.get("Responses", {}).get(table.table_name(), []):
                item = table.from_item(raw) or {}
                found[(item["PK"], item["SK"])] = item
            request = resp.get("UnprocessedKeys") or {}
    return found
