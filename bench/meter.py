"""Counts what the code sends to DynamoDB: requests by operation, and capacity units per
partition key, for the table and for each global secondary index.

Hooks on the process's client (tgdesk.storage.table.client()) see every request. Each
request asks for ReturnConsumedCapacity and the units the service reports are summed, but
moto reports a flat 1 unit per single-item write and nothing for transactions. So the meter
prices every successful request by DynamoDB's published rules, reading the items it touched
with a second, unhooked client:

- a write costs 1 WCU per started KB of the larger of the item's images, twice that inside
  a transaction (a ConditionCheck included, which changes nothing); a write that changes
  nothing still costs its units;
- each index entry the write touches costs 1 WCU per started KB of the entry (the index's
  keys plus its projected attributes, as infra/template.yaml declares them): a put when the
  item enters the index or a projected attribute changes, a delete plus a put when its index
  key changes, a delete when it leaves. Index propagation is not part of a transaction, so
  it is not doubled;
- a read costs 1 RCU per started 4 KB (GetItem, BatchGetItem and TransactGetItems per item,
  Query and Scan over the sum of the items they read before any filter or projection), at
  least 1; half that when eventually consistent (every index read is), twice that in a
  transaction. A read of an item that does not exist costs the minimum.

Units are charged to the partition key they land on: ("table", PK value) or
("GSI1", GSI1PK value); a Scan is charged to "(scan)".
"""

from __future__ import annotations

import math
import re
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import boto3

from bench.harness import REGION
from infra.local import cfn
from tgdesk.storage import table

_CAPACITY_OPS = frozenset(
    {
        "GetItem",
        "PutItem",
        "UpdateItem",
        "DeleteItem",
        "Query",
        "Scan",
        "BatchGetItem",
        "BatchWriteItem",
        "TransactGetItems",
        "TransactWriteItems",
    }
)
_HOOKS = ("provide-client-params", "before-parameter-build", "after-call")
_KB = 1024
_READ_UNIT = 4 * _KB
TABLE = "table"
SCAN = "(scan)"
# The parameters that narrow what a Query or Scan returns but not what it reads (and bills).
_NARROWING = ("FilterExpression", "ProjectionExpression", "Select", "ReturnConsumedCapacity")

Partition = tuple[str, str]  # (index name or "table", partition key value)


@dataclass
class Usage:
    requests: Counter[str] = field(default_factory=Counter)
    reported_units: float = 0.0
    written: Counter[Partition] = field(default_factory=Counter)  # WCU per partition key
    read: Counter[Partition] = field(default_factory=Counter)  # RCU per partition key
    meter_seconds: float = 0.0  # the meter's own time, to take out of a handler's timing

    @property
    def total_requests(self) -> int:
        return sum(self.requests.values())

    @property
    def estimated_wcu(self) -> float:
        return sum(self.written.values())

    @property
    def estimated_rcu(self) -> float:
        return sum(self.read.values())

    def add(self, other: Usage) -> None:
        self.requests.update(other.requests)
        self.reported_units += other.reported_units
        self.written.update(other.written)
        self.read.update(other.read)
        self.meter_seconds += other.meter_seconds


@dataclass(frozen=True)
class Index:
    """The table or one of its GSIs: its key attributes and what an entry holds."""

    name: str
    hash_key: str
    range_key: str | None
    projection: str  # ALL, KEYS_ONLY or INCLUDE
    included: frozenset[str] = frozenset()

    def entry(self, item: dict[str, Any] | None, table_keys: tuple[str, ...]) -> dict | None:
        """The index's copy of `item`, or None when the item is not in the index."""
        keys = (self.hash_key, self.range_key) if self.range_key else (self.hash_key,)
        if not item or not all(k in item for k in keys):
            return None
        if self.projection == "ALL":
            return item
        kept = {*keys, *table_keys} | (self.included if self.projection == "INCLUDE" else set())
        return {k: v for k, v in item.items() if k in kept}

    def partition(self, item: dict[str, Any]) -> str:
        return _plain(item[self.hash_key])


def table_indexes(properties: dict[str, Any]) -> tuple[tuple[str, ...], list[Index]]:
    """The table's key attribute names and its GSIs, from a CloudFormation Table's
    Properties."""
    table_keys = tuple(k["AttributeName"] for k in properties["KeySchema"])
    indexes = []
    for gsi in properties.get("GlobalSecondaryIndexes", []):
        kinds = {k["KeyType"]: k["AttributeName"] for k in gsi["KeySchema"]}
        projection = gsi.get("Projection", {})
        indexes.append(
            Index(
                name=gsi["IndexName"],
                hash_key=kinds["HASH"],
                range_key=kinds.get("RANGE"),
                projection=projection.get("ProjectionType", "ALL"),
                included=frozenset(projection.get("NonKeyAttributes", [])),
            )
        )
    return table_keys, indexes


@dataclass
class _Write:
    key: dict[str, Any]
    before: dict[str, Any] | None
    transactional: bool
    check_only: bool  # a transaction's ConditionCheck: billed as a write, changes nothing


class Pricing:
    """DynamoDB's rules for the units a request consumes, per partition key (no I/O)."""

    def __init__(self, properties: dict[str, Any]) -> None:
        self.table_keys, self.indexes = table_indexes(properties)
        self._by_name = {index.name: index for index in self.indexes}

    def write(
        self,
        partition: str,
        before: dict[str, Any] | None,
        after: dict[str, Any] | None,
        *,
        transactional: bool = False,
        check_only: bool = False,
    ) -> Counter[Partition]:
        """`partition`: the table's partition key value of the item written."""
        units: Counter[Partition] = Counter()
        base = write_units(max(item_size(before), item_size(after)))  # at least 1, even
        units[(TABLE, partition)] += base * (2 if transactional else 1)  # for no item
        if check_only or before == after:
            return units
        for index in self.indexes:
            old = index.entry(before, self.table_keys)
            new = index.entry(after, self.table_keys)
            old_key = old and index.partition(old), old and old.get(index.range_key or "")
            new_key = new and index.partition(new), new and new.get(index.range_key or "")
            if old is not None and old_key != new_key:
                units[(index.name, index.partition(old))] += write_units(item_size(old))
            if new is not None and (old_key != new_key or old != new):
                units[(index.name, index.partition(new))] += write_units(item_size(new))
        return units

    def read_items(
        self, sizes: list[int], *, consistent: bool, transactional: bool = False
    ) -> float:
        """Units for reading items one by one (GetItem, BatchGetItem, TransactGetItems)."""
        factor = 2.0 if transactional else 1.0 if consistent else 0.5
        return sum(read_units(size) * factor for size in sizes)

    def read_range(self, sizes: list[int], *, consistent: bool) -> float:
        """Units for one Query or Scan page: its items' sizes summed, then rounded."""
        return read_units(sum(sizes)) * (1.0 if consistent else 0.5)

    def index(self, name: str | None) -> Index | None:
        return self._by_name.get(name) if name else None

    def query_partition(self, params: dict[str, Any]) -> str:
        """The partition key value a Query's KeyConditionExpression names."""
        index = self.index(params.get("IndexName"))
        hash_key = index.hash_key if index else self.table_keys[0]
        names = params.get("ExpressionAttributeNames", {})
        values = params.get("ExpressionAttributeValues", {})
        for name, placeholder in _EQUALS.findall(params["KeyConditionExpression"]):
            if names.get(name, name) == hash_key:
                return _plain(values[placeholder])
        raise ValueError(f"no partition key in {params['KeyConditionExpression']!r}")

    def entry_size(self, item: dict[str, Any], index_name: str | None) -> int:
        index = self.index(index_name)
        return item_size(index.entry(item, self.table_keys) if index else item)


_EQUALS = re.compile(r"(#?[A-Za-z0-9_]+)\s*=\s*(:[A-Za-z0-9_]+)")
_PLACEHOLDER = re.compile(r"[#:][A-Za-z0-9_]+")


class DynamoMeter:
    """A context manager: `usage` accumulates what the code in its block sends."""

    def __init__(self) -> None:
        self.usage = Usage()
        self.pricing = Pricing(cfn.table_properties())
        self._raw = boto3.client("dynamodb", region_name=REGION)
        self._pending: list[_Write] = []
        self._request: tuple[str, dict[str, Any]] = ("", {})

    def __enter__(self) -> DynamoMeter:
        events = table.client().meta.events
        for hook, fn in zip(_HOOKS, self._handlers(), strict=True):
            events.register(f"{hook}.dynamodb", fn)
        return self

    def __exit__(self, *exc: object) -> None:
        events = table.client().meta.events
        for hook, fn in zip(_HOOKS, self._handlers(), strict=True):
            events.unregister(f"{hook}.dynamodb", fn)

    def take(self) -> Usage:
        """What was counted so far; counting starts again from zero."""
        usage, self.usage = self.usage, Usage()
        return usage

    def _handlers(self) -> tuple[Any, Any, Any]:
        return self._ask_capacity, self._before, self._after

    # -- hooks --------------------------------------------------------------------------
    def _ask_capacity(self, params: dict[str, Any], model: Any, **_: Any) -> None:
        if model.name in _CAPACITY_OPS:
            params.setdefault("ReturnConsumedCapacity", "TOTAL")

    def _before(self, model: Any, params: dict[str, Any], **_: Any) -> None:
        # the API call's own parameters (before-call would see the serialised request)
        started = time.perf_counter()
        self.usage.requests[model.name] += 1
        self._request = (model.name, params)
        self._pending = [
            _Write(key, self._get(key), tx, check)
            for key, tx, check in self._writes(model.name, params)
        ]
        self.usage.meter_seconds += time.perf_counter() - started

    def _after(self, parsed: dict[str, Any], **_: Any) -> None:
        started = time.perf_counter()
        self._price(parsed)
        self.usage.meter_seconds += time.perf_counter() - started

    def _price(self, parsed: dict[str, Any]) -> None:
        reported = parsed.get("ConsumedCapacity") or []
        for entry in reported if isinstance(reported, list) else [reported]:
            self.usage.reported_units += float(entry.get("CapacityUnits", 0))
        pending, self._pending = self._pending, []
        (op, params), self._request = self._request, ("", {})
        if "Error" in parsed:
            return  # failed requests are not priced
        for write in pending:
            self.usage.written.update(
                self.pricing.write(
                    _plain(write.key[self.pricing.table_keys[0]]),
                    write.before,
                    self._get(write.key),
                    transactional=write.transactional,
                    check_only=write.check_only,
                )
            )
        self._price_read(op, params, parsed)

    # -- writes -------------------------------------------------------------------------
    def _writes(self, op: str, params: dict[str, Any]) -> Iterator[tuple[dict, bool, bool]]:
        if op in ("PutItem", "UpdateItem", "DeleteItem"):
            yield self._key_of(params), False, False
        elif op == "BatchWriteItem":
            for request in params["RequestItems"].get(table.table_name(), []):
                body = request.get("PutRequest") or request.get("DeleteRequest") or {}
                yield self._key_of(body), False, False
        elif op == "TransactWriteItems":
            for entry in params["TransactItems"]:
                ((kind, body),) = entry.items()
                yield self._key_of(body), True, kind == "ConditionCheck"

    def _key_of(self, body: dict[str, Any]) -> dict[str, Any]:
        source = body.get("Key") or body["Item"]
        return {name: source[name] for name in self.pricing.table_keys}

    def _get(self, key: dict[str, Any]) -> dict[str, Any] | None:
        resp = self._raw.get_item(TableName=table.table_name(), Key=key, ConsistentRead=True)
        return resp.get("Item")

    # -- reads --------------------------------------------------------------------------
    def _price_read(self, op: str, params: dict[str, Any], parsed: dict[str, Any]) -> None:
        read, pricing = self.usage.read, self.pricing
        if op == "GetItem":
            whole = "ProjectionExpression" not in params
            size = item_size(parsed.get("Item") if whole else self._get(params["Key"]))
            units = pricing.read_items([size], consistent=bool(params.get("ConsistentRead")))
            read[self._table_partition(params["Key"])] += units
        elif op == "BatchGetItem":
            request = params["RequestItems"].get(table.table_name(), {})
            for key in request.get("Keys", []):
                size = item_size(self._get(key))
                consistent = bool(request.get("ConsistentRead"))
                read[self._table_partition(key)] += pricing.read_items(
                    [size], consistent=consistent
                )
        elif op == "TransactGetItems":
            for entry in params["TransactItems"]:
                key = entry["Get"]["Key"]
                size = item_size(self._get(key))
                units = pricing.read_items([size], consistent=True, transactional=True)
                read[self._table_partition(key)] += units
        elif op in ("Query", "Scan"):
            index_name = params.get("IndexName")
            sizes = [
                pricing.entry_size(item, index_name) for item in self._scanned(op, params, parsed)
            ]
            consistent = bool(params.get("ConsistentRead")) and not index_name
            where = pricing.query_partition(params) if op == "Query" else SCAN
            read[(index_name or TABLE, where)] += pricing.read_range(sizes, consistent=consistent)

    def _table_partition(self, key: dict[str, Any]) -> Partition:
        return (TABLE, _plain(key[self.pricing.table_keys[0]]))

    def _scanned(self, op: str, params: dict[str, Any], parsed: dict[str, Any]) -> list[dict]:
        """The items a Query or Scan page read, whole: a filter or a projection narrows the
        answer but not the bill, so the page is read again without them."""
        if not any(name in params for name in _NARROWING[:3]):
            return parsed.get("Items", [])
        scanned = parsed.get("ScannedCount", 0)
        if not scanned:
            return []
        again = {k: v for k, v in params.items() if k not in _NARROWING}
        again["Limit"] = scanned
        used = set(_PLACEHOLDER.findall(again.get("KeyConditionExpression", "")))
        for name in ("ExpressionAttributeNames", "ExpressionAttributeValues"):
            kept = {k: v for k, v in again.pop(name, {}).items() if k in used}
            if kept:  # DynamoDB refuses a placeholder no expression uses
                again[name] = kept
        call = self._raw.query if op == "Query" else self._raw.scan
        return call(**again).get("Items", [])


def _plain(value: dict[str, Any]) -> str:
    ((_, v),) = value.items()
    return str(v)


def write_units(size: int) -> int:
    return max(1, math.ceil(size / _KB))


def read_units(size: int) -> int:
    return max(1, math.ceil(size / _READ_UNIT))


def item_size(item: dict[str, Any] | None) -> int:
    """Bytes DynamoDB bills for an item (attribute names plus values)."""
    if not item:
        return 0
    return sum(len(name.encode()) + _value_size(value) for name, value in item.items())


def _value_size(value: dict[str, Any]) -> int:
    ((kind, v),) = value.items()
    match kind:
        case "S":
            return len(v.encode())
        case "N":
            return _number_size(v)
        case "B":
            return len(v)
        case "BOOL" | "NULL":
            return 1
        case "SS":
            return sum(len(s.encode()) for s in v)
        case "NS":
            return sum(_number_size(n) for n in v)
        case "BS":
            return sum(len(b) for b in v)
        case "L":
            return 3 + sum(1 + _value_size(e) for e in v)
        case "M":
            return 3 + sum(1 + len(k.encode()) + _value_size(e) for k, e in v.items())
    raise ValueError(f"unknown DynamoDB type {kind}")


def _number_size(text: str) -> int:
    digits = text.lstrip("-").replace(".", "").strip("0") or "0"
    return math.ceil(len(digits) / 2) + 1
