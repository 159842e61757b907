"""The id that follows a Telegram update through the logs: the webhook that stored it, the
assign function that routed its session and pushed it to consoles, the replies to it.

It is `{project_id}:{update_id}`, stored as `correlation_id` on the session and message
items the update wrote (no extra request), so whoever reads those items from the table's
stream logs the same id.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

ATTRIBUTE = "correlation_id"


def of_update(project_id: str, update_id: int) -> str:
    return f"{project_id}:{update_id}"


def of_item(item: Mapping[str, Any] | None) -> str | None:
    """The correlation id an item (or a stream image of it) carries, if any."""
    value = (item or {}).get(ATTRIBUTE)
    return str(value) if value is not None else None
