"""A project's translation settings: on or off, and the language its agents read and write.

Off until an administrator turns it on; supervisors of the project read it. Saving is audited
in the same transaction and conditioned on the `updated_at` read; the stream reads the cached
copy (tgdesk.team.feature_settings), so a message of a project with translation off costs no
request.
"""

from __future__ import annotations

import re
from typing import Any, cast

from tgdesk.core.errors import InvalidInput
from tgdesk.storage import translation as store
from tgdesk.storage.records.translation import TranslationSettings
from tgdesk.team.feature_settings import FeatureSettings, changed_meanwhile

DEFAULT_LANGUAGE = "en"
# Amazon Translate's codes: `en`, `zh`, `zh-TW`, `pt-PT`, `fa-AF` ...
LANGUAGE = re.compile(r"[a-z]{2,3}(-[A-Za-z]{2,4})?")


def defaults(project_id: str) -> TranslationSettings:
    return {"project_id": project_id, "enabled": False, "agent_language": DEFAULT_LANGUAGE}


def effective(project_id: str, stored: TranslationSettings | None) -> TranslationSettings:
    return cast(TranslationSettings, {**defaults(project_id), **(stored or {})})


def validated(project_id: str, wanted: dict[str, Any]) -> TranslationSettings:
    given = {**defaults(project_id), **{k: v for k, v in wanted.items() if v is not None}}
    language = given["agent_language"]
    if not isinstance(language, str) or not LANGUAGE.fullmatch(language):
        raise InvalidInput(
            "agent_language is a language code: en, zh, zh-TW, ru, ...",
            code="invalid_translation_settings",
            field="agent_language",
        )
    return {"project_id": project_id, "enabled": bool(given["enabled"]), "agent_language": language}


_SETTINGS = FeatureSettings[TranslationSettings](
    action="translation.settings",
    effective=effective,
    validated=validated,
    get_stored=store.get_settings,
    save_stored=store.save_settings,
    changed=changed_meanwhile("The translation settings", code="translation_settings_changed"),
)
read = _SETTINGS.read
save = _SETTINGS.save
current = _SETTINGS.current
forget = _SETTINGS.forget
