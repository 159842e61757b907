"""Follow-up tasks: opened on a session (owner: its holder by default, following transfers),
reminded to their owner at the due time exactly once (with a controlled clock, also after a
transfer and with overlapping scheduler runs), flagged overdue on the session, listed per
owner and per supervised project, hidden from everyone else.

The team (collab_helpers): admin; p1 maria and ana (agents), boss (supervisor); p2 li
(agent), chief (supervisor). maria holds a session of p1.
"""

from __future__ import annotations

from typing import Any

import collab_helpers
from fastapi.testclient import TestClient

from tgdesk.core.clock import now_ms
from tgdesk.storage import sessions
from tgdesk.tasks import service

team = collab_helpers.team


def test_open_task_follows_the_holder_by_default(client: TestClient, team: dict[str, Any]) -> None:
    session = team["sessions"]["maria"]
    task = service.open_task(
        team["p1"],
        session["session_id"],
        kind="promise",
        due_at=now_ms() + 3_600_000,
        owner_id=None,
        note="send progress at 10:00",
        created_by=team["ids"]["maria"],
    )
    assert task["owner_id"] is None and task["state"] == "open"
    stored = sessions.get(session["session_id"]) or {}
    assert stored["tasks_open"] == 1
