"""Conditions and UpdateItem expressions (SET / REMOVE / ADD), built with placeholders.

Every attribute name and value goes through a placeholder, so reserved words (`status`,
`kind`, `ttl`) and user-provided names are safe, and transactions and single writes are
built the same way.
"""

from __future__ import annotations

from typing import Any, Self

from tgdesk.storage import table


class Condition:
    """Clauses that must all hold for a write to happen."""

    def __init__(self) -> None:
        self.conditions: list[str] = []
        self.names: dict[str, str] = {}
        self.values: dict[str, Any] = {}

    def name(self, attribute: str) -> str:
        placeholder = f"#n{len(self.names)}"
        self.names[placeholder] = attribute
        return placeholder

    def value(self, value: Any) -> str:
        placeholder = f":v{len(self.values)}"
        self.values[placeholder] = value
        return placeholder

    def require(self, clause: str) -> Self:
        """A raw clause whose placeholders come from name() and value()."""
        self.conditions.append(clause)
        return self

    def require_item(self) -> Self:
        return self.require("attribute_exists(PK)")

    def require_absent(self, attribute: str) -> Self:
        return self.require(f"attribute_not_exists({self.name(attribute)})")

    def require_equal(self, attribute: str, value: Any) -> Self:
        return self.require(f"{self.name(attribute)} = {self.value(value)}")

    def require_not_equal(self, attribute: str, value: Any) -> Self:
        return self.require(f"{self.name(attribute)} <> {self.value(value)}")

    def require_at_most(self, attribute: str, value: Any) -> Self:
        return self.require(f"{self.name(attribute)} <= {self.value(value)}")

    def require_greater(self, attribute: str, value: Any) -> Self:
        return self.require(f"{self.name(attribute)} > {self.value(value)}")

    def require_as_read(self, attribute: str, value: Any) -> Self:
        """The attribute still holds what was read (absent when `value` is None)."""
        if value is None:
            return self.require_absent(attribute)
        return self.require_equal(attribute, value)

    def require_list_as_read(self, attribute: str, value: list[Any]) -> Self:
        """The list attribute still holds what was read; an empty list was read as absent
        or empty (either may be stored)."""
        if value:
            return self.require_equal(attribute, value)
        name = self.name(attribute)
        return self.require(f"(attribute_not_exists({name}) OR size({name}) = {self.value(0)})")

    def _expression(self, request: dict[str, Any]) -> dict[str, Any]:
        if self.conditions:
            request["ConditionExpression"] = " AND ".join(self.conditions)
        if self.names:
            request["ExpressionAttributeNames"] = self.names
        if self.values:
            request["ExpressionAttributeValues"] = table.values(self.values)
        return request

    def delete(self, pk: str, sk: str) -> dict[str, Any]:
        """A TransactWriteItems Delete that happens only if the conditions hold."""
        key = table.to_item({"PK": pk, "SK": sk})
        return {"Delete": self._expression({"TableName": table.table_name(), "Key": key})}

    def put(self, item: dict[str, Any]) -> dict[str, Any]:
        """A TransactWriteItems Put that happens only if the conditions hold."""
        request = {"TableName": table.table_name(), "Item": table.to_item(item)}
        return {"Put": self._expression(request)}

    def check(self, pk: str, sk: str) -> dict[str, Any]:
        """A TransactWriteItems ConditionCheck: the transaction happens only if they hold."""
        key = table.to_item({"PK": pk, "SK": sk})
        return {"ConditionCheck": self._expression({"TableName": table.table_name(), "Key": key})}


class Changes(Condition):
    """One UpdateItem: SET, REMOVE and ADD clauses, and the conditions they need."""

    def __init__(self) -> None:
        super().__init__()
        self.sets: list[str] = []
        self.removes: list[str] = []
        self.adds: list[str] = []

    # -- changes --------------------------------------------------------------------------
    def set(self, attribute: str, value: Any) -> Self:
        self.sets.append(f"{self.name(attribute)} = {self.value(value)}")
        return self

    def set_if_absent(self, attribute: str, value: Any) -> Self:
        name = self.name(attribute)
        self.sets.append(f"{name} = if_not_exists({name}, {self.value(value)})")
        return self

    def remove(self, *attributes: str) -> Self:
        self.removes.extend(self.name(a) for a in attributes)
        return self

    def set_or_remove(self, attribute: str, value: Any) -> Self:
        return self.remove(attribute) if value is None else self.set(attribute, value)

    def add(self, attribute: str, amount: int) -> Self:
        """ADD a number (a missing attribute counts as 0)."""
        self.adds.append(f"{self.name(attribute)} {self.value(amount)}")
        return self

    # -- output -----------------------------------------------------------------------------
    def request(self, pk: str, sk: str) -> dict[str, Any]:
        """The parameters of UpdateItem (or of a transaction's Update)."""
        clauses = [
            f"{verb} {', '.join(parts)}"
            for verb, parts in (("SET", self.sets), ("REMOVE", self.removes), ("ADD", self.adds))
            if parts
        ]
        return self._expression(
            {
                "TableName": table.table_name(),
                "Key": table.to_item({"PK": pk, "SK": sk}),
                "UpdateExpression": " ".join(clauses),
            }
        )

    def item(self, pk: str, sk: str) -> dict[str, Any]:
        """A TransactWriteItems operation."""
        return {"Update": self.request(pk, sk)}


def update_as_read(
    set_: dict[str, Any], remove: list[str] | tuple[str, ...], before: dict[str, Any]
) -> Changes:
    """SET and REMOVE attributes of an existing item, only if each one still holds what was
    read as `before` (absent where `before` has none): the writer's idea of what changed is
    then exactly what changed."""
    update = Changes().require_item()
    for attribute in dict.fromkeys([*set_, *remove]):
        update.require_as_read(attribute, before.get(attribute))
    for attribute, value in set_.items():
        update.set(attribute, value)
    return update.remove(*remove)


def put(item: dict[str, Any], condition: str | None = None) -> dict[str, Any]:
    """A TransactWriteItems Put operation."""
    request: dict[str, Any] = {"TableName": table.table_name(), "Item": table.to_item(item)}
    if condition:
        request["ConditionExpression"] = condition
    return {"Put": request}


def put_new(item: dict[str, Any]) -> dict[str, Any]:
    """A Put that never overwrites an existing item."""
    return put(item, "attribute_not_exists(PK)")
