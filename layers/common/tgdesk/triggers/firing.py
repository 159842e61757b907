"""A trigger fires once per session: its suggestion on the session's trigger item, the
project's `escalation suggested` tag on the session and the `trigger.fired` audit entry, in
one write conditioned on what was read (tgdesk.storage.triggers.write_state). Only the
write that recorded it goes on to the trigger's automatic escalation, if it has one: the
session escalates (tgdesk.escalation.move) as the system, to the trigger's group.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any, cast

from tgdesk.accounts import access
from tgdesk.audit import entries as audit
from tgdesk.core.domain import Level, Role
from tgdesk.core.errors import TgdeskError
from tgdesk.escalation import move
from tgdesk.sessions import tags
from tgdesk.storage import triggers as store
from tgdesk.storage.records.triggers import SessionTriggers, Suggestion, TriggerSettings

log = logging.getLogger(__name__)

TAG = "escalation suggested"
TAG_COLOUR = "#f76b15"
_LEVEL_RANK = {Level.L1: 1, Level.L2: 2, Level.L3: 3}


def reason_of(suggestion: Mapping[str, Any]) -> str:
    """The suggestion in words (the audit log, the automatic escalation's reason)."""
    trigger = suggestion["trigger"]
    if trigger == "manager":
        return f"the user asked for a manager {suggestion.get('count')} times"
    if trigger == "keyword":
        return f'the user wrote "{suggestion.get("keyword")}"'
    return f"the session has been unresolved for {suggestion.get('minutes')} minutes"


def suggestion(trigger: str, at: int, **facts: Any) -> Suggestion:
    made = cast(Suggestion, {"trigger": trigger, "at": at, **facts})
    made["reason"] = reason_of(made)
    return made


def with_fired(state: SessionTriggers, fired: list[Suggestion]) -> SessionTriggers:
    """`state` with each of `fired` marked fired and suggested (one per trigger)."""
    names = {s["trigger"] for s in fired}
    kept = [s for s in state.get("suggestions", []) if s["trigger"] not in names]
    return {
        **state,
        "fired": {**state.get("fired", {}), **{s["trigger"]: s["at"] for s in fired}},
        "suggestions": [*kept, *fired],
    }


def record(
    session: Mapping[str, Any],
    state: SessionTriggers,
    *,
    read_version: int | None,
    fired: list[Suggestion],
    message_id: str | None = None,
    timer: Mapping[str, Any] | None = None,
) -> bool:
    """Write `state` (with what `fired`, if anything) and, when something fired, the tag and
    the audit entries. False when the session's triggers or tags changed since read."""
    entries = [_entry(session, s, message_id) for s in fired]
    tag_id = tags.system_tag(session["project_id"], TAG, TAG_COLOUR)["tag_id"] if fired else None
    written = store.write_state(
        {**state, "version": (read_version or 0) + 1},
        read_version=read_version,
        session=session if fired else None,
        tag_id=tag_id,
        entries=entries,
        timer=timer,
    )
    if written and fired:
        log.info(
            "escalation suggested",
            extra={"session_id": session["session_id"], "triggers": [s["trigger"] for s in fired]},
        )
    return written


def escalate_on_their_own(
    session: Mapping[str, Any], fired: list[Suggestion], settings: TriggerSettings
) -> None:
    """The fired triggers that escalate on their own do (the first whose level is above
    the session's). A refusal (the session moved up meanwhile, nobody in the group) is
    logged: the suggestion stays for the agent."""
    for made in fired:
        chosen = cast(dict[str, Any], dict(settings).get(made["trigger"]) or {})
        target = chosen.get("escalate")
        if not target:
            continue
        current = Level(session.get("level") or Level.L1)
        if _LEVEL_RANK[Level(target["level"])] <= _LEVEL_RANK[current]:
            continue
        request = move.Request(
            level=Level(target["level"]),
            group_id=target["group_id"],
            reason=f"Trigger: {made['reason']}",
            confirm_risk=True,
        )
        try:
            move.escalate(system_scope(), session["session_id"], request)
        except TgdeskError as err:
            log.warning(
                "a trigger could not escalate the session",
                extra={
                    "session_id": session["session_id"],
                    "trigger": made["trigger"],
                    "error": err.code,
                },
            )
            continue
        return


def system_scope() -> access.Scope:
    """The system acting on every project (an escalation's `by` is then `system`)."""
    return access.Scope({"agent_id": audit.SYSTEM, "role": Role.ADMIN})


def _entry(session: Mapping[str, Any], made: Suggestion, message_id: str | None) -> dict[str, Any]:
    details: dict[str, Any] = {k: v for k, v in made.items() if k != "at"}
    if message_id is not None:
        details["message_id"] = message_id
    return audit.entry(
        "trigger.fired",
        actor_id=audit.SYSTEM,
        project_id=session["project_id"],
        target_type="session",
        target_id=session["session_id"],
        details={**details, "assignee_id": session.get("assignee_id")},
    )
