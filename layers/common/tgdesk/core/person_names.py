"""Searching a person's name in either order: Chinese and Japanese names are written family
name first and without a space ("王小明"), Telegram keeps them as first and last name."""

from __future__ import annotations


def fold(text: str) -> str:
    """`text` case-folded with its runs of spaces collapsed to one."""
    return " ".join(text.casefold().split())


def name_matches(first: str, last: str, search: str) -> bool:
    """Whether the folded `search` occurs in the full name, written either way round, with
    or without a space between the two parts ("Ivan Petrov", "Petrov Ivan", "王小明", "小明王",
    "小明 王")."""
    first, last = fold(first), fold(last)
    forms = {
        f"{first} {last}",
        f"{last} {first}",
        f"{first}{last}",
        f"{last}{first}",
    }
    return any(search in form for form in forms)
