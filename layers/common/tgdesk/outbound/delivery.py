"""Agents' replies: stored first, then sent to Telegram, and never dropped silently.

A reply is recorded `sending` before the Bot API is called. The outcome is `sent`,
`failed` with a reason a person understands, or `retrying` (429, 5xx, network trouble)
with exponential backoff or Telegram's `retry_after`; the scheduler sends due retries.
A `sending` message also carries a lease: if this process dies mid-send, the scheduler
takes the message over once the lease ends.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Mapping, Sequence
from typing import Any

from tgdesk.accounts import access
from tgdesk.core import correlation, ids, metrics, secrets
from tgdesk.core.clock import now_ms
from tgdesk.core.errors import InvalidInput, NotFound
from tgdesk.risk import checks as risk_checks
from tgdesk.storage import outbound, retention, teamchat
from tgdesk.storage.records import audit_entry as audit_record
from tgdesk.storage.records.session import Session
from tgdesk.telegram import client as telegram

log = logging.getLogger(__name__)

MAX_TEXT_LENGTH = 4096
MAX_ATTEMPTS = 8
BACKOFF_FIRST_SECONDS = 5
BACKOFF_CAP_SECONDS = 300
# Longer than the API function's timeout, so a live sender always outlasts its lease.
LEASE_SECONDS = 60
# Telegram's limit for one group chat; messages over it wait for the next free moment.
GROUP_MESSAGES_PER_MINUTE = 20
TEAM_CHAT = "team_chat"  # the `audience` of a message to a project's team group
# In what `_call_bot_api` returns: what the message item keeps once sent (a media message's
# `media` and its attachments' file_ids).
SENT_FIELDS = "stored_fields"

_FAILURE_REASONS = {
    "bot_blocked": "The user has blocked the bot.",
    "user_deactivated": "The user's Telegram account has been deleted.",
    "cant_initiate": "The user has not started a conversation with the bot yet.",
    "chat_not_found": "Telegram does not know this chat; the user may have deleted it.",
    "message_too_long": f"The message is longer than Telegram allows ({MAX_TEXT_LENGTH}).",
    "invalid_token": "The bot's token is no longer valid; connect the bot again.",
    "bot_not_connected": "The project has no bot token stored; connect the bot again.",
}
_RETRY_REASONS = {
    "rate_limited": "Telegram asked to slow down; sending again in {s} s.",
    "server_error": "Telegram had a server error; sending again in {s} s.",
    "network_error": "Telegram could not be reached; sending again in {s} s.",
}


def validate_text(text: str) -> str:
    """The text to send: stripped, 1 to 4096 characters, else InvalidInput on `text`."""
    stripped = text.strip()
    if not stripped:
        raise InvalidInput("Write something before sending.", code="message_empty", field="text")
    if len(stripped) > MAX_TEXT_LENGTH:
        raise InvalidInput(
            f"A message has at most {MAX_TEXT_LENGTH} characters; this one has "
            f"{len(stripped)}. Split it in two.",
            code="message_too_long",
            field="text",
        )
    return stripped


def reply(
    scope: access.Scope,
    session: Session,
    text: str,
    *,
    client_message_id: str | None = None,
    confirm_risk: bool = False,
    original_text: str | None = None,
) -> tuple[dict[str, Any], bool]:
    """Record an agent's reply and try to send it at once. `original_text`: what the agent
    wrote when `text` is its translation (tgdesk.translation), stored beside it.

    Returns (message, created): with a `client_message_id` this session already used
    for the same text, the earlier message is returned as it is now and nothing is sent
    again; used for another text, Conflict `client_message_id_reused` (the new text is
    neither stored nor sent, and the client knows it).
    Risk control runs first (tgdesk.risk.checks), on both texts of a translated reply: a
    `block` match, or a `confirm` match without `confirm_risk`, raises before anything is
    stored or sent.
    """
    if not scope.can_send(session):  # only the holder (tgdesk.accounts.access.Scope.can_send)
        raise NotFound("no such session", code="session_not_found")
    validate_text(text)
    agent_id = scope.agent_id
    original = validate_text(original_text) if original_text is not None else None
    checked = [text] if original is None else [original, text]
    matches = [
        match
        for each in checked
        for match in risk_checks.check_outbound(agent_id, session, each, confirmed=confirm_risk)
    ]
    return _record_and_send(
        agent_id, session, text, client_message_id, risk_matches=matches, original_text=original
    )


def prepare(
    sender_agent_id: str,
    session: Mapping[str, Any],
    text: str,
    *,
    risk_matches: Sequence[Mapping[str, Any]] = (),
) -> outbound.NewMessage:
    """A message that an authorized action allows (a transfer's message to the user), to
    be stored by that action's own transaction, so it exists exactly when the action
    happened; then `send` its `message`. Stored `sending` with a lease, as a reply is: if
    the immediate send never happens, the scheduler sends it. `risk_matches` it was
    confirmed with are audited in the same transaction. InvalidInput on a bad text."""
    message = _new_message(sender_agent_id, session, validate_text(text), None)
    return outbound.new_message(
        message, audit_entries=_confirmed_entries(sender_agent_id, session, message, risk_matches)
    )


def prepare_for_group(project_id: str, chat_id: int, text: str) -> outbound.NewMessage:
    """A message from tgdesk to a project's team group (tgdesk.teamchat), to be stored by the
    caller's transaction and then `send`: delivered as replies are, and besides held back
    (never dropped) while the group has had GROUP_MESSAGES_PER_MINUTE messages in the last
    minute. It belongs to no session. InvalidInput on a bad text."""
    chat = {"project_id": project_id, "tg_user_id": chat_id, "session_id": ""}
    message = _new_message(audit_record.SYSTEM, chat, validate_text(text), None)
    message["audience"] = TEAM_CHAT
    return outbound.new_message(message)


def prepare_from_bot(
    session: Mapping[str, Any],
    text: str,
    *,
    reply_markup: Mapping[str, Any] | None = None,
    edits_telegram_message_id: int | None = None,
    due_now: bool = False,
) -> outbound.NewMessage:
    """A message of the bot's own to a session's user (a survey, a check-in), marked
    `from_bot`, to be stored by the caller's transaction and then `send`, as `prepare`'s.
    `reply_markup`: its inline keyboard. `edits_telegram_message_id`: it replaces the text of
    that message of the bot (editMessageText) instead of sending a new one. `due_now`: its
    lease ends at once, for a writer that does not send it (the webhook): the stream or the
    scheduler's next run sends it."""
    message = _new_message(audit_record.SYSTEM, session, validate_text(text), None)
    message["from_bot"] = True
    if reply_markup is not None:
        message["reply_markup"] = dict(reply_markup)
    if edits_telegram_message_id is not None:
        message["edits_telegram_message_id"] = edits_telegram_message_id
    if due_now:
        message["delivery"]["next_attempt_at"] = message["created_at"]
    return outbound.new_message(message)


def _new_message(
    sender_agent_id: str, session: Mapping[str, Any], body: str, client_message_id: str | None
) -> dict[str, Any]:
    """An outbound message as it is first stored: `sending`, its first attempt leased. It
    carries the correlation id of the update its session last took in, so that the reply's
    log lines (and the scheduler's retries of it) join that update's."""
    now = now_ms()
    message: dict[str, Any] = {
        "message_id": ids.sortable_id(),
        "project_id": session["project_id"],
        "tg_user_id": session["tg_user_id"],
        "session_id": session["session_id"],
        "direction": "out",
        "type": "text",
        "text": body,
        "created_at": now,
        "sender_agent_id": sender_agent_id,
        "client_message_id": client_message_id,
        "delivery": {
            "state": "sending",
            "attempts": 1,
            "next_attempt_at": now + LEASE_SECONDS * 1000,
        },
    }
    correlation_id = correlation.of_item(session)
    if correlation_id is not None:
        message[correlation.ATTRIBUTE] = correlation_id
    # the project's retention, copied on the session read (no request of its own)
    retention.stamp_item(message, retention.days_of(session), now, session=False)
    return message


def _confirmed_entries(
    sender_agent_id: str,
    session: Mapping[str, Any],
    message: dict[str, Any],
    risk_matches: Sequence[Mapping[str, Any]],
) -> list[dict[str, Any]]:
    # A confirmed risky message's trigger entry is written with the message: a request
    # that dies after storing it is retried into the stored message, never a second entry.
    if not risk_matches:
        return []
    message_id = message["message_id"]
    return [risk_checks.confirmed_sent_entry(sender_agent_id, session, risk_matches, message_id)]


def _record_and_send(
    sender_agent_id: str,
    session: Mapping[str, Any],
    text: str,
    client_message_id: str | None,
    *,
    media: Mapping[str, Any] | None = None,
    risk_matches: Sequence[Mapping[str, Any]] = (),
    original_text: str | None = None,
) -> tuple[dict[str, Any], bool]:
    body = validate_text(text) if media is None else ""
    message = _new_message(sender_agent_id, session, body, client_message_id)
    if media is not None:  # a media message has a caption, if anything, instead of a text
        del message["text"]
        message.update(media)
    if original_text is not None:
        message["original_text"] = original_text
    entries = _confirmed_entries(sender_agent_id, session, message, risk_matches)
    stored, created = outbound.create_reply(
        session,
        message,
        content_digest=_digest(body) if media is None else _media_digest(media),
        audit_entries=entries,
    )
    if not created:
        return stored, False
    return send(stored), True


def _digest(text: str) -> str:
    """What tells a retried reply (same content) from a reused client_message_id: a
    fixed-size hash of the content, kept on the idempotency claim instead of a second
    copy of the text."""
    return hashlib.sha256(f"text\n{text}".encode()).hexdigest()


def _media_digest(media: Mapping[str, Any]) -> str:
    """As `_digest`, for a media message: its caption and the uploads it sends."""
    uploads = [attachment["upload_id"] for attachment in media.get("attachments", ())]
    return _digest(f"media\n{media.get('caption', '')}\n{','.join(uploads)}")


def reply_with_media(
    sender_agent_id: str,
    session: Mapping[str, Any],
    media: Mapping[str, Any],
    client_message_id: str | None,
    *,
    risk_matches: Sequence[Mapping[str, Any]] = (),
) -> tuple[dict[str, Any], bool]:
    """Record an agent's files (`media`: the message's type, caption and attachments, as
    tgdesk.attachments.sending makes them, checked there) and try to send them at once: as
    `reply`, exactly once per `client_message_id`, with the same retries."""
    return _record_and_send(
        sender_agent_id, session, "", client_message_id, media=media, risk_matches=risk_matches
    )


def send(message: dict[str, Any]) -> dict[str, Any]:
    """Call sendMessage for a message this caller holds (`sending`) and record the outcome."""
    if message.get("audience") == TEAM_CHAT:
        held = _hold_over_group_limit(message)
        if held is not None:
            return held
    try:
        sent = _send_message(message)
    except NotFound:
        outcome = outbound.mark_failed(
            message,
            error_code="bot_not_connected",
            reason=_FAILURE_REASONS["bot_not_connected"],
        )
    except telegram.TelegramError as err:
        outcome = _record_error(message, err)
    except Exception:
        # Unknown trouble (SSM down...): the lease brings the message back to the scheduler.
        log.exception("sending failed unexpectedly", extra=_log_fields(message))
        return message
    else:
        outcome = outbound.mark_sent(
            message,
            telegram_message_id=sent["message_id"],
            at=now_ms(),
            fields=sent.get(SENT_FIELDS),
        )
    if outcome is None:
        # The lease ran out and another sender took over; report what is stored now.
        current = outbound.get_message(*outbound.message_key(message))
        return current or message
    state = outcome["delivery"]["state"]
    metrics.delivery(state)
    log.info("delivery", extra={**_log_fields(outcome), "state": state})
    return outcome


def _hold_over_group_limit(message: dict[str, Any]) -> dict[str, Any] | None:
    """None when the group may have one more message now (it is counted); else the message,
    back in the retry index until the group may have it, its attempt not counted."""
    now = now_ms()
    try:
        free_at = teamchat.take_send_slot(
            message["tg_user_id"], now, limit=GROUP_MESSAGES_PER_MINUTE, window_ms=60_000
        )
    except Exception:
        # The lease brings the message back to the scheduler, as for trouble while sending.
        log.exception("the group's send log could not be read", extra=_log_fields(message))
        return message
    if free_at is None:
        return None
    held = outbound.mark_retrying(
        message,
        next_attempt_at=free_at,
        error_code="group_rate_limit",
        reason=f"The group had {GROUP_MESSAGES_PER_MINUTE} messages in the last minute; "
        f"sending in {max(1, (free_at - now + 999) // 1000)} s.",
        count_attempt=False,
    )
    if held is None:  # the lease ran out and another sender took over
        return outbound.get_message(*outbound.message_key(message)) or message
    metrics.delivery("retrying")
    return held


def _send_message(message: dict[str, Any]) -> dict[str, Any]:
    """sendMessage with the project's token. A token Telegram refuses is read once more
    past the cache: an admin may have just replaced it, and a container that still holds
    the old one must not fail the message for good."""
    project_id = message["project_id"]
    token = secrets.get_bot_token(project_id)
    try:
        return _call_bot_api(telegram.BotApi(token), message)
    except telegram.InvalidToken:
        fresh = secrets.get_bot_token(project_id, fresh=True)
        if fresh == token:
            raise
        return _call_bot_api(telegram.BotApi(fresh), message)


def _call_bot_api(api: telegram.BotApi, message: dict[str, Any]) -> dict[str, Any]:
    """sendMessage, or for a bot's message with a keyboard or an edit the method it needs,
    or for an agent's files (`attachments`) the method that sends them."""
    if message.get("attachments"):
        from tgdesk.attachments import sending  # only a media message needs S3

        return sending.send_media(api, message)
    chat_id, text = message["tg_user_id"], message["text"]
    markup = {"reply_markup": message["reply_markup"]} if message.get("reply_markup") else {}
    edits = message.get("edits_telegram_message_id")
    if edits is not None:
        edited = api.call(
            "editMessageText", {"chat_id": chat_id, "message_id": edits, "text": text, **markup}
        )
        return edited if isinstance(edited, dict) else {"message_id": edits}
    if markup:
        sent: dict[str, Any] = api.call("sendMessage", {"chat_id": chat_id, "text": text, **markup})
        return sent
    return api.send_message(chat_id, text)


def _record_error(message: dict[str, Any], err: telegram.TelegramError) -> dict[str, Any] | None:
    attempts = message["delivery"]["attempts"]
    retryable = isinstance(err, telegram.RateLimited | telegram.ServerError | telegram.NetworkError)
    if not retryable:
        reason = _FAILURE_REASONS.get(err.code) or (
            f"Telegram refused the message: {err.description}"
        )
        return outbound.mark_failed(message, error_code=err.code, reason=reason)
    if attempts >= MAX_ATTEMPTS:
        return outbound.mark_failed(
            message,
            error_code=err.code,
            reason=f"Telegram did not accept the message after {attempts} attempts.",
        )
    delay = retry_delay_seconds(attempts, err.retry_after)
    return outbound.mark_retrying(
        message,
        next_attempt_at=now_ms() + delay * 1000,
        error_code=err.code,
        reason=_RETRY_REASONS[err.code].format(s=delay),
    )


def retry_delay_seconds(attempts: int, retry_after: int | None = None) -> int:
    """Telegram's `retry_after` when given, else 5 s, 10 s, 20 s ... capped at 5 minutes."""
    if retry_after is not None:
        return max(1, int(retry_after))
    return min(BACKOFF_FIRST_SECONDS * 2 ** (attempts - 1), BACKOFF_CAP_SECONDS)


def run_due_retries(*, limit: int = 100) -> dict[str, int]:
    """Send every due retry (and take over expired `sending` leases). Returns counts.

    Each message is claimed with a conditional write before it is sent, so concurrent
    runs never send one message twice.
    """
    now = now_ms()
    counts = {"due": 0, "claimed": 0, "sent": 0, "retrying": 0, "failed": 0, "sending": 0}
    due = list(outbound.due_retries(now, limit=limit))
    oldest = min((int(m["delivery"]["next_attempt_at"]) for m in due), default=None)
    metrics.scheduler_job("deliveries", due=len(due), oldest_due_at=oldest, now=now)
    for message in due:
        counts["due"] += 1
        claimed = outbound.claim_retry(message, now=now, lease_until=now + LEASE_SECONDS * 1000)
        if claimed is None:
            continue
        counts["claimed"] += 1
        outcome = send(claimed)
        counts[outcome["delivery"]["state"]] += 1
    return counts


def _log_fields(message: dict[str, Any]) -> dict[str, Any]:
    delivery = message.get("delivery", {})
    return {
        "message_id": message["message_id"],
        "session_id": message["session_id"],
        correlation.ATTRIBUTE: correlation.of_item(message),
        "attempts": delivery.get("attempts"),
        "error_code": delivery.get("error_code"),
    }
