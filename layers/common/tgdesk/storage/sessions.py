"""Session state transitions as conditional writes and transactions.

Each transition is one TransactWriteItems that changes the session, the items that must
agree with it (the user's profile, the assignee's `open_sessions` counter, the session's
timers) and appends its audit entries, conditioned on the state the caller read: a
transition that lost a race writes nothing and raises Conflict.

The builders (`reopened_session`, `timer_put`, `agent_load`, ...) are also used by ingest,
which reopens a session inside the transaction that stores the user's message.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, cast

from botocore.exceptions import ClientError

from tgdesk.core.domain import Status
from tgdesk.core.errors import Conflict
from tgdesk.storage import audit, keys, scroll, table
from tgdesk.storage.expressions import Changes, Condition, put
from tgdesk.storage.records import session as session_record
from tgdesk.storage.records.session import Session

AUTOCLOSE = "autoclose"  # the timer that closes a session after the user's silence
RETURN = "return"  # the timer that routes a session its assignee has not opened elsewhere
QUEUED_AT = "queued_at"  # set while a session waits in its project's queue for room
RETURN_COUNT = "return_count"  # returns in a row by the return timer, nobody having opened it
_TIMER_PREFIX = keys.session_timer("", "")[1]
_LOST_RACE = frozenset({"None", "ConditionalCheckFailed", "TransactionConflict"})


def get(session_id: str) -> dict[str, Any] | None:
    """The session as stored now (a consistent read), key attributes included."""
    return table.get(*session_record.key(session_id), consistent=True)


# -- transaction items ----------------------------------------------------------------------
def timer_put(session: Mapping[str, Any], timer: str, due_at: int) -> dict[str, Any]:
    """Set (or move) one of the session's timers."""
    pk, sk = keys.session_timer(session["session_id"], timer)
    item = {
        "PK": pk,
        "SK": sk,
        "GSI2PK": keys.timers_index(timer, session["session_id"]),
        "GSI2SK": keys.timer_sort_key(due_at, session["session_id"]),
        "kind": "session_timer",
        "timer": timer,
        "session_id": session["session_id"],
        "project_id": session["project_id"],
        "due_at": due_at,
    }
    return put(item)


def timer_delete(session_id: str, timer: str, *, due_by: int | None = None) -> dict[str, Any]:
    """Remove a timer; with `due_by`, only if it is still due by then (not moved later)."""
    condition = Condition()
    if due_by is not None:
        condition.require_at_most("due_at", due_by)
    return condition.delete(*keys.session_timer(session_id, timer))


def agent_load(agent_id: str, delta: int) -> dict[str, Any]:
    """Add `delta` to the agent's `open_sessions` counter."""
    return Changes().add("open_sessions", delta).require_item().item(*keys.agent(agent_id))


def reopened_session(session: Mapping[str, Any], at: int) -> Changes:
    """The session back to `unread` with its assignee, if it is still closed as read: in
    its lists again (its project's queue when it has no assignee) at its new activity.

    The caller may add changes (ingest adds the user's message times) before `.item(...)`.
    """
    update = (
        Changes()
        .set("status", Status.UNREAD)
        .remove("closed_at")
        .set("reopened_at", at)
        .set("last_activity_at", at)
        .require_equal("status", Status.CLOSED)
        .require_equal("closed_at", session["closed_at"])
        .require_as_read("assignee_id", session.get("assignee_id"))
    )
    for name, value in session_record.index_keys(session, at).items():
        update.set(name, value)
    return update


# -- transitions ----------------------------------------------------------------------------
def change(
    session: Mapping[str, Any], changes: dict[str, Any], entries: list[dict[str, Any]]
) -> Session:
    """Set plain attributes of an open session (status, priority) if they still hold the
    values read. Returns the session as it is now."""
    update = Changes().require_item().require_not_equal("status", Status.CLOSED)
    for name, value in changes.items():
        update.require_as_read(name, session.get(name))
        update.set(name, value)
    operations = [update.item(*session_record.key(session["session_id"]))]
    _commit(operations + [audit.put_operation(e) for e in entries])
    return cast(Session, {**session, **changes})


def mark_processing(session: Mapping[str, Any], agent_id: str, entry: dict[str, Any]) -> bool:
    """unread -> processing when its assignee opens it, which also cancels the session's
    `return` timer. False if it was no longer unread or no longer theirs (someone else's
    read never changes the status)."""
    session_id = session["session_id"]
    update = (
        Changes()
        .set("status", Status.PROCESSING)
        .require_equal("status", Status.UNREAD)
        .require_equal("assignee_id", agent_id)
    )
    operations = [
        update.item(*session_record.key(session_id)),
        timer_delete(session_id, RETURN),
        audit.put_operation(entry),
    ]
    try:
        _commit(operations)
    except Conflict:
        return False
    return True


READERS_KEPT = 20  # agents whose read time a session keeps (the most recent readers)


def mark_read(session: Mapping[str, Any], agent_id: str, at: int) -> bool:
    """Note that `agent_id` read the session at `at` (its `read_at` map), if the map is still
    as read; False when a concurrent read or write won (the badge is merely a read late)."""
    readers = {**session.get("read_at", {}), agent_id: at}
    kept = dict(sorted(readers.items(), key=lambda r: r[1])[-READERS_KEPT:])
    update = (
        Changes()
        .set("read_at", kept)
        .require_item()
        .require_as_read("read_at", session.get("read_at"))
    )
    try:
        table.client().update_item(**update.request(*session_record.key(session["session_id"])))
    except ClientError as err:
        if table.is_conditional_failure(err):
            return False
        raise
    return True


def mark_queued(session_id: str, at: int) -> bool:
    """Mark an open, unassigned session as waiting in its project's queue since `at` (once:
    a redelivered record or a later drain that found nobody keeps the first time)."""
    update = (
        Changes()
        .set(QUEUED_AT, at)
        .require_item()
        .require_absent(QUEUED_AT)
        .require_absent("assignee_id")
        .require_not_equal("status", Status.CLOSED)
    )
    try:
        table.client().update_item(**update.request(*session_record.key(session_id)))
    except ClientError as err:
        if table.is_conditional_failure(err):
            return False
        raise
    return True


def close(
    session: Mapping[str, Any],
    *,
    at: int,
    entry: dict[str, Any],
    due_timer: dict[str, Any] | None = None,
) -> Session:
    """Close an open session: the session, the user's profile (`open_session_id` goes,
    `last_session_id` / `last_closed_at` come), the assignee's load, the session's timers
    and the audit entry, in one transaction.

    With `due_timer` (a timer item as read), the close happens only if that timer is still
    due by `at` (nobody moved it) and the user has not written since `session` was read.
    Returns the closed session.
    """
    session_id = session["session_id"]
    assignee = session.get("assignee_id")
    closing = (
        Changes()
        .set("status", Status.CLOSED)
        .set("closed_at", at)
        .set("closed_by", entry["actor_id"])  # an agent, or the system's auto-close
        .remove("waiting_since")
        .require_item()
        .require_not_equal("status", Status.CLOSED)
        .require_as_read("assignee_id", assignee)
    )
    if due_timer is not None:
        closing.require_as_read("last_user_msg_at", session.get("last_user_msg_at"))
    if not assignee:
        # out of the project's queue of waiting sessions
        closing.remove("GSI1PK", "GSI1SK", QUEUED_AT)
    profile = (
        Changes()
        .remove("open_session_id")
        .set("last_session_id", session_id)
        .set("last_closed_at", at)
        .require_equal("open_session_id", session_id)
    )
    operations = [
        closing.item(*session_record.key(session_id)),
        profile.item(*keys.telegram_user(session["project_id"], session["tg_user_id"])),
    ]
    if assignee:
        operations.append(agent_load(assignee, -1))
    timers = {t["timer"] for t in list_timers(session_id)}
    if due_timer is not None:
        timers.discard(due_timer["timer"])
        operations.append(timer_delete(session_id, due_timer["timer"], due_by=at))
    operations += [timer_delete(session_id, t) for t in sorted(timers)]
    operations.append(audit.put_operation(entry))
    _commit(operations)
    return cast(Session, {**session, "status": Status.CLOSED, "closed_at": at})


def reopen(
    session: Mapping[str, Any], *, at: int, autoclose_due: int, entry: dict[str, Any]
) -> Session:
    """Reopen a closed session from the console: only the user's latest session, and only
    while the user has no other open session. Returns the reopened session."""
    session_id = session["session_id"]
    profile = (
        Changes()
        .set("open_session_id", session_id)
        .require_absent("open_session_id")
        .require_equal("last_session_id", session_id)
    )
    operations = [
        reopened_session(session, at).item(*session_record.key(session_id)),
        profile.item(*keys.telegram_user(session["project_id"], session["tg_user_id"])),
        timer_put(session, AUTOCLOSE, autoclose_due),
        audit.put_operation(entry),
    ]
    if session.get("assignee_id"):
        operations.append(agent_load(session["assignee_id"], 1))
    _commit(operations)
    reopened = {k: v for k, v in session.items() if k != "closed_at"}
    changed = {"status": Status.UNREAD, "reopened_at": at, "last_activity_at": at}
    return cast(Session, {**reopened, **changed})


# -- timers ---------------------------------------------------------------------------------
def list_timers(session_id: str) -> list[dict[str, Any]]:
    pk, _ = session_record.key(session_id)
    return table.query_all(pk=pk, sk_prefix=_TIMER_PREFIX)


def due_timers(
    timer: str, now: int, *, limit: int = 100, after: str | None = None
) -> tuple[list[dict[str, Any]], str | None]:
    """One page of the timers of one kind that are due by `now`, the earliest first, read
    from every shard of their index, and where the next page starts (a due-time sort key;
    None at the end). A page may hold fewer than `limit` and still have a cursor."""
    return scroll.earliest(
        [scroll.Partition(shard, "GSI2") for shard in keys.timers_shards(timer)],
        low="0",
        high=f"{keys.ts(now)}#~",
        limit=limit,
        after=after,
    )


def each_due_timer(timer: str, now: int, *, most: int) -> Iterator[dict[str, Any]]:
    """The timers of one kind due by `now`, the earliest first, at most `most` (a scheduler
    run's bound), each page read when the previous one has been taken."""
    after: str | None = None
    taken = 0
    while taken < most:
        page, after = due_timers(timer, now, limit=most - taken, after=after)
        taken += len(page)
        yield from page
        if after is None:
            return


def drop_timer(timer: dict[str, Any]) -> bool:
    """Remove a timer left behind (its session is gone or closed) if nobody moved it."""
    operation = timer_delete(timer["session_id"], timer["timer"], due_by=timer["due_at"])
    request = operation["Delete"]
    try:
        table.client().delete_item(**request)
    except ClientError as err:
        if table.is_conditional_failure(err):
            return False
        raise
    return True


def move_timer(timer: dict[str, Any], due_at: int) -> bool:
    """Move a timer to `due_at` if nobody moved or removed it since it was read."""
    update = (
        Changes()
        .set("due_at", due_at)
        .set("GSI2SK", keys.timer_sort_key(due_at, timer["session_id"]))
        .require_equal("due_at", timer["due_at"])
    )
    try:
        table.client().update_item(
            **update.request(*keys.session_timer(timer["session_id"], timer["timer"]))
        )
    except ClientError as err:
        if table.is_conditional_failure(err):
            return False
        raise
    return True


def _commit(operations: list[dict[str, Any]]) -> None:
    try:
        table.client().transact_write_items(TransactItems=operations)
    except ClientError as err:
        reasons = set(table.cancellation_reasons(err))
        if not reasons or not reasons <= _LOST_RACE:
            raise
        raise Conflict(
            "The session changed meanwhile; reload it and try again.", code="session_changed"
        ) from err
