"""What the console is shown of a session's SLA clocks (the API's session payload and the
realtime frames alike): storage.records.sla.current_view, for callers above storage."""

from __future__ import annotations

from tgdesk.storage.records.sla import current_view

__all__ = ["current_view"]
