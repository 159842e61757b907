"""The bot's own answers: a project's settings, and what a session keeps of them.

AutoreplySettings: PK `PROJECT#{project_id}`, SK `AUTOREPLIES` (absent: every answer off).
Bounded: at most MAX_LANGUAGES texts per answer, MAX_RULES FAQ rules of MAX_PHRASES phrases
and MAX_KEYWORDS keywords each, every text capped, so the item stays far below 400 KB.

A session keeps, as its own attributes: `welcomed_at` (the welcome was sent, once per
session), `off_hours_until` (the off-hours answer was sent for the off-hours period ending
then: once per period), `faq_rules` (a string set: the FAQ rules answered in it, each once)
and `faq_answer` (the latest FAQ answer: its buttons' token and what the user pressed).
"""

from __future__ import annotations

from typing import Any, Literal, TypedDict, cast

from tgdesk.storage import keys, table

KIND = "project_autoreplies"
MAX_LANGUAGES = 20
MAX_TEXT_CHARS = 1000  # a welcome, an off-hours answer, an FAQ answer
MAX_RULES = 50
MAX_PHRASES = 10  # per rule
MAX_KEYWORDS = 10  # per rule
MAX_PHRASE_CHARS = 100  # a phrase or keyword

# The session's attributes.
WELCOMED_AT = "welcomed_at"
OFF_HOURS_UNTIL = "off_hours_until"
FAQ_RULES = "faq_rules"
FAQ_ANSWER = "faq_answer"


class Answer(TypedDict, total=False):
    """The welcome or the off-hours answer: on or off, its text per language."""

    enabled: bool
    texts: dict[str, str]  # language code -> text; the off-hours one may hold `{back}`


class FaqRule(TypedDict, total=False):
    rule_id: str
    language: str  # the language of its phrases and answer (en, zh, ru, ...)
    phrases: list[str]  # any one of them, found as written (normalised), matches
    keywords: list[str]  # all of them, anywhere in the message, match
    answer: str
    buttons: bool  # "That solved it" / "I still need help" under the answer
    created_at: int
    created_by: str
    from_message_id: str  # the agent's message it was made from, if any
    proposed: bool  # made by an agent: never answered with until a supervisor approves it


class AutoreplySettings(TypedDict, total=False):
    project_id: str
    welcome: Answer
    off_hours: Answer
    faq: list[FaqRule]
    updated_at: int
    updated_by: str


class FaqAnswer(TypedDict, total=False):
    """The session's latest FAQ answer."""

    token: str  # carried by its buttons; a press must show it
    rule_id: str
    at: int
    message_id: str  # the bot's answer (an outbound message of the session)
    pressed: Literal["solved", "help"]
    pressed_at: int


def key(project_id: str) -> tuple[str, str]:
    return keys.project_autoreplies(project_id)


def to_item(settings: AutoreplySettings) -> dict[str, Any]:
    pk, sk = key(settings["project_id"])
    return {"PK": pk, "SK": sk, "kind": KIND, **settings}


def from_item(item: dict[str, Any]) -> AutoreplySettings:
    return cast(AutoreplySettings, table.strip_keys(item))
