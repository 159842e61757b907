"""Sending the survey when a session is resolved (the stream's close record), or at the end
of the user's quiet hours (the scheduler's `survey_send` timer).

A session is surveyed once, when its project's settings say so: surveys on; closed by an
agent (or by the auto-close when `auto_closed`); every session or only escalated ones; the
user reachable and not surveyed within `once_per_days`. The survey and its message are
written in one transaction conditioned on the session having none and still being closed
as read, then the message goes out through tgdesk.outbound.delivery.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tgdesk.core.domain import Level, Status
from tgdesk.outbound import delivery
from tgdesk.storage import conversations
from tgdesk.storage import surveys as store
from tgdesk.storage.records.audit_entry import SYSTEM
from tgdesk.storage.records.survey import Survey, SurveySettings
from tgdesk.surveys import callback_data, quiet_hours, wording
from tgdesk.surveys import settings as survey_settings

_DAY_MS = 86_400_000


def escalated(session: Mapping[str, Any]) -> bool:
    return bool(session.get("ticket")) or session.get("level", Level.L1) != Level.L1


def wanted(session: Mapping[str, Any], settings: SurveySettings) -> bool:
    """Whether this close of the session is surveyed (from the session alone)."""
    if not settings.get("enabled") or session.get("survey") or session.get("rating"):
        return False
    if session.get("closed_by") == SYSTEM and not settings.get("auto_closed"):
        return False
    return settings.get("sessions") != "escalated" or escalated(session)


def on_closed(session: Mapping[str, Any], now: int) -> str:
    """A session just closed: survey it now, hold the survey for the quiet hours' end, or
    not at all. Returns sent, held, skipped or not_wanted."""
    settings = survey_settings.current(session["project_id"])
    if not wanted(session, settings):
        return "not_wanted"
    user = conversations.get_user(session["project_id"], session["tg_user_id"]) or {}
    if not _may_ask(user, settings, now):
        return "skipped"
    due_at = quiet_hours.next_allowed(now, user, settings.get("quiet_hours"))
    if due_at > now:
        store.hold_survey(session, due_at)
        return "held"
    return "sent" if send(session, settings, user, now) else "skipped"


def send(
    session: Mapping[str, Any],
    settings: SurveySettings,
    user: Mapping[str, Any],
    now: int,
    *,
    timer: Mapping[str, Any] | None = None,
) -> bool:
    """Write the survey and its rating message, then send it. False when the session has a
    survey already or changed (reopened) since it was read."""
    texts = survey_settings.wording_of(settings)
    language = wording.language_of(
        user.get("language_code") or (session.get("user") or {}).get("language_code"), texts
    )
    token = callback_data.new_token()
    prepared = delivery.prepare_from_bot(
        session,
        wording.text(texts, language, "question"),
        reply_markup=callback_data.keyboard(session["session_id"], token),
    )
    survey: Survey = {
        "token": token,
        "closed_at": session["closed_at"],
        "language": language,
        "due_at": int(timer["due_at"]) if timer else now,
        "sent_at": now,
        "message_id": prepared.message["message_id"],
        "message_created_at": prepared.message["created_at"],
    }
    if session.get("assignee_id"):
        survey["agent_id"] = session["assignee_id"]
    ticket_number = (session.get("ticket") or {}).get("number")
    if ticket_number is not None:
        survey["ticket_number"] = int(ticket_number)
    if not store.start_survey(session, survey, prepared.operations, timer=timer):
        return False
    delivery.send(prepared.message)
    return True


def _may_ask(user: Mapping[str, Any], settings: SurveySettings, now: int) -> bool:
    if user.get("unreachable"):
        return False
    last = user.get(store.LAST_SURVEY_AT)
    return last is None or now - int(last) >= int(settings.get("once_per_days", 0)) * _DAY_MS


def run_due_held(timer: Mapping[str, Any], session: Mapping[str, Any] | None, now: int) -> str:
    """A held survey whose quiet hours ended: sent, or dropped when the session reopened,
    was surveyed, or the project turned surveys off meanwhile."""
    if session is None or session.get("status") != Status.CLOSED:
        return "dropped" if store.drop_timer(timer) else "skipped"
    settings = survey_settings.current(session["project_id"])
    user = conversations.get_user(session["project_id"], session["tg_user_id"]) or {}
    if not wanted(session, settings) or not _may_ask(user, settings, now):
        return "dropped" if store.drop_timer(timer) else "skipped"
    return "sent" if send(session, settings, user, now, timer=timer) else "skipped"
