"""Service levels in the table: a project's SLA settings, the clocks' timers, and the
session's `sla` map (docs/data-model.md).

Two timer kinds on the sharded timer index (`TIMER#sla_response#{n}`,
`TIMER#sla_resolution#{n}`): the time the scheduler should next look at the session's
running response or resolution clock. The hot paths only ever set a timer "look now" (the
next scheduler run computes the exact time from the session, its priority and the
project's calendar, and moves it): a user's message upserts the response timer without
moving one already set (the clock that set it is still running, since a reply deletes it),
opening or reopening a session puts the resolution timer, a reply deletes the response
timer; each rides the transaction that write already makes.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from botocore.exceptions import ClientError

from tgdesk.storage import audit, keys, sessions, table
from tgdesk.storage.expressions import Changes, Condition
from tgdesk.storage.records import project as project_record
from tgdesk.storage.records import session as session_record
from tgdesk.storage.records import sla as sla_record
from tgdesk.storage.records.sla import SessionSla, SlaSettings

RESPONSE_TIMER = keys.SLA_RESPONSE_TIMER
RESOLUTION_TIMER = keys.SLA_RESOLUTION_TIMER
TIMERS = (RESPONSE_TIMER, RESOLUTION_TIMER)
ATTRIBUTE = "sla"  # the session's map
TRACKED = "sla_tracked"  # the project item's mirror of its settings' `enabled`
_LOST_RACE = frozenset({"None", "ConditionalCheckFailed", "TransactionConflict"})


# -- settings ---------------------------------------------------------------------------------
def get_settings(project_id: str) -> SlaSettings | None:
    item = table.get(*sla_record.key(project_id))
    return None if item is None else sla_record.from_item(item)


def save_settings(settings: SlaSettings, *, read_updated_at: int | None, entry: dict) -> bool:
    """Store a project's settings (conditioned on the `updated_at` read: absent for a first
    save), mirror `enabled` on the project item, append the audit entry. False when someone
    saved meanwhile."""
    item = sla_record.to_item(settings)
    condition = Condition().require_as_read("updated_at", read_updated_at)
    project = (
        Changes()
        .set(TRACKED, bool(settings.get("enabled")))
        .require_item()
        .item(*project_record.key(settings["project_id"]))
    )
    return _transact([condition.put(item), project, audit.put_operation(entry)])


# -- hot-path transaction items -------------------------------------------------------------
def inbound_timers(session_id: str, project_id: str, now: int, *, opens: bool) -> list[dict]:
    """What a user's message adds to its transaction in a tracked project: the response
    timer set to `now` unless one is set (a response clock is then already running), and
    when the message opens or reopens the session, its resolution timer."""
    pk, sk = keys.session_timer(session_id, RESPONSE_TIMER)
    response = (
        Changes()
        .set("kind", "session_timer")
        .set("timer", RESPONSE_TIMER)
        .set("session_id", session_id)
        .set("project_id", project_id)
        .set("GSI2PK", keys.timers_index(RESPONSE_TIMER, session_id))
        .set_if_absent("due_at", now)
        .set_if_absent("GSI2SK", keys.timer_sort_key(now, session_id))
        .item(pk, sk)
    )
    items = [response]
    if opens:
        timed = {"session_id": session_id, "project_id": project_id}
        items.append(sessions.timer_put(timed, RESOLUTION_TIMER, now))
    return items


def response_timer_delete(session_id: str) -> dict[str, Any]:
    """A reply's transaction item: the response clock stopped."""
    return sessions.timer_delete(session_id, RESPONSE_TIMER)


def look_at(session: Mapping[str, Any], timer: str, now: int) -> None:
    """Ask the scheduler to look at one clock of the session at its next run."""
    table.client().put_item(**sessions.timer_put(session, timer, now)["Put"])


def look_again(session: Mapping[str, Any], now: int) -> None:
    """Ask the scheduler to look at both clocks of the session at its next run (a status or
    priority change, a reopen from the console): plain puts after the change's own write."""
    client = table.client()
    for timer in TIMERS:
        client.put_item(**sessions.timer_put(session, timer, now)["Put"])


# -- the scheduler's writes -------------------------------------------------------------------
def record(
    session: Mapping[str, Any],
    new_sla: SessionSla,
    *,
    timer: Mapping[str, Any],
    next_due: int | None,
    changes: Mapping[str, Any] | None = None,
    entries: list[dict[str, Any]] = (),  # type: ignore[assignment]
    notices: list[dict[str, Any]] = (),  # type: ignore[assignment]
) -> bool:
    """Write the session's new `sla` map (and `changes`, such as a raised priority) if the
    session still holds the map, status and priority read, with its audit entries and
    notices, and move (or with `next_due` None, delete) the timer if it is still as read.
    False when any of it changed meanwhile: another run got there first, or the session
    moved on (the timer is then still due, and the next run looks again)."""
    session_id = session["session_id"]
    update = (
        Changes()
        .set(ATTRIBUTE, new_sla)
        .require_item()
        .require_as_read(ATTRIBUTE, session.get(ATTRIBUTE))
        .require_as_read("status", session.get("status"))
        .require_as_read("priority", session.get("priority"))
    )
    for name, value in (changes or {}).items():
        update.set(name, value)
    operations = [update.item(*session_record.key(session_id))]
    operations.append(_timer_after(timer, next_due))
    operations += [audit.put_operation(e) for e in entries]
    operations += [Condition().put(n) for n in notices]
    return _transact(operations)


def settle_timer(timer: Mapping[str, Any], next_due: int | None) -> bool:
    """Move the timer to `next_due` (None: delete it) if nobody moved it since it was read."""
    operation = _timer_after(timer, next_due)
    try:
        if "Delete" in operation:
            table.client().delete_item(**operation["Delete"])
        else:
            table.client().update_item(**operation["Update"])
    except ClientError as err:
        if table.is_conditional_failure(err):
            return False
        raise
    return True


def _timer_after(timer: Mapping[str, Any], next_due: int | None) -> dict[str, Any]:
    pk, sk = keys.session_timer(timer["session_id"], timer["timer"])
    if next_due is None:
        return Condition().require_equal("due_at", timer["due_at"]).delete(pk, sk)
    return (
        Changes()
        .set("due_at", next_due)
        .set("GSI2SK", keys.timer_sort_key(next_due, timer["session_id"]))
        .require_equal("due_at", timer["due_at"])
        .item(pk, sk)
    )


def _transact(operations: list[dict[str, Any]]) -> bool:
    try:
        table.client().transact_write_items(TransactItems=operations)
    except ClientError as err:
        reasons = set(table.cancellation_reasons(err))
        if reasons and reasons <= _LOST_RACE:
            return False
        raise
    return True
