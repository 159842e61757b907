"""Telegram users as the console sees them: profile, sessions, whole history, search.

A user's data is visible to the supervisors of their project and to the agents who hold one
of the user's sessions; to anyone else the user does not exist (404). Every read is audited
(`user.view`, `user.search`) when it starts; following its cursor to older pages is not.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from tgdesk.accounts.access import Scope
from tgdesk.audit import entries as audit
from tgdesk.core.errors import InvalidInput, NotFound
from tgdesk.storage import conversations, tags
from tgdesk.storage import users as store
from tgdesk.storage.records.message import Message
from tgdesk.storage.records.session import Session

SEARCH_MAX_LENGTH = 100
SEARCH_PAGE_SIZE = 200  # messages read per Query while searching
SEARCH_MAX_PAGES = 5  # Queries per search request: a long history answers in pages


def fold(text: str) -> str:
    """Text as compared by search: Unicode-normalised (NFKC) and case-folded."""
    return unicodedata.normalize("NFKC", text).casefold()


def require_visible(
    scope: Scope, project_id: str, tg_user_id: int
) -> tuple[dict[str, Any], list[Session] | None]:
    """The user's profile, and their sessions when reading them was needed to decide."""
    scope.require_project(project_id)
    profile = conversations.get_user(project_id, tg_user_id)
    if profile is None:
        raise user_not_found()
    if scope.supervises(project_id):
        return profile, None
    sessions = store.sessions_of(project_id, tg_user_id)
    if not any(s.get("assignee_id") == scope.agent_id for s in sessions):
        raise user_not_found()
    return profile, sessions


def view(
    scope: Scope, project_id: str, tg_user_id: int, *, source_ip: str | None = None
) -> dict[str, Any]:
    """The profile with the user's tags (resolved in the catalog) and every session."""
    profile, sessions = require_visible(scope, project_id, tg_user_id)
    if sessions is None:
        sessions = store.sessions_of(project_id, tg_user_id)
    catalog = {t["tag_id"]: t for t in tags.catalog(project_id)}
    record_about_user("user.view", scope, project_id, tg_user_id, {"view": "profile"}, source_ip)
    return {
        **profile,
        "tags": [catalog[t] for t in profile.get("tags", []) if t in catalog],
        "sessions": sessions,
    }


def history(
    scope: Scope,
    project_id: str,
    tg_user_id: int,
    *,
    limit: int,
    cursor: str | None = None,
    before: int | None = None,
    source_ip: str | None = None,
) -> tuple[list[Message], str | None]:
    """The user's messages across all sessions, newest first, one page at a time."""
    require_visible(scope, project_id, tg_user_id)
    if cursor is None:
        record_about_user(
            "user.view", scope, project_id, tg_user_id, {"view": "messages"}, source_ip
        )
    return store.messages(project_id, tg_user_id, limit=limit, cursor=cursor, before=before)


def search(
    scope: Scope,
    project_id: str,
    tg_user_id: int,
    query: str,
    *,
    limit: int,
    cursor: str | None = None,
    before: int | None = None,
    source_ip: str | None = None,
) -> tuple[list[Message], str | None]:
    """Messages whose text or caption contains `query`, newest first. A page may come back
    short (even empty) with a cursor: the search stopped within its read budget."""
    needle = fold(query.strip())
    if not needle or len(needle) > SEARCH_MAX_LENGTH:
        raise InvalidInput(
            f"Search for 1 to {SEARCH_MAX_LENGTH} characters.", code="invalid_search", field="q"
        )
    require_visible(scope, project_id, tg_user_id)
    if cursor is None:
        record_about_user(
            "user.search", scope, project_id, tg_user_id, {"q": query.strip()}, source_ip
        )

    def contains(message: dict[str, Any]) -> bool:
        return any(needle in fold(message.get(f) or "") for f in ("text", "caption"))

    return store.messages(
        project_id,
        tg_user_id,
        limit=limit,
        cursor=cursor,
        before=before,
        match=contains,
        page_size=SEARCH_PAGE_SIZE,
        max_pages=SEARCH_MAX_PAGES,
    )


def record_about_user(
    action: str,
    scope: Scope,
    project_id: str,
    tg_user_id: int,
    details: dict[str, Any],
    source_ip: str | None,
) -> None:
    audit.record(
        action,
        actor_id=scope.agent_id,
        project_id=project_id,
        target_type="tg_user",
        target_id=str(tg_user_id),
        details=details,
        source_ip=source_ip,
    )


def user_not_found() -> NotFound:
    return NotFound("no such user", code="user_not_found")
