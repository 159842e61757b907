"""What a ticket holds beside its hops: the user, the problem in the user's words, what was
tried, the key messages, the user's emotion. Each is bounded (tgdesk.storage.records.ticket).
"""

from __future__ import annotations

from collections.abc import Sequence

from tgdesk.core.errors import InvalidInput
from tgdesk.storage import conversations, session_messages
from tgdesk.storage import tickets as store
from tgdesk.storage.records import ticket as ticket_record
from tgdesk.storage.records.message import Message
from tgdesk.storage.records.session import Session
from tgdesk.storage.records.ticket import (  # the bounds, for the API's models too
    MAX_KEY_MESSAGES,
    MAX_PROBLEM_CHARS,
    MAX_REASON_CHARS,
    MAX_TRIED_CHARS,
    KeyMessage,
    TicketUser,
)

__all__ = [
    "MAX_KEY_MESSAGES",
    "MAX_PROBLEM_CHARS",
    "MAX_REASON_CHARS",
    "MAX_TRIED_CHARS",
    "bounded",
    "chosen_key_messages",
    "key_message",
    "picked_key_messages",
    "problem_from",
    "user_of",
]

_USER_FIELDS = ("first_name", "last_name", "username", "language_code")


def user_of(session: Session) -> TicketUser:
    """The user as their profile shows them (their session's copy if the profile is gone)."""
    profile = conversations.get_user(session["project_id"], session["tg_user_id"]) or {}
    card = session.get("user") or {}
    user: TicketUser = {"tg_user_id": session["tg_user_id"]}
    for name in _USER_FIELDS:
        value = profile.get(name) or card.get(name)
        if value:
            user[name] = str(value)[:256]  # type: ignore[literal-required]
    return user


def picked_key_messages(session: Session) -> list[KeyMessage]:
    """The session's latest user messages with content, oldest first (at most five)."""
    latest = store.recent_user_messages(session, most=MAX_KEY_MESSAGES)
    return [key_message(m) for m in reversed(latest)]


def chosen_key_messages(session: Session, message_ids: Sequence[str]) -> list[KeyMessage]:
    """The messages an agent chose, in time order; each must be one of the session's."""
    if len(message_ids) > MAX_KEY_MESSAGES:
        raise InvalidInput(
            f"A ticket keeps at most {MAX_KEY_MESSAGES} key messages.",
            code="too_many_key_messages",
            field="key_message_ids",
        )
    found: list[Message] = []
    for message_id in dict.fromkeys(message_ids):
        message = session_messages.find(session, message_id)
        if message is None:
            raise InvalidInput(
                "This message is not one of the session's.",
                code="message_not_found",
                field="key_message_ids",
            )
        found.append(message)
    return [key_message(m) for m in sorted(found, key=lambda m: m["created_at"])]


def key_message(message: Message) -> KeyMessage:
    text = message.get("text") or message.get("caption") or ""
    return {
        "message_id": message["message_id"],
        "created_at": message["created_at"],
        "type": message.get("type") or "text",
        "excerpt": text[: ticket_record.MAX_EXCERPT_CHARS],
        "has_media": bool(message.get("media")),
    }


def problem_from(key_messages: Sequence[KeyMessage]) -> str:
    """The problem in the user's own words when the agent gives none: their key messages'
    texts, oldest first."""
    said = " / ".join(m["excerpt"] for m in key_messages if m.get("excerpt"))
    return said[:MAX_PROBLEM_CHARS]


def bounded(text: str | None, most: int, field: str) -> str | None:
    """`text` without surrounding blanks (None when blank), at most `most` characters."""
    cleaned = (text or "").strip()
    if len(cleaned) > most:
        raise InvalidInput(
            f"This holds at most {most} characters.", code="text_too_long", field=field
        )
    return cleaned or None
