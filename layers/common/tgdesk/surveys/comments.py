"""A rating's comment: the user's next message within the project's `comment_minutes` after
the press. It is stored on the rated session (and kept in the user's chat), which stays
closed: the message neither reopens it nor opens another.

The wait is an attribute of the user's profile (`survey_comment`: the session and until
when), which ingest reads anyway, so a message costs no extra read.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tgdesk.storage import conversations
from tgdesk.storage import surveys as store
from tgdesk.storage.records.survey import MAX_COMMENT_CHARS


def awaited_by(user: Mapping[str, Any] | None, now: int) -> str | None:
    """The rated session waiting for this user's comment, if any: only while the user has
    no open session (an agent who reopened it, or a new session, takes the message)."""
    wait = (user or {}).get(store.COMMENT_WAIT)
    if not isinstance(wait, Mapping) or (user or {}).get("open_session_id"):
        return None
    if int(wait.get("until", 0)) <= now:
        return None
    return str(wait["session_id"])


def store_if_awaited(
    project_id: str,
    update_id: int,
    user: Mapping[str, Any] | None,
    *,
    tg_user_id: int,
    message: dict[str, Any],
    now: int,
) -> conversations.Write | None:
    """Store the message as the comment when one is awaited and it has text; else None
    (the message is placed as any other)."""
    session_id = awaited_by(user, now)
    text = message.get("text") or message.get("caption")
    if session_id is None or not isinstance(text, str) or not text.strip():
        return None
    return store.store_comment(
        project_id,
        update_id,
        tg_user_id=tg_user_id,
        session_id=session_id,
        message=message,
        comment=text.strip()[:MAX_COMMENT_CHARS],
        now=now,
    )
