"""The FAQ answer's buttons: `faq:{session_id}:{token}:{s|h}` ("That solved it" / "I still
need help"), at most 64 bytes, in the shape of the survey's rating buttons
(tgdesk.surveys.callback_data, whose token they share): the token is stored with the
session's latest FAQ answer, so a press names its session and proves it came from there."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tgdesk.autoreplies import wording
from tgdesk.surveys import callback_data as survey_buttons
from tgdesk.telegram.updates import InboundMessage

PREFIX = "faq"
SOLVED, HELP = "solved", "help"
_CHOICES = {"s": SOLVED, "h": HELP}
_DATA = re.compile(r"faq:([0-9A-Za-z]{1,40}):([0-9A-Za-z_-]{8,16}):([sh])")
new_token = survey_buttons.new_token


@dataclass(frozen=True, slots=True)
class Press:
    session_id: str
    token: str
    choice: str  # solved or help


def encode(session_id: str, token: str, choice: str) -> str:
    data = f"{PREFIX}:{session_id}:{token}:{choice[0]}"
    if len(data.encode()) > survey_buttons.MAX_BYTES or not _DATA.fullmatch(data):
        raise ValueError("callback data would not fit Telegram's 64 bytes")
    return data


def decode(data: object) -> Press | None:
    """The press a button's data stands for; None for any other data."""
    found = _DATA.fullmatch(data) if isinstance(data, str) else None
    if found is None:
        return None
    return Press(found.group(1), found.group(2), _CHOICES[found.group(3)])


def press_of(update: InboundMessage) -> Press | None:
    """The FAQ button a callback query stands for; None for any other update."""
    if update.kind != "callback_query":
        return None
    return decode((update.message.get("callback_query") or {}).get("data"))


def keyboard(
    session_id: str, token: str, language: str | None
) -> dict[str, list[list[dict[str, str]]]]:
    """One row: "That solved it", "I still need help", in the answer's language."""
    row = [
        {
            "text": wording.button(language, choice),
            "callback_data": encode(session_id, token, choice),
        }
        for choice in (SOLVED, HELP)
    ]
    return {"inline_keyboard": [row]}
