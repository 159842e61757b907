"""Return visits: `return_visit_hours` after an escalated session was resolved, the bot
checks in with the user (the project's template in their language) and the session's holder
gets a reminder (a `survey_return_visit` notice). A timer of the sharded timer index, set by
the stream at the close and evaluated by the scheduler's `timers` job exactly once: the
check-in, the reminder, the audit entry and the timer's removal as read are one
transaction, conditioned on the session not having had its check-in and being closed as at
the close the timer was set for. A session reopened meanwhile drops its timer (closing it
again sets a new one); quiet hours move the timer to their end.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tgdesk.audit import entries as audit
from tgdesk.core import metrics
from tgdesk.core.clock import now_ms
from tgdesk.core.domain import Status
from tgdesk.outbound import delivery
from tgdesk.storage import assignments, conversations, sessions
from tgdesk.storage import surveys as store
from tgdesk.storage.records.survey import SurveySettings
from tgdesk.surveys import quiet_hours, sending, wording
from tgdesk.surveys import settings as survey_settings

REMINDER = "survey_return_visit"  # the holder's notice
TIMERS_PER_RUN = 200
_HOUR_MS = 3_600_000


def due_at(session: Mapping[str, Any], settings: SurveySettings) -> int | None:
    """When the check-in of this closed session is due; None when it gets none."""
    hours = int(settings.get("return_visit_hours") or 0)
    if not hours or not sending.escalated(session) or session.get("closed_at") is None:
        return None
    return int(session["closed_at"]) + hours * _HOUR_MS


def on_closed(session: Mapping[str, Any]) -> bool:
    """Set the check-in's timer of a session that just closed, when it gets one."""
    due = due_at(session, survey_settings.current(session["project_id"]))
    if due is None:
        return False
    store.set_timer(session, store.RETURN_VISIT_TIMER, due)
    return True


def run_due(now: int | None = None) -> dict[str, int]:
    """The scheduler's part: due held surveys and due check-ins; counts by outcome, only of
    the kinds that had a timer due (a quiet run adds nothing to the job's counts)."""
    now = now if now is not None else now_ms()
    counts: dict[str, int] = {}
    for timer_kind, prefix in ((store.SURVEY_TIMER, "survey"), (store.RETURN_VISIT_TIMER, "visit")):
        oldest: int | None = None
        counts[f"{prefix}_due"] = 0
        for timer in sessions.each_due_timer(timer_kind, now, most=TIMERS_PER_RUN):
            counts[f"{prefix}_due"] += 1
            oldest = int(timer["due_at"]) if oldest is None else oldest
            session = sessions.get(timer["session_id"])
            if timer_kind == store.SURVEY_TIMER:
                outcome = sending.run_due_held(timer, session, now)
            else:
                outcome = evaluate(timer, session, now)
            counts[f"{prefix}_{outcome}"] = counts.get(f"{prefix}_{outcome}", 0) + 1
        metrics.scheduler_job(
            timer_kind, due=counts[f"{prefix}_due"], oldest_due_at=oldest, now=now
        )
        if not counts[f"{prefix}_due"]:
            del counts[f"{prefix}_due"]
    return counts


def evaluate(timer: Mapping[str, Any], session: Mapping[str, Any] | None, now: int) -> str:
    """One due check-in: sent, moved (quiet hours, or asked too early), dropped or skipped."""
    if session is None or session.get("status") != Status.CLOSED or session.get("return_visit_at"):
        return _dropped(timer)
    settings = survey_settings.current(session["project_id"])
    due = due_at(session, settings)
    if due is None:
        return _dropped(timer)
    user = conversations.get_user(session["project_id"], session["tg_user_id"]) or {}
    if user.get("unreachable"):
        return _dropped(timer)
    due = max(due, quiet_hours.next_allowed(now, user, settings.get("quiet_hours")))
    if due > now:
        return "moved" if sessions.move_timer(dict(timer), due) else "skipped"
    texts = survey_settings.wording_of(settings)
    language = wording.language_of(
        user.get("language_code") or (session.get("user") or {}).get("language_code"), texts
    )
    prepared = delivery.prepare_from_bot(session, wording.text(texts, language, "return_visit"))
    entry = audit.entry(
        "survey.return_visit",
        actor_id=audit.SYSTEM,
        project_id=session["project_id"],
        target_type="session",
        target_id=session["session_id"],
        before={},
        after={"return_visit_at": now},
        details={"closed_at": session["closed_at"], "message_id": prepared.message["message_id"]},
    )
    holder = session.get("assignee_id")
    notices = (
        [
            assignments.notice_item(
                holder, REMINDER, dict(session), to_agent_id=holder, entry=entry, at=now
            )
        ]
        if holder
        else []
    )
    if not store.record_return_visit(session, timer, now, prepared.operations, notices, [entry]):
        return "skipped"
    delivery.send(prepared.message)
    return "sent"


def _dropped(timer: Mapping[str, Any]) -> str:
    return "dropped" if store.drop_timer(timer) else "skipped"
