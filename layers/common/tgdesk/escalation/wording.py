"""What the user is told when their issue is escalated: in their language, with the ticket
number and the expected response time, never "as soon as possible".

A project may replace the message of any language (tgdesk.escalation.wording.save); a
template holds the placeholders {ticket} and {response_time} (both required) and may hold
{first_name}. The user's language is their Telegram profile's `language_code` (`zh-hans`
counts as `zh`); a language with no message falls back to English.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from tgdesk.accounts import access
from tgdesk.audit import entries as audit
from tgdesk.core.clock import now_ms
from tgdesk.core.errors import InvalidInput
from tgdesk.storage import tickets as store

FALLBACK_LANGUAGE = "en"
MAX_TEMPLATE_CHARS = 1000
REQUIRED_PLACEHOLDERS = ("{ticket}", "{response_time}")
PLACEHOLDERS = (*REQUIRED_PLACEHOLDERS, "{first_name}")
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")

DEFAULT_TEMPLATES: dict[str, str] = {
    "en": "Hello {first_name}, your request has been passed to our specialists as ticket "
    "{ticket}. You can expect an answer {response_time}.",
    "zh": "{first_name}，您好！您的问题已转交专员处理，工单号 {ticket}。"
    "我们将在{response_time}回复您。",
    "ru": "Здравствуйте, {first_name}! Ваше обращение передано специалистам, номер заявки "
    "{ticket}. Ожидайте ответа {response_time}.",
}
# Said instead of the first name when the profile has none.
_NO_NAME = {"en": "there", "zh": "尊敬的用户", "ru": "уважаемый клиент"}
LANGUAGES = tuple(DEFAULT_TEMPLATES)


def language_of(language_code: str | None) -> str:
    """The language to write in: the profile's language if a message exists for it."""
    code = (language_code or "").split("-")[0].split("_")[0].lower()
    return code if code in LANGUAGES else FALLBACK_LANGUAGE


def ticket_label(number: int) -> str:
    return f"#{number}"


def render(
    templates: Mapping[str, str],
    *,
    language_code: str | None,
    number: int,
    response_ms: int,
    first_name: str | None,
) -> str:
    """The message to the user: the project's template for their language (else tgdesk's),
    its placeholders filled in."""
    language = language_of(language_code)
    template = templates.get(language) or DEFAULT_TEMPLATES[language]
    values = {
        "{ticket}": ticket_label(number),
        "{response_time}": response_time(response_ms, language),
        "{first_name}": addressee(first_name, language),
    }
    return fill(template, values)


def addressee(first_name: str | None, language: str) -> str:
    """How the user is named: their first name, else a polite word in their language."""
    return (first_name or "").strip() or _NO_NAME[language]


def fill(template: str, values: Mapping[str, str]) -> str:
    """`template` with each placeholder of `values` replaced; any other stays as written."""
    return _PLACEHOLDER.sub(lambda found: values.get(found.group(0), found.group(0)), template)


def response_time(ms: int, language: str) -> str:
    """`ms` as the time an answer comes within: "within 30 minutes", "2 小时内",
    "в течение 4 часов" (days or hours when they divide it, else minutes)."""
    minutes = max(1, -(-ms // 60_000))
    for unit, size in (("day", 1440), ("hour", 60), ("minute", 1)):
        if minutes % size == 0:
            return _WITHIN[language](minutes // size, unit)
    raise AssertionError("minutes divide every whole number of minutes")


def _english(count: int, unit: str) -> str:
    return f"within {count} {unit}{'' if count == 1 else 's'}"


def _chinese(count: int, unit: str) -> str:
    return f"{count} {({'day': '天', 'hour': '小时', 'minute': '分钟'})[unit]}内"


_RUSSIAN_GENITIVE = {  # after "в течение": singular (1, 21, 31...) and plural
    "day": ("дня", "дней"),
    "hour": ("часа", "часов"),
    "minute": ("минуты", "минут"),
}


def _russian(count: int, unit: str) -> str:
    one, many = _RUSSIAN_GENITIVE[unit]
    singular = count % 10 == 1 and count % 100 != 11
    return f"в течение {count} {one if singular else many}"


_WITHIN = {"en": _english, "zh": _chinese, "ru": _russian}


# -- the project's own wording --------------------------------------------------------------
def of_project(scope: access.Scope, project_id: str) -> dict[str, Any]:
    """The messages the project's users get, by language: its own, and tgdesk's defaults."""
    scope.require_project(project_id)
    return {"templates": store.get_wording(project_id), "defaults": DEFAULT_TEMPLATES}


def save(
    scope: access.Scope,
    project_id: str,
    templates: Mapping[str, str | None],
    *,
    source_ip: str | None = None,
) -> dict[str, Any]:
    """Replace the project's messages (a supervisor): a blank or missing language uses
    tgdesk's default again."""
    scope.require_supervisor(project_id)
    before = store.get_wording(project_id)
    cleaned = {
        lang: _checked(lang, text) for lang, text in templates.items() if (text or "").strip()
    }
    entry = audit.entry(
        "escalation.wording",
        actor_id=scope.agent_id,
        project_id=project_id,
        target_type="project",
        target_id=project_id,
        before={"templates": before},
        after={"templates": cleaned},
        source_ip=source_ip,
    )
    store.put_wording(project_id, cleaned, now_ms(), entry)
    return {"templates": cleaned, "defaults": DEFAULT_TEMPLATES}


def _checked(language: str, text: str | None) -> str:
    field = f"templates.{language}"
    template = (text or "").strip()
    if language not in LANGUAGES:
        raise InvalidInput(
            f"Messages exist for {', '.join(LANGUAGES)}.", code="unknown_language", field=field
        )
    if len(template) > MAX_TEMPLATE_CHARS:
        raise InvalidInput(
            f"A message holds at most {MAX_TEMPLATE_CHARS} characters.",
            code="template_too_long",
            field=field,
        )
    missing = [p for p in REQUIRED_PLACEHOLDERS if p not in template]
    unknown = [p for p in _PLACEHOLDER.findall(template) if p not in PLACEHOLDERS]
    if missing or unknown:
        raise InvalidInput(
            "A message needs {ticket} and {response_time}, and may hold {first_name}; "
            f"missing: {', '.join(missing) or 'none'}; unknown: {', '.join(unknown) or 'none'}.",
            code="invalid_template",
            field=field,
        )
    return template
