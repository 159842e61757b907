"""A press of a rating button, in the webhook: the rating lands on the session the buttons
were sent for (whatever the user did since: a reopened session stays as it is), once.

One transaction writes the update's marker, the rating (only while the survey has the token
pressed and no rating yet), the resolving agent's counters, the ticket's copy, the wait for
a comment, the thanks (the rating message edited, through tgdesk.outbound.delivery: its lease
ends at once, so the stream sends it) and, for a 3 or less, the follow-up for the project's
supervisors. The press is answered in the webhook's own response (answerCallbackQuery), so
the webhook calls no other service. A second press, a redelivery or a press on buttons of
another survey writes only the marker and is answered all the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tgdesk.outbound import delivery
from tgdesk.storage import conversations, sessions
from tgdesk.storage import surveys as store
from tgdesk.storage.records.project import Project
from tgdesk.storage.records.survey import Rating
from tgdesk.surveys import callback_data, followups, wording
from tgdesk.surveys import settings as survey_settings
from tgdesk.telegram import callback_answers
from tgdesk.telegram.updates import InboundMessage

LOW = followups.LOW
_MINUTE_MS = 60_000


@dataclass(frozen=True, slots=True)
class Handled:
    result: str  # stored, duplicate or ignored (as tgdesk.inbound.ingest counts them)
    answer: dict[str, Any] | None = None


def handle(
    project: Project, update: InboundMessage, press: callback_data.Press, now: int
) -> Handled:
    project_id = project["project_id"]
    query = update.message.get("callback_query") or {}
    session = sessions.get(press.session_id)
    survey = (session or {}).get("survey") or {}
    if (
        session is None
        or session.get("project_id") != project_id
        or session.get("tg_user_id") != update.user.id
        or survey.get("token") != press.token
    ):
        return _ignored(project_id, update, query, now, "survey_press_unknown", None)
    settings = survey_settings.current(project_id)
    texts = survey_settings.wording_of(settings)
    language = str(survey.get("language") or wording.FALLBACK)
    if session.get("rating"):
        score = int(session["rating"]["score"])
        thanks = wording.text(texts, language, "thanks", score=score)
        return _ignored(project_id, update, query, now, "survey_press_repeated", thanks)
    rating: Rating = {"score": press.score, "at": now}
    if survey.get("agent_id"):
        rating["agent_id"] = survey["agent_id"]
    if survey.get("ticket_number") is not None:
        rating["ticket_number"] = int(survey["ticket_number"])
    minutes = int(settings.get("comment_minutes", 0))
    thanks = _thanks(texts, language, press.score, settings, invite_comment=minutes > 0)
    edit = delivery.prepare_from_bot(
        session,
        thanks,
        edits_telegram_message_id=query.get("message_id"),
        due_now=True,
    )
    low = press.score <= LOW
    notices, entries = followups.follow_up(session, rating, now) if low else ([], [])
    written = store.record_rating(
        project_id,
        update.update_id,
        session,
        rating,
        token=press.token,
        comment_until=now + minutes * _MINUTE_MS if minutes else None,
        operations=edit.operations,
        notices=notices,
        entries=entries,
    )
    if not written:  # handled before, or rated meanwhile: the marker alone, answered the same
        return _ignored(project_id, update, query, now, "survey_press_repeated", thanks)
    return Handled("stored", _answer(query, thanks))


def _thanks(
    texts: dict[str, Any],
    language: str,
    score: int,
    settings: dict[str, Any] | Any,
    *,
    invite_comment: bool,
) -> str:
    parts = [wording.text(texts, language, "thanks", score=score)]
    if invite_comment:
        parts.append(wording.text(texts, language, "comment_invite"))
    if score > LOW and settings.get("review_url"):
        parts.append(wording.text(texts, language, "review_invite", url=settings["review_url"]))
    return "\n\n".join(p for p in parts if p)


def _ignored(
    project_id: str,
    update: InboundMessage,
    query: dict[str, Any],
    now: int,
    counter: str,
    thanks: str | None,
) -> Handled:
    write = conversations.count_ignored(project_id, update.update_id, kind=counter, now=now)
    result = "duplicate" if write is conversations.Write.DUPLICATE else "ignored"
    return Handled(result, _answer(query, thanks))


def _answer(query: dict[str, Any], text: str | None) -> dict[str, Any] | None:
    """answerCallbackQuery as the webhook's response body (the button stops spinning)."""
    return callback_answers.in_response(query, text)
