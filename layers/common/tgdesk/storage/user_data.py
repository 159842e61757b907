"""Every item of one Telegram user, for export and erasure (docs/privacy.md).

A user's data lives in three kinds of partition: their own (`TGUSER#{pid}#{tg}`: profile and
session refs), their chat (`CHAT#{pid}#{tg}`: messages with raw updates, edits and delivery
state, and Telegram message refs) and each of their sessions (`SESSION#{sid}`: the session,
assignments, timers, notes, reply claims). Export and erasure walk these partitions in that
order with keyset cursors, so any history is handled a bounded part at a time.

The erasure's tombstone (`TGUSER#{pid}#{tg}` / `ERASURE`) sits in the user's partition and is
never deleted with it: it shows a half-done erasure and where it stands. Every move of it is
conditioned on the `step` read, so two requests never run one erasure twice at once.

Audit entries are append-only everywhere else in tgdesk; erasure is the one exception: it
blanks the fields that carry what the user wrote (`CONTENT_FIELDS`) in the entries about the
user and their sessions, and leaves every other field (who, when, what action) as it was.
"""

from __future__ import annotations

import base64
import binascii
import json
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from botocore.exceptions import ClientError

from tgdesk.core.errors import Conflict, InvalidInput
from tgdesk.storage import audit, keys, table
from tgdesk.storage.expressions import Changes, Condition, put_new

ERASURE_SK = "ERASURE"
# Free text an entry may quote: messages, risk matches, searches, reasons, task notes, the
# problem, what was tried and key messages of a ticket, and a rating's comment.
CONTENT_FIELDS = (
    "text",
    "caption",
    "matches",
    "q",
    "reason",
    "note",
    "problem",
    "tried",
    "key_messages",
    "comment",
)
REDACTED = "[erased]"
_WRITE_BATCH = 25  # BatchWriteItem's limit
_QUERY_PAGE = 100
_UNPROCESSED_RETRIES = 5


@dataclass(frozen=True, slots=True)
class Position:
    """Where a walk through a user's partitions stands: the partition's key (None: the first
    one), and the key of the last item handled in it (None: from its start). Partitions are
    named, not numbered, so a session added to the list meanwhile moves nothing."""

    partition: str | None = None
    after: dict[str, Any] | None = None


def partitions(project_id: str, tg_user_id: int, session_ids: list[str]) -> list[str]:
    """The partition keys holding the user's data: their own, the chat, each session."""
    own, _ = keys.telegram_user(project_id, tg_user_id)
    return [own, keys.chat(project_id, tg_user_id), *(keys.session(s)[0] for s in session_ids)]


def session_ids(project_id: str, tg_user_id: int) -> list[str]:
    """The user's sessions, oldest first, from their session refs."""
    own, _ = keys.telegram_user(project_id, tg_user_id)
    refs = table.query_all(pk=own, sk_prefix=keys.USER_SESSION_PREFIX)
    return [r["session_id"] for r in refs]


def holds_data(project_id: str, tg_user_id: int) -> bool:
    """Whether the user's own or chat partition has any item but the tombstone (the user
    wrote while being erased)."""
    own, _ = keys.telegram_user(project_id, tg_user_id)
    for pk in (own, keys.chat(project_id, tg_user_id)):
        items, _ = table.query(pk=pk, limit=2)
        if any(i["SK"] != ERASURE_SK for i in items):
            return True
    return False


def walk(parts: list[str], start: Position) -> Iterator[tuple[Position, dict[str, Any]]]:
    """Every item of `parts` from `start` on, each with the position just after it. The
    erasure tombstone is skipped: it is not the user's data."""
    first = parts.index(start.partition) if start.partition else 0
    for index in range(first, len(parts)):
        after = start.after if index == first else None
        while True:
            items, last = table.query(pk=parts[index], limit=_QUERY_PAGE, start_key=_start(after))
            for item in items:
                if item["SK"] == ERASURE_SK:
                    continue
                yield Position(parts[index], _key_of(item)), item
            if not last:
                break
            after = table.from_item(last)


def encode_position(position: Position) -> str:
    raw = json.dumps([position.partition, position.after], separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_position(cursor: str | None, parts: list[str] | None = None) -> Position:
    """A cursor back to a position (in one of `parts`, when given); anything not made by
    encode_position is refused."""
    if not cursor:
        return Position()
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        partition, after = json.loads(base64.urlsafe_b64decode(padded.encode()))
        valid = partition is None or (isinstance(partition, str) and partition in (parts or []))
        valid = valid and isinstance(after, dict) and set(after) == {"PK", "SK"}
        valid = valid and all(isinstance(v, str) for v in after.values())
    except (ValueError, TypeError, binascii.Error):
        valid = False
    if not valid:
        raise InvalidInput("This cursor is not valid.", code="invalid_cursor", field="cursor")
    return Position(partition, after)


def delete(items: list[dict[str, Any]]) -> None:
    """Delete items by key, 25 per BatchWriteItem, retrying what DynamoDB left over."""
    for start in range(0, len(items), _WRITE_BATCH):
        request: dict[str, Any] = {
            table.table_name(): [
                {"DeleteRequest": {"Key": table.to_item(_key_of(i))}}
                for i in items[start : start + _WRITE_BATCH]
            ]
        }
        for retry in range(_UNPROCESSED_RETRIES + 1):
            resp = table.client().batch_write_item(RequestItems=request)
            request = resp.get("UnprocessedItems") or {}
            if not request:
                break
            if retry == _UNPROCESSED_RETRIES:
                raise Conflict("The table is busy; erase again.", code="erasure_busy")
            time.sleep(0.05 * 2**retry)


# -- the audit log's entries about the user ----------------------------------------------------
def audit_page(
    project_id: str, after: dict[str, Any] | None, limit: int
) -> tuple[list[dict[str, Any]], dict[str, Any] | None]:
    """Up to `limit` of the project's audit entries, keys included, and where the next page
    starts (None: the end). The project's shards are walked one after the other, each oldest
    first; the start of a shard is named by its key with an empty sort key. A position in
    the log from before the sharding starts again from the first shard."""
    parts = keys.project_audit_shards(project_id)
    at = parts.index(after["PK"]) if after and after["PK"] in parts else 0
    start = after if after and after["PK"] == parts[at] and after["SK"] else None
    items: list[dict[str, Any]] = []
    while True:
        page, last = table.query(pk=parts[at], limit=limit - len(items), start_key=_start(start))
        items += page
        if last:
            return items, table.from_item(last)
        at, start = at + 1, None
        if at == len(parts):
            return items, None
        if len(items) >= limit:
            return items, {"PK": parts[at], "SK": ""}


def redact(entry: dict[str, Any], at: int) -> bool:
    """Blank the content fields of one audit entry (in `before`, `after` and `details`).
    False when the entry quotes nothing."""
    update = Changes().require_item().set("redacted_at", at)
    changed = False
    for part in ("before", "after", "details"):
        value = entry.get(part)
        if not isinstance(value, dict):
            continue
        cleaned = {k: (REDACTED if k in CONTENT_FIELDS else v) for k, v in value.items()}
        if cleaned != value:
            update.set(part, cleaned)
            changed = True
    if changed:
        table.client().update_item(**update.request(entry["PK"], entry["SK"]))
    return changed


# -- the tombstone ---------------------------------------------------------------------------
def get_erasure(project_id: str, tg_user_id: int) -> dict[str, Any] | None:
    own, _ = keys.telegram_user(project_id, tg_user_id)
    found = table.get(own, ERASURE_SK, consistent=True)
    return table.strip_keys(found) if found else None


def save_erasure(erasure: dict[str, Any], *, step_read: int | None) -> None:
    """Write the tombstone as given, if nobody moved it since it was read at `step_read`
    (None: it must not exist yet)."""
    item = _tombstone(erasure)
    put = put_new(item) if step_read is None else _at_step(step_read).put(item)
    try:
        table.client().put_item(**put["Put"])
    except ClientError as err:
        if table.is_conditional_failure(err):
            raise _busy() from err
        raise


def finish_erasure(erasure: dict[str, Any], *, step_read: int, entry: dict[str, Any]) -> None:
    """The tombstone's last move and the erasure's audit entry, in one transaction."""
    tombstone = _at_step(step_read).put(_tombstone(erasure))
    table.transact([tombstone, audit.put_operation(entry)], conflict=_busy())


def _tombstone(erasure: dict[str, Any]) -> dict[str, Any]:
    own, _ = keys.telegram_user(erasure["project_id"], erasure["tg_user_id"])
    return {"PK": own, "SK": ERASURE_SK, "kind": "erasure", **erasure}


def _at_step(step_read: int) -> Condition:
    """Nobody moved the tombstone since it was read at `step_read`."""
    return Condition().require_equal("step", step_read)


def _busy() -> Conflict:
    return Conflict(
        "This user's erasure is being carried on by another request; try again shortly.",
        code="erasure_in_progress",
    )


def _start(after: dict[str, Any] | None) -> dict[str, Any] | None:
    """A plain {PK, SK} as Query's ExclusiveStartKey."""
    return table.to_item(after) if after else None


def _key_of(item: dict[str, Any]) -> dict[str, Any]:
    return {"PK": item["PK"], "SK": item["SK"]}
