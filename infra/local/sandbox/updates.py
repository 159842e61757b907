"""Raw updates handed to the sandbox (`POST /sandbox/updates`): checked, then remembered.

Telegram only ever sends updates whose users and chats have integer ids of at most 52
significant bits, so the sandbox refuses anything else with a 422 that names the field,
instead of failing somewhere later. An accepted update is also what Telegram learns from:
a user who wrote to the bot in a private chat can be written to, so their chat becomes one
the fake Bot API knows (and the sandbox page lists), however the update arrived.
"""

from __future__ import annotations

import json
from typing import Any

from infra.local.sandbox.state import SandboxStore

# Objects that are a User or a Chat wherever they appear in an update.
_IDENTIFIED = ("chat", "from", "sender_chat", "user")
_MAX_ID = 2**53  # Telegram: ids have at most 52 significant bits
_PROFILE_FIELDS = ("first_name", "last_name", "username", "language_code", "is_premium")


class RejectedUpdate(ValueError):
    """The body is not an update Telegram could send; `status` is the answer's status."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def parse_update(body: bytes) -> dict[str, Any]:
    """The update in `body`, checked; raises RejectedUpdate (400 not JSON, 422 not an update)."""
    try:
        update = json.loads(body, parse_constant=_no_constant)
    except (ValueError, RecursionError) as err:
        raise RejectedUpdate(400, "the body must be one Telegram update as JSON") from err
    if not isinstance(update, dict):
        raise RejectedUpdate(400, "the body must be one Telegram update as JSON")
    if not _is_id(update.get("update_id")):
        raise RejectedUpdate(422, "update_id must be an integer")
    check_ids(update)
    return update


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _is_id(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and abs(value) < _MAX_ID


def check_ids(update: dict[str, Any]) -> None:
    """Every User and Chat in the update has an integer `id` (walked without recursion)."""
    pending: list[tuple[str, Any]] = [("", update)]
    while pending:
        path, value = pending.pop()
        if isinstance(value, list):
            pending.extend((f"{path}[{i}]", v) for i, v in enumerate(value))
            continue
        if not isinstance(value, dict):
            continue
        for key, child in value.items():
            where = f"{path}.{key}" if path else str(key)
            if key in _IDENTIFIED:
                if not isinstance(child, dict):
                    raise RejectedUpdate(422, f"{where} must be an object")
                if not _is_id(child.get("id")):
                    raise RejectedUpdate(422, f"{where}.id must be an integer")
            pending.append((where, child))


def remember_chats(store: SandboxStore, update: dict[str, Any]) -> None:
    """Make every private chat that wrote in this update one the bot can write to, and
    keep a new message in its chat (the sandbox page shows it; the bot's next message id
    in that chat follows it, as in Telegram's one sequence per private chat)."""
    with store.lock:
        changed = False
        for kind, value in update.items():
            if not isinstance(value, dict):
                continue
            message = value.get("message") if isinstance(value.get("message"), dict) else value
            chat = message.get("chat")
            if not isinstance(chat, dict) or chat.get("type") != "private":
                continue
            sender = value.get("from")
            changed |= _remember_user(store, chat, sender if isinstance(sender, dict) else {})
            if kind == "message":
                changed |= _keep_message(store, chat["id"], message)
        if changed:
            store.save()


def _remember_user(store: SandboxStore, chat: dict[str, Any], sender: dict[str, Any]) -> bool:
    chat_id = chat["id"]
    profile = sender if sender.get("id") == chat_id else chat
    known = store.data.users.get(str(chat_id))
    user = dict(known) if known else {"id": chat_id, "is_bot": False}
    for key in _PROFILE_FIELDS:
        if profile.get(key) not in (None, ""):
            user[key] = profile[key]
    user.setdefault("first_name", str(chat_id))  # Telegram always names a private chat
    if user == known:
        return False
    store.data.users[str(chat_id)] = user
    return True


def _keep_message(store: SandboxStore, chat_id: int, message: dict[str, Any]) -> bool:
    message_id = message.get("message_id")
    if not _is_id(message_id) or not isinstance(message.get("from"), dict):
        return False
    last = store.data.message_ids.get(str(chat_id), 0)
    store.data.message_ids[str(chat_id)] = max(last, message_id)
    seen = any(
        m["chat"]["id"] == chat_id and m.get("message_id") == message_id
        for m in store.data.messages
    )
    if not seen:
        store.data.messages.append(message)
    return True
