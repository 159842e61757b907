"""Satisfaction surveys in the table (docs/data-model.md: survey settings, a session's
`survey` and `rating`, an agent's ratings, the `survey_send` and `survey_return_visit` timers).

Every write is conditional, so a redelivered stream record, a second press of a button or two
overlapping scheduler runs change nothing the second time:
- a survey is written on its session only while the session has none and is still closed
  as read (one per session);
- a rating is written only while the session's survey has the token pressed and no rating,
  in one transaction with the update's exactly-once marker;
- a comment is written only while the user's profile still waits for it;
- a return visit is recorded once per session, with the removal of its timer as read.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from botocore.exceptions import ClientError

from tgdesk.core import ids
from tgdesk.core.domain import Status
from tgdesk.storage import audit, conversations, keys, sessions, table
from tgdesk.storage.expressions import Changes, put_new
from tgdesk.storage.feature_settings import SettingsItem
from tgdesk.storage.records import message as message_record
from tgdesk.storage.records import session as session_record
from tgdesk.storage.records import survey as record
from tgdesk.storage.records.survey import Rating, Survey, SurveySettings

SURVEY_TIMER = keys.SURVEY_TIMER
RETURN_VISIT_TIMER = keys.RETURN_VISIT_TIMER
COMMENT_WAIT = "survey_comment"  # on the user's profile: {session_id, until}
LAST_SURVEY_AT = "last_survey_at"  # on the user's profile


class _Paths(Changes):
    """Changes whose attribute names may be paths into a map (`survey.token`): no attribute
    these writes touch has a dot in its name."""

    def name(self, attribute: str) -> str:
        return ".".join(super(_Paths, self).name(part) for part in attribute.split("."))


# -- settings ---------------------------------------------------------------------------------
_SETTINGS = SettingsItem[SurveySettings](record.key, record.to_item, record.from_item)
get_settings = _SETTINGS.get
save_settings = _SETTINGS.save


# -- sending a survey -------------------------------------------------------------------------
def hold_survey(session: Mapping[str, Any], due_at: int) -> None:
    """Keep a survey for the end of the user's quiet hours (a timer; putting it again is
    harmless)."""
    _put(sessions.timer_put(session, SURVEY_TIMER, due_at))


def start_survey(
    session: Mapping[str, Any],
    survey: Survey,
    operations: Sequence[dict[str, Any]],
    *,
    timer: Mapping[str, Any] | None = None,
) -> bool:
    """Write `survey` on the session (none before, still closed at the close read) with the
    rating message's `operations`, the user's `last_survey_at`, and the removal of the due
    `timer` as read. False when any of it changed meanwhile."""
    update = (
        Changes()
        .set("survey", dict(survey))
        .require_absent("survey")
        .require_equal("status", Status.CLOSED)
        .require_equal("closed_at", session["closed_at"])
    )
    profile = Changes().set(LAST_SURVEY_AT, survey["sent_at"]).require_item()
    items = [
        update.item(*session_record.key(session["session_id"])),
        profile.item(*keys.telegram_user(session["project_id"], session["tg_user_id"])),
        *operations,
    ]
    if timer is not None:
        items.append(_timer_delete(timer))
    return _transact(items)


# -- a press of a rating button ---------------------------------------------------------------
def record_rating(
    project_id: str,
    update_id: int,
    session: Mapping[str, Any],
    rating: Rating,
    *,
    token: str,
    comment_until: int | None,
    operations: Sequence[dict[str, Any]],
    notices: Sequence[dict[str, Any]] = (),
    entries: Sequence[dict[str, Any]] = (),
) -> bool:
    """Write the rating (once, for the survey whose `token` was pressed) with the update's
    marker, the resolving agent's counters, the ticket's copy, the profile's wait for a
    comment (until `comment_until`), the thanks (`operations`) and the follow-up `notices`.
    False when the update was handled before or the survey was rated already."""
    score = rating["score"]
    update = (
        _Paths()
        .set("rating", dict(rating))
        .require_absent("rating")
        .require_equal("survey.token", token)
    )
    items = [
        conversations.update_marker(project_id, update_id, rating["at"]),
        update.item(*session_record.key(session["session_id"])),
        *operations,
        *(put_new(n) for n in notices),
        *(audit.put_operation(e) for e in entries),
    ]
    agent_id = rating.get("agent_id")
    if agent_id:
        counters = Changes().set("kind", record.RATINGS_KIND).set("project_id", project_id)
        counters.set("agent_id", agent_id).set("updated_at", rating["at"])
        counters.add("count", 1).add("sum", score).add(f"score_{score}", 1)
        items.append(counters.item(*keys.agent_ratings(agent_id, project_id)))
    if rating.get("ticket_number") is not None:
        ticket = Changes().set("rating", score).require_item()
        items.append(ticket.item(*keys.escalation_ticket(session["session_id"])))
    if comment_until is not None:
        wait = {"session_id": session["session_id"], "until": comment_until}
        profile = Changes().set(COMMENT_WAIT, wait).require_item()
        items.append(profile.item(*keys.telegram_user(project_id, session["tg_user_id"])))
    return _transact(items)


# -- a comment --------------------------------------------------------------------------------
def store_comment(
    project_id: str,
    update_id: int,
    *,
    tg_user_id: int,
    session_id: str,
    message: dict[str, Any],
    comment: str,
    now: int,
) -> conversations.Write | None:
    """The user's message as the comment of their rated session, which stays closed: the
    update's marker, the comment (once), the message kept in the user's chat, the profile's
    wait ended. DUPLICATE when the update was stored before; None when the wait ended or the
    session got a comment meanwhile (the caller places the message as any other)."""
    update = (
        _Paths()
        .set("rating.comment", comment)
        .set("rating.comment_at", now)
        .require_item()
        .require_absent("rating.comment")
    )
    profile = _Paths().remove(COMMENT_WAIT).require_equal(f"{COMMENT_WAIT}.session_id", session_id)
    stored = {
        **message,
        "message_id": ids.sortable_id(),
        "project_id": project_id,
        "tg_user_id": tg_user_id,
        "session_id": session_id,
        "direction": "in",
        "created_at": now,
        "survey_comment": True,
    }
    items = [
        conversations.update_marker(project_id, update_id, now),
        update.item(*session_record.key(session_id)),
        profile.item(*keys.telegram_user(project_id, tg_user_id)),
        put_new(message_record.to_item(stored)),  # type: ignore[arg-type]
    ]
    try:
        table.client().transact_write_items(TransactItems=items)
    except ClientError as err:
        reasons = table.cancellation_reasons(err)
        if reasons[:1] == ["ConditionalCheckFailed"]:
            return conversations.Write.DUPLICATE
        if reasons and set(reasons) <= table.LOST_RACE:
            return None
        raise
    return conversations.Write.STORED


# -- return visits ----------------------------------------------------------------------------
def set_timer(session: Mapping[str, Any], timer: str, due_at: int) -> None:
    _put(sessions.timer_put(session, timer, due_at))


def record_return_visit(
    session: Mapping[str, Any],
    timer: Mapping[str, Any],
    at: int,
    operations: Sequence[dict[str, Any]],
    notices: Sequence[dict[str, Any]],
    entries: Sequence[dict[str, Any]] = (),
) -> bool:
    """Mark the session's check-in sent (once, while it is closed at the close read) with
    the check-in message's `operations`, the holder's reminder and the removal of the due
    `timer` as read. False when another run got there first or the session changed."""
    update = (
        Changes()
        .set("return_visit_at", at)
        .require_absent("return_visit_at")
        .require_equal("status", Status.CLOSED)
        .require_equal("closed_at", session["closed_at"])
    )
    items = [
        update.item(*session_record.key(session["session_id"])),
        _timer_delete(timer),
        *operations,
        *(put_new(n) for n in notices),
        *(audit.put_operation(e) for e in entries),
    ]
    return _transact(items)


def drop_timer(timer: Mapping[str, Any]) -> bool:
    return sessions.drop_timer(dict(timer))


# -- helpers ----------------------------------------------------------------------------------
def _timer_delete(timer: Mapping[str, Any]) -> dict[str, Any]:
    return sessions.timer_delete(timer["session_id"], timer["timer"], due_by=timer["due_at"])


def _put(operation: dict[str, Any]) -> None:
    table.client().put_item(**operation["Put"])


_transact = table.transact_unless_lost
