"""The rating buttons' callback data: `csat:{session_id}:{token}:{score}`, at most 64 bytes.

The token is random and stored with the session's survey, so a press names its session and
proves it came from the buttons the bot sent there (a made-up press finds no such token).
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass

from tgdesk.telegram.updates import InboundMessage

PREFIX = "csat"
SCORES = (1, 2, 3, 4, 5)
MAX_BYTES = 64  # Telegram's limit for callback_data
_DATA = re.compile(r"csat:([0-9A-Za-z]{1,40}):([0-9A-Za-z_-]{8,16}):([1-5])")


@dataclass(frozen=True, slots=True)
class Press:
    session_id: str
    token: str
    score: int


def new_token() -> str:
    return secrets.token_urlsafe(9)  # 12 characters, 72 random bits


def encode(session_id: str, token: str, score: int) -> str:
    data = f"{PREFIX}:{session_id}:{token}:{score}"
    if len(data.encode()) > MAX_BYTES or not _DATA.fullmatch(data):
        raise ValueError("callback data would not fit Telegram's 64 bytes")
    return data


def decode(data: object) -> Press | None:
    """The press a button's data stands for; None for any other data."""
    found = _DATA.fullmatch(data) if isinstance(data, str) else None
    if found is None:
        return None
    return Press(found.group(1), found.group(2), int(found.group(3)))


def press_of(update: InboundMessage) -> Press | None:
    """The rating a callback query stands for; None for any other update."""
    if update.kind != "callback_query":
        return None
    return decode((update.message.get("callback_query") or {}).get("data"))


def keyboard(session_id: str, token: str) -> dict[str, list[list[dict[str, str]]]]:
    """The inline keyboard: one row of 1 to 5."""
    row = [{"text": str(s), "callback_data": encode(session_id, token, s)} for s in SCORES]
    return {"inline_keyboard": [row]}
