"""The WebSocket handlers with API Gateway's event shapes, against moto: tickets are single
use and short-lived, connections are stored with their TTL, heartbeats keep the connection
and the agent's presence alive, and a connection whose login ended is closed."""

from __future__ import annotations

from typing import Any

import collab_helpers
import pytest
from api_helpers import agent_login, all_logs, scan_items
from fastapi.testclient import TestClient
from realtime_support import (
    CALLBACK_URL,
    FakeConnectionsApi,
    new_connection_id,
    open_connection,
    realtime,
    ticket_for,
    ws_event,
)

from tgdesk.core import clock
from tgdesk.realtime import connections as websocket
from tgdesk.storage import accounts, connections, table

team = collab_helpers.team

HEARTBEAT = '{"action":"heartbeat"}'


@pytest.fixture
def pushes(monkeypatch: pytest.MonkeyPatch) -> FakeConnectionsApi:
    monkeypatch.setenv("TGDESK_WEBSOCKET_CALLBACK_URL", CALLBACK_URL)
    table.reset()
    fake = FakeConnectionsApi()
    monkeypatch.setattr(websocket, "_management_client", lambda: fake)
    return fake


def _items(kind: str) -> list[dict[str, Any]]:
    return [i for i in scan_items() if i.get("kind") == kind]


def test_the_ticket_route_answers_the_contract(client: TestClient, team: dict[str, Any]) -> None:
    before = clock.now_ms()
    response = client.post("/api/realtime/ticket", headers=team["maria"])

    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"ticket", "url", "expires_at"}
    assert len(body["ticket"]) >= 40
    assert body["url"] == "ws://testserver/ws"  # no URL configured: this host's /ws
    assert before + 59_000 <= body["expires_at"] <= clock.now_ms() + 60_000
    stored = _items("ws_ticket")
    assert len(stored) == 1 and body["ticket"] not in str(stored)  # kept as a digest only
    assert stored[0]["ttl"] == body["expires_at"] // 1000 + 1


def test_the_configured_websocket_url_is_handed_out(
    client: TestClient, team: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(
        "TGDESK_WEBSOCKET_URL", "wss://abc123ws.execute-api.us-east-1.amazonaws.com/live"
    )
    table.reset()
    response = client.post("/api/realtime/ticket", headers=team["boss"])
    assert response.json()["url"] == "wss://abc123ws.execute-api.us-east-1.amazonaws.com/live"


def test_connect_with_a_ticket_stores_the_connection(
    client: TestClient, team: dict[str, Any]
) -> None:
    connection_id = open_connection(client, team["maria"])

    [stored] = _items("ws_connection")
    assert stored["connection_id"] == connection_id
    assert stored["agent_id"] == team["ids"]["maria"]
    assert stored["source_ip"] == "198.51.100.7"
    assert stored["GSI1PK"] == f"AGENT#{team['ids']['maria']}#WSCONNS"
    assert stored["ttl"] == stored["expires_at"] // 1000
    assert stored["expires_at"] - stored["connected_at"] == 2 * 3600 * 1000
    assert _items("ws_ticket") == []  # used up
    live = connections.connections_of([team["ids"]["maria"]], clock.now_ms())
    assert [c["connection_id"] for c in live[team["ids"]["maria"]]] == [connection_id]


def test_a_ticket_opens_one_connection_only(client: TestClient, team: dict[str, Any]) -> None:
    ticket = ticket_for(client, team["maria"])
    first = realtime(ws_event("connect", new_connection_id(), ticket=ticket))
    second = realtime(ws_event("connect", new_connection_id(), ticket=ticket))
    assert (first, second) == ({"statusCode": 200}, {"statusCode": 401})
    assert len(_items("ws_connection")) == 1


def test_an_expired_ticket_is_refused(client: TestClient, team: dict[str, Any]) -> None:
    ticket = ticket_for(client, team["maria"])
    clock.set_now_for_tests(clock.now_ms() + 60_001)
    assert realtime(ws_event("connect", new_connection_id(), ticket=ticket)) == {"statusCode": 401}
    assert _items("ws_connection") == []


@pytest.mark.parametrize("ticket", [None, "", "not-a-ticket"])
def test_connect_without_a_valid_ticket_is_refused(
    client: TestClient, team: dict[str, Any], ticket: str | None
) -> None:
    values = {} if ticket is None else {"ticket": ticket}
    assert realtime(ws_event("connect", new_connection_id(), **values)) == {"statusCode": 401}
    assert _items("ws_connection") == []


def test_a_ticket_of_a_replaced_login_is_refused(client: TestClient, team: dict[str, Any]) -> None:
    ticket = ticket_for(client, team["maria"])
    agent_login(client, "maria")  # signed in on another device
    assert realtime(ws_event("connect", new_connection_id(), ticket=ticket)) == {"statusCode": 401}


def test_a_heartbeat_keeps_the_connection_and_the_presence_alive(
    client: TestClient, team: dict[str, Any], pushes: FakeConnectionsApi
) -> None:
    connection_id = open_connection(client, team["maria"])
    later = clock.now_ms() + 90 * 60_000
    clock.set_now_for_tests(later)

    answer = realtime(ws_event("message", connection_id, body=HEARTBEAT))

    assert answer == {"statusCode": 200}
    [stored] = _items("ws_connection")
    assert stored["last_seen_at"] == later
    assert stored["expires_at"] == later + 2 * 3600 * 1000
    assert accounts.get_agent(team["ids"]["maria"])["heartbeat_at"] == later
    assert pushes.closed == []


def test_a_heartbeat_on_an_unknown_connection_closes_it(
    client: TestClient, team: dict[str, Any], pushes: FakeConnectionsApi
) -> None:
    answer = realtime(ws_event("message", "Zm9yZ290dGVuAA=", body=HEARTBEAT))
    assert answer == {"statusCode": 410}
    assert pushes.closed == ["Zm9yZ290dGVuAA="]


def test_a_heartbeat_after_signing_in_elsewhere_closes_the_connection(
    client: TestClient, team: dict[str, Any], pushes: FakeConnectionsApi
) -> None:
    connection_id = open_connection(client, team["maria"])
    agent_login(client, "maria")

    assert realtime(ws_event("message", connection_id, body=HEARTBEAT)) == {"statusCode": 410}
    assert pushes.closed == [connection_id]
    assert _items("ws_connection") == []


@pytest.mark.parametrize("body", ['{"action":"subscribe"}', "not json", "[1]"])
def test_other_frames_are_ignored(
    client: TestClient, team: dict[str, Any], pushes: FakeConnectionsApi, body: str
) -> None:
    connection_id = open_connection(client, team["maria"])
    assert realtime(ws_event("message", connection_id, body=body)) == {"statusCode": 400}
    assert len(_items("ws_connection")) == 1 and pushes.closed == []


def test_disconnect_forgets_the_connection(client: TestClient, team: dict[str, Any]) -> None:
    connection_id = open_connection(client, team["maria"])
    other = open_connection(client, team["boss"])

    assert realtime(ws_event("disconnect", connection_id)) == {"statusCode": 200}

    assert [c["connection_id"] for c in _items("ws_connection")] == [other]


def test_the_ticket_never_reaches_the_logs(
    client: TestClient, team: dict[str, Any], caplog: pytest.LogCaptureFixture
) -> None:
    ticket = ticket_for(client, team["maria"])
    with all_logs(caplog):
        realtime(ws_event("connect", new_connection_id(), ticket=ticket))
        realtime(ws_event("connect", new_connection_id(), ticket=ticket))
    assert "connected" in caplog.text and "connection refused" in caplog.text
    assert ticket not in caplog.text
