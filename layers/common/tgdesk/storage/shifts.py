"""Shifts and handover summaries in the table (docs/data-model.md: shift, handover).

Every write is conditional: a shift on the `version` read (an edit and the scheduler's
advance of `next_event_at` never overwrite each other), a handover is put once per shift
occurrence, and its acknowledgement and its supervisors' reminder each remove it from the
acknowledgement due index only while it is still there.
"""

from __future__ import annotations

from typing import Any

from tgdesk.core.errors import Conflict
from tgdesk.storage import audit, keys, scroll, table
from tgdesk.storage.assignments import notice_item
from tgdesk.storage.expressions import Changes, Condition, put_new
from tgdesk.storage.records import shift as record
from tgdesk.storage.records.shift import Handover, Shift

MAX_SHIFTS = 50  # per project
_LOST = Conflict("the shift changed meanwhile; reload it", code="conflict")


# -- shifts -----------------------------------------------------------------------------------
def get(project_id: str, shift_id: str) -> Shift | None:
    item = table.get(*record.shift_key(project_id, shift_id), consistent=True)
    return None if item is None else record.as_shift(item)


def of_project(project_id: str) -> list[Shift]:
    """A project's shifts (at most MAX_SHIFTS: one Query)."""
    pk, _ = keys.project_shift(project_id, "")
    items, _ = table.query(pk=pk, sk_prefix=keys.SHIFT_PREFIX, limit=MAX_SHIFTS)
    return [record.as_shift(i) for i in items]


def save(shift: Shift, *, before: Shift | None, entry: dict[str, Any] | None) -> None:
    """Write `shift` (new when `before` is None, else only if its version is still the one
    read), with its audit entry; Conflict otherwise."""
    item = record.shift_item(shift)
    if before is None:
        operation = put_new(item)
    else:
        operation = Condition().require_equal("version", before["version"]).put(item)
    operations = [operation] + ([audit.put_operation(entry)] if entry else [])
    table.transact(operations, conflict=_LOST)


def delete(shift: Shift, *, entry: dict[str, Any]) -> None:
    condition = Condition().require_equal("version", shift["version"])
    operations = [
        condition.delete(*record.shift_key(shift["project_id"], shift["shift_id"])),
        audit.put_operation(entry),
    ]
    table.transact(operations, conflict=_LOST)


def due_shifts(now: int, *, most: int) -> list[Shift]:
    """Shifts whose next event is due by `now`, the earliest first, from every shard."""
    return [record.as_shift(i) for i in _due(keys.SHIFT_EVENT_TIMER, now, most)]


def advance(
    shift: Shift, next_event_at: int | None, *, extra: list[dict[str, Any]] | None = None
) -> bool:
    """Move the shift's next event on from the one read (with `extra` operations, e.g. the
    agents' notices, in the same transaction). False when another run or an edit was first."""
    after: Shift = {**shift, "version": shift["version"] + 1}
    after.pop("next_event_at", None)
    if next_event_at is not None:
        after["next_event_at"] = next_event_at
    try:
        save_operations = [
            Condition().require_equal("version", shift["version"]).put(record.shift_item(after))
        ]
        table.transact(save_operations + (extra or []), conflict=_LOST)
    except Conflict:
        return False
    return True


# -- handovers --------------------------------------------------------------------------------
def get_handover(project_id: str, ended_at: int, shift_id: str) -> Handover | None:
    item = table.get(*record.handover_key(project_id, ended_at, shift_id), consistent=True)
    return None if item is None else record.as_handover(item)


def handovers_of_project(project_id: str, *, limit: int) -> list[Handover]:
    """A project's latest handovers, newest first."""
    pk, _ = keys.handover(project_id, 0, "")
    items, _ = table.query(pk=pk, forward=False, limit=limit)
    return [record.as_handover(i) for i in items]


def put_handover(handover: Handover, *, entry: dict[str, Any]) -> bool:
    """Store a shift occurrence's handover once; False when it was already stored."""
    operations = [put_new(record.handover_item(handover)), audit.put_operation(entry)]
    try:
        table.transact(operations, conflict=Conflict("stored", code="conflict"))
    except Conflict:
        return False
    return True


def acknowledge(handover: Handover, agent_id: str, at: int, entry: dict[str, Any]) -> bool:
    """Mark it acknowledged (once) and take it off the reminder index; False if it already was."""
    update = (
        Changes()
        .require_item()
        .require_absent("acknowledged_at")
        .set("acknowledged_at", at)
        .set("acknowledged_by", agent_id)
        .remove("GSI2PK", "GSI2SK")
    )
    key = record.handover_key(handover["project_id"], handover["ended_at"], handover["shift_id"])
    try:
        table.transact(
            [update.item(*key), audit.put_operation(entry)],
            conflict=Conflict("already acknowledged", code="conflict"),
        )
    except Conflict:
        return False
    return True


def due_acknowledgements(now: int, *, most: int) -> list[Handover]:
    return [record.as_handover(i) for i in _due(keys.HANDOVER_ACK_TIMER, now, most)]


def mark_supervisors_reminded(
    handover: Handover, at: int, notices: list[dict[str, Any]], entry: dict[str, Any]
) -> bool:
    """Leave the reminder index, once, while still unacknowledged, with the supervisors'
    notices (a transaction holds 100 items: the first 98 supervisors)."""
    update = (
        Changes()
        .require_item()
        .require_absent("acknowledged_at")
        .require("attribute_exists(GSI2PK)")
        .set("supervisors_reminded_at", at)
        .remove("GSI2PK", "GSI2SK")
    )
    key = record.handover_key(handover["project_id"], handover["ended_at"], handover["shift_id"])
    operations = [update.item(*key), audit.put_operation(entry), *map(put_new, notices[:98])]
    try:
        table.transact(operations, conflict=Conflict("reminded", code="conflict"))
    except Conflict:
        return False
    return True


def _due(timer: str, now: int, most: int) -> list[dict[str, Any]]:
    shards = keys.timers_shards(timer)
    return list(
        scroll.each_earliest(
            [scroll.Partition(shard, "GSI2") for shard in shards],
            low="0",
            high=f"{keys.ts(now)}#~",
            most=most,
        )
    )


# -- what a handover reads ----------------------------------------------------------------------
def sessions_of_agent(agent_id: str, *, limit: int) -> list[dict[str, Any]]:
    """The agent's sessions (open and closed), latest activity first: one Query (GSI1)."""
    items, _ = table.query(
        pk=keys.assignee_sessions_index(agent_id), index="GSI1", forward=False, limit=limit
    )
    return [table.strip_keys(i) for i in items if i.get("kind") == "session"]


def latest_notes(session_id: str, *, limit: int) -> list[dict[str, Any]]:
    """The session's latest notes, newest first: one Query of `limit` items."""
    pk, _ = keys.session(session_id)
    items, _ = table.query(pk=pk, sk_prefix=keys.NOTE_PREFIX, forward=False, limit=limit)
    return [table.strip_keys(i) for i in items]


def notice(
    agent_id: str, notice_kind: str, handover_of: dict[str, Any], *, entry: dict[str, Any], at: int
) -> dict[str, Any]:
    """A notice item (routing's, kept 14 days) about a shift: `handover_of` holds its
    project_id and shift_id (the notice's key takes the shift's id where a session's goes)."""
    about = {"session_id": handover_of["shift_id"], "project_id": handover_of["project_id"]}
    return notice_item(
        agent_id, notice_kind, about, to_agent_id=None, entry=entry, at=at, **handover_of
    )


def audit_operation(entry: dict[str, Any]) -> dict[str, Any]:
    return audit.put_operation(entry)


def new_items(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Put operations that never overwrite (notices)."""
    return [put_new(i) for i in items]
