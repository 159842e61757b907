"""DynamoDB transactions in moto without a copy of the whole table.

moto makes a cancelled TransactWriteItems atomic by deep-copying every table the
transaction names before it starts, and swapping the copy back in on failure. The cost of
each transaction then grows with the table, so the local stack slowed down as its data grew
(hundreds of milliseconds a message after a few thousand items), and a swapped-in copy
left stream readers holding the old table. This keeps moto's semantics but saves only what
a transaction can change: the items it names and the stream records it appends.
"""

from __future__ import annotations

import copy
from typing import Any

from moto.dynamodb.models import DynamoDBBackend
from moto.dynamodb.models.dynamo_type import DynamoType
from moto.dynamodb.models.table import Table

from infra.local import moto_index

_stock = DynamoDBBackend.transact_write_items
_OPERATIONS = ("ConditionCheck", "Put", "Delete", "Update")


def _key(table: Table, op_type: str, op: dict[str, Any]) -> tuple[DynamoType, DynamoType | None]:
    attrs = op["Item"] if op_type == "Put" else op["Key"]
    hash_value = DynamoType(attrs[table.hash_key_attr])
    range_value = DynamoType(attrs[table.range_key_attr]) if table.range_key_attr else None
    return hash_value, range_value


def _put_back(table: Table, key: tuple[DynamoType, DynamoType | None], item: Any) -> None:
    """Restore one item as it was, without writing a stream record."""
    hash_value, range_value = key
    try:
        _restore(table, hash_value, range_value, item)
    finally:
        moto_index.reindex(table, hash_value, range_value)


def _restore(
    table: Table, hash_value: DynamoType, range_value: DynamoType | None, item: Any
) -> None:
    if range_value is None:
        if item is None:
            table.items.pop(hash_value, None)
        else:
            table.items[hash_value] = item
        return
    if item is None:
        table.items.get(hash_value, {}).pop(range_value, None)
        if hash_value in table.items and not table.items[hash_value]:
            del table.items[hash_value]
    else:
        table.items[hash_value][range_value] = item


def _share_on_deepcopy(self: Table, memo: dict[int, Any]) -> Table:
    return self


def transact_write_items(self: DynamoDBBackend, transact_items: list[dict[str, Any]]) -> None:
    saved: list[tuple[Table, tuple[DynamoType, DynamoType | None], Any]] = []
    streams: dict[int, tuple[Any, int]] = {}
    for entry in transact_items:
        op_type, op = next(iter(entry.items()))
        table = self.tables.get(op.get("TableName")) if op_type in _OPERATIONS else None
        if table is None:
            continue  # moto rejects what it cannot run, before writing anything
        try:
            key = _key(table, op_type, op)
        except KeyError:
            continue
        current = table.get_item(*key)
        saved.append((table, key, copy.deepcopy(current)))
        if table.stream_shard is not None:
            streams.setdefault(id(table), (table.stream_shard, len(table.stream_shard.items)))
    # moto's own backup becomes free: a "copy" of a table is the table itself. Requests are
    # serialised by the local stack, so nothing else deep-copies a table meanwhile.
    Table.__deepcopy__ = _share_on_deepcopy  # type: ignore[attr-defined]
    try:
        _stock(self, transact_items)
    except Exception:
        for table, key, item in reversed(saved):
            _put_back(table, key, item)
        for shard, length in streams.values():
            del shard.items[length:]
        raise
    finally:
        del Table.__deepcopy__  # type: ignore[attr-defined]


def install() -> None:
    """Patch moto's DynamoDB backend for this process (the local stack only)."""
    DynamoDBBackend.transact_write_items = transact_write_items  # type: ignore[method-assign]


def uninstall() -> None:
    DynamoDBBackend.transact_write_items = _stock  # type: ignore[method-assign]
