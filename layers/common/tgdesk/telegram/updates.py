"""Tolerant parsing of the Update objects Telegram POSTs to the webhook.

Plain Python on purpose (no pydantic): the webhook imports this on its cold start. Payloads
span a decade of Bot API versions, so every field is optional unless we cannot work without
it, and unknown fields are ignored (they survive in `raw`).

`parse_update` classifies an update into one of four results:
- `InboundMessage`: a private-chat message, or a button press (callback_query) in one;
- `MessageEdit`: an edited private-chat message;
- `ChatMemberChange`: the user blocked (`kicked`) or unblocked (`member`) the bot;
- `GroupBind`, `GroupMigrated`, `BotLeftGroup`: the few group updates the team chat
  (tgdesk.teamchat) serves: `/bind <code>`, a group that became a supergroup, the bot
  removed from a group. Nothing of who sent them is kept;
- `Ignored`: everything acknowledged but not served (other group messages, channels,
  unknown kinds), with the name of the counter it adds to.
Anything that is not a JSON object with an integer `update_id` raises `InvalidUpdate`, and
so does a body no stored form can be made of (see tgdesk.telegram.json_body) or one whose
update, sender or chat id is outside Telegram's 64-bit range: the webhook keeps those as dead
letters. Everything else is stored, cut to what the table holds (`cut` says what was cut).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any, TypeGuard

from tgdesk.core import item_size
from tgdesk.telegram import json_body, shapes

EXCERPT_LENGTH = 120
MAX_TEXT = 16_384  # characters of a text or caption kept (Telegram's limits: 4096 and 1024)
# Bytes of a new message's stored content with its raw JSON: a real message needs a tenth of
# this, and an item (400 KB) keeps room for the edit history and risk flags beside it.
MESSAGE_BUDGET = 128 * 1024
_TEXT = shapes.string(MAX_TEXT)
_SHORT = shapes.string(64)
_SHORT_TITLE = shapes.string(255)  # a group's title (Telegram allows 128 characters)
# Dropped first when a message is over budget (the largest first); text and caption are
# shortened only after these are gone.
_EXPENDABLE = (
    "entities",
    "caption_entities",
    "poll",
    "contact",
    "forward",
    "reply_to",
    "location",
    "callback_query",
    "dice",
    "media",
)

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
    cut: bool = False  # a name was too long, or not text, and was cut or left out

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
class GroupBind:
    """`/bind <code>` or `/bind@<bot username> <code>` sent in a group."""

    update_id: int
    chat: Chat
    title: str | None
    code: str  # as written ("" when none was given)
    bot_username: str | None  # the bot the command names, if it names one

    kind = "team_chat_bind"


@dataclass(frozen=True, slots=True)
class GroupMigrated:
    """A group became a supergroup, which has another chat id."""

    update_id: int
    old_chat_id: int
    new_chat_id: int

    kind = "team_chat_migrated"


@dataclass(frozen=True, slots=True)
class BotLeftGroup:
    """The bot was removed from a group (or left it)."""

    update_id: int
    chat: Chat

    kind = "team_chat_bot_left"


@dataclass(frozen=True, slots=True)
class Ignored:
    update_id: int
    kind: str  # the counter it adds to: group_message, channel_post, inline_query, ...


GroupUpdate = GroupBind | GroupMigrated | BotLeftGroup
Update = InboundMessage | MessageEdit | ChatMemberChange | GroupUpdate | Ignored
_GROUP_TYPES = ("group", "supergroup")
# `/bind`, `/bind CODE` or `/bind@SomeBot CODE` (bot usernames: 5 to 32 of A-Z a-z 0-9 _).
_BIND_COMMAND = re.compile(r"/bind(?:@([A-Za-z0-9_]{1,64}))?(?:\s+(\S{1,64}))?\s*")


def decode_update(body: str | bytes) -> Update:
    """Parse a webhook request body. Raises InvalidUpdate for anything but an update."""
    try:
        data, repaired = json_body.loads(body)
    except json_body.UnreadableBody as err:
        raise InvalidUpdate(str(err)) from err
    update = parse_update(data)
    if repaired and isinstance(update, InboundMessage | MessageEdit):
        _add_cut(update.message, "unicode")
    return update


def parse_update(data: Any) -> Update:
    if not isinstance(data, dict):
        raise InvalidUpdate("body is not a JSON object")
    update_id = data.get("update_id")
    if not _is_int(update_id):
        raise InvalidUpdate("update_id is missing or not an integer")
    if not item_size.is_int64(update_id):
        raise InvalidUpdate("update_id is outside the range of Telegram ids")

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
    _require_telegram_ids(msg, "from", "chat")
    chat = _chat(msg.get("chat"))
    if chat is not None and chat.type in _GROUP_TYPES and field == "message":
        served = _group_message(update_id, chat, msg)
        if served is not None:
            return served
    if chat is None or chat.type != "private":
        return Ignored(update_id, _outside_private_chat(field, chat))
    user = _user(msg.get("from")) or _user(msg.get("chat"))
    if user is None:
        return Ignored(update_id, _counter_name(f"anonymous_{field}"))
    message = normalize_message(msg)
    if user.cut:
        _add_cut(message, "from")
    if field == "edited_message":
        edited_at = _ms(msg.get("edit_date"))
        return MessageEdit(update_id, user, chat, message, edited_at)
    return InboundMessage(update_id, "message", user, chat, message)


def _parse_callback_query(update_id: int, query: dict[str, Any]) -> Update:
    source = query.get("message")
    if not isinstance(source, dict):
        # A button under a message sent in inline mode: not in a chat with the bot.
        return Ignored(update_id, "inline_callback_query")
    _require_telegram_ids(query, "from")
    _require_telegram_ids(source, "chat")
    chat = _chat(source.get("chat"))
    if chat is None or chat.type != "private":
        return Ignored(update_id, _outside_private_chat("callback_query", chat))
    user = _user(query.get("from"))
    if user is None:
        return Ignored(update_id, "anonymous_callback_query")
    cut: set[str] = {"from"} if user.cut else set()
    summary = {
        "id": query.get("id"),
        "data": query.get("data"),
        "game_short_name": query.get("game_short_name"),
        "message_id": source.get("message_id"),
    }
    message: dict[str, Any] = {"type": "callback_query"}
    _keep(
        message,
        "callback_query",
        shapes.take(summary, shapes.CALLBACK_QUERY, "callback_query", cut),
    )
    message["raw"] = query
    return InboundMessage(update_id, "callback_query", user, chat, _fit(message, cut))


def _parse_member_change(update_id: int, change: dict[str, Any]) -> Update:
    _require_telegram_ids(change, "from", "chat")
    chat = _chat(change.get("chat"))
    new_member = change.get("new_chat_member")
    status = new_member.get("status") if isinstance(new_member, dict) else None
    if chat is not None and chat.type in _GROUP_TYPES and status in ("left", "kicked"):
        return BotLeftGroup(update_id, chat)
    if chat is None or chat.type != "private":
        return Ignored(update_id, _outside_private_chat("my_chat_member", chat))
    user = _user(change.get("from"))
    if user is None or status not in ("kicked", "member"):
        return Ignored(update_id, "my_chat_member")
    return ChatMemberChange(update_id, user, chat, blocked=status == "kicked")


def _group_message(update_id: int, chat: Chat, msg: dict[str, Any]) -> GroupUpdate | None:
    """The team chat's part of a group message: a migration notice or `/bind`. Only the
    chat, its title and the command are read, never who sent it."""
    for field, old_is_this in (("migrate_to_chat_id", True), ("migrate_from_chat_id", False)):
        other = msg.get(field)
        if _is_int(other) and item_size.is_int64(other):
            old, new = (chat.id, other) if old_is_this else (other, chat.id)
            return GroupMigrated(update_id, old_chat_id=old, new_chat_id=new)
    text = msg.get("text")
    command = _BIND_COMMAND.fullmatch(text) if isinstance(text, str) else None
    if command is None:
        return None
    bot_username, code = command.groups()
    title = shapes.take(msg["chat"].get("title"), _SHORT_TITLE, "title", set())
    return GroupBind(update_id, chat, title, code or "", bot_username)


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

    Absent fields are left out; `raw` is the message exactly as received. Every stored field
    is checked (tgdesk.telegram.shapes) and the whole kept within MESSAGE_BUDGET; whatever
    did not come through whole is named in `cut`.
    """
    cut: set[str] = set()
    out: dict[str, Any] = {"type": message_type(msg)}
    for name, check in (("text", _TEXT), ("caption", _TEXT), ("media_group_id", _SHORT)):
        _keep(out, name, shapes.take(msg.get(name), check, name, cut))
    for name in ("entities", "caption_entities"):
        _keep(out, name, shapes.take(msg.get(name), shapes.ENTITIES, name, cut) or None)
    _keep(out, "media", _media(msg, out["type"], cut))
    _keep(out, "location", _location(msg, cut))
    for name, check in (("contact", shapes.CONTACT), ("poll", shapes.POLL), ("dice", shapes.DICE)):
        _keep(out, name, shapes.take(msg.get(name), check, name, cut))
    _keep(out, "forward", shapes.take(forward_of(msg), shapes.FORWARD, "forward", cut))
    _keep(out, "reply_to", _reply_to(msg))
    for name, source in (("telegram_message_id", "message_id"), ("telegram_date", "date")):
        value = msg.get(source)
        stored = _ms(value) if name == "telegram_date" else _int(value)
        if value is not None and stored is None:
            cut.add(name)
        _keep(out, name, stored)
    out["raw"] = msg
    return _fit(out, cut)


def message_type(msg: dict[str, Any]) -> str:
    for name in (*_MEDIA_TYPES, *_PLAIN_TYPES):
        if msg.get(name):
            return name
    if isinstance(msg.get("text"), str):
        return "text"
    return "other"


def _media(msg: dict[str, Any], kind: str, cut: set[str]) -> dict[str, Any] | None:
    """The file's plain fields (thumbnails and other nested objects stay in raw); for a photo,
    its largest size with every size under `sizes`."""
    if kind not in _MEDIA_TYPES:
        return None
    if kind != "photo":
        media: dict[str, Any] | None = shapes.take(msg[kind], shapes.MEDIA, "media", cut)
        return media
    sizes = shapes.take(msg["photo"], shapes.PHOTO_SIZES, "media", cut)
    if not sizes:
        cut.add("media")
        return None
    largest = max(sizes, key=lambda s: (_area(s), s.get("file_size", 0)))
    return {**largest, "sizes": sizes}


def _area(size: dict[str, Any]) -> int:
    return (_int(size.get("width")) or 0) * (_int(size.get("height")) or 0)


def _location(msg: dict[str, Any], cut: set[str]) -> dict[str, Any] | None:
    """The point of a location, or of a venue with its title and address."""
    venue = msg.get("venue")
    if isinstance(venue, dict):
        place = venue.get("location")
        point = place if isinstance(place, dict) else {}
        spot = {**point, "title": venue.get("title"), "address": venue.get("address")}
        found: dict[str, Any] | None = shapes.take(spot, shapes.VENUE, "location", cut)
        return found
    location: dict[str, Any] | None = shapes.take(
        msg.get("location"), shapes.LOCATION, "location", cut
    )
    return location


def forward_of(msg: dict[str, Any]) -> dict[str, Any] | None:
    """Who a forwarded message came from: Bot API 7 `forward_origin`, else the legacy fields."""
    origin = msg.get("forward_origin")
    if isinstance(origin, dict):
        return _forward_from_origin(origin)
    date = _ms(msg.get("forward_date"))
    sender = _forwarded_user("user", msg.get("forward_from"), date)
    if sender is not None:
        return sender
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
        sender = _forwarded_user(kind, origin.get("sender_user"), date)
        if sender is not None:
            return sender
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


def _forwarded_user(kind: str, value: Any, date: int | None) -> dict[str, Any] | None:
    """A forward from a user, named as sent: tgdesk.telegram.shapes.FORWARD bounds it."""
    if not isinstance(value, dict) or _int(value.get("id")) is None:
        return None
    names = (_str(value.get("first_name")), _str(value.get("last_name")))
    name = " ".join(n for n in names if n) or None
    return _forward(kind, name, value["id"], value.get("username"), date)


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


# -- fitting the stored message ------------------------------------------------------
def _fit(message: dict[str, Any], cut: set[str]) -> dict[str, Any]:
    """Keep the message's stored content within MESSAGE_BUDGET bytes: the raw JSON text goes
    first, then the expendable fields (largest first), then text and caption are shortened.
    Sets `cut` on the message when anything was cut."""
    content = {k: v for k, v in message.items() if k != "raw"}
    raw_size = _raw_size(message["raw"])
    if item_size.upper_bound(content) + raw_size > MESSAGE_BUDGET:  # else: fits, unmeasured
        _shrink(message, item_size.item_size(content), raw_size, cut)
    if cut:
        message["cut"] = sorted(cut)
    return message


def _shrink(message: dict[str, Any], size: int, raw_size: int, cut: set[str]) -> None:
    if size + raw_size > MESSAGE_BUDGET:
        del message["raw"]
        cut.add("raw")
    present = [name for name in _EXPENDABLE if name in message]
    for name in sorted(present, key=lambda n: item_size.size_of(message[n]), reverse=True):
        if size <= MESSAGE_BUDGET:
            break
        size -= item_size.size_of(name) + item_size.size_of(message.pop(name))
        cut.add(name)
    for name in ("caption", "text"):
        if size > MESSAGE_BUDGET and name in message:
            before = item_size.size_of(message[name])
            message[name] = item_size.utf8_prefix(
                message[name], max(0, before - (size - MESSAGE_BUDGET))
            )
            size -= before - item_size.size_of(message[name])
            cut.add(name)


def _raw_size(raw: Any) -> int:
    return len(json.dumps(raw, ensure_ascii=False, separators=(",", ":"), default=str).encode())


def _keep(message: dict[str, Any], name: str, value: Any) -> None:
    if value is not None:
        message[name] = value


def _add_cut(message: dict[str, Any], name: str) -> None:
    message["cut"] = sorted({*message.get("cut", ()), name})


def _require_telegram_ids(owner: dict[str, Any], *names: str) -> None:
    """An id of the update's sender or chat that no Telegram id can be (beyond 64 bits)
    makes the update unusable: every key and counter of the user is built from it."""
    for name in names:
        value = owner.get(name)
        ident = value.get("id") if isinstance(value, dict) else None
        if _is_int(ident) and not item_size.is_int64(ident):
            raise InvalidUpdate(f"{name}.id is outside the range of Telegram ids")


# -- small helpers --------------------------------------------------------------------
def _user(value: Any) -> TelegramUser | None:
    if not isinstance(value, dict) or _int(value.get("id")) is None:
        return None
    cut: set[str] = set()
    names = {
        name: shapes.take(value.get(name), shapes.NAME, name, cut)
        for name in ("first_name", "last_name", "username", "language_code")
    }
    return TelegramUser(
        id=value["id"], is_premium=value.get("is_premium") is True, cut=bool(cut), **names
    )


def _chat(value: Any) -> Chat | None:
    if not isinstance(value, dict) or _int(value.get("id")) is None:
        return None
    return Chat(id=value["id"], type=_str(value.get("type")) or "unknown")


def _compact(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if v is not None}


def _is_int(value: Any) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _int(value: Any) -> int | None:
    """An int that fits 64 bits (Telegram's ids and counts), else None."""
    return value if item_size.is_int64(value) else None


def _ms(seconds: Any) -> int | None:
    """Epoch seconds as milliseconds, when they fit 64 bits."""
    ms = seconds * 1000 if _is_int(seconds) else None
    return ms if item_size.is_int64(ms) else None


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) else None
