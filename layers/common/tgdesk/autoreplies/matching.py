"""A user's text against a project's FAQ rules. Pure.

Texts are compared normalised as the escalation triggers compare them
(tgdesk.triggers.phrases: the risk matcher's folding, whitespace collapsed): a phrase in a
spaced script (Latin, Cyrillic) must start a word and may end inside one ("withdraw" finds
"withdrawal"); one in an unspaced script (Chinese, Japanese) matches anywhere. A rule matches
when the text holds any of its phrases, or every one of its keywords, in any order. A rule
an agent proposed (`proposed`) matches nothing until a supervisor approves it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from tgdesk.storage.records.autoreplies import FaqRule
from tgdesk.triggers import phrases

START = "/start"


def is_start(text: str) -> bool:
    """`/start`, `/start <payload>` or `/start@bot`: the user opened the bot."""
    first = text.strip().split(maxsplit=1)[0] if text.strip() else ""
    return first.split("@", 1)[0].lower() == START


def needles(rule: FaqRule) -> list[str]:
    return [*rule.get("phrases", []), *rule.get("keywords", [])]


def find_rule(text: str, rules: Sequence[FaqRule]) -> FaqRule | None:
    """The first rule `text` matches; None for a command or when none does. A text that
    holds no phrase or keyword of any rule is told by one pass over the text."""
    if not text.strip() or text.lstrip().startswith("/"):
        return None
    rules = [rule for rule in rules if not rule.get("proposed")]
    if phrases.find(text, _every_needle(rules)) is None:
        return None
    for rule in rules:
        if phrases.find(text, rule.get("phrases", [])) is not None:
            return rule
        keywords = rule.get("keywords", [])
        if keywords and all(phrases.find(text, [k]) is not None for k in keywords):
            return rule
    return None


def _every_needle(rules: Iterable[FaqRule]) -> list[str]:
    return [needle for rule in rules for needle in needles(rule)]
