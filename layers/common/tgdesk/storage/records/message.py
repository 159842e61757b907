"""A message of a chat (a user's or an agent's): its item shape, key, and the conversions to
and from its item.

Messages live in their user's chat partition (`CHAT#{project}#{user}`), ordered by creation
time, across sessions; a session's messages are a range of it (`keys.message_range`).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Literal, TypedDict, cast

from tgdesk.storage import keys, table
from tgdesk.storage.records.translation import Translation

KIND = "message"


class Delivery(TypedDict, total=False):
    """Where an agent's message stands with Telegram."""

    state: Literal["sending", "sent", "retrying", "failed"]
    attempts: int
    next_attempt_at: int
    sent_at: int
    telegram_message_id: int
    error_code: str
    reason: str


class MessageShown(TypedDict, total=False):
    """What the console is shown of a message (the API and the realtime frames alike)."""

    message_id: str
    session_id: str
    project_id: str
    tg_user_id: int
    direction: Literal["in", "out"]
    type: str
    created_at: int
    text: str
    caption: str
    entities: list[dict[str, Any]]
    caption_entities: list[dict[str, Any]]
    media: dict[str, Any]
    attachments: list[dict[str, Any]]  # an agent's files (tgdesk.attachments)
    location: dict[str, Any]
    venue: dict[str, Any]
    contact: dict[str, Any]
    poll: dict[str, Any]
    dice: dict[str, Any]
    callback_query: dict[str, Any]
    forward: dict[str, Any]
    reply_to: dict[str, Any]
    media_group_id: str
    telegram_message_id: int
    telegram_date: int
    edited_at: int
    edits: list[dict[str, Any]]  # earlier versions: the original and the latest ones
    sender_agent_id: str
    from_bot: bool  # the bot's own message (a survey, a welcome, an FAQ answer)
    client_message_id: str
    delivery: Delivery
    risk: list[dict[str, Any]]  # what risk control found in a user's message
    cut: list[str]  # what was not stored whole
    edits_dropped: int  # earlier versions left out of `edits`
    translation: Translation  # a user's message in the agents' language (tgdesk.translation)
    original_text: str  # a translated reply: what the agent wrote (`text` is what was sent)


class Message(MessageShown, total=False):
    """A message item without its key attributes, as storage returns it (`raw` parsed)."""

    kind: str
    raw: Any  # the Telegram message as received; kept as a JSON string in the table
    correlation_id: str  # the update or request that wrote it (core.correlation)


SHOWN_FIELDS: dict[str, Any] = dict.fromkeys(MessageShown.__annotations__)
DELIVERY_FIELDS: dict[str, Any] = dict.fromkeys(Delivery.__annotations__)


def key(message: Mapping[str, Any]) -> tuple[str, str]:
    return keys.message(
        message["project_id"], message["tg_user_id"], message["created_at"], message["message_id"]
    )


def to_item(message: Message) -> dict[str, Any]:
    """The table item of a message: its key, `kind`, and `raw` as JSON."""
    pk, sk = key(message)
    item: dict[str, Any] = {"PK": pk, "SK": sk, **message, "kind": KIND}
    if "raw" in message:
        item["raw"] = table.dumps(message["raw"]) if message["raw"] is not None else None
    return item


def from_item(item: Mapping[str, Any]) -> Message:
    """The message of a table item: no key attributes, `raw` parsed back from JSON."""
    out = table.strip_keys(dict(item))
    if isinstance(out.get("raw"), str):
        out["raw"] = json.loads(out["raw"])
    return cast(Message, out)


def shown(message: Mapping[str, Any]) -> dict[str, Any]:
    """What the console is shown of a message, every shown attribute present."""
    view = {name: message.get(name) for name in SHOWN_FIELDS}
    if view["delivery"] is not None:
        view["delivery"] = {name: view["delivery"].get(name) for name in DELIVERY_FIELDS}
    return view
