"""Helpers of the lifecycle tests: a Telegram user who writes through the real ingest path
(the project's fixture updates), routing replayed, and reads of what the lifecycle writes."""

from __future__ import annotations

import json
from typing import Any

from ingest_support import PROJECT_ID, SECRET, USER_ID, fixture

from tgdesk.core import clock
from tgdesk.inbound import ingest
from tgdesk.storage import audit_feed, conversations, keys, sessions, table

T0 = 1_767_225_700_000
HOUR = 3_600_000
DAY = 24 * HOUR

_update_ids = iter(range(990_000_000, 999_999_999))


def at(moment: int) -> int:
    clock.set_now_for_tests(moment)
    return moment


def user_writes(text: str, *, user: int = USER_ID) -> None:
    """A user sends a text message: a fixture update with a fresh update_id."""
    update = fixture("text_entities")
    update["message"]["from"]["id"] = update["message"]["chat"]["id"] = user
    update["update_id"] = next(_update_ids)
    update["message"]["message_id"] = update["update_id"] % 1_000_000
    update["message"]["text"] = text
    update["message"].pop("entities", None)
    update["message"]["date"] = clock.now_ms() // 1000
    outcome = ingest.handle_update(PROJECT_ID, SECRET, json.dumps(update))
    assert outcome.result == "stored", outcome


def profile() -> dict[str, Any]:
    found = conversations.get_user(PROJECT_ID, USER_ID)
    assert found is not None
    return found


def open_session_id() -> str:
    return profile()["open_session_id"]


def session(session_id: str) -> dict[str, Any]:
    found = conversations.get_session(session_id)
    assert found is not None
    return found


def assign(session_id: str, agent_id: str) -> None:
    """What routing writes when it gives a session to an agent (tgdesk.storage.assignments)."""
    now = clock.now_ms()
    ddb = table.client()
    ddb.transact_write_items(
        TransactItems=[
            {
                "Update": {
                    "TableName": table.table_name(),
                    "Key": table.to_item(
                        dict(zip(("PK", "SK"), keys.session(session_id), strict=True))
                    ),
                    "UpdateExpression": "SET assignee_id = :a, assigned_at = :t, GSI1PK = :l",
                    "ConditionExpression": "attribute_not_exists(assignee_id)",
                    "ExpressionAttributeValues": table.values(
                        {":a": agent_id, ":t": now, ":l": keys.assignee_sessions_index(agent_id)}
                    ),
                }
            },
            sessions.agent_load(agent_id, 1),
        ]
    )


def open_sessions_of(agent_id: str) -> int:
    item = table.get(*keys.agent(agent_id)) or {}
    return int(item.get("open_sessions", 0))


def autoclose_timer(session_id: str) -> dict[str, Any] | None:
    return table.get(*keys.session_timer(session_id, sessions.AUTOCLOSE), consistent=True)


def audit_actions(session_id: str) -> list[dict[str, Any]]:
    """The project's audit entries about one session, oldest first."""
    entries, _ = audit_feed.entries([PROJECT_ID], limit=200)
    return [e for e in reversed(entries) if e.get("target_id") == session_id]
