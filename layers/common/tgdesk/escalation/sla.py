"""What an escalation tells the SLA clocks: the session's priority (new targets) or status
(unread again) changed, so the scheduler looks at its clocks at its next run, as for a change
from the console (tgdesk.sessions.lifecycle)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tgdesk.core.clock import now_ms
from tgdesk.storage import sla as sla_store


def priority_or_status_changed(session: Mapping[str, Any]) -> None:
    """Only for a session whose project tracks its clocks (it carries them)."""
    if session.get(sla_store.ATTRIBUTE) is not None:
        sla_store.look_again(session, now_ms())
