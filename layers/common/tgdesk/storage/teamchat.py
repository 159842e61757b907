"""The team chat's items: bind codes, a project's bound group, posted events, a group's send log.

Every change of a binding is one transaction with its audit entry and, when a Telegram update
caused it, the update's exactly-once marker first (a redelivered update writes nothing). A
binding is replaced or removed only while it is as the caller read it, and a bind code is
consumed by a conditional delete in the transaction that binds: a code binds once.

A group's send log (`take_send_slot`) keeps the times of the bot's last messages to it, at
most Telegram's per-group limit of them, in one item changed only while it is as read.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from typing import Any

from botocore.exceptions import ClientError

from tgdesk.storage import audit, conversations, keys, table
from tgdesk.storage.expressions import Changes, Condition, put_new
from tgdesk.storage.outbound import NewMessage
from tgdesk.storage.records import team_chat as record
from tgdesk.storage.records.team_chat import BindCode, TeamChat

SEND_LOG_TTL_SECONDS = 3600
SLOT_ATTEMPTS = 4
_RACE_REASONS = frozenset({"None", "ConditionalCheckFailed", "TransactionConflict"})


class Outcome(StrEnum):
    DONE = "done"
    DUPLICATE = "duplicate"  # the update was handled before: nothing written
    STALE = "stale"  # something read has changed (or the code is gone): nothing written


# -- reads ----------------------------------------------------------------------------------
def get_binding(project_id: str) -> TeamChat | None:
    item = table.get(*record.key(project_id), consistent=True)
    return record.from_item(item) if item else None


def get_code(code_hash: str) -> BindCode | None:
    item = table.get(*record.code_key(code_hash), consistent=True)
    return BindCode(**table.strip_keys(item)) if item else None  # type: ignore[typeddict-item]


# -- writes ---------------------------------------------------------------------------------
def put_code(code: BindCode, entry: dict[str, Any]) -> None:
    """Store a new bind code with its audit entry."""
    operations = [put_new(record.code_to_item(code)), audit.put_operation(entry)]
    table.client().transact_write_items(TransactItems=operations)


def bind(
    code: BindCode,
    before: TeamChat | None,
    after: TeamChat,
    entry: dict[str, Any],
    *,
    update_id: int,
    now: int,
) -> Outcome:
    """Consume `code` (still there and unexpired at `now`) and bind `after` in place of the
    binding read as `before`."""
    use_code = Condition().require_item().require_greater("expires_at", now)
    operations = [
        conversations.update_marker(after["project_id"], update_id, now),
        use_code.delete(*record.code_key(code["code_hash"])),
        _as_read(before).put(record.to_item(after)),
        audit.put_operation(entry),
    ]
    return _transact(operations, marked=True)


def replace(
    before: TeamChat,
    after: TeamChat,
    entry: dict[str, Any],
    *,
    update_id: int,
    now: int,
) -> Outcome:
    """The binding as read moves to another chat (a group that became a supergroup)."""
    operations = [
        conversations.update_marker(before["project_id"], update_id, now),
        _as_read(before).put(record.to_item(after)),
        audit.put_operation(entry),
    ]
    return _transact(operations, marked=True)


def unbind(
    before: TeamChat,
    entry: dict[str, Any],
    *,
    update_id: int | None = None,
    now: int,
) -> Outcome:
    """Remove the binding as read; with the marker of the update that removed it, if any."""
    operations = [
        _as_read(before).delete(*record.key(before["project_id"])),
        audit.put_operation(entry),
    ]
    if update_id is not None:
        operations.insert(0, conversations.update_marker(before["project_id"], update_id, now))
    return _transact(operations, marked=update_id is not None)


def _as_read(before: TeamChat | None) -> Condition:
    """The binding is still the one read (absent when None was read)."""
    condition = Condition()
    if before is None:
        return condition.require_absent("PK")
    return condition.require_equal("chat_id", before["chat_id"]).require_equal(
        "bound_at", before["bound_at"]
    )


def _transact(operations: Sequence[dict[str, Any]], *, marked: bool) -> Outcome:
    try:
        table.client().transact_write_items(TransactItems=list(operations))
    except ClientError as err:
        if err.response.get("Error", {}).get("Code") != "TransactionCanceledException":
            raise
        reasons = table.cancellation_reasons(err)
        if marked and reasons and reasons[0] == "ConditionalCheckFailed":
            return Outcome.DUPLICATE
        if set(reasons) <= _RACE_REASONS:
            return Outcome.STALE
        raise
    return Outcome.DONE


# -- posting --------------------------------------------------------------------------------
def claim_event(project_id: str, event_key: str, message: NewMessage) -> bool:
    """Store `message` as the one message of the project's event `event_key`: its claim
    (put if absent, kept for good) and the message in one transaction. False, with nothing
    written, when the event already has its message."""
    pk, sk = keys.team_chat_event(project_id, event_key)
    claim = {
        "PK": pk,
        "SK": sk,
        "kind": "team_chat_event",
        "project_id": project_id,
        "event_key": event_key,
        "message_id": message.message["message_id"],
        "chat_id": message.message["tg_user_id"],
        "created_at": message.message["created_at"],
    }
    try:
        table.client().transact_write_items(TransactItems=[put_new(claim), *message.operations])
    except ClientError as err:
        reasons = table.cancellation_reasons(err)
        if reasons and reasons[0] == "ConditionalCheckFailed":
            return False
        raise
    return True


def take_send_slot(chat_id: int, now: int, *, limit: int, window_ms: int) -> int | None:
    """Count one message to the group now if fewer than `limit` were sent in the `window_ms`
    before `now`: None. Else nothing is counted and the answer is when the next may go."""
    pk, sk = keys.team_chat_rate(chat_id)
    for _ in range(SLOT_ATTEMPTS):
        item = table.get(pk, sk, consistent=True) or {}
        read: list[int] = list(item.get("sent", []))
        recent = sorted(t for t in read if t > now - window_ms)
        if len(recent) >= limit:
            return recent[-limit] + window_ms
        update = Changes().set("sent", [*recent, now][-limit:])
        update.set("kind", "team_chat_send_log").set("ttl", now // 1000 + SEND_LOG_TTL_SECONDS)
        update.require_list_as_read("sent", read)
        try:
            table.client().update_item(**update.request(pk, sk))
        except ClientError as err:
            if not table.is_conditional_failure(err):
                raise
            continue  # another sender counted one meanwhile: read again
        return None
    return now + 1000  # a busy group: try again in a second
