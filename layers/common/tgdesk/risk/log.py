"""The trigger log: the audit entries `risk.trigger`, filtered, and as CSV.

Admins read every project's triggers; supervisors those of the projects they supervise;
agents none.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from tgdesk.accounts.access import Scope
from tgdesk.audit.log import readable_projects
from tgdesk.core import csv_safe
from tgdesk.risk import report as risk_report
from tgdesk.storage import audit_feed

CSV_MAX_ROWS = 10_000
CSV_PAGE = 200
CSV_COLUMNS = (
    "at",
    "time_utc",
    "project_id",
    "session_id",
    "agent_id",
    "direction",
    "outcome",
    "action",
    "groups",
    "entries",
    "matched",
    "message_id",
    "match_count",
)


@dataclass(frozen=True)
class Filters:
    project_id: str | None = None
    agent_id: str | None = None
    group_id: str | None = None
    since: int | None = None
    until: int | None = None

    def keeps(self, item: dict[str, Any]) -> bool:
        details = item.get("details") or {}
        if self.agent_id is not None and details.get("agent_id") != self.agent_id:
            return False
        return self.group_id is None or self.group_id in (details.get("group_ids") or [])


def read(
    scope: Scope, filters: Filters, *, limit: int, cursor: str | None = None
) -> tuple[list[dict[str, Any]], str | None]:
    """A page of triggers, newest first, and the cursor of the next one (a page may hold
    fewer than `limit` and still have a cursor: filters are applied while reading). Each
    entry's matches are a bounded report, even one written before reports existed."""
    project_ids = readable_projects(scope, filters.project_id, log="trigger log")
    if project_ids == []:
        return [], None
    items, next_cursor = audit_feed.entries(
        project_ids,
        limit=limit,
        cursor=cursor,
        since=filters.since,
        until=filters.until,
        action=risk_report.TRIGGER_ACTION,
        match=filters.keeps,
    )
    return [{**i, "details": risk_report.bounded_details(i.get("details"))} for i in items], (
        next_cursor
    )


def _all(scope: Scope, filters: Filters) -> Iterator[dict[str, Any]]:
    cursor, count = None, 0
    while count < CSV_MAX_ROWS:
        items, cursor = read(
            scope, filters, limit=min(CSV_PAGE, CSV_MAX_ROWS - count), cursor=cursor
        )
        yield from items
        count += len(items)
        if cursor is None:
            return


def _row(item: dict[str, Any]) -> tuple[Any, ...]:
    details = item.get("details") or {}
    matches = details.get("matches") or []
    return (
        item["at"],
        datetime.fromtimestamp(item["at"] / 1000, UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
        item.get("project_id"),
        details.get("session_id"),
        details.get("agent_id"),
        details.get("direction"),
        details.get("outcome"),
        details.get("action"),
        "; ".join(dict.fromkeys(str(m.get("group_name", "")) for m in matches)),
        "; ".join(dict.fromkeys(f"{m.get('kind')}:{m.get('entry')}" for m in matches)),
        "; ".join(str(m.get("matched", "")) for m in matches),
        details.get("message_id"),
        details.get("match_count", len(matches)),
    )


def export_csv(scope: Scope, filters: Filters) -> str:
    """The triggers as CSV, newest first, at most CSV_MAX_ROWS of them; the matches of each
    are its report's (match_count says how many there were in all)."""
    return csv_safe.document(CSV_COLUMNS, (_row(item) for item in _all(scope, filters)))
