"""What a warning and a breach do.

Written with the mark, in one transaction (tgdesk.storage.sla.record): the audit entry
(`sla.warning`, `sla.breach`), the notices (a warning: the holder, or the project's
supervisors while nobody holds the session; a breach that notifies: the holder and the
supervisors, its admins when it has none) and a raised priority with its own audit entry.
After that transaction, by the run that wrote it only: a reassignment to the policy's group
(through routing, as a transfer by the system) and the message to the team's Telegram group.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from tgdesk import teamchat
from tgdesk.audit import entries as audit
from tgdesk.core.claims import TRANSFERRED, SessionToRoute
from tgdesk.core.clock import now_ms
from tgdesk.core.errors import TgdeskError
from tgdesk.routing import jobs as routing_jobs
from tgdesk.routing import service as routing
from tgdesk.sla import policies
from tgdesk.sla.clocks import BREACH, WARNING, Clock
from tgdesk.storage import assignments
from tgdesk.storage import sla as store
from tgdesk.storage.records.sla import SlaSettings

log = logging.getLogger(__name__)

SLA_WARNING = "sla_warning"  # an agent notice: a clock of a session is about to run out
SLA_BREACH = "sla_breach"  # an agent notice: a clock of a session ran out


@dataclass
class Plan:
    """The writes that go with a recorded stage, and what follows them."""

    changes: dict[str, Any] = field(default_factory=dict)
    entries: list[dict[str, Any]] = field(default_factory=list)
    notices: list[dict[str, Any]] = field(default_factory=list)
    reassign_group_id: str | None = None


def plan(
    stage: str, session: Mapping[str, Any], clock: Clock, settings: SlaSettings, now: int
) -> Plan:
    priority = str(session.get("priority") or "medium")
    holder = session.get("assignee_id")
    entry = audit.entry(
        f"sla.{stage}",
        actor_id=audit.SYSTEM,
        project_id=session["project_id"],
        target_type="session",
        target_id=session["session_id"],
        before=None,
        after=None,
        details={
            "clock": clock.clock,
            "started_at": clock.started_at,
            "due_at": clock.due_at,
            "target_ms": clock.target_ms,
            "priority": priority,
            "assignee_id": holder,
        },
    )
    out = Plan(entries=[entry])
    action = policies.breach_action(settings, priority) if stage == BREACH else {}
    told: list[str] = [holder] if holder else []
    if (stage == WARNING and not holder) or action.get("notify"):
        told += routing_jobs.supervisors_of(session["project_id"])
    kind = SLA_WARNING if stage == WARNING else SLA_BREACH
    out.notices = [
        assignments.notice_item(
            agent_id,
            kind,
            dict(session),
            to_agent_id=holder,
            entry=entry,
            at=now,
            clock=clock.clock,
            due_at=clock.due_at,
        )
        for agent_id in dict.fromkeys(told)
    ]
    if stage == BREACH and action.get("raise_priority"):
        higher = policies.HIGHER.get(priority, priority)
        if higher != priority:
            out.changes["priority"] = higher
            out.entries.append(
                audit.entry(
                    "session.priority",
                    actor_id=audit.SYSTEM,
                    project_id=session["project_id"],
                    target_type="session",
                    target_id=session["session_id"],
                    before={"priority": priority},
                    after={"priority": higher},
                    details={"cause": "sla_breach", "clock": clock.clock},
                )
            )
    if stage == BREACH:
        out.reassign_group_id = action.get("reassign_group_id") or None
    return out


def follow_up(stage: str, session: Mapping[str, Any], clock: Clock, done: Plan) -> None:
    """What happens once the stage is recorded: the reassignment, the team group's message.
    Neither may undo the record: a failure is logged and left."""
    if done.changes.get("priority"):  # stricter targets: the other clock's due time moves
        store.look_again({**session, **done.changes}, now_ms())
    if done.reassign_group_id:
        _reassign(session, clock, done.reassign_group_id)
    _post_to_team(stage, session, clock)


def _reassign(session: Mapping[str, Any], clock: Clock, group_id: str) -> None:
    holder = session.get("assignee_id")
    wanted = SessionToRoute(
        session_id=session["session_id"],
        project_id=session["project_id"],
        how=TRANSFERRED,
        from_agent_id=holder,
        exclude=frozenset({holder}) if holder else frozenset(),
        group_id=group_id,
        reason=f"SLA breach: {clock.clock.replace('_', ' ')}",
    )
    try:
        routing.move(wanted)
    except TgdeskError as err:
        log.warning(
            "an SLA breach could not reassign the session",
            extra={"session_id": session["session_id"], "group_id": group_id, "error": err.code},
        )


def _post_to_team(stage: str, session: Mapping[str, Any], clock: Clock) -> None:
    """The project's bound Telegram group hears of it, once per clock and stage."""
    what = "SLA breach" if stage == BREACH else "SLA warning"
    user = session.get("user") or {}
    name = " ".join(str(user.get(k)) for k in ("first_name", "last_name") if user.get(k))
    text = (
        f"{what}: {clock.clock.replace('_', ' ')} of {name or 'a user'}'s session "
        f"({session.get('priority', 'medium')}) "
        + ("is overdue." if stage == BREACH else "is about to run out.")
    )
    event_key = f"sla:{session['session_id']}:{clock.name}:{stage}"
    try:
        teamchat.post(
            session["project_id"],
            event_key,
            text,
            link=teamchat.session_link(session["session_id"]),
        )
    except Exception:  # the group is told best effort; the console already is
        log.exception("an SLA event could not be posted to the team's group")
