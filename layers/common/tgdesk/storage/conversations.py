"""Telegram users, their sessions and messages, update markers, dead letters, ignored counts.

Key layout: docs/data-model.md. Every ingest write is ONE TransactWriteItems whose first item
is its exactly-once key, so a redelivered update writes nothing at all: a message's ref (its
Telegram id in the user's chat, put only if absent), else the update's marker. A write
that loses a race on another item (a session closed or opened meanwhile) re-reads and retries.

Where an inbound message goes (the user's open session, their last session reopened, or a
new one) and when its auto-close timer falls are decided by tgdesk.sessions.opening from
what was read; `store_inbound_message` writes that placement as one transaction whose
conditions hold only while what was read is still so.

What DynamoDB refuses for its content (a ValidationException) raises Unstorable: writing it
again would fail the same way, so the webhook keeps the update as a dead letter. Throttling
and other transient failures raise Conflict `ingest_unavailable`: Telegram delivers again.
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from enum import StrEnum
from typing import Any, Protocol, cast

from botocore.exceptions import ClientError, HTTPClientError

from tgdesk.core import correlation, ids, item_size
from tgdesk.core.domain import DEFAULT_PRIORITY, Status
from tgdesk.core.errors import Conflict
from tgdesk.storage import audit, keys, retention, scroll, sessions, sla, table
from tgdesk.storage.expressions import Changes, put, put_new
from tgdesk.storage.records import audit_entry
from tgdesk.storage.records import message as message_record
from tgdesk.storage.records import session as session_record
from tgdesk.storage.records.link_touch import LinkTouch
from tgdesk.storage.records.message import Message
from tgdesk.storage.records.session import LastMessage, Session, UserCard

MARKER_TTL_SECONDS = 48 * 3600  # Telegram stops redelivering an update after 24 h
DEAD_LETTER_TTL_SECONDS = 30 * 24 * 3600
DEAD_LETTER_MAX_BODY_BYTES = 64 * 1024  # UTF-8 bytes kept of an invalid body
DEAD_LETTER_MAX_REASON = 1000
MAX_ATTEMPTS = 4
# Earlier versions kept per message: the original and the latest ones (a live location is
# edited every few seconds for hours). Fewer when they would not fit EDITED_ITEM_BUDGET.
MAX_EDITS = 50
# Bytes an edited message's item may take with its history: under half of DynamoDB's 400 KB,
# since the local emulator (moto) counts an attribute's old and new values together while it
# applies an update; the rest is also room for what is added later (a risk flag).
EDITED_ITEM_BUDGET = 192 * 1024
# What an edit can change; the previous values of these go to `edits`.
EDITABLE_FIELDS = ("text", "caption", "entities", "caption_entities", "media", "location")
PROFILE_FIELDS = ("first_name", "last_name", "username", "language_code", "is_premium")
# A message to the user's open session rewrites their profile only when their names changed or
# its `last_seen_at` is older than this: the users list (GSI1, by last seen) is exact to within
# it, and a user writing several messages a minute costs one profile write (and index move).
LAST_SEEN_EVERY_MS = 60_000
MAX_PAGE = 200

_COUNTER_META = frozenset({"kind", "project_id", "updated_at"})
_RACE_REASONS = frozenset({"None", "ConditionalCheckFailed", "TransactionConflict"})
_TRANSIENT_REASONS = frozenset({"ThrottlingError", "ProvisionedThroughputExceeded"})
_TRANSIENT_ERRORS = frozenset(
    {
        "ProvisionedThroughputExceededException",
        "ThrottlingException",
        "RequestLimitExceeded",
        "InternalServerError",
        "ServiceUnavailable",
        "TransactionInProgressException",
    }
)


class Unstorable(Exception):
    """DynamoDB refused a write for what it holds (ValidationException): trying again
    would fail the same way."""


class Placement(Protocol):
    """Where a user's message goes, decided from what was read (tgdesk.sessions.opening):
    the user's open session (neither `opens` nor `reopens`), their last session reopened
    (`reopens`: that closed session as read), or a new session (`opens`)."""

    @property
    def session_id(self) -> str: ...

    @property
    def opens(self) -> bool: ...

    @property
    def reopens(self) -> Mapping[str, Any] | None: ...

    @property
    def autoclose_due(self) -> int: ...  # the timer of a session that (re)opens is set there

    @property
    def sla_tracked(self) -> bool: ...  # the project's SLA clocks run (storage.sla)


class Attributed(Protocol):
    """A tracked link's click the message attributes the user to (tgdesk.attribution): the
    profile's new `source`, written only while it still holds `source_read`, and the `link`
    a session this message opens carries."""

    @property
    def source(self) -> Mapping[str, Any]: ...

    @property
    def source_read(self) -> Mapping[str, Any] | None: ...

    @property
    def link(self) -> Mapping[str, Any]: ...


class Write(StrEnum):
    STORED = "stored"
    DUPLICATE = "duplicate"  # the update was stored before: nothing written
    NO_ORIGINAL = "no_original"  # an edit of a message we never stored


def public(item: dict[str, Any] | None) -> dict[str, Any] | None:
    """A stored item as callers see it: no key attributes, `raw` parsed back from JSON."""
    if item is None:
        return None
    out = table.strip_keys(item)
    if isinstance(out.get("raw"), str):
        out["raw"] = json.loads(out["raw"])
    return out


# -- ingest writes --------------------------------------------------------------------
def store_inbound_message(
    project_id: str,
    update_id: int,
    *,
    tg_user_id: int,
    chat_id: int,
    profile: dict[str, Any],
    message: dict[str, Any],
    placement: Placement,
    now: int,
    user: Mapping[str, Any] | None = None,
    attributed: Attributed | None = None,
    retention_days: int | None = None,
) -> Write | None:
    """Append a user's message to the session `placement` names, opening or reopening it as
    decided (and then setting its auto-close timer): one transaction. None when what the
    placement was decided from changed meanwhile (read again, decide again: see `retrying`).

    `profile` holds the user's current names (PROFILE_FIELDS); `message` is a normalised
    Telegram message with its `raw` object; `user` the profile item the placement was decided
    from. A message to the open session leaves that item alone when `_profile_current`: the
    session's own condition (not closed) already proves it is the user's open session, since
    closing a session and clearing `open_session_id` are one transaction. With `attributed`
    the profile is always written (its `source`), and a new session carries the link.
    `retention_days` (the project's, tgdesk.storage.retention) gives the message and its
    session their `ttl`.
    """
    card = _user_card(profile)
    cid = correlation.of_update(project_id, update_id)  # logged by the stream's readers
    session_id = placement.session_id
    preview = session_record.last_message({**message, "direction": "in", "created_at": now})
    message_put, ref_put = _message_puts(
        project_id, tg_user_id, session_id, message, now, cid, retention_days
    )
    # Exactly once: the message's own Telegram id (its ref, put only if absent) when it has
    # one, so a redelivered message writes nothing with no marker item to pay for.
    items = [ref_put if ref_put is not None else _marker(project_id, update_id, now)]
    if ref_put is not None and message.get("edited_at") is not None:
        # The edit of a message never stored, stored as a message: delivered again it is
        # handled as an edit of this one, which its update's marker turns away.
        items.append(_marker(project_id, update_id, now))
    if placement.reopens is not None:
        items.append(
            _profile_reopening(project_id, tg_user_id, profile, now, placement.reopens, attributed)
        )
        items.extend(_session_reopened(placement.reopens, card, now, cid, preview, retention_days))
    elif placement.opens:
        items.append(_profile_opening(project_id, tg_user_id, profile, now, session_id, attributed))
        link = attributed.link if attributed is not None else None
        items.extend(
            _session_opened(
                project_id,
                tg_user_id,
                chat_id,
                session_id,
                card,
                now,
                cid,
                preview,
                link,
                retention_days,
            )
        )
    else:
        if attributed is not None or not _profile_current(user, profile, now):
            items.append(
                _profile_seen(project_id, tg_user_id, profile, now, session_id, attributed)
            )
        items.append(_session_touched(session_id, card, now, cid, preview, retention_days))
    if placement.opens or placement.reopens is not None:
        # Set when a session (re)opens; a message to the open session leaves it where it is
        # and the scheduler moves it to the end of the user's silence when it comes due.
        timed = {"session_id": session_id, "project_id": project_id}
        items.append(sessions.timer_put(timed, sessions.AUTOCLOSE, placement.autoclose_due))
    if placement.sla_tracked:
        opens = placement.opens or placement.reopens is not None
        items.extend(sla.inbound_timers(session_id, project_id, now, opens=opens))
    items.append(message_put)
    return _transact(items)


def retrying(attempt: Callable[[], Write | None], what: str) -> Write:
    """Run `attempt` (reads, then one transaction) until it does not lose a race (None),
    at most MAX_ATTEMPTS times; the table's refusals and passing troubles are classified
    as Unstorable and Conflict `ingest_unavailable`."""
    with _failures_classified(what):
        for tries in range(MAX_ATTEMPTS):
            result = attempt()
            if result is not None:
                return result
            time.sleep(random.uniform(0, 0.01 * 2**tries))
    raise Conflict(
        f"The {what} kept losing races with other writes; Telegram will deliver it again.",
        code="ingest_conflict",
    )


def store_message_edit(
    project_id: str,
    update_id: int,
    *,
    tg_user_id: int,
    message: dict[str, Any],
    edited_at: int,
    now: int,
) -> Write:
    """Replace a stored message's content with its edited version, keeping the previous one
    in `edits`. NO_ORIGINAL when the edited message was never stored (nothing written)."""
    telegram_message_id = message.get("telegram_message_id")
    if telegram_message_id is None:
        return Write.NO_ORIGINAL
    chat_pk, ref_sk = keys.telegram_message_ref(project_id, tg_user_id, telegram_message_id)

    def attempt() -> Write | None:
        ref = table.get(chat_pk, ref_sk, consistent=True)
        stored = table.get(chat_pk, ref["message_sk"], consistent=True) if ref else None
        if stored is None:
            return Write.NO_ORIGINAL
        raw = table.dumps(message["raw"]) if "raw" in message else None
        latest = {name: message.get(name) for name in (*EDITABLE_FIELDS, "cut")}
        after = {**_unedited(stored), **latest, "raw": raw, "edited_at": edited_at}
        edits, dropped = _bounded_history(
            [*stored.get("edits", []), _version_of(stored)],
            room=EDITED_ITEM_BUDGET - item_size.item_size(after),
        )
        update = Changes().require_item()
        for name, value in latest.items():
            update.set_or_remove(name, value)
        update.set_or_remove("edits", edits or None)
        if dropped:
            update.set("edits_dropped", stored.get("edits_dropped", 0) + dropped)
        update.set("edited_at", edited_at)
        update.set_or_remove("raw", raw)
        update.require_as_read("edited_at", stored.get("edited_at"))
        return _transact([_marker(project_id, update_id, now), update.item(chat_pk, stored["SK"])])

    return retrying(attempt, "message edit")


def store_reachability(
    project_id: str,
    update_id: int,
    *,
    tg_user_id: int,
    profile: dict[str, Any],
    blocked: bool,
    now: int,
) -> Write:
    """The user blocked the bot (`unreachable`) or allowed it again (cleared)."""
    update = _profile_update(project_id, tg_user_id, profile)
    update.set_if_absent("first_seen_at", now)
    update.set_if_absent("last_seen_at", now)
    update.set_if_absent("GSI1SK", keys.ts(now))
    if blocked:
        update.set("unreachable", True)
        update.set("unreachable_at", now)
    else:
        update.remove("unreachable", "unreachable_at")
    pk, sk = keys.telegram_user(project_id, tg_user_id)
    items = [_marker(project_id, update_id, now), update.item(pk, sk)]
    return retrying(lambda: _transact(items), "reachability change")


def count_ignored(project_id: str, update_id: int, *, kind: str, now: int) -> Write:
    """Acknowledge an update that is not served, adding one to its kind's counter."""
    update = Changes()
    update.set("kind", "ignored_counter")
    update.set("project_id", project_id)
    update.set("updated_at", now)
    update.add(kind, 1)
    pk, sk = keys.ignored_counter(project_id)
    items = [_marker(project_id, update_id, now), update.item(pk, sk)]
    return retrying(lambda: _transact(items), "ignored update")


def put_dead_letter(project_id: str, *, body: str, reason: str, now: int) -> str:
    """Keep a request body that is not a Telegram update (or could not be stored), for an
    operator to look at: its first DEAD_LETTER_MAX_BODY_BYTES, `body_truncated` when cut."""
    letter_id = ids.sortable_id()
    pk, sk = keys.dead_letter(project_id, now, letter_id)
    kept = item_size.utf8_prefix(body, DEAD_LETTER_MAX_BODY_BYTES)
    item = {
        "PK": pk,
        "SK": sk,
        "GSI1PK": keys.DEAD_LETTERS_INDEX_PK,
        "GSI1SK": f"{keys.ts(now)}#{letter_id}",
        "kind": "dead_letter",
        "dead_letter_id": letter_id,
        "project_id": project_id,
        "body": kept,
        "body_length": len(body),
        "body_truncated": True if len(kept) < len(body) else None,
        "reason": item_size.utf8_prefix(reason, DEAD_LETTER_MAX_REASON),
        "received_at": now,
        "ttl": now // 1000 + DEAD_LETTER_TTL_SECONDS,
    }
    with _failures_classified("dead letter"):
        table.client().put_item(TableName=table.table_name(), Item=table.to_item(item))
    return letter_id


# -- reads for the console ------------------------------------------------------------
def get_session(session_id: str) -> Session | None:
    item = table.get(*session_record.key(session_id))
    return session_record.from_item(item) if item is not None else None


def list_queue(project_id: str, *, limit: int = 100) -> list[Session]:
    """Sessions waiting for an assignee, the longest waiting first."""
    items, _ = table.query(
        pk=keys.project_queue_index(project_id), index="GSI1", limit=_clamp(limit)
    )
    return [session_record.from_item(i) for i in items]


def list_session_messages(
    session: Session, *, limit: int = 50, cursor: str | None = None
) -> tuple[list[Message], str | None]:
    """A session's messages, oldest first (a range of its user's chat partition)."""
    items, next_cursor = _page(
        keys.chat(session["project_id"], session["tg_user_id"]),
        None,
        limit,
        cursor,
        forward=True,
        sk_between=keys.message_range(session["opened_at"], session.get("closed_at")),
    )
    return [message_record.from_item(i) for i in items], next_cursor


def list_user_sessions(project_id: str, tg_user_id: int) -> list[dict[str, Any]]:
    """References to every session of a user, newest first."""
    pk, _ = keys.telegram_user(project_id, tg_user_id)
    items = table.query_all(pk=pk, sk_prefix=keys.USER_SESSION_PREFIX, forward=False)
    return [_public(i) for i in items]


def get_user(
    project_id: str, tg_user_id: int, *, consistent: bool = False
) -> dict[str, Any] | None:
    return public(table.get(*keys.telegram_user(project_id, tg_user_id), consistent=consistent))


def list_dead_letters(
    *, limit: int = 50, cursor: str | None = None
) -> tuple[list[dict[str, Any]], str | None]:
    """Bodies the webhook could not read, across projects, newest first."""
    return _page(keys.DEAD_LETTERS_INDEX_PK, "GSI1", limit, cursor, forward=False)


def get_ignored_counts(project_id: str) -> dict[str, int]:
    """How many updates of each kind the project acknowledged without serving them."""
    item = table.get(*keys.ignored_counter(project_id)) or {}
    return {
        k: v
        for k, v in item.items()
        if k not in table.KEY_ATTRIBUTES and k not in _COUNTER_META and isinstance(v, int)
    }


# -- transaction items ----------------------------------------------------------------
def update_marker(project_id: str, update_id: int, now: int) -> dict[str, Any]:
    """The Put of an update's exactly-once marker, for another module's transaction (its
    first item, so a cancelled first item means the update was handled before)."""
    return _marker(project_id, update_id, now)


def _marker(project_id: str, update_id: int, now: int) -> dict[str, Any]:
    pk, sk = keys.update_seen(project_id, update_id)
    item = {
        "PK": pk,
        "SK": sk,
        "kind": "update_marker",
        "project_id": project_id,
        "update_id": update_id,
        "received_at": now,
        "ttl": now // 1000 + MARKER_TTL_SECONDS,
    }
    return put_new(item)


def _profile_update(
    project_id: str,
    tg_user_id: int,
    profile: dict[str, Any],
    attributed: Attributed | None = None,
) -> Changes:
    """Current names of the user, and the attributes a new profile needs; the `source` of
    an attributed message, if it is still as read."""
    update = Changes()
    if attributed is not None:
        update.set("source", dict(attributed.source))
        update.require_as_read("source", attributed.source_read)
    for name in PROFILE_FIELDS:
        update.set_or_remove(name, profile.get(name))
    update.set("kind", "telegram_user")
    update.set("project_id", project_id)
    update.set("tg_user_id", tg_user_id)
    update.set("GSI1PK", keys.project_users_index(project_id, tg_user_id))
    return update


def _profile_seen(
    project_id: str,
    tg_user_id: int,
    profile: dict[str, Any],
    now: int,
    session_id: str,
    attributed: Attributed | None = None,
) -> dict[str, Any]:
    update = _profile_update(project_id, tg_user_id, profile, attributed)
    update.set("last_seen_at", now)
    update.set("GSI1SK", keys.ts(now))
    update.require_equal("open_session_id", session_id)
    return update.item(*keys.telegram_user(project_id, tg_user_id))


def _profile_current(user: Mapping[str, Any] | None, profile: Mapping[str, Any], now: int) -> bool:
    """The profile as read has the user's names and was seen within LAST_SEEN_EVERY_MS."""
    if user is None or now - int(user.get("last_seen_at", 0)) >= LAST_SEEN_EVERY_MS:
        return False
    return all(user.get(name) == profile.get(name) for name in PROFILE_FIELDS)


def _profile_opening(
    project_id: str,
    tg_user_id: int,
    profile: dict[str, Any],
    now: int,
    session_id: str,
    attributed: Attributed | None = None,
) -> dict[str, Any]:
    update = _profile_update(project_id, tg_user_id, profile, attributed)
    update.set("last_seen_at", now)
    update.set("GSI1SK", keys.ts(now))
    update.set_if_absent("first_seen_at", now)
    update.set("open_session_id", session_id)
    update.require_absent("open_session_id")
    return update.item(*keys.telegram_user(project_id, tg_user_id))


def _profile_reopening(
    project_id: str,
    tg_user_id: int,
    profile: dict[str, Any],
    now: int,
    session: Mapping[str, Any],
    attributed: Attributed | None = None,
) -> dict[str, Any]:
    update = _profile_update(project_id, tg_user_id, profile, attributed)
    update.set("last_seen_at", now)
    update.set("GSI1SK", keys.ts(now))
    update.set("open_session_id", session["session_id"])
    update.require_absent("open_session_id")
    update.require_equal("last_session_id", session["session_id"])
    update.require_equal("last_closed_at", session["closed_at"])
    return update.item(*keys.telegram_user(project_id, tg_user_id))


def _session_reopened(
    session: Mapping[str, Any],
    card: UserCard,
    now: int,
    cid: str,
    preview: LastMessage,
    retention_days: int | None = None,
) -> list[dict[str, Any]]:
    """The closed session back to unread with its assignee (the assign function checks
    that they are still eligible), their load counter, and the audit entry."""
    update = sessions.reopened_session(session, now)
    update.set("user", card)
    update.set("last_user_msg_at", now)
    update.set("waiting_since", now)  # closing cleared it
    update.set("last_message", preview)
    update.set(correlation.ATTRIBUTE, cid)
    retention.stamp(update, retention_days, now)
    items = [update.item(*session_record.key(session["session_id"]))]
    if session.get("assignee_id"):
        items.append(sessions.agent_load(session["assignee_id"], 1))
    entry = audit_entry.entry(
        "session.reopen",
        actor_id=audit_entry.SYSTEM,
        project_id=session["project_id"],
        target_type="session",
        target_id=session["session_id"],
        before={"status": Status.CLOSED, "closed_at": session["closed_at"]},
        after={"status": Status.UNREAD},
        details={"cause": "user_message", "assignee_id": session.get("assignee_id")},
    )
    items.append(audit.put_operation(entry))
    return items


def _session_opened(
    project_id: str,
    tg_user_id: int,
    chat_id: int,
    session_id: str,
    card: UserCard,
    now: int,
    cid: str,
    preview: LastMessage,
    link: Mapping[str, Any] | None = None,
    retention_days: int | None = None,
) -> list[dict[str, Any]]:
    session: Session = {
        "session_id": session_id,
        "project_id": project_id,
        "tg_user_id": tg_user_id,
        "chat_id": chat_id,
        "status": Status.UNREAD,
        "priority": DEFAULT_PRIORITY,
        "user": card,
        "opened_at": now,
        "first_inbound_at": now,
        "last_user_msg_at": now,
        "last_activity_at": now,
        "waiting_since": now,
        "last_message": preview,
        "correlation_id": cid,
    }
    if link is not None:
        session["link"] = cast(LinkTouch, dict(link))  # the tracked link that brought the user
    ref_pk, ref_sk = keys.user_session_ref(project_id, tg_user_id, now, session_id)
    ref = {
        "PK": ref_pk,
        "SK": ref_sk,
        "kind": "user_session",
        "session_id": session_id,
        "project_id": project_id,
        "tg_user_id": tg_user_id,
        "opened_at": now,
    }
    item = session_record.to_item(session)
    retention.stamp_item(item, retention_days, now, session=True)
    return [put_new(item), put(ref)]


def _session_touched(
    session_id: str,
    card: UserCard,
    now: int,
    cid: str,
    preview: LastMessage,
    retention_days: int | None = None,
) -> dict[str, Any]:
    update = Changes()
    update.set("user", card)
    update.set(correlation.ATTRIBUTE, cid)
    update.set_if_absent("first_inbound_at", now)
    update.set("last_user_msg_at", now)
    update.set("last_activity_at", now)
    update.set_if_absent("waiting_since", now)  # kept until an agent replies
    update.set("last_message", preview)
    retention.stamp(update, retention_days, now)
    for name, value in session_record.index_keys({"session_id": session_id}, now).items():
        update.set(name, value)
    update.require_item()
    update.require_not_equal("status", Status.CLOSED)
    return update.item(*session_record.key(session_id))


def _message_puts(
    project_id: str,
    tg_user_id: int,
    session_id: str,
    message: dict[str, Any],
    now: int,
    cid: str,
    retention_days: int | None = None,
) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """The message's put and, when it has a Telegram message id, the put-if-absent of its
    ref (the id is unique in the user's private chat, which the bot's messages share)."""
    message_id = ids.sortable_id()
    stored = cast(
        Message,
        {
            **message,
            "message_id": message_id,
            "project_id": project_id,
            "tg_user_id": tg_user_id,
            "session_id": session_id,
            "direction": "in",
            "created_at": now,
            "correlation_id": cid,
        },
    )
    item = message_record.to_item(stored)
    retention.stamp_item(item, retention_days, now, session=False)
    sk = item["SK"]
    telegram_message_id = message.get("telegram_message_id")
    if telegram_message_id is None or message.get("type") == "callback_query":
        return put(item), None
    ref_pk, ref_sk = keys.telegram_message_ref(project_id, tg_user_id, telegram_message_id)
    ref = {
        "PK": ref_pk,
        "SK": ref_sk,
        "kind": "telegram_message_ref",
        "message_sk": sk,
        "message_id": message_id,
        "session_id": session_id,
    }
    return put(item), put_new(ref)


def _user_card(profile: dict[str, Any]) -> UserCard:
    """The user's display fields copied onto their session for the session lists."""
    card = {k: profile[k] for k in UserCard.__annotations__ if profile.get(k) is not None}
    return cast(UserCard, card)


def _version_of(stored: dict[str, Any]) -> dict[str, Any]:
    version = {k: stored[k] for k in EDITABLE_FIELDS if k in stored}
    version["at"] = stored.get("edited_at") or stored.get("telegram_date") or stored["created_at"]
    return version


def _unedited(stored: dict[str, Any]) -> dict[str, Any]:
    """What an edit leaves of a stored message (keys and the attributes it does not set)."""
    replaced = {*EDITABLE_FIELDS, "cut", "raw", "edits", "edits_dropped", "edited_at"}
    return {k: v for k, v in stored.items() if k not in replaced}


def _bounded_history(versions: list[dict[str, Any]], *, room: int) -> tuple[list[Any], int]:
    """The original version and the latest ones, at most MAX_EDITS and at most `room` bytes
    together; and how many were left out."""
    sizes = [item_size.size_of(v) + 1 for v in versions]
    kept = list(range(len(versions)))
    total = item_size.size_of("edits") + 3 + sum(sizes)
    while kept and (len(kept) > MAX_EDITS or total > room):
        index = kept.pop(1 if len(kept) > 1 else 0)
        total -= sizes[index]
    return [versions[i] for i in kept], len(versions) - len(kept)


# -- running transactions -------------------------------------------------------------
def _transact(items: list[dict[str, Any]]) -> Write | None:
    """STORED, DUPLICATE when the first item's condition fails (the update's marker or the
    message's ref exists: it was stored before), None on a lost race."""
    try:
        table.client().transact_write_items(TransactItems=items)
    except ClientError as err:
        if err.response.get("Error", {}).get("Code") != "TransactionCanceledException":
            raise
        reasons = table.cancellation_reasons(err)
        if reasons and reasons[0] == "ConditionalCheckFailed":
            return Write.DUPLICATE
        if reasons and set(reasons) <= _RACE_REASONS:
            return None
        if "ValidationError" in reasons:
            raise Unstorable(_message_of(err)) from err
        if set(reasons) & _TRANSIENT_REASONS:
            raise _unavailable("transaction") from err
        raise
    return Write.STORED


@contextmanager
def _failures_classified(what: str) -> Iterator[None]:
    """DynamoDB's refusals of content -> Unstorable; its passing troubles -> Conflict
    `ingest_unavailable` (Telegram delivers again); anything else propagates."""
    try:
        yield
    except ClientError as err:
        code = err.response.get("Error", {}).get("Code")
        if code == "ValidationException":
            raise Unstorable(_message_of(err)) from err
        if code in _TRANSIENT_ERRORS:
            raise _unavailable(what) from err
        raise
    except HTTPClientError as err:  # connection refused, reset, timed out
        raise _unavailable(what) from err


def _unavailable(what: str) -> Conflict:
    return Conflict(
        f"The table could not take the {what} just now; Telegram will deliver it again.",
        code="ingest_unavailable",
    )


def _message_of(error: ClientError) -> str:
    return str(error.response.get("Error", {}).get("Message") or error)


# -- paging ---------------------------------------------------------------------------
def _page(
    partition: str,
    index: str | None,
    limit: int,
    cursor: str | None,
    *,
    forward: bool,
    sk_between: tuple[str, str] | None = None,
) -> tuple[list[dict[str, Any]], str | None]:
    partition_attribute = f"{index}PK" if index else "PK"
    items, last_key = table.query(
        pk=partition,
        index=index,
        forward=forward,
        limit=_clamp(limit),
        sk_between=sk_between,
        start_key=_decode_cursor(cursor, partition_attribute, partition),
    )
    return [_public(i) for i in items], _encode_cursor(last_key)


def _clamp(limit: int) -> int:
    return max(1, min(int(limit), MAX_PAGE))


def _encode_cursor(last_key: dict[str, Any] | None) -> str | None:
    """A cursor for a Query's LastEvaluatedKey (string attributes only): the key as JSON."""
    if not last_key:
        return None
    plain = {name: value["S"] for name, value in last_key.items()}
    return scroll.encode_cursor(json.dumps(plain, separators=(",", ":"), sort_keys=True))


def _decode_cursor(
    cursor: str | None, partition_attribute: str, partition: str
) -> dict[str, Any] | None:
    """The start key a cursor stands for; it must belong to the list being read."""
    text = scroll.decode_cursor(cursor)
    if text is None:
        return None
    try:
        plain = json.loads(text)
    except ValueError as err:
        raise scroll.bad_cursor() from err
    if (
        not isinstance(plain, dict)
        or not all(isinstance(k, str) and isinstance(v, str) for k, v in plain.items())
        or not {"PK", "SK"} <= plain.keys()
        or plain.get(partition_attribute) != partition
    ):
        raise scroll.bad_cursor()
    return {name: {"S": value} for name, value in plain.items()}


def _public(item: dict[str, Any]) -> dict[str, Any]:
    return public(item) or {}
