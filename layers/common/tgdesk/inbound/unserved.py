"""What the webhook took in without serving it, for administrators: request bodies kept as
dead letters, and per project the counts of updates acknowledged but not served (group
messages, channel posts, reactions, ...: docs/data-model.md, ignored counter)."""

from __future__ import annotations

from typing import Any

from tgdesk.core.errors import NotFound
from tgdesk.storage import conversations, projects


def dead_letters(
    *, limit: int = 50, cursor: str | None = None
) -> tuple[list[dict[str, Any]], str | None]:
    """Bodies the webhook could not read, across projects, newest first."""
    return conversations.list_dead_letters(limit=limit, cursor=cursor)


def ignored_counts(project_id: str) -> dict[str, int]:
    """How many updates of each kind the project's webhook acknowledged without serving
    them (for administrators: the caller checks the role). NotFound for no such project."""
    if projects.get_project(project_id) is None:
        raise NotFound("no such project", code="project_not_found")
    return conversations.get_ignored_counts(project_id)
