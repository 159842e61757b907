"""A Telegram user's sessions and whole message history, for the console's user view.

The history is the user's chat partition (docs/data-model.md: message), read newest first
with keyset cursors; a search reads the same partition page by page within a read budget.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from tgdesk.storage import conversations, keys, scroll, table
from tgdesk.storage.records import message as message_record
from tgdesk.storage.records import session as session_record
from tgdesk.storage.records.message import Message
from tgdesk.storage.records.session import Session

_MESSAGE_KEY = re.compile(r"MSG#\d{13}#[0-9a-z]{1,64}")
_BATCH = 100  # BatchGetItem's limit


def sessions_of(project_id: str, tg_user_id: int) -> list[Session]:
    """Every session of the user, newest first (one Query, then BatchGetItem)."""
    refs = conversations.list_user_sessions(project_id, tg_user_id)
    found = _sessions_by_id([r["session_id"] for r in refs])
    return [found[r["session_id"]] for r in refs if r["session_id"] in found]


def messages(
    project_id: str,
    tg_user_id: int,
    *,
    limit: int,
    cursor: str | None = None,
    before: int | None = None,
    match: Callable[[dict[str, Any]], bool] | None = None,
    page_size: int = scroll.PAGE_SIZE,
    max_pages: int = scroll.MAX_PAGES,
) -> tuple[list[Message], str | None]:
    """The user's messages across sessions, newest first: those older than `before` (epoch
    ms) and than the cursor's position, and accepted by `match` when given. Returns them
    and the cursor of the next page (None at the beginning of the history)."""
    high = "MSG#~" if before is None else f"MSG#{keys.ts(before)}#"
    items, next_key = scroll.newest(
        [scroll.Partition(keys.chat(project_id, tg_user_id))],
        low=keys.MESSAGE_PREFIX,
        high=high,
        limit=limit,
        before=scroll.decode_cursor(cursor, _MESSAGE_KEY),
        match=match,
        page_size=page_size,
        max_pages=max_pages,
    )
    # The history leaves out Telegram's payloads (`raw`), unparsed.
    public = [message_record.from_item({k: v for k, v in i.items() if k != "raw"}) for i in items]
    return public, scroll.encode_cursor(next_key) if next_key else None


def _sessions_by_id(session_ids: list[str]) -> dict[str, Session]:
    found: dict[str, Session] = {}
    unique = list(dict.fromkeys(session_ids))
    for start in range(0, len(unique), _BATCH):
        wanted = [
            table.to_item(dict(zip(("PK", "SK"), session_record.key(sid), strict=True)))
            for sid in unique[start : start + _BATCH]
        ]
        request: dict[str, Any] = {table.table_name(): {"Keys": wanted}}
        while request:
            resp = table.client().batch_get_item(RequestItems=request)
            for raw in resp.get("Responses", {}).get(table.table_name(), []):
                session = session_record.from_item(table.from_item(raw) or {})
                found[session["session_id"]] = session
            request = resp.get("UnprocessedKeys") or {}
    return found
