"""A press of an FAQ answer's buttons, in the webhook (tgdesk.inbound.ingest hands it here).

"That solved it": the session closes, resolved by the bot (`closed_by` is BOT, which the
session statistics count as such; the audit entry says so), then the press is recorded on
the session's FAQ answer with the update's marker. "I still need help": the press is recorded
and acknowledged; the session stays with its agent or in the queue. Either is answered in the
webhook's own response (answerCallbackQuery), so the webhook calls no other service. A
second press, a redelivery or a press on an older answer's buttons changes nothing and is
answered all the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tgdesk.audit import entries as audit
from tgdesk.autoreplies import buttons, wording
from tgdesk.core.domain import Status
from tgdesk.core.errors import Conflict
from tgdesk.storage import autoreplies as store
from tgdesk.storage import conversations, sessions
from tgdesk.storage.records.project import Project
from tgdesk.telegram import callback_answers
from tgdesk.telegram.updates import InboundMessage

BOT = "bot"  # the actor (and `closed_by`) of a session the user closed with "That solved it"
_CLOSE_ATTEMPTS = 3  # the session may be routed between the read and the close


@dataclass(frozen=True, slots=True)
class Handled:
    result: str  # stored, duplicate or ignored (as tgdesk.inbound.ingest counts them)
    answer: dict[str, Any] | None = None


def handle(project: Project, update: InboundMessage, press: buttons.Press, now: int) -> Handled:
    project_id = project["project_id"]
    query = update.message.get("callback_query") or {}
    language = (query.get("from") or {}).get("language_code")
    session = sessions.get(press.session_id)
    faq = store.faq_answer_of(session or {})
    if (
        session is None
        or session.get("project_id") != project_id
        or session.get("tg_user_id") != update.user.id
        or faq.get("token") != press.token
    ):
        return _ignored(project_id, update, query, now, "faq_press_unknown", None)
    reply = wording.button(language, f"{press.choice}_answer")
    if faq.get("pressed"):
        return _ignored(project_id, update, query, now, "faq_press_repeated", reply)
    if press.choice == buttons.SOLVED:
        _close(session, faq.get("rule_id"), now)
    written = store.record_press(
        project_id,
        update.update_id,
        press.session_id,
        token=press.token,
        pressed=press.choice,
        at=now,
    )
    if not written:
        return _ignored(project_id, update, query, now, "faq_press_repeated", reply)
    return Handled("stored", callback_answers.in_response(query, reply))


def _close(session: dict[str, Any], rule_id: Any, now: int) -> None:
    """Close the session as resolved by the bot (unless it closed meanwhile)."""
    for _ in range(_CLOSE_ATTEMPTS):
        if session.get("status") == Status.CLOSED:
            return
        entry = audit.entry(
            "session.close",
            actor_id=BOT,
            project_id=session["project_id"],
            target_type="session",
            target_id=session["session_id"],
            before={"status": session["status"]},
            after={"status": Status.CLOSED, "closed_at": now},
            details={"cause": "faq_solved", "rule_id": rule_id},
        )
        try:
            sessions.close(session, at=now, entry=entry)
            return
        except Conflict:
            session = sessions.get(session["session_id"]) or {**session, "status": Status.CLOSED}
    raise Conflict(
        "The session kept changing; Telegram will deliver the press again.",
        code="ingest_conflict",
    )


def _ignored(
    project_id: str,
    update: InboundMessage,
    query: dict[str, Any],
    now: int,
    counter: str,
    text: str | None,
) -> Handled:
    write = conversations.count_ignored(project_id, update.update_id, kind=counter, now=now)
    result = "duplicate" if write is conversations.Write.DUPLICATE else "ignored"
    return Handled(result, callback_answers.in_response(query, text))
