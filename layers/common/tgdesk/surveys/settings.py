"""A project's survey settings: reading, validating and saving them, and the cached copy the
stream reads at each close.

Off until an administrator turns them on; supervisors of the project read them. Saving is
audited in the same transaction and conditioned on the `updated_at` read.
"""

from __future__ import annotations

import re
from typing import Any, cast

from tgdesk.core.errors import InvalidInput
from tgdesk.storage import surveys as store
from tgdesk.storage.records.survey import SurveySettings, Wording
from tgdesk.surveys import wording as words
from tgdesk.team.feature_settings import FeatureSettings, changed_meanwhile

SESSIONS = ("all", "escalated")
MIN_RETURN_VISIT_HOURS, MAX_RETURN_VISIT_HOURS = 24, 48
MAX_ONCE_PER_DAYS = 365
MAX_COMMENT_MINUTES = 60
MAX_TEXT_CHARS = 1000
MAX_LANGUAGES = 20
MAX_URL_CHARS = 500
_LANGUAGE = re.compile(r"[a-z]{2,3}(-[a-z0-9]{2,8})?")
_TEXTS = tuple(Wording.__annotations__)


def defaults(project_id: str) -> SurveySettings:
    return {
        "project_id": project_id,
        "enabled": False,
        "sessions": "all",
        "auto_closed": False,
        "wording": {},
        "review_url": "",
        "once_per_days": 7,
        "comment_minutes": 10,
        "quiet_hours": {"start_minute": 22 * 60, "end_minute": 8 * 60},
        "return_visit_hours": 0,
    }


def effective(project_id: str, stored: SurveySettings | None) -> SurveySettings:
    return cast(SurveySettings, {**defaults(project_id), **(stored or {})})


def validated(project_id: str, wanted: dict[str, Any]) -> SurveySettings:
    given = {**defaults(project_id), **{k: v for k, v in wanted.items() if v is not None}}
    if given["sessions"] not in SESSIONS:
        raise _invalid("sessions is all or escalated.", "sessions")
    hours = _int(given["return_visit_hours"], 0, MAX_RETURN_VISIT_HOURS, "return_visit_hours")
    if 0 < hours < MIN_RETURN_VISIT_HOURS:
        raise _invalid("return_visit_hours is 0 (off) or 24 to 48.", "return_visit_hours")
    quiet = given["quiet_hours"] if isinstance(given["quiet_hours"], dict) else {}
    url = given["review_url"] if isinstance(given["review_url"], str) else None
    if url is None or len(url) > MAX_URL_CHARS or (url and not url.startswith("https://")):
        raise _invalid("review_url is empty or an https:// address.", "review_url")
    return {
        "project_id": project_id,
        "enabled": bool(given["enabled"]),
        "sessions": given["sessions"],
        "auto_closed": bool(given["auto_closed"]),
        "wording": _wording(given["wording"]),
        "review_url": url,
        "once_per_days": _int(given["once_per_days"], 0, MAX_ONCE_PER_DAYS, "once_per_days"),
        "comment_minutes": _int(
            given["comment_minutes"], 0, MAX_COMMENT_MINUTES, "comment_minutes"
        ),
        "quiet_hours": {
            "start_minute": _int(quiet.get("start_minute"), 0, 1439, "quiet_hours.start_minute"),
            "end_minute": _int(quiet.get("end_minute"), 0, 1439, "quiet_hours.end_minute"),
        },
        "return_visit_hours": hours,
    }


# -- validation -------------------------------------------------------------------------------
def _wording(value: Any) -> dict[str, Wording]:
    if not isinstance(value, dict) or len(value) > MAX_LANGUAGES:
        raise _invalid(f"wording maps at most {MAX_LANGUAGES} languages to texts.", "wording")
    out: dict[str, Wording] = {}
    for language, texts in value.items():
        code = str(language).lower()
        if not _LANGUAGE.fullmatch(code) or not isinstance(texts, dict):
            raise _invalid(f"{language!r} is not a language code (en, zh, ru, ...).", "wording")
        kept: dict[str, str] = {}
        for name, text in texts.items():
            field = f"wording.{code}.{name}"
            if name not in _TEXTS or not isinstance(text, str) or len(text) > MAX_TEXT_CHARS:
                raise _invalid(f"{field}: a text of at most {MAX_TEXT_CHARS} characters.", field)
            if text.strip():
                kept[name] = text.strip()
        out[code] = cast(Wording, kept)
    return out


def wording_of(settings: SurveySettings) -> dict[str, Wording]:
    """The project's wording over the defaults, language by language."""
    given = settings.get("wording") or {}
    languages = {*words.DEFAULTS, *given}
    return {
        code: cast(Wording, {**words.DEFAULTS.get(code, {}), **given.get(code, {})})
        for code in languages
    }


def _int(value: Any, low: int, high: int, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise _invalid(f"{field} is a whole number from {low} to {high}.", field)
    return value


def _invalid(message: str, field: str) -> InvalidInput:
    return InvalidInput(message, code="invalid_survey_settings", field=field)


# The console's reads and saves, and the stream's copy (tgdesk.team.feature_settings).
_SETTINGS = FeatureSettings[SurveySettings](
    action="surveys.settings",
    effective=effective,
    validated=validated,
    get_stored=store.get_settings,
    save_stored=store.save_settings,
    changed=changed_meanwhile("The survey settings", code="survey_settings_changed"),
)
read = _SETTINGS.read
save = _SETTINGS.save
current = _SETTINGS.current
forget = _SETTINGS.forget
