"""An agent writes in the agents' language and sends the user a translation: the console
asks for a preview first (both texts side by side), then sends the translation as a reply
with the agent's own words as `original_text` (tgdesk.outbound.delivery.reply keeps both,
and risk control checks both).

The user's language is the one the console names (the language its last translated message
was detected in), else the user's Telegram language.
"""

from __future__ import annotations

from typing import Any, TypedDict

from tgdesk.accounts import access
from tgdesk.core.errors import Conflict, InvalidInput
from tgdesk.outbound.delivery import validate_text
from tgdesk.translation import provider as providers
from tgdesk.translation import settings
from tgdesk.translation.settings import LANGUAGE

# Telegram's language codes where Amazon Translate names the language otherwise.
_TELEGRAM_LANGUAGES = {"zh-hans": "zh", "zh-cn": "zh", "zh-hant": "zh-TW", "zh-tw": "zh-TW"}


class Preview(TypedDict):
    original: str
    translated: str
    source: str
    target: str


def preview(
    scope: access.Scope, session_id: str, text: str, *, target: str | None = None
) -> Preview:
    """`text` (in the agents' language) in the user's language, for the agent to read before
    sending. InvalidInput `translation_off` when the project does not translate,
    `translation_target_unknown` when the user's language is not known; Conflict
    `translation_unavailable` when the provider fails."""
    session = scope.session(session_id)
    chosen = settings.current(session["project_id"])
    if not chosen.get("enabled"):
        raise InvalidInput(
            "Translation is off in this project.", code="translation_off", field="text"
        )
    original = validate_text(text)
    source = chosen["agent_language"]
    to = target or user_language(session)
    if to is None or not LANGUAGE.fullmatch(to):
        raise InvalidInput(
            "The user's language is not known; name it as `target`.",
            code="translation_target_unknown",
            field="target",
        )
    if providers.same_language(source, to):
        return {"original": original, "translated": original, "source": source, "target": to}
    try:
        translated, _ = providers.configured().translate(original, source, to)
    except providers.ProviderError as err:
        raise Conflict(
            "The translation service did not answer; try again, or send without translating.",
            code="translation_unavailable",
        ) from err
    return {"original": original, "translated": translated, "source": source, "target": to}


def user_language(session: Any) -> str | None:
    """The session's user's Telegram language as a translation's target (`zh-hans` -> zh)."""
    code = str((session.get("user") or {}).get("language_code") or "").lower()
    if not code:
        return None
    return _TELEGRAM_LANGUAGES.get(code, code.split("-")[0])
