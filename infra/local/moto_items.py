"""moto's per-item work done once instead of on every read (the local stack only).

Under a burst most of moto's time went to three things it repeats for every item it reads:
- `Item.size()` walks every attribute (building a `DynamoType` for each nested value) each
  time a query or scan checks its 1 MB page limit, twice per item read;
- a query or scan deep-copies every item it answers, though nothing changes them before
  they are written out as JSON;
- `Item.project()` turns the whole item into plain JSON once per projected attribute.

Here an item's size is kept on the item until a write changes it (every in-place change goes
through the backend's `update_item`, which drops it; a put or a rollback stores a new item),
the answered items are not copied, and a projection converts the item once. Answers stay
moto's own: tests/test_local_index.py compares them with moto's unpatched code.
"""

from __future__ import annotations

import contextlib
import copy
import functools
from collections.abc import Callable
from typing import Any

import moto.core.responses as moto_responses
import moto.dynamodb.models.table as moto_table
from botocore.utils import merge_dicts
from moto.dynamodb.models import DynamoDBBackend
from moto.dynamodb.models.dynamo_type import Item, serializer
from moto.dynamodb.models.utilities import find_nested_key

from infra.local import moto_index

_SIZE = "_local_size"
_STOCK: dict[str, Any] = {}


def _size(self: Item) -> int:
    cached = self.__dict__.get(_SIZE)
    if cached is None:
        cached = self.__dict__[_SIZE] = _STOCK["size"](self)
    return int(cached)


def _project(self: Item, projection_expressions: list[list[str]]) -> Item:
    plain = self.to_regular_json()
    result: dict[str, Any] = {}
    for expression in projection_expressions:
        merge_dicts(result, find_nested_key(expression, plain))
    return Item(
        hash_key=self.hash_key, range_key=self.range_key, attrs=serializer.serialize(result)["M"]
    )


def _update_item(self: DynamoDBBackend, table_name: str, key: dict[str, Any], *a: Any, **k: Any):  # type: ignore[no-untyped-def]
    """moto changes the stored item in place: its kept size goes with the change."""
    try:
        return _STOCK["update_item"](self, table_name, key, *a, **k)
    finally:
        table = self.tables.get(table_name)
        written = moto_index.stored_key(table, key) if table is not None else None
        if written is not None:
            with contextlib.suppress(Exception):  # a key moto refused: nothing was changed
                stored = table.get_item(*written)
                if stored is not None:
                    stored.__dict__.pop(_SIZE, None)


class _AnswersUncopied:
    """`copy` as moto's table module sees it: the items a query or scan answers (a list of
    items, or one item) are handed out as they are; anything else is deep-copied as before
    (a backup or a restore copies whole tables)."""

    def __getattr__(self, name: str) -> Any:
        return getattr(copy, name)

    @staticmethod
    def deepcopy(value: Any, memo: dict[int, Any] | None = None) -> Any:
        if isinstance(value, Item):
            return value
        if isinstance(value, list) and all(isinstance(v, Item) for v in value):
            return list(value)
        return copy.deepcopy(value, memo)


_cached_method_names: Callable[[object], list[str]] = functools.cache(
    moto_responses.method_names_from_class
)


def install() -> None:
    """Patch moto for this process (the local stack only). Install after moto_index, whose
    `update_item` this wraps."""
    if _STOCK:
        return
    _STOCK.update(
        size=Item.size,
        project=Item.project,
        update_item=DynamoDBBackend.update_item,
        copy=moto_table.copy,
        method_names=moto_responses.method_names_from_class,
    )
    Item.size = _size  # type: ignore[method-assign]
    Item.project = _project  # type: ignore[method-assign]
    DynamoDBBackend.update_item = _update_item  # type: ignore[method-assign]
    moto_table.copy = _AnswersUncopied()  # type: ignore[assignment]
    moto_responses.method_names_from_class = _cached_method_names  # type: ignore[assignment]


def uninstall() -> None:
    if not _STOCK:
        return
    Item.size = _STOCK["size"]  # type: ignore[method-assign]
    Item.project = _STOCK["project"]  # type: ignore[method-assign]
    DynamoDBBackend.update_item = _STOCK["update_item"]  # type: ignore[method-assign]
    moto_table.copy = _STOCK["copy"]
    moto_responses.method_names_from_class = _STOCK["method_names"]
    _STOCK.clear()
