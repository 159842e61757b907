"""A user's message in another language than the agents' gets its translation stored on the
message once; the console is then pushed the change as any change of a message (the
message's MODIFY record, tgdesk.realtime.fanout).

functions/assign/app.py calls `on_change` for every stream record. A project with
translation off costs nothing (its settings come from the container's cache). Once only: the
translation is claimed before the provider is asked, so a redelivered record neither
translates nor bills again; a provider that fails gives the claim back and leaves the
message as it is (the stream is never held up by translation).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from tgdesk.core.clock import now_ms
from tgdesk.storage import translation as store
from tgdesk.storage.records.translation import MAX_TRANSLATION_CHARS, Translation
from tgdesk.translation import provider as providers
from tgdesk.translation import settings

log = logging.getLogger(__name__)

CLAIM_SECONDS = 60  # longer than the stream function's timeout
_KEYS = ("message_id", "project_id", "tg_user_id", "created_at")
_ONE_LANGUAGE_SCRIPTS = ("zh", "ja", "ko")  # a text in it is surely in that language


def on_change(event_name: str, old: Mapping[str, Any], new: Mapping[str, Any]) -> bool:
    """Translate a user's new message when its project wants it. True when this call stored
    a translation."""
    del old  # only new messages are translated
    if event_name != "INSERT" or new.get("kind") != "message" or new.get("direction") != "in":
        return False
    body = new.get("text") or new.get("caption")
    if not isinstance(body, str) or not body.strip() or not new.get("session_id"):
        return False
    wanted = settings.current(str(new["project_id"]))
    if not wanted.get("enabled"):
        return False
    return translate_message(new, body, wanted["agent_language"])


def translate_message(image: Mapping[str, Any], body: str, target: str) -> bool:
    script = providers.script_language(body)
    if script is None:
        return False  # nothing to translate (digits, emoji, punctuation)
    if script in _ONE_LANGUAGE_SCRIPTS and providers.same_language(script, target):
        return False  # Chinese, Japanese or Korean to agents who read it: nothing to bill
    message = {k: _plain(image[k]) for k in _KEYS}
    now = now_ms()
    claimed_until = now + CLAIM_SECONDS * 1000
    if not store.claim(message, now=now, until=claimed_until):
        return False
    translator = providers.configured()
    try:
        text, source = translator.translate(body, None, target)
    except providers.ProviderError:
        log.warning("translation failed", extra={"message_id": message["message_id"]})
        store.release(message, claimed_until=claimed_until)
        return False
    translation: Translation = {
        "source": source,
        "target": target,
        "provider": translator.name,
        "at": now_ms(),
    }
    if not providers.same_language(source, target):
        # In the agents' language already: stored without text, so never asked again.
        translation["text"] = text[:MAX_TRANSLATION_CHARS]
    return store.store(message, translation, claimed_until=claimed_until)


def _plain(value: Any) -> Any:
    """Stream images carry numbers as Decimal; keys want ints."""
    return int(value) if isinstance(value, Decimal) else value
