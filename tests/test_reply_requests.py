"""What an agent's reply costs in DynamoDB requests, pinned: at most five (two reads of two
or three items, one transaction, the TGMSG ref, the `sent` record), whether or not the
container's risk version is stale and whether or not the client_message_id was used before.
And what the reads that replace the usual ones must still see at once: a disabled agent, a
membership removed or narrowed. And the risk version's staleness bound.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from api_helpers import (
    FakeBotApi,
    agent_login,
    create_agent,
    create_project,
    login,
    put_session,
    scan_items,
)
from fastapi.testclient import TestClient
from risk_support import create_group, keywords

from tgdesk.storage import risk as risk_store
from tgdesk.storage import table

MAX_REPLY_REQUESTS = 5
FIVE = ["BatchGetItem", "BatchGetItem", "TransactWriteItems", "PutItem", "UpdateItem"]


@pytest.fixture
def chat(client: TestClient) -> dict[str, Any]:
    """A project, agent maria and a session of user 4242 assigned to her."""
    admin = login(client)
    project = create_project(client, admin)
    maria = create_agent(client, admin, "maria")
    client.post(
        f"/api/projects/{project['project_id']}/members",
        json={"agent_id": maria["agent_id"]},
        headers=admin,
    )
    session = put_session(project["project_id"], 4242, assignee_id=maria["agent_id"])
    return {
        "admin": admin,
        "project_id": project["project_id"],
        "maria": agent_login(client, "maria"),
        "maria_id": maria["agent_id"],
        "url": f"/api/sessions/{session['session_id']}/messages",
    }


@pytest.fixture
def requests(chat: dict[str, Any]) -> Iterator[list[str]]:
    """Names of the DynamoDB operations sent from here on."""
    seen: list[str] = []

    def record(model: Any, **_: Any) -> None:
        seen.append(model.name)

    events = table.client().meta.events
    events.register("before-call.dynamodb", record)
    yield seen
    events.unregister("before-call.dynamodb", record)


def reply(client: TestClient, chat: dict[str, Any], text: str, **extra: Any) -> Any:
    return client.post(chat["url"], json={"text": text, **extra}, headers=chat["maria"])


def test_a_reply_takes_five_requests(
    client: TestClient, chat: dict[str, Any], requests: list[str], telegram: FakeBotApi
) -> None:
    reply(client, chat, "warm-up", client_message_id="w1")  # the container's bot token
    requests.clear()

    sent = reply(client, chat, "Hello!", client_message_id="c1")

    assert sent.status_code == 201 and sent.json()["delivery"]["state"] == "sent"
    assert requests == FIVE
    assert len(requests) <= MAX_REPLY_REQUESTS


def test_a_stale_risk_version_rides_with_the_agent_read(
    client: TestClient, chat: dict[str, Any], requests: list[str], telegram: FakeBotApi
) -> None:
    create_group(client, chat["admin"], name="Wallets", action="block", entries=keywords("T9yD"))
    reply(client, chat, "warm-up")
    risk_store.forget_version()  # as a container whose copy is older than the bound
    requests.clear()

    assert reply(client, chat, "Hello again").status_code == 201
    assert requests == FIVE
    blocked = reply(client, chat, "Send it to T9yD")
    assert blocked.status_code == 422 and blocked.json()["code"] == "risk_blocked"


def test_a_retried_reply_is_answered_within_five_requests(
    client: TestClient, chat: dict[str, Any], requests: list[str], telegram: FakeBotApi
) -> None:
    first = reply(client, chat, "Hello!", client_message_id="c1")
    requests.clear()

    again = reply(client, chat, "Hello!", client_message_id="c1")

    assert again.status_code == 200 and again.json()["message_id"] == first.json()["message_id"]
    assert len(requests) <= MAX_REPLY_REQUESTS
    assert len(telegram.calls_of("sendMessage")) == 1


def test_a_disabled_agent_is_refused_at_once(
    client: TestClient, chat: dict[str, Any], telegram: FakeBotApi
) -> None:
    assert reply(client, chat, "Hello!").status_code == 201
    client.patch(f"/api/agents/{chat['maria_id']}", json={"disabled": True}, headers=chat["admin"])

    refused = reply(client, chat, "Still here?")

    assert refused.status_code == 403 and refused.json()["code"] == "account_disabled"
    assert len(telegram.calls_of("sendMessage")) == 1


def test_a_narrowed_or_removed_membership_applies_at_once(
    client: TestClient, chat: dict[str, Any], telegram: FakeBotApi
) -> None:
    member_url = f"/api/projects/{chat['project_id']}/members/{chat['maria_id']}"
    narrowed = client.put(member_url, json={"permissions": ["transfer"]}, headers=chat["admin"])
    assert narrowed.status_code == 200, narrowed.text

    refused = reply(client, chat, "Hello!")
    assert refused.status_code == 403 and refused.json()["code"] == "permission_denied"

    # No route takes a member out yet: the item goes as a future one would take it.
    member_key = {"PK": f"PROJECT#{chat['project_id']}", "SK": f"MEMBER#{chat['maria_id']}"}
    table.client().delete_item(TableName=table.table_name(), Key=table.to_item(member_key))
    hidden = reply(client, chat, "Hello?")
    assert hidden.status_code == 404 and hidden.json()["code"] == "session_not_found"
    assert telegram.calls_of("sendMessage") == []


def test_a_risk_change_made_elsewhere_applies_within_the_bound(
    client: TestClient, chat: dict[str, Any], telegram: FakeBotApi, monkeypatch: pytest.MonkeyPatch
) -> None:
    now = [1000.0]
    monkeypatch.setattr(risk_store.time, "monotonic", lambda: now[0])
    assert reply(client, chat, "Send it to T9yD").status_code == 201  # no group yet: read "0"
    known = risk_store.known_version()
    # Another container adds a group: its write does not reach this container's copy.
    create_group(client, chat["admin"], name="Wallets", action="block", entries=keywords("T9yD"))
    risk_store.remember_version({"version": known})

    now[0] += risk_store.VERSION_FRESH_SECONDS - 0.1
    assert reply(client, chat, "Send it to T9yD please").status_code == 201  # within the bound

    now[0] += 0.2
    late = reply(client, chat, "Send it to T9yD at last")
    assert late.status_code == 422 and late.json()["code"] == "risk_blocked"
    sent = [i for i in scan_items() if i.get("kind") == "message" and "T9yD" in i.get("text", "")]
    assert len(sent) == 2
