"""Escalation triggers in the table (docs/data-model.md: trigger settings, session
triggers, the `trigger_unresolved` timer).

A project's settings are one item, saved conditioned on the `updated_at` read. What the
triggers know of a session is one item whose every write is conditioned on the `version`
read, so a redelivered stream record or an overlapping scheduler run that read the same
version writes nothing. A trigger that fires writes, in one transaction, that item, the
session's tag, the audit entry and (the unresolved trigger) the removal of its timer as read.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from botocore.exceptions import ClientError

from tgdesk.storage import audit, keys, sessions, table, tags
from tgdesk.storage.expressions import Condition
from tgdesk.storage.feature_settings import SettingsItem
from tgdesk.storage.records import session as session_record
from tgdesk.storage.records import triggers as record
from tgdesk.storage.records.triggers import SessionTriggers, TriggerSettings

UNRESOLVED_TIMER = keys.UNRESOLVED_TIMER


# -- settings ---------------------------------------------------------------------------------
_SETTINGS = SettingsItem[TriggerSettings](record.key, record.to_item, record.from_item)
get_settings = _SETTINGS.get
save_settings = _SETTINGS.save


# -- a session's triggers ---------------------------------------------------------------------
def get_state(session_id: str) -> SessionTriggers | None:
    item = table.get(*record.session_key(session_id), consistent=True)
    return None if item is None else record.session_from_item(item)


def write_state(
    state: SessionTriggers,
    *,
    read_version: int | None,
    session: Mapping[str, Any] | None = None,
    tag_id: str | None = None,
    entries: list[dict[str, Any]] = (),  # type: ignore[assignment]
    timer: Mapping[str, Any] | None = None,
) -> bool:
    """Write `state` (its `version` one past `read_version`; None: no item was read) and,
    when a trigger fired, add `tag_id` to the session (whose tags were read with it), append
    the entries, and remove the due `timer` as read. False when any of it changed
    meanwhile (another record or run got there first, or the session's tags moved)."""
    condition = Condition().require_as_read("version", read_version)
    operations = [condition.put(record.session_to_item(state))]
    if session is not None and tag_id is not None:
        before = list(session.get("tags") or [])
        if tag_id not in before:
            key = session_record.key(session["session_id"])
            operations.append(tags.replace_operation(key, before, [*before, tag_id]))
    if timer is not None:
        operations.append(
            sessions.timer_delete(timer["session_id"], timer["timer"], due_by=timer["due_at"])
        )
    operations += [audit.put_operation(e) for e in entries]
    if len(operations) == 1:
        return _put(operations[0])
    return _transact(operations)


# -- the unresolved timer ---------------------------------------------------------------------
def unresolved_timer(session: Mapping[str, Any], due_at: int) -> dict[str, Any]:
    """The Put of a session's unresolved timer (the same due time for the same opening, so
    a redelivered record puts the same item)."""
    return sessions.timer_put(session, UNRESOLVED_TIMER, due_at)


def set_unresolved_timer(session: Mapping[str, Any], due_at: int) -> None:
    table.client().put_item(**unresolved_timer(session, due_at)["Put"])


def drop_timer(timer: Mapping[str, Any]) -> bool:
    """Remove a due timer that has nothing left to do, if nobody moved it."""
    return sessions.drop_timer(dict(timer))


# -- helpers ----------------------------------------------------------------------------------
def _put(operation: dict[str, Any]) -> bool:
    try:
        table.client().put_item(**operation["Put"])
    except ClientError as err:
        if table.is_conditional_failure(err):
            return False
        raise
    return True


_transact = table.transact_unless_lost
