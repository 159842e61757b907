"""An escalation's own targets: a first response and/or a resolution time (minutes) for the
escalated ticket, never looser than the project's SLA policy for its priority. The session's
clocks use them from the escalation on (tgdesk.sla.clocks); the user is told the first
response one. A re-escalation without targets keeps those of the ticket.
"""

from __future__ import annotations

from tgdesk.core.domain import Priority
from tgdesk.core.errors import InvalidInput
from tgdesk.sla import policies
from tgdesk.storage import sla as sla_store
from tgdesk.storage.records.ticket import Targets

_CLOCKS = {
    "first_response_minutes": policies.FIRST_RESPONSE,
    "resolution_minutes": policies.RESOLUTION,
}


def checked(
    project_id: str,
    priority: Priority,
    *,
    first_response_minutes: int | None,
    resolution_minutes: int | None,
    at: int,
) -> Targets | None:
    """The targets asked for, from `at` on; None when none was. InvalidInput
    (`target_looser_than_policy`) when one is looser than the policy for `priority`."""
    asked = {
        "first_response_minutes": first_response_minutes,
        "resolution_minutes": resolution_minutes,
    }
    given = {name: int(minutes) for name, minutes in asked.items() if minutes is not None}
    if not given:
        return None
    settings = policies.effective(project_id, sla_store.get_settings(project_id))
    for name, minutes in given.items():
        allowed = policies.target_ms(settings, priority, _CLOCKS[name]) // policies.MINUTE_MS
        if not 1 <= minutes <= allowed:
            raise InvalidInput(
                f"{name} is 1 to {allowed} minutes: an escalation's target is never looser "
                f"than the project's policy for {priority} priority.",
                code="target_looser_than_policy",
                field=name,
            )
    return Targets(**given, since=at)  # type: ignore[typeddict-item]


def first_response_ms(targets: Targets | None) -> int | None:
    """The first-response target the user is promised, when the escalation set one."""
    minutes = (targets or {}).get("first_response_minutes")
    return int(minutes) * policies.MINUTE_MS if minutes is not None else None
