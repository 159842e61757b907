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

from tgdesk.storage import audit, keys, table
from tgdesk.storage.expressions import Changes, Condition
from tgdesk.storage.records import translation as record
from tgdesk.storage.records.translation import CLAIM, Translation, TranslationSettings

TRANSLATION = "translation"
_LOST_RACE = frozenset({"None", "ConditionalCheckFailed", "TransactionConflict"})


# -- settings ---------------------------------------------------------------------------------
def get_settings(project_id: str) -> TranslationSettings | None:
    item = table.get(*record.key(project_id))
    return None if item is None else record.from_item(item)


def save_settings(
    settings: TranslationSettings, *, read_updated_at: int | None, entry: dict[str, Any]
) -> bool:
    """Store a project's settings with its audit entry, if nobody saved since `updated_at`
    was read. False when someone did."""
    condition = Condition().require_as_read("updated_at", read_updated_at)
    operations = [condition.put(record.to_item(settings)), audit.put_operation(entry)]
    try:
        table.client().transact_write_items(TransactItems=operations)
    except ClientError as err:
        reasons = set(table.cancellation_reasons(err))
        if err.response.get("Error", {}).get("Code") == "TransactionCanceledException" and (
            reasons <= _LOST_RACE
        ):
            return False
        raise
    return True


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
