"""A shift and a handover summary: item shapes, keys, index keys and conversions.

A shift is one item under its project (`PROJECT#{p}`, `SHIFT#{id}`). While it has a next
event (a reminder before its end, or the end itself) it sits in the sharded due index
(GSI2 `TIMER#shift_event#{n}`, by `next_event_at`) that the scheduler reads.

A handover is one item per shift occurrence (`PROJECT#{p}#HANDOVERS`, `{end}#{shift}`). Until
it is acknowledged, or its supervisors were reminded, it sits in the due index
GSI2 `TIMER#handover_ack#{n}` by `ack_due_at`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NotRequired, TypedDict, cast

from tgdesk.storage import keys, table

SHIFT_KIND = "shift"
HANDOVER_KIND = "handover"


class Shift(TypedDict):
    shift_id: str
    project_id: str
    name: str
    days: list[str]  # mon..sun: the weekdays on which it starts
    start: str  # "HH:MM" in the project's time zone
    end: str  # "HH:MM"; at or before `start`: the next day
    time_zone: str
    agent_ids: list[str]
    reminder_minutes: list[int]  # before the end, e.g. [60, 30]
    ack_minutes: int  # an unacknowledged handover reminds the supervisors after this
    post_summary: bool  # the summary goes to the team's Telegram group
    version: int
    updated_at: int
    updated_by: str
    next_event_at: NotRequired[int]  # the next reminder or end (absent: none ahead)


class HandoverOpen(TypedDict, total=False):
    """One session the next shift inherits."""

    session_id: str
    agent_id: str
    status: str
    priority: str
    tags: list[str]
    user: str
    last_note: str
    next_step: str
    moved_to_follow_up: bool


class HandoverAgent(TypedDict):
    agent_id: str
    handled: int
    closed: int
    median_first_response_ms: int | None
    average_handling_ms: int | None


class Handover(TypedDict):
    project_id: str
    shift_id: str
    shift_name: str
    started_at: int
    ended_at: int
    generated_at: int
    agents: list[HandoverAgent]
    open_sessions: list[HandoverOpen]
    events: list[dict[str, Any]]  # {session_id, event, detail}
    promises: list[dict[str, Any]]  # {session_id, due_at, note}
    truncated: bool  # more open sessions or events than an item keeps
    reads: int  # items the summary read (its bounded cost)
    next_agent_ids: list[str]  # who may acknowledge (the next shift's agents)
    acknowledged_at: NotRequired[int]
    acknowledged_by: NotRequired[str]
    ack_due_at: NotRequired[int]
    supervisors_reminded_at: NotRequired[int]


def shift_key(project_id: str, shift_id: str) -> tuple[str, str]:
    return keys.project_shift(project_id, shift_id)


def shift_item(shift: Shift) -> dict[str, Any]:
    pk, sk = shift_key(shift["project_id"], shift["shift_id"])
    item: dict[str, Any] = {"PK": pk, "SK": sk, **shift, "kind": SHIFT_KIND}
    if shift.get("next_event_at") is not None:
        item["GSI2PK"] = keys.timers_index(keys.SHIFT_EVENT_TIMER, shift["shift_id"])
        item["GSI2SK"] = keys.timer_sort_key(shift["next_event_at"], shift["shift_id"])
    return item


def handover_key(project_id: str, ended_at: int, shift_id: str) -> tuple[str, str]:
    return keys.handover(project_id, ended_at, shift_id)


def handover_item(handover: Handover) -> dict[str, Any]:
    pk, sk = handover_key(handover["project_id"], handover["ended_at"], handover["shift_id"])
    item: dict[str, Any] = {"PK": pk, "SK": sk, **handover, "kind": HANDOVER_KIND}
    if handover.get("ack_due_at") is not None and handover.get("acknowledged_at") is None:
        item["GSI2PK"] = keys.timers_index(keys.HANDOVER_ACK_TIMER, handover["shift_id"])
        item["GSI2SK"] = keys.timer_sort_key(handover["ack_due_at"], handover["shift_id"])
    return item


def from_item(item: Mapping[str, Any]) -> dict[str, Any]:
    found = table.strip_keys(dict(item))
    found.pop("kind", None)
    return found


def as_shift(item: Mapping[str, Any]) -> Shift:
    return cast(Shift, from_item(item))


def as_handover(item: Mapping[str, Any]) -> Handover:
    return cast(Handover, from_item(item))
