"""Groups in the sandbox Telegram: the bot added to a group or removed from it, and a sandbox
user writing in the group (`/bind CODE` for the team chat). The bot's messages to a group are
kept with the group's other messages, as for private chats.

Group ids are negative, as Telegram's are; a supergroup's start with -100.
"""

from __future__ import annotations

from typing import Any

from infra.local.sandbox.state import SandboxStore, now_s

SANDBOX_GROUP = {"id": -1001000000001, "title": "Sandbox team", "type": "supergroup"}


def group_chat(store: SandboxStore, chat_id: int) -> dict[str, Any] | None:
    """The Chat of a group the bot is in, else None."""
    group = store.data.groups.get(str(chat_id))
    return dict(group) if group else None


def bot_added(store: SandboxStore, chat: dict[str, Any], by_user_id: int) -> dict[str, Any]:
    """The bot joins the group (`chat`: id, title, type): the `my_chat_member` update."""
    with store.lock:
        store.data.groups[str(chat["id"])] = dict(chat)
        update = _member_update(store, chat, by_user_id, old="left", new="member")
        store.save()
        return update


def bot_removed(store: SandboxStore, chat_id: int, by_user_id: int) -> dict[str, Any]:
    """The bot is removed from the group: the `my_chat_member` update (status `kicked`)."""
    with store.lock:
        chat = store.data.groups.pop(str(chat_id), None)
        if chat is None:
            raise LookupError(f"the bot is not in the group {chat_id}")
        update = _member_update(store, chat, by_user_id, old="member", new="kicked")
        store.save()
        return update


def group_text(store: SandboxStore, chat_id: int, user_id: int, text: str) -> dict[str, Any]:
    """A sandbox user writes `text` in the group: the `message` update (a command carries its
    `bot_command` entity)."""
    if not text.strip():
        raise ValueError("text is empty")
    with store.lock:
        chat = group_chat(store, chat_id)
        user = store.data.users.get(str(user_id))
        if chat is None or user is None:
            raise LookupError(f"no sandbox group {chat_id} with the bot, or no user {user_id}")
        message: dict[str, Any] = {
            "message_id": store.next_message_id(chat_id),
            "from": dict(user),
            "chat": chat,
            "date": now_s(),
            "text": text,
        }
        if text.startswith("/"):
            command = text.split(maxsplit=1)[0]
            length = len(command.encode("utf-16-le")) // 2
            message["entities"] = [{"offset": 0, "length": length, "type": "bot_command"}]
        store.data.messages.append(message)
        update = {"update_id": store.next_update_id(), "message": message}
        store.save()
        return update


def _member_update(
    store: SandboxStore, chat: dict[str, Any], by_user_id: int, *, old: str, new: str
) -> dict[str, Any]:
    user = store.data.users.get(str(by_user_id))
    if user is None:
        raise LookupError(f"no sandbox user {by_user_id}")
    bot = {"id": store.bot_id, "is_bot": True, "first_name": "tgdesk sandbox"}
    bot["username"] = "tgdesk_sandbox_bot"
    change = {
        "chat": dict(chat),
        "from": dict(user),
        "date": now_s(),
        "old_chat_member": {"user": bot, "status": old},
        "new_chat_member": {
            "user": bot,
            "status": new,
            **({"until_date": 0} if new == "kicked" else {}),
        },
    }
    return {"update_id": store.next_update_id(), "my_chat_member": change}
