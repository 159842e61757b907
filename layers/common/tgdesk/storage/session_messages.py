"""Finding one message of a session by its id.

A message's sort key is `MSG#{created_at}#{message_id}` and its id is a ULID made after its
`created_at` was read, in the same process: the id's time is an upper bound of the sort key.
So the search reads the session's range backwards from that bound, and the message is
normally the first item read. Reading is capped: an id that names no message of the session
costs at most MAX_PAGES pages.
"""

from __future__ import annotations

from typing import Any

from tgdesk.storage import keys, table
from tgdesk.storage.records import message as message_record
from tgdesk.storage.records.message import Message
from tgdesk.storage.records.session import Session

PAGE_SIZE = 25
MAX_PAGES = 8
_ULID_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"
_ULID_LENGTH = 26
_ULID_TIME_CHARS = 10


def id_time(message_id: str) -> int | None:
    """The milliseconds encoded in a lower-case ULID, or None when it is not one."""
    if len(message_id) != _ULID_LENGTH or not set(message_id) <= set(_ULID_ALPHABET):
        return None
    value = 0
    for char in message_id[:_ULID_TIME_CHARS]:
        value = value * 32 + _ULID_ALPHABET.index(char)
    return value


def find(session: Session, message_id: str) -> Message | None:
    """The message `message_id` if it belongs to `session`, else None."""
    made_at = id_time(message_id)
    if made_at is None or made_at < session["opened_at"]:
        return None
    low, high = keys.message_range(session["opened_at"], session.get("closed_at"))
    high = min(high, f"{keys.MESSAGE_PREFIX}{keys.ts(made_at)}#~")
    start: dict[str, Any] | None = None
    for _ in range(MAX_PAGES):
        items, start = table.query(
            pk=keys.chat(session["project_id"], session["tg_user_id"]),
            sk_between=(low, high),
            forward=False,
            limit=PAGE_SIZE,
            start_key=start,
        )
        for item in items:
            if item.get("message_id") == message_id:
                found = message_record.from_item(item)
                return found if found.get("session_id") == session["session_id"] else None
        if not start:
            return None
    return None
