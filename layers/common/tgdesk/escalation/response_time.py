"""The first-response target a ticket's user is promised, by priority.

The one place the escalation reads response times from: the project's SLA policy when it has
one, else the defaults a team starts from (urgent 15 min, high 30 min, medium 2 h, low 4 h).
"""

from __future__ import annotations

from tgdesk.core.domain import Priority

_MINUTE_MS = 60_000
DEFAULT_FIRST_RESPONSE_MINUTES: dict[Priority, int] = {
    Priority.URGENT: 15,
    Priority.HIGH: 30,
    Priority.MEDIUM: 120,
    Priority.LOW: 240,
}


def first_response_ms(project_id: str, priority: Priority) -> int:
    """How long the user may wait for the first answer at this priority (epoch-free ms)."""
    return DEFAULT_FIRST_RESPONSE_MINUTES[Priority(priority)] * _MINUTE_MS
