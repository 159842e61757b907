"""The first-response target a ticket's user is promised, by priority: the project's SLA
policy for that priority (tgdesk.sla.policies; its defaults when the project saved none:
urgent 15 min, high 30 min, medium 2 h, low 4 h). Under business hours the target counts
inside them, as the SLA clock does.
"""

from __future__ import annotations

from tgdesk.core.domain import Priority
from tgdesk.sla import policies
from tgdesk.storage import sla as sla_store


def first_response_ms(project_id: str, priority: Priority) -> int:
    """How long the user may wait for the first answer at this priority (ms)."""
    settings = policies.effective(project_id, sla_store.get_settings(project_id))
    return policies.target_ms(settings, priority, policies.FIRST_RESPONSE)
