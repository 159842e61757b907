"""Translation: a project's settings, and what a message keeps of its translation.

TranslationSettings: PK `PROJECT#{project_id}`, SK `TRANSLATION` (absent: translation off).
A user's message keeps its translation into the agents' language as its `translation`
attribute (written once); an agent's translated reply keeps what the agent wrote as
`original_text` beside the `text` sent. Both are bounded by MAX_TRANSLATION_CHARS.
"""

from __future__ import annotations

from typing import Any, TypedDict, cast

from tgdesk.storage import keys, table

KIND = "project_translation"
# A translation may run longer than its original (Telegram's 4096 characters).
MAX_TRANSLATION_CHARS = 8192
CLAIM = "translation_claimed_until"  # on a message while its translation is being made


class TranslationSettings(TypedDict, total=False):
    project_id: str
    enabled: bool
    agent_language: str  # the language agents read and write: en, zh, ru, ...
    updated_at: int
    updated_by: str


class Translation(TypedDict, total=False):
    """A user's message in the agents' language."""

    text: str  # at most MAX_TRANSLATION_CHARS; absent: it was in the agents' language
    source: str  # the language detected (or given)
    target: str  # the agents' language
    provider: str  # who translated it: amazon, stand-in
    at: int


def key(project_id: str) -> tuple[str, str]:
    return keys.project_translation(project_id)


def to_item(settings: TranslationSettings) -> dict[str, Any]:
    pk, sk = key(settings["project_id"])
    return {"PK": pk, "SK": sk, "kind": KIND, **settings}


def from_item(item: dict[str, Any]) -> TranslationSettings:
    return cast(TranslationSettings, table.strip_keys(item))
