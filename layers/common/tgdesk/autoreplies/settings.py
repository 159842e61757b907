"""A project's automatic answers: reading, validating and saving them, the cached copy the
stream reads for each user's message, and an agent's answer turned into an FAQ rule.

Everything is off until the project turns it on: the welcome and the off-hours answer (a
text per language; the project's texts start from tgdesk.autoreplies.wording's) and the FAQ
rules (phrases or keywords in one language, the answer, its buttons on or off). Admins and
the project's supervisors change them (audited in the same transaction, conditioned on the
`updated_at` read); counts and lengths are bounded (tgdesk.storage.records.autoreplies).

An agent who may see a session turns their own answer in it into a rule too, but as a
proposal (`proposed`): the bot never answers with it until a supervisor or an administrator
approves it (saves the settings with `proposed` cleared) or removes it. Only the one new rule
is saved on the agent's behalf; replacing the settings stays the supervisors' and admins'.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, cast

from tgdesk.accounts import access
from tgdesk.autoreplies import wording
from tgdesk.core import ids
from tgdesk.core.clock import now_ms
from tgdesk.core.errors import Forbidden, InvalidInput, NotFound
from tgdesk.storage import autoreplies as store
from tgdesk.storage import conversations
from tgdesk.storage.records.autoreplies import (
    MAX_KEYWORDS,
    MAX_LANGUAGES,
    MAX_PHRASE_CHARS,
    MAX_PHRASES,
    MAX_RULES,
    MAX_TEXT_CHARS,
    Answer,
    AutoreplySettings,
    FaqRule,
)
from tgdesk.team.feature_settings import FeatureSettings, changed_meanwhile
from tgdesk.triggers import phrases as normalising

ANSWERS = ("welcome", "off_hours")
_DEFAULT_TEXTS = {"welcome": wording.WELCOME, "off_hours": wording.OFF_HOURS}
_LANGUAGE = re.compile(r"[a-z]{2,3}(-[a-z0-9]{2,8})?")
_RULE_ID = re.compile(r"[0-9A-Za-z_-]{1,40}")
_MESSAGES_PAGE = 200
_MESSAGE_PAGES = 10  # an agent's answer is looked for among a session's first 2,000 messages


def defaults(project_id: str) -> AutoreplySettings:
    return {
        "project_id": project_id,
        "welcome": {"enabled": False, "texts": dict(wording.WELCOME)},
        "off_hours": {"enabled": False, "texts": dict(wording.OFF_HOURS)},
        "faq": [],
    }


def effective(project_id: str, stored: AutoreplySettings | None) -> AutoreplySettings:
    out: dict[str, Any] = dict(defaults(project_id))
    out.update({k: v for k, v in dict(stored or {}).items() if v is not None})
    return cast(AutoreplySettings, out)


# -- validation -------------------------------------------------------------------------------
def validated(project_id: str, wanted: dict[str, Any]) -> AutoreplySettings:
    given = {**defaults(project_id), **{k: v for k, v in wanted.items() if v is not None}}
    rules = given["faq"]
    if not isinstance(rules, list) or len(rules) > MAX_RULES:
        raise _invalid(f"faq is a list of at most {MAX_RULES} rules.", "faq")
    checked = [_rule(rule, f"faq.{n}") for n, rule in enumerate(rules)]
    if len({r["rule_id"] for r in checked}) != len(checked):
        raise _invalid("Each FAQ rule has its own rule_id.", "faq")
    return {
        "project_id": project_id,
        "welcome": _answer(given["welcome"], "welcome"),
        "off_hours": _answer(given["off_hours"], "off_hours"),
        "faq": checked,
    }


def _answer(value: Any, field: str) -> Answer:
    value = value if isinstance(value, Mapping) else {}
    texts = value.get("texts", _DEFAULT_TEXTS[field])
    if not isinstance(texts, Mapping) or len(texts) > MAX_LANGUAGES:
        raise _invalid(f"{field}.texts maps at most {MAX_LANGUAGES} languages to texts.", field)
    kept: dict[str, str] = {}
    for language, text in texts.items():
        code = _language(language, f"{field}.texts")
        if not isinstance(text, str) or len(text.strip()) > MAX_TEXT_CHARS:
            raise _invalid(f"{field}.texts.{code}: at most {MAX_TEXT_CHARS} characters.", field)
        if text.strip():
            kept[code] = text.strip()
    enabled = bool(value.get("enabled"))
    if enabled and not kept:
        raise _invalid(f"{field}: write its text in at least one language.", f"{field}.texts")
    return {"enabled": enabled, "texts": kept}


def _rule(value: Any, field: str) -> FaqRule:
    if not isinstance(value, Mapping):
        raise _invalid("An FAQ rule is an object.", field)
    rule_id = value.get("rule_id") or ids.sortable_id()
    if not isinstance(rule_id, str) or not _RULE_ID.fullmatch(rule_id):
        raise _invalid("rule_id has 1 to 40 letters, digits, - or _.", f"{field}.rule_id")
    found = _texts(value.get("phrases", []), MAX_PHRASES, f"{field}.phrases")
    keywords = _texts(value.get("keywords", []), MAX_KEYWORDS, f"{field}.keywords")
    if not found and not keywords:
        raise _invalid("An FAQ rule needs a phrase or a keyword.", f"{field}.phrases")
    answer = value.get("answer")
    if not isinstance(answer, str) or not answer.strip() or len(answer.strip()) > MAX_TEXT_CHARS:
        raise _invalid(f"The answer has 1 to {MAX_TEXT_CHARS} characters.", f"{field}.answer")
    rule: FaqRule = {
        "rule_id": rule_id,
        "language": _language(value.get("language") or wording.FALLBACK, f"{field}.language"),
        "phrases": found,
        "keywords": keywords,
        "answer": answer.strip(),
        "buttons": bool(value.get("buttons", True)),
    }
    for name in ("created_at", "created_by", "from_message_id"):
        kept = value.get(name)
        if isinstance(kept, int | str) and not isinstance(kept, bool):
            rule[name] = kept
    if value.get("proposed") is True:
        rule["proposed"] = True
    return rule


def _texts(values: Any, most: int, field: str) -> list[str]:
    """Distinct non-empty texts (by their normalised form), each at most MAX_PHRASE_CHARS."""
    if not isinstance(values, list) or len(values) > most:
        raise _invalid(f"{field} is a list of at most {most} texts.", field)
    kept: dict[str, str] = {}
    for value in values:
        text = " ".join(value.split()) if isinstance(value, str) else ""
        if not text or len(text) > MAX_PHRASE_CHARS or not normalising.normalised(text):
            raise _invalid(f"Each entry of {field} has 1 to {MAX_PHRASE_CHARS} characters.", field)
        kept.setdefault(normalising.normalised(text), text)
    return list(kept.values())


def _language(value: Any, field: str) -> str:
    code = str(value).lower()
    if not _LANGUAGE.fullmatch(code):
        raise _invalid(f"{value!r} is not a language code (en, zh, ru, pt-br, ...).", field)
    return code


def _invalid(message: str, field: str) -> InvalidInput:
    return InvalidInput(message, code="invalid_autoreplies", field=field)


# The console's reads and saves, and the stream's copy (tgdesk.team.feature_settings).
_SETTINGS = FeatureSettings[AutoreplySettings](
    action="autoreplies.settings",
    effective=effective,
    validated=validated,
    get_stored=store.get_settings,
    save_stored=store.save_settings,
    changed=changed_meanwhile("The automatic answers", code="autoreplies_changed"),
    supervisors_save=True,
)
read = _SETTINGS.read
save = _SETTINGS.save
current = _SETTINGS.current
forget = _SETTINGS.forget


# -- an agent's answer as a new FAQ rule ------------------------------------------------------
def add_faq_rule(
    scope: access.Scope,
    project_id: str,
    *,
    session_id: str,
    message_id: str,
    phrases: list[str] | None = None,
    answer: str | None = None,
    buttons: bool = True,
    source_ip: str | None = None,
) -> FaqRule:
    """A new FAQ rule from an agent's message in a session of the project: its answer is the
    message's text (unless `answer`), its phrase the user's message before it (unless
    `phrases`), its language the user's. Saved like any change of the settings (audited,
    conditioned on the `updated_at` read). A supervisor's rule is live at once; an agent's,
    from their own answer only, is a proposal until a supervisor approves it."""
    scope.require_project(project_id)
    session = scope.session(session_id)
    if session["project_id"] != project_id:
        raise NotFound("no such session", code="session_not_found")
    agent_message, asked = _answer_and_question(session, message_id)
    supervises = scope.supervises(project_id)
    if not supervises and agent_message.get("sender_agent_id") != scope.agent_id:
        raise Forbidden(
            "An agent makes FAQ rules from their own answers only.", code="not_your_answer"
        )
    question = (asked or {}).get("text") or (asked or {}).get("caption") or ""
    now = now_ms()
    rule: dict[str, Any] = {
        "rule_id": ids.sortable_id(),
        "language": wording.language_of((session.get("user") or {}).get("language_code")),
        "phrases": phrases if phrases is not None else [_phrase_of(question)] if question else [],
        "keywords": [],
        "answer": answer if answer is not None else agent_message.get("text") or "",
        "buttons": buttons,
        "created_at": now,
        "created_by": scope.agent_id,
        "from_message_id": message_id,
    }
    if not supervises:
        rule["proposed"] = True
    current_settings = effective(project_id, store.get_settings(project_id))
    wanted: dict[str, Any] = dict(current_settings)
    wanted["faq"] = [*current_settings["faq"], rule]
    if len(wanted["faq"]) > MAX_RULES:
        raise _invalid(f"A project has at most {MAX_RULES} FAQ rules.", "faq")
    wanted["updated_at"] = current_settings.get("updated_at")
    # The caller's right to this one rule is checked above; the save is theirs either way.
    saved = _SETTINGS.save_on_behalf(scope.agent_id, project_id, wanted, source_ip=source_ip)
    return next(r for r in saved["faq"] if r["rule_id"] == rule["rule_id"])


def _answer_and_question(
    session: Mapping[str, Any], message_id: str
) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """The agent's message `message_id` of the session, and the user's message before it."""
    cursor: str | None = None
    asked: dict[str, Any] | None = None
    for _ in range(_MESSAGE_PAGES):
        page, cursor = conversations.list_session_messages(
            session,  # type: ignore[arg-type]
            limit=_MESSAGES_PAGE,
            cursor=cursor,
        )
        for message in page:
            found = dict(message)
            if found.get("message_id") == message_id:
                if (
                    found.get("direction") != "out"
                    or found.get("from_bot")
                    or not found.get("text")
                ):
                    raise _invalid("Only an agent's text answer becomes an FAQ rule.", "message_id")
                return found, asked
            if found.get("direction") == "in":
                asked = found
        if cursor is None:
            break
    raise NotFound("The session has no such message.", code="message_not_found")


def _phrase_of(question: str) -> str:
    """The user's question as a phrase: its first MAX_PHRASE_CHARS characters, whole words."""
    text = " ".join(question.split())
    if len(text) <= MAX_PHRASE_CHARS:
        return text
    cut = text[:MAX_PHRASE_CHARS]
    return cut.rsplit(" ", 1)[0] if " " in cut else cut
