"""Counts what the code sends to DynamoDB: requests by operation, and write capacity.

Hooks on the process's client (tgdesk.storage.table.client()) see every request. Each
request asks for ReturnConsumedCapacity and the units the service reports are summed, but
moto reports a flat 1 unit per single-item write and nothing for transactions. So the meter
also prices every successful write by DynamoDB's published rules, from the item before and
after it (read with a second, unhooked client): 1 WCU per started KB of the larger image,
twice that inside a transaction, plus the writes of each global secondary index the item
enters, leaves or changes in (every index projects all attributes).
"""

from __future__ import annotations

import math
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


@dataclass
class Usage:
    requests: Counter[str] = field(default_factory=Counter)
    reported_units: float = 0.0
    estimated_wcu: int = 0

    @property
    def total_requests(self) -> int:
        return sum(self.requests.values())


@dataclass
class _Write:
    key: dict[str, Any]
    before: dict[str, Any] | None
    transactional: bool
    check_only: bool  # a transaction's ConditionCheck: billed as a write, changes nothing


class DynamoMeter:
    """A context manager: `usage` accumulates what the code in its block sends."""

    def __init__(self) -> None:
        self.usage = Usage()
        self._raw = boto3.client("dynamodb", region_name=REGION)
        self._pending: list[_Write] = []
        key_schema = cfn.table_properties()["KeySchema"]
        self._key_names = [k["AttributeName"] for k in key_schema]
        self._indexes = [
            tuple(k["AttributeName"] for k in gsi["KeySchema"])
            for gsi in cfn.table_properties().get("GlobalSecondaryIndexes", [])
        ]

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
        self.usage.requests[model.name] += 1
        self._pending = [
            _Write(key, self._read(key), tx, check)
            for key, tx, check in self._writes(model.name, params)
        ]

    def _after(self, parsed: dict[str, Any], **_: Any) -> None:
        reported = parsed.get("ConsumedCapacity") or []
        for entry in reported if isinstance(reported, list) else [reported]:
            self.usage.reported_units += float(entry.get("CapacityUnits", 0))
        pending, self._pending = self._pending, []
        if "Error" in parsed:
            return  # failed writes are not priced
        for write in pending:
            self.usage.estimated_wcu += self._price(write, self._read(write.key))

    # -- pricing ------------------------------------------------------------------------
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
        return {name: source[name] for name in self._key_names}

    def _read(self, key: dict[str, Any]) -> dict[str, Any] | None:
        resp = self._raw.get_item(TableName=table.table_name(), Key=key, ConsistentRead=True)
        return resp.get("Item")

    def _price(self, write: _Write, after: dict[str, Any] | None) -> int:
        before = write.before
        units = _units(max(item_size(before), item_size(after)))
        if write.transactional:
            units *= 2
        if write.check_only or before == after:
            return units
        for names in self._indexes:
            old, new = _index_key(before, names), _index_key(after, names)
            if old is not None and old != new:
                units += _units(item_size(before))  # the old index entry is deleted
            if new is not None:
                units += _units(item_size(after))  # the new one is written
        return units


def _index_key(item: dict[str, Any] | None, names: tuple[str, ...]) -> tuple | None:
    if not item or not all(n in item for n in names):
        return None
    return tuple(str(item[n]) for n in names)


def _units(size: int) -> int:
    return max(1, math.ceil(size / _KB))


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
