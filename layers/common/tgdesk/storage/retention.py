"""Retention in the table: a project's sessions and messages expire through DynamoDB's TTL.

A project's `retention_days` (on its item; absent: kept for ever) is copied onto each of its
sessions when it opens, so every writer of a message finds it on what it already read:
ingest on the project item it caches, a reply on the session it reads. A message expires
`retention_days` after it was written; a session `retention_days` after its last message
(each message moves the session's `ttl` on). DynamoDB deletes an item within days after its
`ttl` (epoch seconds); the stream handler ignores those deletions.

When the setting changes, the backfill (tgdesk.exports.retention) rewrites `ttl` on the
project's existing sessions and messages in bounded steps.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from botocore.exceptions import ClientError

from tgdesk.core.errors import Conflict
from tgdesk.storage import audit, table
from tgdesk.storage.expressions import Changes
from tgdesk.storage.records import message as message_record
from tgdesk.storage.records import project as project_record
from tgdesk.storage.records import session as session_record

ATTRIBUTE = "retention_days"
TTL = "ttl"
DAY_SECONDS = 24 * 3600


def days_of(item: Mapping[str, Any] | None) -> int | None:
    """The retention a project (or a session, which carries its project's) asks for."""
    days = (item or {}).get(ATTRIBUTE)
    return int(days) if days else None


def expires_at(days: int | None, at_ms: int) -> int | None:
    """The `ttl` (epoch seconds) of something written at `at_ms` under `days` of retention."""
    return None if days is None else at_ms // 1000 + days * DAY_SECONDS


def set_project_days(project_id: str, days: int | None, *, entry: dict[str, Any]) -> None:
    """The project's setting, with its audit entry, in one transaction."""
    update = Changes().require_item().set_or_remove(ATTRIBUTE, days)
    table.transact(
        [update.item(*project_record.key(project_id)), audit.put_operation(entry)],
        conflict=Conflict("the project changed meanwhile; try again", code="conflict"),
    )


def apply_to_session(session: Mapping[str, Any], days: int | None) -> bool:
    """Copy `days` onto an existing session and set (or take off) its `ttl`, from its last
    activity; False when the session is gone."""
    last = int(session.get("last_activity_at") or session["opened_at"])
    update = Changes().require_item().set_or_remove(ATTRIBUTE, days)
    update.set_or_remove(TTL, expires_at(days, last))
    return _update(update, session_record.key(session["session_id"]))


def apply_to_message(message: Mapping[str, Any], days: int | None) -> bool:
    """Set (or take off) an existing message's `ttl`; False when it is gone."""
    update = Changes().require_item().set_or_remove(TTL, expires_at(days, message["created_at"]))
    return _update(update, message_record.key(message))


def _update(update: Changes, key: tuple[str, str]) -> bool:
    try:
        table.client().update_item(**update.request(*key))
    except ClientError as err:
        if table.is_conditional_failure(err):
            return False  # expired, or erased, meanwhile: nothing to keep
        raise
    return True


def stamp(update: Changes, days: int | None, at_ms: int) -> Changes:
    """A write of a session's new message (or of the session itself) under `days` of
    retention: the session keeps the setting and expires `days` after `at_ms`. Nothing
    without retention (a session kept before the setting is turned off loses its `ttl`
    through the backfill)."""
    if days is not None:
        update.set(ATTRIBUTE, days).set(TTL, expires_at(days, at_ms))
    return update


def stamp_item(item: dict[str, Any], days: int | None, at_ms: int, *, session: bool) -> None:
    """The same on an item about to be put: a message gets its `ttl`, a session its `ttl`
    and the setting."""
    if days is None:
        return
    item[TTL] = expires_at(days, at_ms)
    if session:
        item[ATTRIBUTE] = days
