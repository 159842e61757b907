"""Tolerant parsing of the Update objects Telegram POSTs to the webhook.

Plain Python on purpose (no pydantic): the webhook imports this on its cold start. Payloads
span a decade of Bot API versions, so every field is optional unless we cannot work without
it, and unknown fields are ignored (they survive in `raw`).

`parse_update` classifies an update into one of four results:
- `InboundMessage`: a private-chat message, or a button press (callback_query) in one;
- `MessageEdit`: an edited private-chat message;
- `ChatMemberChange`: the user blocked (`kicked`) or unblocked (`member`) the bot;
- `Ignored`: everything acknowledged but not served (groups, channels, unknown kinds),
  with the name of the counter it adds to.
Anything that is not a JSON object with an integer `update_id` raises `InvalidUpdate`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any, TypeGuard

EXCERPT_LENGTH = 120

# Media kinds in the order they are recognised. An animation also carries a `document`
# (for old clients), and a venue also carries a `location`, so those come first.
_MEDIA_TYPES = (
    "animation",
    "photo",
    "document",
    "voice",
    "audio",
    "video",
    "video_note",
    "sticker",
)
_PLAIN_TYPES = ("venue", "location", "contact", "poll", "dice")
_SERVED_FIELDS = ("message", "edited_message", "callback_query", "my_chat_member")
_COUNTER_NAME = re.compile(r"[a-z][a-z0-9_]{0,63}")
# Counter names become attribute names beside these on the counter item.
_RESERVED_COUNTER_NAMES = frozenset({"kind", "project_id", "updated_at"})


class InvalidUpdate(ValueError):
    """The body is not a Telegram update (not a JSON object with an integer update_id)."""


@dataclass(frozen=True, slots=True)
class TelegramUser:
    id: int
    first_name: str | None = None
    last_name: str | None = None
    username: str | None = None
    language_code: str | None = None
    is_premium: bool = False

    def profile(self) -> dict[str, Any]:
        """The fields kept on the user's profile (None means absent)."""
        return {
            "first_name": self.first_name,
            "last_name": self.last_name,
            "username": self.username,
            "language_code": self.language_code,
            "is_premium": self.is_premium,
        }


@dataclass(frozen=True, slots=True)
class Chat:
    id: int
    type: str


@dataclass(frozen=True, slots=True)
class InboundMessage:
    update_id: int
    kind: str  # "message" or "callback_query"
    user: TelegramUser
    chat: Chat
    message: dict[str, Any]  # normalised, see normalize_message


@dataclass(frozen=True, slots=True)
class MessageEdit:
    update_id: int
    user: TelegramUser
    chat: Chat
    message: dict[str, Any]  # the new version, normalised
    edited_at: int | None  # epoch ms, from edit_date

    kind = "edited_message"


@dataclass(frozen=True, slots=True)
class ChatMemberChange:
    update_id: int
    user: TelegramUser
    chat: Chat
    blocked: bool  # True: the user blocked the bot; False: they allowed it again

    kind = "my_chat_member"


@dataclass(frozen=True, slots=True)
class Ignored:
    update_id: int
    kind: str  # the counter it adds to: group_message, channel_post, inline_query, ...


Update = InboundMessage | MessageEdit | ChatMemberChange | Ignored


def decode_update(body: str | bytes) -> Update:
    """Parse a webhook request body. Raises InvalidUpdate for anything but an update."""
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError) as err:
        raise InvalidUpdate(f"body is not JSON: {err}") from err
    return parse_update(data)


def parse_update(data: Any) -> Update:
    if not isinstance(data, dict):
        raise InvalidUpdate("body is not a JSON object")
    update_id = data.get("update_id")
    if not _is_int(update_id):
        raise InvalidUpdate("update_id is missing or not an integer")

    field = _update_field(data)
    payload = data.get(field) if field else None
    if field is None or not isinstance(payload, dict):
        return Ignored(update_id, _counter_name(field or "unknown"))
    if field in ("message", "edited_message"):
        return _parse_message_update(update_id, field, payload)
    if field == "callback_query":
        return _parse_callback_query(update_id, payload)
    if field == "my_chat_member":
        return _parse_member_change(update_id, payload)
    return Ignored(update_id, _counter_name(field))


def _update_field(data: dict[str, Any]) -> str | None:
    """The one field beside update_id that says what the update is."""
    for name in _SERVED_FIELDS:
        if name in data:
            return name
    return next((k for k in data if k != "update_id"), None)


def _parse_message_update(update_id: int, field: str, msg: dict[str, Any]) -> Update:
    chat = _chat(msg.get("chat"))
    if chat is None or chat.type != "private":
        return Ignored(update_id, _outside_private_chat(field, chat))
    user = _user(msg.get("from")) or _user(msg.get("chat"))
    if user is None:
        return Ignored(update_id, _counter_name(f"anonymous_{field}"))
    message = normalize_message(msg)
    if field == "edited_message":
        edit_date = msg.get("edit_date")
        edited_at = edit_date * 1000 if _is_int(edit_date) else None
        return MessageEdit(update_id, user, chat, message, edited_at)
    return InboundMessage(update_id, "message", user, chat, message)


def _parse_callback_query(update_id: int, query: dict[str, Any]) -> Update:
    source = query.get("message")
    if not isinstance(source, dict):
        # A button under a message sent in inline mode: not in a chat with the bot.
        return Ignored(update_id, "inline_callback_query")
    chat = _chat(source.get("chat"))
    if chat is None or chat.type != "private":
        return Ignored(update_id, _outside_private_chat("callback_query", chat))
    user = _user(query.get("from"))
    if user is None:
        return Ignored(update_id, "anonymous_callback_query")
    message = {
        "type": "callback_query",
        "callback_query": _compact(
            {
                "id": _str(query.get("id")),
                "data": _str(query.get("data")),
                "game_short_name": _str(query.get("game_short_name")),
                "message_id": _int(source.get("message_id")),
            }
        ),
        "raw": query,
    }
    return InboundMessage(update_id, "callback_query", user, chat, message)


def _parse_member_change(update_id: int, change: dict[str, Any]) -> Update:
    chat = _chat(change.get("chat"))
    if chat is None or chat.type != "private":
        return Ignored(update_id, _outside_private_chat("my_chat_member", chat))
    user = _user(change.get("from"))
    new_member = change.get("new_chat_member")
    status = new_member.get("status") if isinstance(new_member, dict) else None
    if user is None or status not in ("kicked", "member"):
        return Ignored(update_id, "my_chat_member")
    return ChatMemberChange(update_id, user, chat, blocked=status == "kicked")


def _outside_private_chat(field: str, chat: Chat | None) -> str:
    if chat is None:
        return _counter_name(f"chatless_{field}")
    where = "group" if chat.type in ("group", "supergroup") else chat.type
    return _counter_name(f"{where}_{field}")


def _counter_name(name: str) -> str:
    name = name.lower()
    if _COUNTER_NAME.fullmatch(name) and name not in _RESERVED_COUNTER_NAMES:
        return name
    return "unknown"


# -- message normalisation ------------------------------------------------------------
def normalize_message(msg: dict[str, Any]) -> dict[str, Any]:
    """The stored shape of a Telegram Message (docs/data-model.md, "Message").

    Absent fields are left out; `raw` is the message exactly as received.
    """
    out: dict[str, Any] = {"type": message_type(msg)}
    for name in ("text", "caption", "media_group_id"):
        value = _str(msg.get(name))
        if value is not None:
            out[name] = value
    for name in ("entities", "caption_entities"):
        value = msg.get(name)
        if isinstance(value, list) and value:
            out[name] = [e for e in value if isinstance(e, dict)]
    media = _media(msg, out["type"])
    if media:
        out["media"] = media
    location = _location(msg)
    if location:
        out["location"] = location
    for name in ("contact", "poll", "dice"):
        value = msg.get(name)
        if isinstance(value, dict):
            out[name] = value
    forward = forward_of(msg)
    if forward:
        out["forward"] = forward
    reply_to = _reply_to(msg)
    if reply_to:
        out["reply_to"] = reply_to
    if _is_int(msg.get("message_id")):
        out["telegram_message_id"] = msg["message_id"]
    if _is_int(msg.get("date")):
        out["telegram_date"] = msg["date"] * 1000
    out["raw"] = msg
    return out


def message_type(msg: dict[str, Any]) -> str:
    for name in (*_MEDIA_TYPES, *_PLAIN_TYPES):
        if msg.get(name):
            return name
    if isinstance(msg.get("text"), str):
        return "text"
    return "other"


def _media(msg: dict[str, Any], kind: str) -> dict[str, Any] | None:
    if kind == "photo":
        sizes = [_scalars(s) for s in msg["photo"] if isinstance(s, dict)]
        if not sizes:
            return None
        largest = max(sizes, key=lambda s: (_area(s), _int(s.get("file_size")) or 0))
        return {**largest, "sizes": sizes}
    if kind in _MEDIA_TYPES and isinstance(msg.get(kind), dict):
        return _scalars(msg[kind])
    return None


def _area(size: dict[str, Any]) -> int:
    return (_int(size.get("width")) or 0) * (_int(size.get("height")) or 0)


def _location(msg: dict[str, Any]) -> dict[str, Any] | None:
    venue = msg.get("venue")
    if isinstance(venue, dict):
        place = venue.get("location")
        point = place if isinstance(place, dict) else {}
        return _compact(
            {**point, "title": _str(venue.get("title")), "address": _str(venue.get("address"))}
        )
    location = msg.get("location")
    return location if isinstance(location, dict) else None


def forward_of(msg: dict[str, Any]) -> dict[str, Any] | None:
    """Who a forwarded message came from: Bot API 7 `forward_origin`, else the legacy fields."""
    origin = msg.get("forward_origin")
    if isinstance(origin, dict):
        return _forward_from_origin(origin)
    date = _ms(msg.get("forward_date"))
    sender = _user(msg.get("forward_from"))
    if sender is not None:
        return _forward("user", _full_name(sender), sender.id, sender.username, date)
    source = msg.get("forward_from_chat")
    if isinstance(source, dict):
        kind = "channel" if source.get("type") == "channel" else "chat"
        forward = _forward(
            kind, _str(source.get("title")), _int(source.get("id")), source.get("username"), date
        )
        forward["message_id"] = _int(msg.get("forward_from_message_id"))
        forward["author_signature"] = _str(msg.get("forward_signature"))
        return _compact(forward)
    hidden_name = _str(msg.get("forward_sender_name"))
    if hidden_name is not None:
        return _forward("hidden_user", hidden_name, None, None, date)
    return None


def _forward_from_origin(origin: dict[str, Any]) -> dict[str, Any]:
    kind = _str(origin.get("type")) or "unknown"
    date = _ms(origin.get("date"))
    if kind == "user":
        sender = _user(origin.get("sender_user"))
        if sender is not None:
            return _forward(kind, _full_name(sender), sender.id, sender.username, date)
    if kind == "hidden_user":
        return _forward(kind, _str(origin.get("sender_user_name")), None, None, date)
    source = origin.get("chat") if kind == "channel" else origin.get("sender_chat")
    if isinstance(source, dict):
        forward = _forward(
            kind, _str(source.get("title")), _int(source.get("id")), source.get("username"), date
        )
        forward["message_id"] = _int(origin.get("message_id"))
        forward["author_signature"] = _str(origin.get("author_signature"))
        return _compact(forward)
    return _forward(kind, None, None, None, date)


def _forward(
    kind: str, name: str | None, ident: int | None, username: Any, date: int | None
) -> dict[str, Any]:
    return _compact(
        {"type": kind, "name": name, "id": ident, "username": _str(username), "date": date}
    )


def _reply_to(msg: dict[str, Any]) -> dict[str, Any] | None:
    replied = msg.get("reply_to_message")
    if not isinstance(replied, dict):
        return None
    quote = msg.get("quote")
    quoted = _str(quote.get("text")) if isinstance(quote, dict) else None
    text = quoted or _str(replied.get("text")) or _str(replied.get("caption"))
    return _compact(
        {
            "telegram_message_id": _int(replied.get("message_id")),
            "type": message_type(replied),
            "excerpt": excerpt(text) if text else None,
        }
    )


def excerpt(text: str, length: int = EXCERPT_LENGTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


# -- small helpers --------------------------------------------------------------------
def _user(value: Any) -> TelegramUser | None:
    if not isinstance(value, dict) or not _is_int(value.get("id")):
        return None
    return TelegramUser(
        id=value["id"],
        first_name=_str(value.get("first_name")),
        last_name=_str(value.get("last_name")),
        username=_str(value.get("username")),
        language_code=_str(value.get("language_code")),
        is_premium=value.get("is_premium") is True,
    )


def _chat(value: Any) -> Chat | None:
    if not isinstance(value, dict) or not _is_int(value.get("id")):
        return None
    return Chat(id=value["id"], type=_str(value.get("type")) or "unknown")


def _full_name(user: TelegramUser) -> str | None:
    return " ".join(p for p in (user.first_name, user.last_name) if p) or None


def _scalars(obj: dict[str, Any]) -> dict[str, Any]:
    """The plain fields of a media object (thumbnails and other nested objects stay in raw)."""
    return {k: v for k, v in obj.items() if isinstance(v, str | int | float | bool)}


def _compact(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if v is not None}


def _is_int(value: Any) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _int(value: Any) -> int | None:
    return value if _is_int(value) else None


def _ms(seconds: Any) -> int | None:
    return seconds * 1000 if _is_int(seconds) else None


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) else None
