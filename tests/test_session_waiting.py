"""Whether the user waits for an answer (`waiting_since`) and each agent's unread state."""

from __future__ import annotations

from typing import Any

import pytest
from api_helpers import agent_login, create_agent, create_project, login, put_session
from fastapi.testclient import TestClient
from ingest_support import PROJECT_ID, USER_ID

from tgdesk.audit import entries as audit
from tgdesk.core import clock
from tgdesk.inbound import ingest
from tgdesk.sessions.opening import InboundTiming
from tgdesk.storage import conversations, keys, sessions, table

T0 = 1_767_225_700_000
DAY = 24 * 3_600_000


# -- waiting_since on ingest and close -----------------------------------------------------
def inbound(body: str, now: int) -> None:
    ingest.store_user_message(
        PROJECT_ID,
        now,  # a distinct update id per message
        tg_user_id=USER_ID,
        chat_id=USER_ID,
        profile={"first_name": "Ada"},
        message={"type": "text", "text": body, "raw": {"message_id": 1, "text": body}},
        timing=InboundTiming(autoclose_due=now + DAY, reopen_since=now - 7 * DAY),
        now=now,
    )


def user_session() -> dict[str, Any]:
    profile = conversations.get_user(PROJECT_ID, USER_ID)
    assert profile is not None
    session_id = profile.get("open_session_id") or profile["last_session_id"]
    session = sessions.get(session_id)
    assert session is not None
    return session


def close(at: int) -> None:
    session = user_session()
    entry = audit.entry(
        "session.close", actor_id="agent-1", project_id=PROJECT_ID, target_id=session["session_id"]
    )
    sessions.close(session, at=at, entry=entry)


def test_the_first_message_sets_it_and_later_ones_keep_it(aws: Any) -> None:
    clock.set_now_for_tests(T0)
    inbound("hello", T0)
    assert user_session()["waiting_since"] == T0

    inbound("anyone?", T0 + 5_000)

    assert user_session()["waiting_since"] == T0
    assert user_session()["last_user_msg_at"] == T0 + 5_000


def test_closing_clears_it_and_a_reopening_message_sets_it_again(aws: Any) -> None:
    clock.set_now_for_tests(T0)
    inbound("hello", T0)
    close(T0 + 10)
    assert "waiting_since" not in user_session()

    inbound("one more thing", T0 + 20)

    reopened = user_session()
    assert reopened["status"] == "unread" and reopened["waiting_since"] == T0 + 20


# -- through the API: replies, the list, read state ----------------------------------------
@pytest.fixture
def desk(client: TestClient) -> dict[str, Any]:
    admin = login(client)
    project = create_project(client, admin)["project_id"]
    maria = create_agent(client, admin, "maria")["agent_id"]
    client.post(f"/api/projects/{project}/members", json={"agent_id": maria}, headers=admin)
    base = clock.now_ms() - 100_000
    early, late, answered = (
        put_session(project, 5000 + i, assignee_id=maria, opened_at=base + i) for i in range(3)
    )
    # `late` was written to last but waits since later than `early`
    waiting(early, base + 50)
    waiting(late, base + 80)
    return {
        "maria": agent_login(client, "maria"),
        "early": early["session_id"],
        "late": late["session_id"],
        "answered": answered["session_id"],
    }


def waiting(session: dict[str, Any], since: int) -> None:
    table.client().update_item(
        TableName=table.table_name(),
        Key=table.to_item(
            dict(zip(("PK", "SK"), keys.session(session["session_id"]), strict=True))
        ),
        UpdateExpression="SET waiting_since = :since",
        ExpressionAttributeValues=table.values({":since": since}),
    )


def listed(client: TestClient, headers: dict[str, str], **params: Any) -> list[dict[str, Any]]:
    response = client.get("/api/sessions", params=params, headers=headers)
    assert response.status_code == 200, response.text
    return response.json()["items"]


def test_an_agents_reply_clears_it(client: TestClient, desk: dict[str, Any], telegram: Any) -> None:
    sent = client.post(
        f"/api/sessions/{desk['early']}/messages", json={"text": "Hi!"}, headers=desk["maria"]
    )
    assert sent.status_code == 201, sent.text

    view = client.get(f"/api/sessions/{desk['early']}", headers=desk["maria"]).json()
    assert view["waiting_since"] is None


def test_the_list_filters_waiting_sessions_and_orders_them_oldest_first(
    client: TestClient, desk: dict[str, Any]
) -> None:
    by_activity = [s["session_id"] for s in listed(client, desk["maria"], waiting=True)]
    assert by_activity == [desk["late"], desk["early"]]

    by_wait = listed(client, desk["maria"], waiting=True, order="waiting")
    assert [s["session_id"] for s in by_wait] == [desk["early"], desk["late"]]
    assert by_wait[0]["waiting_since"] < by_wait[1]["waiting_since"]

    everything = [s["session_id"] for s in listed(client, desk["maria"], order="waiting")]
    assert everything[-1] == desk["answered"]  # nobody waits on it: last
    bad = client.get("/api/sessions", params={"order": "oldest"}, headers=desk["maria"])
    assert bad.status_code == 422


def test_the_unread_state_is_per_agent_and_survives_a_new_listing(
    client: TestClient, desk: dict[str, Any]
) -> None:
    def unread() -> dict[str, bool]:
        response = client.get("/api/sessions", headers=desk["maria"]).json()
        return {
            s["session_id"]: s["session_id"] in response["unread_ids"] for s in response["items"]
        }

    assert unread()[desk["early"]] is True

    assert client.get(f"/api/sessions/{desk['early']}", headers=desk["maria"]).status_code == 200

    assert unread() == {desk["early"]: False, desk["late"]: True, desk["answered"]: True}
    # someone else's read (the admin's) leaves maria's badge alone
    admin = login(client)
    assert client.get(f"/api/sessions/{desk['late']}", headers=admin).status_code == 200
    assert unread()[desk["late"]] is True


def test_a_new_user_message_after_the_read_is_unread_again(
    client: TestClient, desk: dict[str, Any]
) -> None:
    client.get(f"/api/sessions/{desk['early']}", headers=desk["maria"])
    table.client().update_item(
        TableName=table.table_name(),
        Key=table.to_item(dict(zip(("PK", "SK"), keys.session(desk["early"]), strict=True))),
        UpdateExpression="SET last_user_msg_at = :later",
        ExpressionAttributeValues=table.values({":later": clock.now_ms() + 60_000}),
    )

    listing = client.get("/api/sessions", headers=desk["maria"]).json()
    assert desk["early"] in listing["unread_ids"]
