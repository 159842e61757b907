"""What of a user-supplied Telegram object is stored: its known fields, with the right types,
each bounded. Everything else stays in the message's `raw` JSON text only.

Telegram objects are copied into the table as DynamoDB maps, so an object taken verbatim
could carry what DynamoDB refuses (an empty attribute name, a number of 40 digits or of 1e308,
a map deeper than 32 levels) or more than an item holds. A check here turns a value into its
stored form and says whether it came through whole; what did not is named in the message's
`cut` list (see tgdesk.telegram.updates).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from tgdesk.core.item_size import is_int64, storable_float

# A check: the stored form of a value (None: nothing storable) and whether it is whole.
Check = Callable[[Any], tuple[Any, bool]]

MAX_NAME = 256  # a person's or a chat's name, a username (Telegram's own limit is 64)
MAX_ENTITIES = 1000
MAX_OPTIONS = 100
MAX_PHOTO_SIZES = 20


def string(limit: int) -> Check:
    """A str of at most `limit` characters; a longer one is cut (not whole)."""

    def check(value: Any) -> tuple[Any, bool]:
        if not isinstance(value, str):
            return None, False
        return (value, True) if len(value) <= limit else (value[:limit], False)

    return check


def integer(value: Any) -> tuple[Any, bool]:
    """An int of 64 bits at most (Telegram's ids, sizes, counts and dates)."""
    return (value, True) if is_int64(value) else (None, False)


def flag(value: Any) -> tuple[Any, bool]:
    return (value, True) if isinstance(value, bool) else (None, False)


def between(low: float, high: float) -> Check:
    """A number in [low, high] that DynamoDB can hold (a coordinate, an accuracy)."""

    def check(value: Any) -> tuple[Any, bool]:
        if isinstance(value, bool) or not isinstance(value, int | float):
            return None, False
        if isinstance(value, float) and not storable_float(value):
            return None, False
        return (value, True) if low <= value <= high else (None, False)

    return check


def list_of(item: Check, limit: int) -> Check:
    """A list of at most `limit` items that pass `item` (the others are left out)."""

    def check(value: Any) -> tuple[Any, bool]:
        if not isinstance(value, list):
            return None, False
        whole = len(value) <= limit
        out = []
        for element in value[:limit]:
            stored, element_whole = item(element)
            whole &= element_whole
            if stored is not None:
                out.append(stored)
        return out, whole

    return check


def fields(known: Mapping[str, Check], *, required: tuple[str, ...] = ()) -> Check:
    """An object's known fields that pass their checks; unknown fields are not stored (and
    do not count as cut: they stay in `raw`). None when a required field does not pass or
    nothing does."""

    def check(value: Any) -> tuple[Any, bool]:
        if not isinstance(value, dict):
            return None, False
        out: dict[str, Any] = {}
        whole = True
        for name, raw in value.items():
            field_check = known.get(name)
            if field_check is None or raw is None:
                continue
            stored, field_whole = field_check(raw)
            whole &= field_whole
            if stored is not None:
                out[name] = stored
        if not out or any(name not in out for name in required):
            return None, False
        return out, whole

    return check


NAME = string(MAX_NAME)
PERSON = fields(
    {
        "id": integer,
        "is_bot": flag,
        "first_name": NAME,
        "last_name": NAME,
        "username": NAME,
        "language_code": string(35),
    },
    required=("id",),
)
ENTITY = fields(
    {
        "type": string(64),
        "offset": integer,
        "length": integer,
        "url": string(2048),
        "user": PERSON,
        "language": string(64),
        "custom_emoji_id": string(64),
    },
    required=("type", "offset", "length"),
)
ENTITIES = list_of(ENTITY, MAX_ENTITIES)
MEDIA = fields(
    {
        "file_id": string(512),
        "file_unique_id": string(512),
        "file_size": integer,
        "mime_type": string(255),
        "file_name": string(1024),
        "width": integer,
        "height": integer,
        "duration": integer,
        "length": integer,
        "emoji": string(64),
        "set_name": string(MAX_NAME),
        "title": string(1024),
        "performer": string(1024),
        "type": string(64),
        "custom_emoji_id": string(64),
        "is_animated": flag,
        "is_video": flag,
    }
)
PHOTO_SIZES = list_of(MEDIA, MAX_PHOTO_SIZES)
POINT = {
    "latitude": between(-90, 90),
    "longitude": between(-180, 180),
    "horizontal_accuracy": between(0, 1500),
    "live_period": integer,
    "heading": integer,
    "proximity_alert_radius": integer,
}
LOCATION = fields(POINT)
VENUE = fields({**POINT, "title": string(1024), "address": string(1024)})
CONTACT = fields(
    {
        "phone_number": string(64),
        "first_name": NAME,
        "last_name": NAME,
        "user_id": integer,
        "vcard": string(4096),
    }
)
DICE = fields({"emoji": string(16), "value": integer})
POLL_OPTION = fields(
    {
        "text": string(1024),
        "text_entities": ENTITIES,
        "voter_count": integer,
        "persistent_id": string(64),
    }
)
POLL = fields(
    {
        "id": string(64),
        "question": string(1024),
        "question_entities": ENTITIES,
        "options": list_of(POLL_OPTION, MAX_OPTIONS),
        "total_voter_count": integer,
        "is_closed": flag,
        "is_anonymous": flag,
        "type": string(32),
        "allows_multiple_answers": flag,
        "allows_revoting": flag,
        "correct_option_id": integer,
        "correct_option_ids": list_of(integer, MAX_OPTIONS),
        "explanation": string(1024),
        "explanation_entities": ENTITIES,
        "open_period": integer,
        "close_date": integer,
    }
)
# Our own summaries, built from the update's fields: bounded the same way.
FORWARD = fields(
    {
        "type": string(32),
        "name": NAME,
        "id": integer,
        "username": NAME,
        "date": integer,
        "message_id": integer,
        "author_signature": NAME,
    }
)
CALLBACK_QUERY = fields(
    {
        "id": string(256),
        "data": string(256),
        "game_short_name": string(256),
        "message_id": integer,
    }
)


def take(value: Any, check: Check, name: str, cut: set[str]) -> Any:
    """The stored form of `value` (None when absent or nothing passes); adds `name` to `cut`
    when a value was present but did not come through whole."""
    if value is None:
        return None
    stored, whole = check(value)
    if not whole:
        cut.add(name)
    return stored
