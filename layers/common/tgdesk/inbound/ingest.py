"""What the webhook does with one request from Telegram: authenticate, parse, store once.

The request is checked against the project's webhook secret (constant time) before anything
is read from the body. Everything Telegram should not send again is answered as success:
a duplicate, an update we do not serve, even a body that is not an update or that the table
refuses to hold (kept as a dead letter), because a failing update blocks the chat's later
ones until it expires. Only a transient failure (Conflict) asks Telegram to deliver again.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import re
import time
from dataclasses import dataclass
from typing import Any

from tgdesk import attribution
from tgdesk.core import ids
from tgdesk.core.clock import now_ms
from tgdesk.core.errors import NotFound, Unauthorized
from tgdesk.sessions import lifecycle, opening
from tgdesk.sessions.opening import InboundTiming
from tgdesk.storage import conversations, projects, retention, sessions
from tgdesk.storage.conversations import Write
from tgdesk.storage.records.project import Project
from tgdesk.surveys import callback_data as survey_buttons
from tgdesk.surveys import comments as survey_comments
from tgdesk.telegram.updates import (
    BotLeftGroup,
    ChatMemberChange,
    GroupBind,
    GroupMigrated,
    Ignored,
    InboundMessage,
    InvalidUpdate,
    MessageEdit,
    decode_update,
)

log = logging.getLogger(__name__)

PROJECT_CACHE_SECONDS = 60.0
_PROJECT_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")


@dataclass(frozen=True, slots=True)
class IngestResult:
    """What became of one request, for the log line and the tests.

    `result`: stored, duplicate, ignored or dead_letter. `kind`: message, edited_message,
    callback_query, my_chat_member, a team chat update's kind, or for an ignored update the
    counter it adds to. `answer`: a Bot API method call for the webhook's response body
    (Telegram makes it), or None.
    """

    result: str
    update_id: int | None = None
    kind: str | None = None
    answer: dict[str, Any] | None = None


def handle_update(project_id: str, secret: str | None, body: str | bytes) -> IngestResult:
    """Raises NotFound (unknown project) or Unauthorized (missing or wrong secret)."""
    project = _authenticate(project_id, secret)
    now = now_ms()
    try:
        update = decode_update(body)
    except InvalidUpdate as err:
        _dead_letter(project_id, body, str(err), now)
        return IngestResult("dead_letter")
    except Exception as err:  # parsing is pure: it would fail the same way every time
        log.exception("an update could not be parsed")
        _dead_letter(project_id, body, f"the update could not be read ({type(err).__name__})", now)
        return IngestResult("dead_letter")
    if isinstance(update, GroupBind | GroupMigrated | BotLeftGroup):
        # Imported for a team group's update only: a user's message never needs it.
        from tgdesk.teamchat import group_updates

        handled = group_updates.handle(project, update, now)
        return IngestResult(handled.result, update.update_id, update.kind, handled.answer)
    press = survey_buttons.press_of(update) if isinstance(update, InboundMessage) else None
    if press is not None:  # a rating button: stored on its session, which stays as it is
        # Imported on a press only: the rating's follow-ups bring the outbound side (the Bot
        # API client among it), which a user's message never needs, out of the cold start.
        from tgdesk.surveys import rating as survey_rating

        rated = survey_rating.handle(project, update, press, now)  # type: ignore[arg-type]
        return IngestResult(rated.result, update.update_id, update.kind, rated.answer)
    if isinstance(update, InboundMessage) and update.kind == "callback_query":
        # Imported for a button press only, out of a user's message's cold start.
        from tgdesk.autoreplies import buttons as faq_buttons

        faq_press = faq_buttons.press_of(update)
        if faq_press is not None:  # "That solved it" / "I still need help" under an FAQ answer
            from tgdesk.autoreplies import presses as faq_presses

            pressed = faq_presses.handle(project, update, faq_press, now)
            return IngestResult(pressed.result, update.update_id, update.kind, pressed.answer)
    try:
        write = _store(project, update, now)
    except conversations.Unstorable as err:
        _dead_letter(project_id, body, f"the table refused the update: {err}", now)
        return IngestResult("dead_letter", update.update_id, update.kind)
    if write is Write.DUPLICATE:
        result = "duplicate"
    else:
        result = "ignored" if isinstance(update, Ignored) else "stored"
    return IngestResult(result, update.update_id, update.kind)


def _dead_letter(project_id: str, body: str | bytes, reason: str, now: int) -> None:
    text = body if isinstance(body, str) else body.decode("utf-8", errors="replace")
    conversations.put_dead_letter(project_id, body=text, reason=reason, now=now)


def _store(
    project: Project, update: InboundMessage | MessageEdit | ChatMemberChange | Ignored, now: int
) -> Write:
    project_id = project["project_id"]
    match update:
        case InboundMessage():
            return _store_message(project, update, update.message, now)
        case MessageEdit():
            edited_at = update.edited_at or now
            write = conversations.store_message_edit(
                project_id,
                update.update_id,
                tg_user_id=update.user.id,
                message=update.message,
                edited_at=edited_at,
                now=now,
            )
            if write is not Write.NO_ORIGINAL:
                return write
            # An edit of a message we never saw: its content is still news to the agent.
            return _store_message(project, update, {**update.message, "edited_at": edited_at}, now)
        case ChatMemberChange():
            return conversations.store_reachability(
                project_id,
                update.update_id,
                tg_user_id=update.user.id,
                profile=update.user.profile(),
                blocked=update.blocked,
                now=now,
            )
        case Ignored():
            return conversations.count_ignored(
                project_id, update.update_id, kind=update.kind, now=now
            )


def _store_message(
    project: Project,
    update: InboundMessage | MessageEdit,
    message: dict[str, Any],
    now: int,
) -> Write:
    return store_user_message(
        project["project_id"],
        update.update_id,
        tg_user_id=update.user.id,
        chat_id=update.chat.id,
        profile=update.user.profile(),
        message=message,
        timing=lifecycle.inbound_timing(project, now),
        now=now,
        touch=attribution.touch_of(project["project_id"], message, update.chat.type, now),
        retention_days=retention.days_of(project),  # from the cached project item
    )


def store_user_message(
    project_id: str,
    update_id: int,
    *,
    tg_user_id: int,
    chat_id: int,
    profile: dict[str, Any],
    message: dict[str, Any],
    timing: InboundTiming,
    now: int,
    touch: attribution.LinkTouch | None = None,
    retention_days: int | None = None,
) -> Write:
    """Store a user's message in the session the rules choose (tgdesk.sessions.opening):
    read the user's profile (and their last session when it may be reopened), decide, write
    one transaction; again from the reading when another write got in between.

    `profile` holds the user's current names; `message` is a normalised Telegram message
    with its `raw` object; `timing` comes from the project's settings; `touch` the tracked
    link's click of a `/start <payload>` (tgdesk.attribution), written with the message;
    `retention_days` the project's (tgdesk.storage.retention): the message's expiry.
    """

    def attempt() -> Write | None:
        user = conversations.get_user(project_id, tg_user_id, consistent=True)
        comment = survey_comments.store_if_awaited(
            project_id, update_id, user, tg_user_id=tg_user_id, message=message, now=now
        )
        if comment is not None:  # the comment of a rating: its session stays closed
            return comment
        last_id = opening.reopen_candidate(user, timing)
        last = sessions.get(last_id) if last_id else None
        placement = opening.place_message(user, last, timing, new_session_id=ids.sortable_id())
        return conversations.store_inbound_message(
            project_id,
            update_id,
            tg_user_id=tg_user_id,
            chat_id=chat_id,
            profile=profile,
            message=message,
            placement=placement,
            now=now,
            user=user,
            attributed=attribution.attributed(user, touch),
            retention_days=retention_days,
        )

    return conversations.retrying(attempt, "inbound message")


# -- authentication -------------------------------------------------------------------
_projects: dict[str, tuple[float, Project]] = {}


def _authenticate(project_id: str, secret: str | None) -> Project:
    """The project, once the request has proved it comes from its bot's webhook."""
    if not _PROJECT_ID.fullmatch(project_id):
        raise _unknown_project()
    project, from_cache = _project(project_id)
    if project is None:
        raise _unknown_project()
    if secret and not _secret_matches(project, secret) and from_cache:
        # The secret may have been rotated since the project was cached.
        project, _ = _project(project_id, fresh=True)
    if not secret or project is None or not _secret_matches(project, secret):
        raise Unauthorized(
            "The X-Telegram-Bot-Api-Secret-Token header is missing or wrong.",
            code="bad_webhook_secret",
        )
    return project


def _project(project_id: str, *, fresh: bool = False) -> tuple[Project | None, bool]:
    """The project item, from a per-container cache of PROJECT_CACHE_SECONDS."""
    cached = _projects.get(project_id)
    if cached and not fresh and cached[0] > time.monotonic():
        return cached[1], True
    project = projects.get_project(project_id)
    if project is None:
        _projects.pop(project_id, None)
    else:
        _projects[project_id] = (time.monotonic() + PROJECT_CACHE_SECONDS, project)
    return project, False


def clear_project_cache() -> None:
    """Forget cached projects (tests switch tables under the same project ids)."""
    _projects.clear()


def _secret_matches(project: Project, secret: str) -> bool:
    expected = project.get("webhook_secret_hash")
    if not isinstance(expected, str):
        return False
    digest = hashlib.sha256(secret.encode("utf-8")).hexdigest()
    return hmac.compare_digest(digest.encode(), expected.lower().encode())


def _unknown_project() -> NotFound:
    return NotFound("There is no project with this id.", code="project_not_found")
