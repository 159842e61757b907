"""Quick replies: a project's library and each agent's personal one (records/quick_reply).

A library is bounded by a counter item moved in the same transaction as each create and
delete, under a condition (never above its most). A use is one ADD on the reply, so
concurrent uses never lose a count.
"""

from __future__ import annotations

from typing import Any

from botocore.exceptions import ClientError

from tgdesk.core.errors import Conflict, NotFound
from tgdesk.storage import audit, keys, table
from tgdesk.storage.expressions import Changes, Condition, put_new
from tgdesk.storage.records import quick_reply as record
from tgdesk.storage.records.quick_reply import Owner, QuickReply

_FAILED = "ConditionalCheckFailed"


def library(owner: Owner) -> list[QuickReply]:
    found = table.query_all(pk=record.library_partition(owner), sk_prefix=keys.QUICK_REPLY_PREFIX)
    return [record.from_item(i) for i in found]


def get(owner: Owner, reply_id: str) -> QuickReply | None:
    item = table.get(*record.key(owner, reply_id))
    return record.from_item(item) if item else None


def create(reply: QuickReply, entry: dict[str, Any] | None) -> None:
    """Store a new reply if its library holds fewer than its most; else Conflict."""
    owner = record.owner_of(reply)
    count = Changes().add("count", 1)
    name = count.name("count")
    count.require(f"(attribute_not_exists({name}) OR {name} < {count.value(owner.most)})")
    operations = [count.item(*record.count_key(owner)), put_new(record.to_item(reply))]
    if entry is not None:
        operations.append(audit.put_operation(entry))
    try:
        table.client().transact_write_items(TransactItems=operations)
    except ClientError as err:
        if table.cancellation_reasons(err)[:1] == [_FAILED]:
            raise Conflict(
                f"A library holds at most {owner.most} quick replies.",
                code="quick_replies_full",
                most=owner.most,
            ) from err
        raise table.conflict_from(err, "the quick reply was changed meanwhile") from err


def update(before: QuickReply, after: QuickReply, entry: dict[str, Any] | None) -> None:
    """Change a reply's title and texts if it is still at the version read; else Conflict."""
    update = Changes().require_item().require_equal("version", before["version"])
    for attribute in ("title", "texts", "version", "updated_at", "updated_by"):
        update.set(attribute, after[attribute])
    operations = [update.item(*record.key(record.owner_of(before), before["reply_id"]))]
    if entry is not None:
        operations.append(audit.put_operation(entry))
    table.transact(operations, conflict=_changed())


def delete(reply: QuickReply, entry: dict[str, Any] | None) -> None:
    """Remove a reply (if still at the version read) and count it out of its library."""
    owner = record.owner_of(reply)
    operations = [
        Condition()
        .require_item()
        .require_equal("version", reply["version"])
        .delete(*record.key(owner, reply["reply_id"])),
        Changes().require_item().add("count", -1).item(*record.count_key(owner)),
    ]
    if entry is not None:
        operations.append(audit.put_operation(entry))
    table.transact(operations, conflict=_changed())


def count_use(owner: Owner, reply_id: str, at: int) -> None:
    """One more use of the reply (an ADD: concurrent uses all count); NotFound if gone."""
    update = Changes().require_item().add("uses", 1).set("last_used_at", at)
    try:
        table.client().update_item(**update.request(*record.key(owner, reply_id)))
    except ClientError as err:
        if table.is_conditional_failure(err):
            raise NotFound("no such quick reply", code="quick_reply_not_found") from err
        raise


def _changed() -> Conflict:
    return Conflict(
        "The quick reply was changed meanwhile; reload it and try again.",
        code="quick_reply_changed",
    )
