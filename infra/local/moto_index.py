"""GSI queries in moto answered from an index kept beside the table (the local stack only).

moto answers a Query on a global secondary index by walking every item of the table, so on
the local stack each session list, routing read or timer query got slower as data grew (a
500-user burst took minutes to route). Real DynamoDB reads only the index partition, and
nothing here ships: layers/ and functions/ talk to DynamoDB as before.

For each GSI with a hash and a range key, this keeps, per index partition (hash key value),
the items' sort keys in moto's own query order (the index's range key, then the table's
hash and range keys) in a list kept sorted with bisect. It is updated after every write moto
applies (PutItem and BatchWriteItem puts through `Table.put_item`, deletes through
`Table.delete_item`, UpdateItem and TransactWriteItems updates through the backend's
`update_item`, and a cancelled transaction's rollback through `reindex`), by re-reading the
written item, so in-place updates are seen too.

A query is still answered by moto's own `Table.query`: only the items it walks are narrowed
to the stretch of that one partition the key condition and ExclusiveStartKey select, cut
after `Limit` matches plus the next item of the partition (moto looks at that one to decide
on LastEvaluatedKey). Filters, projection, paging and counts are moto's code on that
narrowed set, so the answers are moto's (tests/test_local_index.py checks this). Anything
the index does not cover (an LSI, legacy QueryFilter, a key condition on other attributes,
a value of another type) goes to moto unchanged.

The same seam serves the table itself, which needs no index: a table query walks only the
items of its partition, and a table scan's page starts at its ExclusiveStartKey.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from typing import Any

from moto.dynamodb.models import DynamoDBBackend
from moto.dynamodb.models.dynamo_type import DynamoType, Item
from moto.dynamodb.models.table import Table

Key = tuple[DynamoType, DynamoType | None]  # the table's hash and range key values
SortKey = tuple[Any, ...]  # cast values: index range key, table hash key, table range key

_ATTRIBUTE = "_local_gsi_indexes"
_STOCK: dict[str, Callable[..., Any]] = {}
_PREFIX_TYPES = ("S", "B")


def _first(sort_key: SortKey) -> Any:
    return sort_key[0]


class GsiIndex:
    """One GSI: partition value -> sort keys in query order, and where each item sits."""

    def __init__(self, table: Table, hash_attr: str, range_attr: str) -> None:
        self.hash_attr = hash_attr
        self.range_attr = range_attr
        self.range_type = _declared_type(table, range_attr)
        self.table_hash = table.hash_key_attr
        self.table_range = table.range_key_attr
        self.partitions: dict[DynamoType, list[SortKey]] = {}
        self.keys: dict[SortKey, Key] = {}  # per partition value, see `placed`
        self.placed: dict[Key, tuple[DynamoType, SortKey]] = {}
        # Items whose range key has another type than the table declares: moto may order
        # them differently (or fail), so the index stands aside while there are any.
        self.foreign: set[Key] = set()

    def sort_key(self, item: Item) -> SortKey:
        attrs = item.attrs
        values = [attrs[self.range_attr].cast_value, attrs[self.table_hash].cast_value]
        if self.table_range is not None:
            values.append(attrs[self.table_range].cast_value)
        return tuple(values)

    def remove(self, key: Key) -> None:
        self.foreign.discard(key)
        where = self.placed.pop(key, None)
        if where is None:
            return
        partition_value, sort_key = where
        partition = self.partitions[partition_value]
        del partition[bisect.bisect_left(partition, sort_key)]
        del self.keys[(partition_value, *sort_key)]
        if not partition:
            del self.partitions[partition_value]

    def add(self, key: Key, item: Item | None) -> None:
        if item is None or self.hash_attr not in item.attrs or self.range_attr not in item.attrs:
            return  # not in this index, as in DynamoDB (and moto)
        if item.attrs[self.range_attr].type != self.range_type:
            self.foreign.add(key)
            return
        partition_value = item.attrs[self.hash_attr]
        sort_key = self.sort_key(item)
        bisect.insort(self.partitions.setdefault(partition_value, []), sort_key)
        self.keys[(partition_value, *sort_key)] = key
        self.placed[key] = (partition_value, sort_key)

    # -- queries ----------------------------------------------------------------------------
    def candidates(self, table: Table, query: dict[str, Any]) -> list[Item] | None:
        """The items moto's query needs to walk to give its own answer, in its order; None
        when the query is not one the index covers."""
        if self.foreign:
            return None
        hash_conditions = query["hash_key_conditions"] or []
        range_conditions = query["range_key_conditions"] or []
        if len(hash_conditions) != 1 or hash_conditions[0][0] != self.hash_attr:
            return None
        if len(range_conditions) > 1 or (
            range_conditions and range_conditions[0][0] != self.range_attr
        ):
            return None
        limit = query["limit"]
        if limit is not None and (not isinstance(limit, int) or limit < 1):
            return None
        partition_value = hash_conditions[0][1]
        partition = self.partitions.get(partition_value, [])
        bounds = self._key_bounds(partition, query["range_comparison"], query["range_objs"])
        if bounds is None:
            return None
        low, high = bounds
        forward = query["scan_index_forward"] is not False
        start_key = query["exclusive_start_key"]
        skipped = 0
        if start_key is not None:
            after = self._start_position(partition_value, start_key)
            if after is None:
                return None
            # moto walks the start key's own item (and anything before it) and skips it: that
            # item takes one place of the stretch before the `limit` matches.
            if forward:
                low = max(low, bisect.bisect_left(partition, after))
            else:
                high = min(high, bisect.bisect_right(partition, after))
            skipped = 1
        high = max(high, low)
        # moto stops at `limit` matches, after one look at the next item of the partition.
        if forward:
            end = high if limit is None else min(high, low + skipped + limit)
            chosen = partition[low : end + 1]
        else:
            begin = low if limit is None else max(low, high - skipped - limit)
            chosen = partition[max(begin - 1, 0) : high]
        return [self._item(table, partition_value, sort_key) for sort_key in chosen]

    def _key_bounds(
        self, partition: list[SortKey], comparison: str | None, objs: list[DynamoType]
    ) -> tuple[int, int] | None:
        """The slice of the partition whose range key meets the key condition."""
        if comparison is None:
            return 0, len(partition)
        if any(o.type != self.range_type for o in objs):
            return None
        values = [o.cast_value for o in objs]

        def below(v: Any) -> int:
            return bisect.bisect_left(partition, v, key=_first)

        def upto(v: Any) -> int:
            return bisect.bisect_right(partition, v, key=_first)

        if comparison == "=" and len(values) == 1:
            return below(values[0]), upto(values[0])
        if comparison == "<" and len(values) == 1:
            return 0, below(values[0])
        if comparison == "<=" and len(values) == 1:
            return 0, upto(values[0])
        if comparison == ">" and len(values) == 1:
            return upto(values[0]), len(partition)
        if comparison == ">=" and len(values) == 1:
            return below(values[0]), len(partition)
        if comparison == "BETWEEN" and len(values) == 2:
            return below(values[0]), upto(values[1])
        if comparison == "BEGINS_WITH" and len(values) == 1 and self.range_type in _PREFIX_TYPES:
            prefix = values[0]
            low = end = below(prefix)
            while end < len(partition) and partition[end][0].startswith(prefix):
                end += 1
            return low, end
        return None

    def _start_position(self, partition_value: DynamoType, start_key: dict[str, Any]) -> Any:
        """ExclusiveStartKey as a sort key of this partition, or None if it is not one."""
        names = [self.hash_attr, self.range_attr, self.table_hash]
        if self.table_range is not None:
            names.append(self.table_range)
        try:
            values = [DynamoType(start_key[name]) for name in names]
        except (KeyError, TypeError, IndexError, AttributeError):
            return None
        if values[0] != partition_value or values[1].type != self.range_type:
            return None
        return tuple(v.cast_value for v in values[1:])

    def _item(self, table: Table, partition_value: DynamoType, sort_key: SortKey) -> Item:
        hash_value, range_value = self.keys[(partition_value, *sort_key)]
        stored = table.items[hash_value]
        return stored[range_value] if range_value is not None else stored


def _declared_type(table: Table, name: str) -> str | None:
    return next((a["AttributeType"] for a in table.attr if a["AttributeName"] == name), None)


def _signature(table: Table) -> tuple[Any, ...]:
    return tuple(
        (index.name, tuple((k["AttributeName"], k["KeyType"]) for k in index.schema))
        for index in table.global_indexes
    )


def _build(table: Table) -> dict[str, GsiIndex]:
    indexes: dict[str, GsiIndex] = {}
    for gsi in table.global_indexes:
        hashes = [k["AttributeName"] for k in gsi.schema if k["KeyType"] == "HASH"]
        ranges = [k["AttributeName"] for k in gsi.schema if k["KeyType"] == "RANGE"]
        if len(hashes) == 1 and len(ranges) == 1:
            indexes[gsi.name] = GsiIndex(table, hashes[0], ranges[0])
    for item in table.all_items():
        for index in indexes.values():
            index.add((item.hash_key, item.range_key), item)
    return indexes


def indexes_of(table: Table) -> dict[str, GsiIndex]:
    """The table's indexes, built from its items on first use (or after its GSIs change)."""
    signature = _signature(table)
    kept = table.__dict__.get(_ATTRIBUTE)
    if kept is None or kept[0] != signature:
        kept = (signature, _build(table))
        table.__dict__[_ATTRIBUTE] = kept
    return kept[1]


def forget(table: Table) -> None:
    """Drop the table's indexes: they are rebuilt from its items when next needed."""
    table.__dict__.pop(_ATTRIBUTE, None)


def reindex(table: Table, hash_value: DynamoType, range_value: DynamoType | None) -> None:
    """Bring every index up to date with the item now stored under this key (or its absence)."""
    if _ATTRIBUTE not in table.__dict__:
        return  # built from the items, this write included, when first queried
    try:
        key: Key = (hash_value, range_value)
        if table.range_key_attr is None:
            item = table.items.get(hash_value)
        else:
            item = table.items.get(hash_value, {}).get(range_value)
        for index in indexes_of(table).values():
            index.remove(key)
            index.add(key, item)
    except Exception:
        forget(table)  # never wrong: rebuilt from the items at the next query


# -- moto's methods, wrapped -------------------------------------------------------------------
def _put_item(self: Table, item_attrs: dict[str, Any], *args: Any, **kwargs: Any) -> Item:
    item = _STOCK["put_item"](self, item_attrs, *args, **kwargs)
    reindex(self, item.hash_key, item.range_key)
    return item


def _delete_item(self: Table, hash_key: DynamoType, range_key: DynamoType | None) -> Any:
    try:
        return _STOCK["delete_item"](self, hash_key, range_key)
    finally:
        reindex(self, hash_key, range_key)


def stored_key(table: Table, key: Any) -> Key | None:
    """The table key an UpdateItem's `Key` (DynamoDB JSON) names; None if it names none."""
    if not isinstance(key, dict) or table.hash_key_attr not in key:
        return None
    range_attr = table.range_key_attr
    try:
        hash_value = DynamoType(key[table.hash_key_attr])
        range_value = DynamoType(key[range_attr]) if range_attr in key else None
    except Exception:
        return None
    return hash_value, range_value


def _update_item(self: DynamoDBBackend, table_name: str, key: dict[str, Any], *a: Any, **k: Any):  # type: ignore[no-untyped-def]
    try:
        return _STOCK["update_item"](self, table_name, key, *a, **k)
    finally:
        table = self.tables.get(table_name)
        if table is not None:
            written = stored_key(table, key)
            if written is None:
                forget(table)  # never wrong: rebuilt from the items at the next query
            else:
                reindex(table, *written)


def _query(
    self: Table,
    hash_key: DynamoType | None,
    range_comparison: str | None,
    range_objs: list[DynamoType],
    limit: int,
    exclusive_start_key: dict[str, Any],
    scan_index_forward: bool,
    projection_expressions: list[list[str]] | None,
    index_name: str | None = None,
    consistent_read: bool = False,
    filter_expression: Any = None,
    hash_key_conditions: list[tuple[str, DynamoType]] | None = None,
    range_key_conditions: list[tuple[str, str, list[DynamoType]]] | None = None,
    **filter_kwargs: Any,
) -> Any:
    arguments = dict(
        hash_key=hash_key,
        range_comparison=range_comparison,
        range_objs=range_objs,
        limit=limit,
        exclusive_start_key=exclusive_start_key,
        scan_index_forward=scan_index_forward,
        projection_expressions=projection_expressions,
        index_name=index_name,
        consistent_read=consistent_read,
        filter_expression=filter_expression,
        hash_key_conditions=hash_key_conditions,
        range_key_conditions=range_key_conditions,
    )
    if index_name is None:
        chosen: list[Item] | None = _partition_items(self, hash_key)
    else:
        index = indexes_of(self).get(index_name) if not filter_kwargs else None
        chosen = index.candidates(self, arguments) if index is not None else None
    if chosen is None:
        return _STOCK["query"](self, **arguments, **filter_kwargs)
    return _walking(self, chosen, lambda: _STOCK["query"](self, **arguments, **filter_kwargs))


def _scan(
    self: Table,
    filters: dict[str, Any],
    limit: int,
    exclusive_start_key: dict[str, Any],
    filter_expression: Any = None,
    index_name: str | None = None,
    consistent_read: bool = False,
    projection_expression: list[list[str]] | None = None,
    segments: Any = (None, None),
) -> Any:
    """A table scan's next page starts at its ExclusiveStartKey, found by bisection (moto
    compares every item before it with the key, so reading a table page by page was
    quadratic: the snapshot of a few thousand items took seconds)."""
    arguments = dict(
        filters=filters,
        limit=limit,
        exclusive_start_key=exclusive_start_key,
        filter_expression=filter_expression,
        index_name=index_name,
        consistent_read=consistent_read,
        projection_expression=projection_expression,
        segments=segments,
    )
    start = _table_position(self, exclusive_start_key) if index_name is None else None
    if start is None:
        return _STOCK["scan"](self, **arguments)
    every = Table.all_items(self)
    rest = every[bisect.bisect_left(every, start, key=_table_sort_key) :]
    return _walking(self, rest, lambda: _STOCK["scan"](self, **arguments))


def _walking(table: Table, items: list[Item], call: Callable[[], Any]) -> Any:
    """Run moto's query or scan with `table.all_items()` giving only `items`. Requests are
    serialised by the local stack, so no other request sees the narrowed table."""
    table.all_items = lambda: items  # type: ignore[method-assign]
    try:
        return call()
    finally:
        del table.all_items


def _partition_items(table: Table, hash_key: DynamoType | None) -> list[Item] | None:
    """A table query reads one partition: its items (moto walks the whole table)."""
    if hash_key is None:
        return None
    stored = table.items.get(hash_key)
    if stored is None:
        return []
    return list(stored.values()) if table.range_key_attr is not None else [stored]


def _all_items(self: Table) -> list[Item]:
    """moto's `all_items`: every item in key order. moto sorts by comparing `DynamoType`s
    pairwise, converting both values at each of n log n comparisons; each key is converted
    once here (a scan sorts the whole table for each of its pages)."""
    if self.range_key_attr:
        items = [item for partition in self.items.values() for item in partition.values()]
    else:
        items = list(self.items.values())
    return sorted(items, key=_table_sort_key)


def _table_sort_key(item: Item) -> tuple[Any, ...]:
    if item.range_key is None:
        return (item.hash_key.cast_value,)
    return (item.hash_key.cast_value, item.range_key.cast_value)


def _table_position(table: Table, start_key: dict[str, Any] | None) -> tuple[Any, ...] | None:
    """ExclusiveStartKey as a table sort key, or None if it is not a plain one."""
    if not start_key:
        return None
    names = [table.hash_key_attr]
    types = [table.hash_key_type]
    if table.range_key_attr is not None:
        names.append(table.range_key_attr)
        types.append(table.range_key_type)
    try:
        values = [DynamoType(start_key[name]) for name in names]
    except (KeyError, TypeError, IndexError, AttributeError):
        return None
    if [v.type for v in values] != types:
        return None
    return tuple(v.cast_value for v in values)


_PATCHES: dict[str, tuple[type, Callable[..., Any]]] = {
    "query": (Table, _query),
    "scan": (Table, _scan),
    "all_items": (Table, _all_items),
    "put_item": (Table, _put_item),
    "delete_item": (Table, _delete_item),
    "update_item": (DynamoDBBackend, _update_item),
}


def install() -> None:
    """Patch moto's DynamoDB for this process (the local stack only)."""
    for name, (owner, patched) in _PATCHES.items():
        if name not in _STOCK:
            _STOCK[name] = getattr(owner, name)
        setattr(owner, name, patched)


def uninstall() -> None:
    """Give moto back its own methods (for tests that compare against them)."""
    for name, (owner, _patched) in _PATCHES.items():
        if name in _STOCK:
            setattr(owner, name, _STOCK.pop(name))
