"""UpdateItem expressions of tgdesk's own shape applied directly (the local stack only).

moto runs every update expression through a general pipeline: it parses the expression,
deep-copies the syntax tree and the item, walks the tree ten times to validate it, then
executes it, checking the item's size on every attribute it sets. Under a burst that was
more than half of moto's time in a transaction (16 ms an update on the 2-core machine).

tgdesk writes every update through `tgdesk.storage.expressions.Changes`, so its expressions
have one shape: `SET #a = :x, #b = if_not_exists(#b, :y) REMOVE #c ADD #d :z`, each name a
top-level attribute. Such an update is applied here directly: the new values are worked
out first, then swapped in as a new attribute map (the old map becomes the stream record's
old image, so nothing is deep-copied). An update that creates its item writes one INSERT
record, as DynamoDB does (moto writes a key-only INSERT before it). Everything else goes to
moto's own code, and so does anything moto would refuse (a key attribute set, an index key
of the wrong type or empty, an ADD to a non-number, overlapping names, a size near the
limit), so its errors stay moto's. tests/test_local_moto_updates.py compares both on
random updates.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from typing import Any

import moto.dynamodb.models as moto_models
from moto.dynamodb.exceptions import ConditionalCheckFailed
from moto.dynamodb.models import DynamoDBBackend
from moto.dynamodb.models.dynamo_type import DynamoType, Item, LimitedSizeDict
from moto.dynamodb.models.table import Table
from moto.dynamodb.models.utilities import bytesize

from infra.local import moto_index

_STOCK: dict[str, Any] = {}

# Below moto's own item limit (405,000 bytes, checked on every attribute set) with room to
# spare: an update that may come near it is left to moto, which raises its own error.
_SIZE_MARGIN = 400_000

_NAME = r"#\w+"
_VALUE = r":\w+"
_SET = re.compile(
    rf"(?P<name>{_NAME}) = (?:(?P<value>{_VALUE})"
    rf"|if_not_exists\((?P<same>{_NAME}), (?P<default>{_VALUE})\))"
)
_ADD = re.compile(rf"(?P<name>{_NAME}) (?P<value>{_VALUE})")
_REMOVE = re.compile(rf"(?P<name>{_NAME})")
_PATTERNS = {"SET": _SET, "ADD": _ADD, "REMOVE": _REMOVE}
_CLAUSE = re.compile(r"(SET|REMOVE|ADD) ")
_SEPARATOR = re.compile(r", (?![^(]*\))")  # a comma outside if_not_exists(...)


@dataclass(frozen=True)
class _Action:
    verb: str  # SET, SET_IF_ABSENT, REMOVE or ADD
    name: str  # the attribute, resolved
    value: dict[str, Any] | None  # DynamoDB JSON, None for REMOVE


def _clauses(expression: str) -> dict[str, list[str]] | None:
    """`{"SET": [...], "REMOVE": [...], "ADD": [...]}`, each verb at most once, or None."""
    parts = _CLAUSE.split(expression)
    if parts[0] != "":
        return None
    clauses: dict[str, list[str]] = {}
    for verb, body in zip(parts[1::2], parts[2::2], strict=True):
        if verb in clauses:
            return None
        clauses[verb] = _SEPARATOR.split(body.rstrip(" "))
    return clauses


def _actions(
    expression: str, names: dict[str, str] | None, values: dict[str, Any] | None
) -> list[_Action] | None:
    """The expression's actions if it has `Changes`' shape, every `#name` and `:value` it
    uses is given and each attribute is named once; None otherwise."""
    clauses = _clauses(expression)
    if not clauses:
        return None
    names, values = names or {}, values or {}
    actions: list[_Action] = []
    for verb, parts in clauses.items():
        for part in parts:
            found = _PATTERNS[verb].fullmatch(part)
            if found is None:
                return None
            parsed = found.groupdict()
            name, value_ref, action = parsed["name"], parsed.get("value"), verb
            if parsed.get("same") is not None:
                if parsed["same"] != name:
                    return None
                value_ref, action = parsed["default"], "SET_IF_ABSENT"
            if name not in names or (value_ref is not None and value_ref not in values):
                return None
            value = values[value_ref] if value_ref is not None else None
            actions.append(_Action(action, names[name], value))
    if len({a.name for a in actions}) != len(actions):
        return None
    return actions


def _defined_types(table: Table) -> dict[str, str]:
    """Key attributes of the table and its indexes -> their type (S, N or B)."""
    return {d["AttributeName"]: d["AttributeType"] for d in table.attr}


def _new_values(table: Table, item: Item, actions: list[_Action]) -> dict[str, Any] | None:
    """attribute -> its new DynamoType (None: removed), or None where moto should decide.
    `item` is the stored item, or a key-only one for an item the update creates."""
    defined = _defined_types(table)
    changed: dict[str, DynamoType | None] = {}
    for action in actions:
        if action.name in table.table_key_attrs:
            return None
        if action.verb == "REMOVE":
            changed[action.name] = None
            continue
        assert action.value is not None  # only REMOVE has none
        value = DynamoType(action.value)
        if value.is_set() and not value.value:
            return None
        current = item.attrs.get(action.name)
        if action.verb == "SET_IF_ABSENT" and current is not None:
            value = current
        elif action.verb == "ADD":
            if action.name in defined or not value.is_number():
                return None
            if current is not None and not current.is_number():
                return None
            # moto adds to a missing number as to 0, which also normalises the value's text
            value = (current if current is not None else DynamoType({"N": "0"})) + value
        if action.name in defined and (
            defined[action.name] != value.type or (value.type in ("S", "B") and not value.value)
        ):
            return None
        changed[action.name] = value
    grown = sum(bytesize(k) + v.size() for k, v in changed.items() if v is not None)
    if item.size() + grown > _SIZE_MARGIN:
        return None
    return changed


@dataclass(frozen=True)
class _Plan:
    table: Table
    item: Item  # the stored item, or a new key-only one (`created`) not stored yet
    created: bool
    changed: dict[str, DynamoType | None]  # attribute -> its new value (None: removed)


def _direct(backend: DynamoDBBackend, arguments: tuple[Any, ...]) -> _Plan | None:
    """How to apply the update here, if it can be (`arguments` as `update_item` takes them)."""
    table_name, key, expression, names, values, attribute_updates, expected = arguments[:7]
    table = backend.tables.get(table_name)
    if table is None or not expression or attribute_updates or expected:
        return None
    actions = _actions(expression, names, values)
    stored = moto_index.stored_key(table, key) if actions else None
    if not actions or stored is None:
        return None
    try:
        if not _is_plain_key(table, stored):
            return None
        item = table.get_item(*stored)
        created = item is None
        item = _new_item(table, *stored) if item is None else item
        changed = _new_values(table, item, actions)
    except Exception:  # a malformed key or value: moto's own code says what is wrong
        return None
    return _Plan(table, item, created, changed) if changed is not None else None


def _is_plain_key(table: Table, key: tuple[DynamoType, DynamoType | None]) -> bool:
    """The key's values have the table's types and are neither empty nor near the size
    limits (whatever moto refuses in a key, it refuses itself)."""
    defined = _defined_types(table)
    named = zip((table.hash_key_attr, table.range_key_attr), key, strict=True)
    return all(
        value is None
        if name is None
        else value is not None and value.type == defined[name] and 0 < value.size() < 1024
        for name, value in named
    )


def _new_item(table: Table, hash_value: DynamoType, range_value: DynamoType | None) -> Item:
    """The item an update creates, its key only for now (not stored yet)."""
    key = {table.hash_key_attr: hash_value.to_json()}
    if range_value is not None and table.range_key_attr is not None:
        key[table.range_key_attr] = range_value.to_json()
    return Item(hash_value, range_value, key)


def _update_item(
    self: DynamoDBBackend,
    table_name: str,
    key: dict[str, dict[str, Any]],
    update_expression: str,
    expression_attribute_names: dict[str, Any],
    expression_attribute_values: dict[str, Any],
    attribute_updates: dict[str, Any] | None = None,
    expected: dict[str, Any] | None = None,
    condition_expression: str | None = None,
    return_values_on_condition_check_failure: str | None = None,
) -> Item:
    stock_arguments = (
        table_name,
        key,
        update_expression,
        expression_attribute_names,
        expression_attribute_values,
        attribute_updates,
        expected,
        condition_expression,
        return_values_on_condition_check_failure,
    )
    direct = _direct(self, stock_arguments)
    if direct is None:
        return _STOCK["update_item"](self, *stock_arguments)
    plan, item = direct, direct.item

    condition = moto_models.create_condition_expression_parser(
        condition_expression, expression_attribute_names, expression_attribute_values
    ).parse()
    if not condition.expr(None if plan.created else item):
        if return_values_on_condition_check_failure == "ALL_OLD" and not plan.created:
            raise ConditionalCheckFailed(item=item.to_json()["Attributes"])
        raise ConditionalCheckFailed
    attrs = dict(item.attrs)
    for name, value in plan.changed.items():
        if value is None:
            attrs.pop(name, None)
        else:
            attrs[name] = value
    before = None if plan.created else copy.copy(item)  # shares the old map, now unchanged
    item.attrs = LimitedSizeDict(attrs)  # dict.update: no per-attribute size walk
    if plan.created:
        _store(plan.table, item)
    if plan.table.stream_shard is not None:
        plan.table.stream_shard.add(before, item)
    return item


def _store(table: Table, item: Item) -> None:
    if item.range_key is not None:
        table.items[item.hash_key][item.range_key] = item
    else:
        table.items[item.hash_key] = item  # type: ignore[assignment]


def install() -> None:
    """Patch moto for this process (the local stack only). Install first: moto_index and
    moto_items wrap the `update_item` this sets."""
    if "update_item" not in _STOCK:
        _STOCK["update_item"] = DynamoDBBackend.update_item
    DynamoDBBackend.update_item = _update_item  # type: ignore[method-assign]


def uninstall() -> None:
    if "update_item" in _STOCK:
        DynamoDBBackend.update_item = _STOCK.pop("update_item")  # type: ignore[method-assign]
