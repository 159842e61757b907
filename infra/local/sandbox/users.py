"""Telegram users of the sandbox and the private-chat updates they produce."""

from __future__ import annotations

from typing import Any

from infra.local.sandbox.images import image_size
from infra.local.sandbox.params import Upload
from infra.local.sandbox.state import SandboxStore, now_s

_PROFILE_FIELDS = ("first_name", "last_name", "username", "language_code", "is_premium")
_PHOTO_SIDES = (90, 320, 800)  # Telegram's s, m and x sizes below the full one


def upsert_user(store: SandboxStore, user_id: int, profile: dict[str, Any]) -> dict[str, Any]:
    """A known user (profile fields update it) or a new one (first_name required)."""
    with store.lock:
        user = store.data.users.get(str(user_id))
        changes = {k: profile[k] for k in _PROFILE_FIELDS if profile.get(k) not in (None, "")}
        if user is None:
            if not changes.get("first_name"):
                raise ValueError("a new user needs a first_name")
            user = {"id": user_id, "is_bot": False}
        if changes:
            user.update(changes)
            store.data.users[str(user_id)] = user
            store.save()
        return dict(user)


def private_chat(user: dict[str, Any]) -> dict[str, Any]:
    chat = {"id": user["id"], "first_name": user["first_name"]}
    for key in ("last_name", "username"):
        if user.get(key):
            chat[key] = user[key]
    chat["type"] = "private"
    return chat


def _message_update(store: SandboxStore, user_id: int, content: dict[str, Any]) -> dict[str, Any]:
    with store.lock:
        user = store.data.users.get(str(user_id))
        if user is None:
            raise LookupError(f"no sandbox user {user_id}")
        message = {
            "message_id": store.next_message_id(user_id),
            "from": dict(user),
            "chat": private_chat(user),
            "date": now_s(),
            **content,
        }
        store.data.messages.append(message)
        update = {"update_id": store.next_update_id(), "message": message}
        store.save()
        return update


def text_update(store: SandboxStore, user_id: int, text: str) -> dict[str, Any]:
    if not text.strip():
        raise ValueError("text is empty")
    content: dict[str, Any] = {"text": text}
    if text.startswith("/"):
        command = text.split(maxsplit=1)[0]
        content["entities"] = [
            {"offset": 0, "length": len(command.encode("utf-16-le")) // 2, "type": "bot_command"}
        ]
    return _message_update(store, user_id, content)


def photo_update(
    store: SandboxStore, user_id: int, upload: Upload, caption: str | None
) -> dict[str, Any]:
    """A photo message with the sizes Telegram makes; every size is a file the bot can get."""
    size = image_size(upload.data)
    if size is None:
        raise ValueError("the photo must be a PNG, JPEG or GIF image")
    width, height = size
    sizes = []
    with store.lock:
        blob = store.store_file(
            upload.data,
            kind="photos",
            extension=".jpg",
            extra={"mime_type": upload.content_type, "width": width, "height": height},
        )
        longest = max(width, height)
        for side in _PHOTO_SIDES:
            if longest > side:
                scale = side / longest
                record = store.register_file(
                    {k: blob[k] for k in ("file_size", "file_path", "blob")}
                    | {"width": round(width * scale), "height": round(height * scale)}
                )
                sizes.append(record)
        sizes.append(blob)
        photo = [
            {k: r[k] for k in ("file_id", "file_unique_id", "file_size", "width", "height")}
            for r in sizes
        ]
    content: dict[str, Any] = {"photo": photo}
    if caption:
        content["caption"] = caption
    return _message_update(store, user_id, content)


def chat_id_of(update: dict[str, Any]) -> int:
    """The chat an update belongs to (Telegram delivers one chat's updates in order); 0
    when it names none with an integer id."""
    for value in update.values():
        if not isinstance(value, dict):
            continue
        message = value.get("message")
        for holder in (
            value.get("chat"),
            message.get("chat") if isinstance(message, dict) else None,
            value.get("from"),
        ):
            if isinstance(holder, dict):
                chat_id = holder.get("id")
                return chat_id if isinstance(chat_id, int) and not isinstance(chat_id, bool) else 0
    return 0
