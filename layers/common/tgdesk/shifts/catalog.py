"""A project's shifts: read by its members (who is on shift now), changed by its supervisors
and administrators, every change audited in its transaction.

The shift's time zone is the project's SLA time zone when it has one (tgdesk.sla), else
UTC; a shift may name its own. Saving a shift sets its next event (a reminder or its end)
from now, which puts it in the scheduler's due index.
"""

from __future__ import annotations

from typing import Any

from tgdesk.accounts.access import Scope
from tgdesk.audit import entries as audit
from tgdesk.core.clock import now_ms
from tgdesk.core.errors import Conflict, InvalidInput, NotFound
from tgdesk.core.ids import sortable_id
from tgdesk.shifts import schedule
from tgdesk.sla.calendar import CalendarError, parse_minute, zone
from tgdesk.storage import projects
from tgdesk.storage import shifts as store
from tgdesk.storage import sla as sla_store
from tgdesk.storage.records.shift import Shift

MAX_AGENTS = 50
MAX_NAME = 80
MAX_REMINDERS = 4
MAX_REMINDER_MINUTES = 12 * 60
DEFAULT_REMINDERS = [60, 30]
DEFAULT_ACK_MINUTES = 30


def list_shifts(scope: Scope, project_id: str) -> list[Shift]:
    scope.require_project(project_id)
    return sorted(store.of_project(project_id), key=lambda s: (s["start"], s["name"]))


def on_shift_now(scope: Scope, project_id: str, now: int | None = None) -> list[dict[str, Any]]:
    """The shifts running now, each with its agents and the occurrence's start and end."""
    now = now if now is not None else now_ms()
    found = []
    for shift in list_shifts(scope, project_id):
        occurrence = schedule.current(shift, now)
        if occurrence is not None:
            found.append(
                {
                    "shift_id": shift["shift_id"],
                    "name": shift["name"],
                    "agent_ids": shift["agent_ids"],
                    "started_at": occurrence.start,
                    "ends_at": occurrence.end,
                }
            )
    return found


def get(scope: Scope, project_id: str, shift_id: str) -> Shift:
    scope.require_project(project_id)
    found = store.get(project_id, shift_id)
    if found is None:
        raise NotFound("no such shift", code="shift_not_found")
    return found


def create(
    scope: Scope, project_id: str, wanted: dict[str, Any], *, source_ip: str | None = None
) -> Shift:
    scope.require_supervisor(project_id)
    if len(store.of_project(project_id)) >= store.MAX_SHIFTS:
        raise InvalidInput(f"a project has at most {store.MAX_SHIFTS} shifts", field="name")
    now = now_ms()
    shift = _validated(project_id, sortable_id(), wanted, scope.agent_id, now, version=1)
    store.save(shift, before=None, entry=_entry(scope, "shift.create", None, shift, source_ip))
    return shift


def update(
    scope: Scope,
    project_id: str,
    shift_id: str,
    wanted: dict[str, Any],
    *,
    source_ip: str | None = None,
) -> Shift:
    scope.require_supervisor(project_id)
    before = get(scope, project_id, shift_id)
    if wanted.get("version") is not None and wanted["version"] != before["version"]:
        raise Conflict("the shift changed meanwhile; reload it", code="conflict")
    merged = {**before, **{k: v for k, v in wanted.items() if v is not None}}
    now = now_ms()
    # an event already due but not yet run (the scheduler runs each minute) stays due
    pending = before.get("next_event_at")
    since = min(now, pending - 1) if pending is not None else now
    shift = _validated(
        project_id, shift_id, merged, scope.agent_id, since, version=before["version"] + 1
    )
    shift["updated_at"] = now
    entry = _entry(scope, "shift.update", before, shift, source_ip)
    store.save(shift, before=before, entry=entry)
    return shift


def delete(scope: Scope, project_id: str, shift_id: str, *, source_ip: str | None = None) -> None:
    scope.require_supervisor(project_id)
    before = get(scope, project_id, shift_id)
    store.delete(before, entry=_entry(scope, "shift.delete", before, None, source_ip))


def project_time_zone(project_id: str) -> str:
    """The project's time zone (its SLA settings'), else UTC."""
    settings = sla_store.get_settings(project_id)
    return str((settings or {}).get("time_zone") or "UTC")


def _validated(
    project_id: str,
    shift_id: str,
    wanted: dict[str, Any],
    actor_id: str,
    now: int,
    *,
    version: int,
) -> Shift:
    """The shift as `wanted` (InvalidInput otherwise), its next event the first after `now`."""
    name = str(wanted.get("name") or "").strip()
    if not name or len(name) > MAX_NAME:
        raise InvalidInput(f"a shift's name has 1 to {MAX_NAME} characters", field="name")
    try:
        days = schedule.validate_days(list(wanted.get("days") or []))
        start, end = str(wanted.get("start", "")), str(wanted.get("end", ""))
        if parse_minute(start) == 24 * 60 or start == end:
            raise CalendarError("a shift starts before 24:00 and lasts")
        parse_minute(end)
        time_zone = str(wanted.get("time_zone") or project_time_zone(project_id))
        zone(time_zone)
    except (ValueError, CalendarError) as err:
        raise InvalidInput(str(err), code="invalid_shift") from err
    members = {m["agent_id"] for m in projects.list_members(project_id)}
    agent_ids = list(dict.fromkeys(wanted.get("agent_ids") or []))
    if len(agent_ids) > MAX_AGENTS or any(a not in members for a in agent_ids):
        raise InvalidInput(
            f"a shift's agents (at most {MAX_AGENTS}) are members of the project",
            field="agent_ids",
        )
    reminders = wanted.get("reminder_minutes")
    reminders = DEFAULT_REMINDERS if reminders is None else list(reminders)
    if len(reminders) > MAX_REMINDERS or any(
        not isinstance(m, int) or not 0 < m <= MAX_REMINDER_MINUTES for m in reminders
    ):
        raise InvalidInput(
            f"at most {MAX_REMINDERS} reminders, 1 to {MAX_REMINDER_MINUTES} minutes before",
            field="reminder_minutes",
        )
    ack = wanted.get("ack_minutes")
    ack = DEFAULT_ACK_MINUTES if ack is None else ack
    if not isinstance(ack, int) or not 1 <= ack <= 24 * 60:
        raise InvalidInput("ack_minutes is 1 to 1440", field="ack_minutes")
    shift: Shift = {
        "shift_id": shift_id,
        "project_id": project_id,
        "name": name,
        "days": days,
        "start": start,
        "end": end,
        "time_zone": time_zone,
        "agent_ids": agent_ids,
        "reminder_minutes": sorted(set(reminders), reverse=True),
        "ack_minutes": ack,
        "post_summary": bool(wanted.get("post_summary", True)),
        "version": version,
        "updated_at": now,
        "updated_by": actor_id,
    }
    upcoming = schedule.next_event(shift, now)
    if upcoming is not None:
        shift["next_event_at"] = upcoming.at
    return shift


def _entry(
    scope: Scope,
    action: str,
    before: Shift | None,
    after: Shift | None,
    source_ip: str | None,
) -> dict[str, Any]:
    target = after or before
    assert target is not None
    return audit.entry(
        action,
        actor_id=scope.agent_id,
        project_id=target["project_id"],
        target_type="shift",
        target_id=target["shift_id"],
        before=_audited(before),
        after=_audited(after),
        source_ip=source_ip,
    )


def _audited(shift: Shift | None) -> dict[str, Any] | None:
    if shift is None:
        return None
    fields = ("name", "days", "start", "end", "time_zone", "agent_ids", "reminder_minutes")
    return {k: shift[k] for k in fields}  # type: ignore[literal-required]
