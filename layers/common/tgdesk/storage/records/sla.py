"""A project's SLA settings item, and the `sla` map its sessions carry.

Settings: PK `PROJECT#{project_id}`, SK `SLA`, one per project (absent: the defaults of
tgdesk.sla.policies, tracking off). The project item mirrors `enabled` as `sla_tracked`, set
in the same transaction, so ingest (which holds the project item) knows whether a user's
message starts clocks without reading anything more.

A session's `sla` map: what the clocks need beyond the session's own times (pauses, the
warnings and breaches already recorded) and what the console shows of them (`clocks`,
`due_at`: a snapshot as of `evaluated_at`). Every write of it is conditioned on the map as
read, so a warning or a breach is recorded once however many scheduler runs overlap.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypedDict, cast

from tgdesk.storage import keys, table

KIND = "sla_settings"
MAX_PAUSES = 50  # completed pauses a session keeps (older ones are folded, see clocks)
MAX_EVENTS = 50  # warnings and breaches a session keeps (the latest), for statistics


class BreachAction(TypedDict, total=False):
    notify: bool  # the project's supervisors (its admins when it has none) get a notice
    raise_priority: bool  # one step up (low -> medium -> high -> urgent)
    reassign_group_id: str | None  # the session moves to this group of agents


class Policy(TypedDict, total=False):
    """The targets of one priority, in minutes."""

    first_response_minutes: int
    next_response_minutes: int
    resolution_minutes: int
    business_hours: bool  # count only the project's business hours (else calendar time)
    breach_action: BreachAction


class SlaSettings(TypedDict, total=False):
    project_id: str
    enabled: bool
    time_zone: str  # IANA
    # {"mon": [["09:00", "17:00"]], ...}; a missing weekday is closed; None: calendar time
    business_hours: dict[str, list[list[str]]] | None
    holidays: list[str]  # local dates, YYYY-MM-DD
    warn_percent: int  # the holder is warned when this share of a target has passed
    policies: dict[str, Policy]  # per priority
    updated_at: int  # every change is conditioned on the value read
    updated_by: str


class ClockShown(TypedDict, total=False):
    """One running clock as the console shows it."""

    clock: str  # first_response, next_response, resolution
    started_at: int
    target_ms: int
    warn_at: int | None  # None while paused
    due_at: int | None  # None while paused
    paused: bool
    remaining_ms: int  # business ms left (negative: overdue by as much); exact when paused
    warned_at: int | None
    breached_at: int | None


class SlaEvent(TypedDict):
    clock: str
    stage: str  # warning, breach
    at: int
    due_at: int
    priority: str


class SessionSla(TypedDict, total=False):
    paused_since: int  # while the session is follow_up
    pauses: list[list[int]]  # completed pauses, [from, to] epoch ms
    marks: dict[str, dict[str, int]]  # clock id -> {"warned_at", "breached_at"}
    events: list[SlaEvent]
    warnings: int
    breaches: int
    clocks: list[ClockShown]
    due_at: int  # the earliest due time of the running clocks (absent: none running)
    evaluated_at: int


def key(project_id: str) -> tuple[str, str]:
    return keys.project_sla(project_id)


def to_item(settings: SlaSettings) -> dict[str, Any]:
    pk, sk = key(settings["project_id"])
    return {"PK": pk, "SK": sk, "kind": KIND, **settings}


def from_item(item: dict[str, Any]) -> SlaSettings:
    return cast(SlaSettings, table.strip_keys(item))


def current_view(session: Mapping[str, Any]) -> SessionSla | None:
    """The session's `sla` map as the console is shown it: the snapshot's clocks that still
    run as the session stands (a reply stops the response clock and a close every clock
    without rewriting the snapshot; a pause shows as paused), and `due_at` theirs. The
    bookkeeping (`pauses`, `marks`) is left out."""
    sla = session.get("sla")
    if not isinstance(sla, Mapping):
        return None
    open_ = session.get("status") != "closed"
    starts = {
        "first_response": session.get("waiting_since"),
        "next_response": session.get("waiting_since"),
        "resolution": session.get("reopened_at") or session.get("opened_at"),
    }
    paused = session.get("status") == "follow_up"
    shown: list[ClockShown] = []
    for clock in sla.get("clocks", []):
        if not open_ or starts.get(clock.get("clock")) != clock.get("started_at"):
            continue
        if paused:  # until the scheduler's next look rewrites it: no due time while paused
            kept = {k: v for k, v in clock.items() if k not in ("warn_at", "due_at")}
            clock = cast(ClockShown, {**kept, "paused": True})
        shown.append(clock)
    view = {k: v for k, v in sla.items() if k not in ("pauses", "marks", "clocks", "due_at")}
    view["clocks"] = shown
    dues = [due for c in shown if (due := c.get("due_at")) is not None and not paused]
    if dues:
        view["due_at"] = min(dues)
    return cast(SessionSla, view)
