"""A project's escalation triggers: reading, validating and saving them, and the cached
copy the stream reads.

Three triggers, each off until an admin turns it on: `unresolved` (a session still open
`minutes` after it opened), `manager` (the user asked for a manager or to complain `times`
times, by phrases per language) and `keyword` (a user's message holds one of `keywords`).
Each may name an `escalate` target ({group_id, level}): it then escalates on its own.
Supervisors of the project read the settings, administrators change them (audited in the
same transaction).
"""

from __future__ import annotations

import re
from typing import Any, Final, cast

from tgdesk.core.domain import Level
from tgdesk.core.errors import InvalidInput
from tgdesk.storage import groups as group_store
from tgdesk.storage import triggers as store
from tgdesk.storage.records.triggers import AutoEscalation, TriggerSettings
from tgdesk.team.feature_settings import FeatureSettings, changed_meanwhile
from tgdesk.triggers import phrases

UNRESOLVED: Final = "unresolved"
MANAGER: Final = "manager"
KEYWORD: Final = "keyword"
TRIGGERS = (UNRESOLVED, MANAGER, KEYWORD)

DEFAULT_MINUTES = 60
MAX_MINUTES = 7 * 24 * 60
DEFAULT_TIMES = 2
MAX_TIMES = 20
MAX_PHRASES = 50  # per language
MAX_KEYWORDS = 200
MAX_TEXT_CHARS = 100  # a phrase or keyword
MAX_LANGUAGES = 20
_LANGUAGE = re.compile(r"[a-z]{2,3}(-[a-z0-9]{2,8})?")


def defaults(project_id: str) -> TriggerSettings:
    return {
        "project_id": project_id,
        UNRESOLVED: {"enabled": False, "minutes": DEFAULT_MINUTES},
        MANAGER: {"enabled": False, "times": DEFAULT_TIMES, "phrases": phrases.default_phrases()},
        KEYWORD: {"enabled": False, "keywords": list(phrases.DEFAULT_KEYWORDS)},
    }


def effective(project_id: str, stored: TriggerSettings | None) -> TriggerSettings:
    """The stored settings over the defaults, trigger by trigger."""
    out: dict[str, Any] = dict(defaults(project_id))
    given: dict[str, Any] = dict(stored or {})
    for name in TRIGGERS:
        if given.get(name):
            out[name] = {**out[name], **given[name]}
    for extra in ("updated_at", "updated_by"):
        if given.get(extra) is not None:
            out[extra] = given[extra]
    return cast(TriggerSettings, out)


def any_on(settings: TriggerSettings) -> bool:
    given: dict[str, Any] = dict(settings)
    return any(given.get(name, {}).get("enabled") for name in TRIGGERS)


def validated(project_id: str, wanted: dict[str, Any]) -> TriggerSettings:
    base = defaults(project_id)
    unresolved = {**base[UNRESOLVED], **(wanted.get(UNRESOLVED) or {})}
    manager = {**base[MANAGER], **(wanted.get(MANAGER) or {})}
    keyword = {**base[KEYWORD], **(wanted.get(KEYWORD) or {})}
    out: TriggerSettings = {
        "project_id": project_id,
        UNRESOLVED: {
            "enabled": bool(unresolved["enabled"]),
            "minutes": _bounded_int(unresolved["minutes"], 1, MAX_MINUTES, "unresolved.minutes"),
        },
        MANAGER: {
            "enabled": bool(manager["enabled"]),
            "times": _bounded_int(manager["times"], 1, MAX_TIMES, "manager.times"),
            "phrases": _phrases(manager["phrases"]),
        },
        KEYWORD: {
            "enabled": bool(keyword["enabled"]),
            "keywords": _texts(keyword["keywords"], MAX_KEYWORDS, "keyword.keywords"),
        },
    }
    if unresolved.get("escalate"):
        out[UNRESOLVED]["escalate"] = _escalation(project_id, unresolved["escalate"], UNRESOLVED)
    if manager.get("escalate"):
        out[MANAGER]["escalate"] = _escalation(project_id, manager["escalate"], MANAGER)
    if keyword.get("escalate"):
        out[KEYWORD]["escalate"] = _escalation(project_id, keyword["escalate"], KEYWORD)
    return out


# -- validation -------------------------------------------------------------------------------
def _bounded_int(value: Any, low: int, high: int, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise InvalidInput(
            f"{field} is a whole number from {low} to {high}.", code="invalid_trigger", field=field
        )
    return value


def _texts(values: Any, most: int, field: str) -> list[str]:
    """Distinct non-empty texts (by their normalised form), each at most MAX_TEXT_CHARS."""
    if not isinstance(values, list) or len(values) > most:
        raise InvalidInput(
            f"{field} is a list of at most {most} texts.", code="invalid_trigger", field=field
        )
    kept: dict[str, str] = {}
    for value in values:
        text = " ".join(str(value).split()) if isinstance(value, str) else ""
        if not text or len(text) > MAX_TEXT_CHARS:
            raise InvalidInput(
                f"Each entry of {field} has 1 to {MAX_TEXT_CHARS} characters.",
                code="invalid_trigger",
                field=field,
            )
        kept.setdefault(phrases.normalised(text), text)
    return list(kept.values())


def _phrases(value: Any) -> dict[str, list[str]]:
    field = "manager.phrases"
    if not isinstance(value, dict) or len(value) > MAX_LANGUAGES:
        raise InvalidInput(
            f"{field} maps at most {MAX_LANGUAGES} language codes to phrases.",
            code="invalid_trigger",
            field=field,
        )
    out: dict[str, list[str]] = {}
    for language, texts in value.items():
        code = str(language).lower()
        if not _LANGUAGE.fullmatch(code):
            raise InvalidInput(
                f"{language!r} is not a language code (en, zh, ru, pt-br, ...).",
                code="invalid_trigger",
                field=field,
            )
        out[code] = _texts(texts, MAX_PHRASES, f"{field}.{code}")
    return out


def _escalation(project_id: str, value: Any, trigger: str) -> AutoEscalation:
    field = f"{trigger}.escalate"
    value = value if isinstance(value, dict) else {}
    group_id, level = value.get("group_id"), value.get("level", Level.L2)
    if level not in (Level.L2, Level.L3):
        raise InvalidInput("An escalation goes to l2 or l3.", code="invalid_trigger", field=field)
    if not isinstance(group_id, str) or group_store.get_group(project_id, group_id) is None:
        raise InvalidInput(
            "Name a group of this project to escalate to.", code="group_not_found", field=field
        )
    return cast(AutoEscalation, {"group_id": group_id, "level": Level(level)})


# The console's reads and saves, and the stream's copy (tgdesk.team.feature_settings).
_SETTINGS = FeatureSettings[TriggerSettings](
    action="triggers.settings",
    effective=effective,
    validated=validated,
    get_stored=store.get_settings,
    save_stored=store.save_settings,
    changed=changed_meanwhile("The escalation triggers", code="triggers_changed"),
)
read = _SETTINGS.read
save = _SETTINGS.save
current = _SETTINGS.current
forget = _SETTINGS.forget
