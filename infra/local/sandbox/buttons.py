"""Inline keyboard buttons under the bot's messages in the sandbox Telegram.

A user's press of a button with `callback_data` becomes a `callback_query` update shaped as
Telegram sends it (the message it is under, as it is now, keyboard included). Each press is
a query the bot answers once with answerCallbackQuery (in the webhook's response or by a
call); the answer is kept with the query so the page and tests can show what the user saw.
"""

from __future__ import annotations

import secrets
from typing import Any

from infra.local.sandbox.state import SandboxStore

KEPT_QUERIES = 200  # the latest presses remembered for their answers; older ones are too old


def press_update(store: SandboxStore, user_id: int, message_id: int, data: str) -> dict[str, Any]:
    """The update of `user_id` pressing the button with `data` under the bot's message
    `message_id` in their private chat. LookupError: no such user or message; ValueError:
    the message has no such button."""
    with store.lock:
        user = store.data.users.get(str(user_id))
        if user is None:
            raise LookupError(f"no sandbox user {user_id}")
        message = next(
            (
                m
                for m in store.data.messages
                if m["chat"]["id"] == user_id
                and m.get("message_id") == message_id
                and m["from"]["id"] == store.bot_id
            ),
            None,
        )
        if message is None:
            raise LookupError(f"no message {message_id} of the bot in chat {user_id}")
        if data not in callback_data_of(message):
            raise ValueError("the message has no button with that callback_data")
        query_id = str(secrets.randbits(63))  # Telegram's query ids are decimal strings
        query = {
            "id": query_id,
            "from": dict(user),
            "message": dict(message),
            "chat_instance": str((user_id * 1_000_003 + store.bot_id) % 2**63),
            "data": data,
        }
        queries = store.data.callback_queries
        queries[query_id] = {"chat_id": user_id, "message_id": message_id, "answer": None}
        for old in list(queries)[:-KEPT_QUERIES]:
            del queries[old]
        update = {"update_id": store.next_update_id(), "callback_query": query}
        store.save()
        return update


def callback_data_of(message: dict[str, Any]) -> list[str]:
    """The callback_data of every button of the message's inline keyboard."""
    rows = (message.get("reply_markup") or {}).get("inline_keyboard") or []
    return [b["callback_data"] for row in rows for b in row if "callback_data" in b]


def answer(store: SandboxStore, query_id: str, text: str, show_alert: bool) -> bool:
    """Keep the bot's answer to a press; False when there is no such press waiting for one
    (unknown, forgotten, or answered already)."""
    with store.lock:
        query = store.data.callback_queries.get(query_id)
        if query is None or query["answer"] is not None:
            return False
        query["answer"] = {"text": text, "show_alert": show_alert}
        store.save()
        return True


def answer_of(store: SandboxStore, query_id: str) -> dict[str, Any] | None:
    """The bot's answer to a press, None while it has none."""
    with store.lock:
        query = store.data.callback_queries.get(query_id)
        return dict(query["answer"]) if query and query["answer"] is not None else None
