"""Sessions of several projects as one list, newest activity first.

Each project's sessions are ordered by activity in GSI2, so a page is a k-way merge of one
Query per project, and the cursor is the activity sort key of the last session returned
(keyset paging: no per-project positions to carry).
"""

from __future__ import annotations

import base64
import binascii
import heapq
from typing import Any

from tgdesk.errors import InvalidInput
from tgdesk.storage import keys, table

_KEY_ATTRIBUTES = ("PK", "SK", "GSI1PK", "GSI1SK", "GSI2PK", "GSI2SK")
MAX_PAGE = 200


def list_sessions_for_projects(
    project_ids: list[str], *, limit: int = 50, cursor: str | None = None
) -> tuple[list[dict[str, Any]], str | None]:
    limit = max(1, min(int(limit), MAX_PAGE))
    before = _decode(cursor)
    high = before if before is not None else "~"
    pages = []
    for project_id in dict.fromkeys(project_ids):
        # Two extra: one tells whether more follow, one for the cursor's own session,
        # which comes back because BETWEEN is inclusive.
        items, _ = table.query(
            pk=keys.project_sessions_index(project_id),
            index="GSI2",
            sk_between=("0", high),
            forward=False,
            limit=limit + 2,
        )
        pages.append([i for i in items if i["GSI2SK"] != before])
    merged = list(heapq.merge(*pages, key=lambda i: i["GSI2SK"], reverse=True))
    page = merged[:limit]
    next_cursor = _encode(page[-1]["GSI2SK"]) if len(merged) > limit else None
    return [{k: v for k, v in i.items() if k not in _KEY_ATTRIBUTES} for i in page], next_cursor


def _encode(sort_key: str) -> str:
    return base64.urlsafe_b64encode(sort_key.encode()).decode().rstrip("=")


def _decode(cursor: str | None) -> str | None:
    if cursor is None:
        return None
    try:
        sort_key = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
    except (ValueError, binascii.Error, UnicodeDecodeError) as err:
        raise _bad_cursor() from err
    moment, _, session_id = sort_key.partition("#")
    if len(moment) != 13 or not moment.isdigit() or not session_id:
        raise _bad_cursor()
    return sort_key


def _bad_cursor() -> InvalidInput:
    return InvalidInput(
        "This cursor does not belong to this list; start again without it.",
        code="invalid_cursor",
        field="cursor",
    )
