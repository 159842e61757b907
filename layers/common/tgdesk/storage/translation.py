"""Translation in the table (docs/data-model.md: translation settings, a message's
`translation`): a project's settings, and a user's message translated exactly once.

A message's translation is claimed first (`translation_claimed_until`, only while it has no
translation and no live claim), so a redelivered stream record never asks the provider
again; it is then stored under the claim, which it removes.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from botocore.exceptions import ClientError

from tgdesk.storage import keys, table
from tgdesk.storage.expressions import Changes
from tgdesk.storage.feature_settings import SettingsItem
from tgdesk.storage.records import translation as record
from tgdesk.storage.records.translation import CLAIM, Translation, TranslationSettings

TRANSLATION = "translation"


# -- settings ---------------------------------------------------------------------------------
_SETTINGS = SettingsItem[TranslationSettings](record.key, record.to_item, record.from_item)
get_settings = _SETTINGS.get
save_settings = _SETTINGS.save


# -- a message's translation ------------------------------------------------------------------
def _message_key(message: Mapping[str, Any]) -> tuple[str, str]:
    return keys.message(
        message["project_id"], message["tg_user_id"], message["created_at"], message["message_id"]
    )


def claim(message: Mapping[str, Any], *, now: int, until: int) -> bool:
    """Claim the message's translation until `until`: False when it is translated already
    or someone else's claim still runs (the stream redelivered the message)."""
    changes = Changes().require_item().require_absent(TRANSLATION).set(CLAIM, until)
    name = changes.name(CLAIM)
    changes.require(f"(attribute_not_exists({name}) OR {name} < {changes.value(now)})")
    return _update(changes, message)


def store(message: Mapping[str, Any], translation: Translation, *, claimed_until: int) -> bool:
    """Store the translation under this caller's claim (which it removes). False when the
    claim was lost meanwhile."""
    changes = (
        Changes()
        .require_item()
        .require_absent(TRANSLATION)
        .require_equal(CLAIM, claimed_until)
        .set(TRANSLATION, dict(translation))
        .remove(CLAIM)
    )
    return _update(changes, message)


def release(message: Mapping[str, Any], *, claimed_until: int) -> bool:
    """Give the claim up (the provider failed), so that a later attempt may translate."""
    changes = Changes().require_item().require_equal(CLAIM, claimed_until).remove(CLAIM)
    return _update(changes, message)


def _update(changes: Changes, message: Mapping[str, Any]) -> bool:
    try:
        table.client().update_item(**changes.request(*_message_key(message)))
    except ClientError as err:
        if table.is_conditional_failure(err):
            return False
        raise
    return True
