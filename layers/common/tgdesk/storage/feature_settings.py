"""A feature's settings item for one project (docs/data-model.md: survey, trigger, autoreply,
translation and attachment settings), read by its key and saved with its audit entry.

A save is one transaction: the item, conditioned on the `updated_at` read (None: no item was
read), and the audit entry. Each feature's storage module names its item's key and record
(tgdesk.storage.records); tgdesk.team.feature_settings reads and saves through it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from tgdesk.storage import audit, table
from tgdesk.storage.expressions import Condition

S = TypeVar("S", bound=Mapping[str, Any])


@dataclass(frozen=True)  # no slots: SettingsItem[X](...) sets __orig_class__
class SettingsItem(Generic[S]):
    """Where a feature keeps a project's settings, and how they map to the item."""

    key: Callable[[str], tuple[str, str]]  # project_id -> (PK, SK)
    to_item: Callable[[S], dict[str, Any]]
    from_item: Callable[[dict[str, Any]], S]

    def get(self, project_id: str) -> S | None:
        item = table.get(*self.key(project_id))
        return None if item is None else self.from_item(item)

    def save(self, settings: S, *, read_updated_at: int | None, entry: dict[str, Any]) -> bool:
        """Store a project's settings with their audit entry, if nobody saved since
        `updated_at` was read. False when someone did."""
        condition = Condition().require_as_read("updated_at", read_updated_at)
        operations = [condition.put(self.to_item(settings)), audit.put_operation(entry)]
        return table.transact_unless_lost(operations)
