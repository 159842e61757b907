"""The bot's own answers to a user's message: the stream's part (functions/assign/app.py
calls `on_change` for every record).

Why the stream and not the webhook: the webhook stays a short, DynamoDB-only path that
stores the message and answers Telegram (its cold start and latency stay as they are); the
session it wrote is routed by the stream exactly as before, and the bot's message goes
through delivery (retries, rate limits) from a function that already sends.

What is due is told from the record's images and the cached settings alone, so a message
that matches no rule and is due no welcome or off-hours answer costs no request:
- a user's first message (their profile's INSERT: the open session it names) and a `/start`
  (the session's image: its last message) get the welcome, once per session;
- a user's message outside the project's business hours (the session's image: its last
  user message's time and `off_hours_until`) gets the off-hours answer, once per period;
- a user's message matching an FAQ rule (the message's INSERT) gets the rule's answer at
  once, with its buttons, once per rule per session.
Each is one conditional write of the session with the bot's message, then the send; a
redelivered record finds the condition failed and sends nothing. The session is still
routed to an agent, who sees the bot's messages in the conversation (`from_bot`).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from tgdesk.autoreplies import buttons, matching, off_hours, wording
from tgdesk.autoreplies import settings as autoreply_settings
from tgdesk.core import correlation
from tgdesk.core.clock import now_ms
from tgdesk.core.domain import Status
from tgdesk.outbound import delivery
from tgdesk.storage import autoreplies as store
from tgdesk.storage.outbound import NewMessage
from tgdesk.storage.records.autoreplies import OFF_HOURS_UNTIL, WELCOMED_AT, FaqAnswer

log = logging.getLogger(__name__)


def on_change(event_name: str, old: Mapping[str, Any], new: Mapping[str, Any]) -> list[str]:
    """One stream record (its event name, old and new images); what the bot sent. A failure
    is logged, never raised: the record's routing must not wait on the bot's answers."""
    try:
        return _answers_due(event_name, old, new)
    except Exception:
        log.exception("the bot's own answer failed", extra={"kind": new.get("kind")})
        return []


def _answers_due(event_name: str, old: Mapping[str, Any], new: Mapping[str, Any]) -> list[str]:
    kind = new.get("kind")
    if kind == "message" and event_name == "INSERT" and new.get("direction") == "in":
        return on_user_message(new)
    if kind == "session" and event_name in ("INSERT", "MODIFY") and _user_wrote(old, new):
        return on_session_message(new)
    if kind == "telegram_user" and event_name == "INSERT" and new.get("open_session_id"):
        return on_first_message(new)
    return []


def _user_wrote(old: Mapping[str, Any], new: Mapping[str, Any]) -> bool:
    """A record of a user's message landing on an open session."""
    at = new.get("last_user_msg_at")
    return (
        new.get("status") != Status.CLOSED and at is not None and at != old.get("last_user_msg_at")
    )


# -- the welcome ------------------------------------------------------------------------------
def on_first_message(profile: Mapping[str, Any]) -> list[str]:
    """A new user's first message, whatever it is: the welcome, in their open session."""
    target = _target(profile, str(profile["open_session_id"]))
    return _welcome(target, profile.get("language_code"))


def _welcome(target: Mapping[str, Any], language_code: Any) -> list[str]:
    welcome = autoreply_settings.current(target["project_id"])["welcome"]
    text = wording.choose(welcome.get("texts", {}), _str(language_code))
    if not welcome.get("enabled") or not text:
        return []
    prepared = delivery.prepare_from_bot(target, text)
    written = store.record_welcome(target["session_id"], now_ms(), prepared.operations)
    return _sent("welcome", prepared, written)


# -- the session's last user message: `/start`, off hours -------------------------------------
def on_session_message(session: Mapping[str, Any]) -> list[str]:
    target = _target(session, str(session["session_id"]))
    user = session.get("user") or {}
    language_code = user.get("language_code") if isinstance(user, Mapping) else None
    sent: list[str] = []
    last = session.get("last_message") or {}
    if WELCOMED_AT not in session and matching.is_start(str(last.get("text") or "")):
        sent += _welcome(target, language_code)
    sent += _off_hours(session, target, language_code)
    return sent


def _off_hours(
    session: Mapping[str, Any], target: Mapping[str, Any], language_code: Any
) -> list[str]:
    answer = autoreply_settings.current(target["project_id"])["off_hours"]
    if not answer.get("enabled"):
        return []
    calendar = off_hours.calendar_of(target["project_id"])
    back = off_hours.back_at(calendar, _int(session["last_user_msg_at"]))
    read_until = (
        _int(session[OFF_HOURS_UNTIL]) if session.get(OFF_HOURS_UNTIL) is not None else None
    )
    if back is None or calendar is None or read_until == back:
        return []  # the team is there, or this period was answered
    text = wording.choose(answer.get("texts", {}), _str(language_code))
    if not text:
        return []
    text = text.replace("{back}", off_hours.shown(calendar, back))
    prepared = delivery.prepare_from_bot(target, text)
    written = store.record_off_hours(
        target["session_id"], back, read_until=read_until, operations=prepared.operations
    )
    return _sent("off_hours", prepared, written)


# -- FAQ answers ------------------------------------------------------------------------------
def on_user_message(message: Mapping[str, Any]) -> list[str]:
    project_id, session_id = message.get("project_id"), message.get("session_id")
    if not project_id or not session_id or message.get("survey_comment"):
        return []
    rules = autoreply_settings.current(str(project_id))["faq"]
    text = "\n".join(str(message.get(k) or "") for k in ("text", "caption")).strip()
    rule = matching.find_rule(text, rules) if rules and text else None
    if rule is None:
        return []
    target = _target(message, str(session_id))
    markup = None
    token = buttons.new_token()
    if rule.get("buttons"):
        markup = buttons.keyboard(target["session_id"], token, rule.get("language"))
    prepared = delivery.prepare_from_bot(target, rule["answer"], reply_markup=markup)
    answer: FaqAnswer = {
        "token": token,
        "rule_id": rule["rule_id"],
        "at": prepared.message["created_at"],
        "message_id": prepared.message["message_id"],
    }
    written = store.record_faq_answer(target["session_id"], answer, prepared.operations)
    return _sent("faq", prepared, written)


# -- helpers ----------------------------------------------------------------------------------
def _sent(what: str, prepared: NewMessage, written: bool) -> list[str]:
    if not written:
        return []  # answered before (a redelivered record), or the session closed
    delivery.send(prepared.message)
    log.info(
        "the bot answered on its own",
        extra={"answer": what, "session_id": prepared.message["session_id"]},
    )
    return [what]


def _target(image: Mapping[str, Any], session_id: str) -> dict[str, Any]:
    """What a bot's message needs of its session, from a stream image."""
    target = {
        "project_id": str(image["project_id"]),
        "tg_user_id": _int(image["tg_user_id"]),
        "session_id": session_id,
    }
    cid = image.get(correlation.ATTRIBUTE)
    if cid:
        target[correlation.ATTRIBUTE] = str(cid)
    return target


def _int(value: Any) -> int:
    return int(value) if isinstance(value, Decimal | int | str) else 0


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) else None
