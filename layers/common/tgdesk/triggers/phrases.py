"""The default phrases and keywords, and finding them in a user's message.

Texts are compared normalised (tgdesk.risk.normalize.fold: NFKC, case-folded, invisible
characters removed; whitespace collapsed), so full-width letters, capitals and zero-width
spaces hide nothing. A phrase that starts with a letter of a spaced script must start a
word ("hacked" is not in "unhacked"); its end is free, so a stem finds its inflections
("complain" in "complaint", "жалоб" in "жалобу"). Chinese and Japanese, written without
spaces, match anywhere.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from tgdesk.risk import normalize

# The user asking for a manager or to complain, per language (editable per project).
DEFAULT_PHRASES: dict[str, tuple[str, ...]] = {
    "en": ("manager", "supervisor", "complain", "your boss", "someone in charge"),
    "zh": ("经理", "主管", "投诉", "领导", "负责人"),
    "ru": ("менеджер", "руководител", "начальник", "жалоб", "пожаловаться"),
}
DEFAULT_KEYWORDS = (
    "refund",
    "chargeback",
    "lawyer",
    "hacked",
    "退款",
    "律师",
    "被盗",
    "возврат",
    "юрист",
    "взлом",
)
_CJK_START = 0x2E80  # from the CJK radicals on, scripts are written without spaces


def default_phrases() -> dict[str, list[str]]:
    return {language: list(texts) for language, texts in DEFAULT_PHRASES.items()}


def normalised(text: str) -> str:
    return " ".join(normalize.fold(text)[0].split())


def _starts_word(text: str, at: int) -> bool:
    if at == 0:
        return True
    before, first = text[at - 1], text[at]
    return not (before.isalnum() and first.isalnum() and ord(first) < _CJK_START)


def find(text: str, wanted: Iterable[str]) -> str | None:
    """The first of `wanted` (as given) that `text` holds, normalised; None when none."""
    folded = normalised(text)
    if not folded:
        return None
    for phrase in wanted:
        needle = normalised(phrase)
        if not needle:
            continue
        at = folded.find(needle)
        while at != -1:
            if _starts_word(folded, at):
                return phrase
            at = folded.find(needle, at + 1)
    return None


def all_phrases(by_language: Mapping[str, Iterable[str]]) -> list[str]:
    """Every language's phrases: a user may write in any of them, whatever their settings."""
    return [phrase for texts in by_language.values() for phrase in texts]
