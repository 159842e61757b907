"""The local stand-in of the WebSocket API, served by uvicorn and used by a real WebSocket
client: the template's routes, API Gateway's event shapes, and the @connections callback
driven by boto3's own apigatewaymanagementapi client."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import uvicorn
from realtime_support import EVENTS
from starlette.applications import Starlette
from websockets.exceptions import ConnectionClosed, InvalidStatus
from websockets.sync.client import connect

from infra.local import lambdas
from infra.local.config import HOST, free_port
from infra.local.websocket import (
    Peer,
    WebSocketApi,
    WebSocketGateway,
    api_from_template,
    connect_event,
    disconnect_event,
    message_event,
    select_route,
)
from tgdesk.accounts import agents, logins
from tgdesk.core import clock
from tgdesk.realtime import connections as websocket
from tgdesk.storage import accounts, connections, table

PASSWORD = "a-long-enough-password"


def eventually(check: Callable[[], Any], what: str, timeout: float = 5) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def _keys(value: Any) -> Any:
    """The shape of an event: its keys, nested."""
    if isinstance(value, dict):
        return {k: _keys(v) for k, v in value.items()}
    return type(value).__name__


@pytest.fixture
def server(aws: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[str, WebSocketGateway]]:
    port = free_port()
    base = f"http://{HOST}:{port}"
    monkeypatch.setenv("TGDESK_WEBSOCKET_CALLBACK_URL", base)
    table.reset()
    websocket.reset()
    api = api_from_template()
    assert api is not None
    gateway = WebSocketGateway(api, lambdas.local_functions())
    app = Starlette(routes=gateway.routes())
    srv = uvicorn.Server(uvicorn.Config(app, host=HOST, port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    eventually(lambda: srv.started, "the server to start")
    try:
        yield f"ws://{HOST}:{port}/ws", gateway
    finally:
        srv.should_exit = True
        thread.join(timeout=10)
        websocket.reset()


@pytest.fixture
def agent(aws: Any) -> dict[str, Any]:
    made = agents.create_agent(username="maria", password=PASSWORD, role="agent")
    token, _, _ = logins.login("maria", PASSWORD)
    return {**made, "token": token}


def ticket(agent: dict[str, Any]) -> str:
    return websocket.issue_ticket(agent["agent_id"], agent["token"], fallback_url="-").ticket


def test_the_template_declares_the_three_routes_on_one_function() -> None:
    api = api_from_template()
    assert api == WebSocketApi(
        routes=dict.fromkeys(("$connect", "$disconnect", "$default"), "RealtimeFunction"),
        selection_path=("action",),
        stage="live",
    )


@pytest.mark.parametrize(
    ("body", "route"),
    [
        ('{"action":"heartbeat"}', "$default"),
        ('{"action":"$connect"}', "$default"),
        ("x", "$default"),
    ],
)
def test_route_selection(body: str, route: str) -> None:
    api = WebSocketApi({"$default": "F", "$connect": "F", "heartbeat": "G"}, ("action",), "s")
    expected = "heartbeat" if "heartbeat" in body else route
    assert select_route(api, body) == expected
    assert select_route(WebSocketApi({}, ("action",), "s"), body) is None


def test_the_events_have_api_gateways_shapes() -> None:
    peer = Peer("L0SM9cOFvHcCIhw=", 1_707_469_955_000, "127.0.0.1", "pytest", "127.0.0.1:1", "live")
    made = {
        "connect": connect_event(
            peer,
            [(k, v) for k, v in EVENTS["connect"]["headers"].items()],
            [("ticket", "t")],
            now_ms=peer.connected_at,
        ),
        "message": message_event(peer, "$default", text="{}", data=None, now_ms=1),
        "disconnect": disconnect_event(peer, 1001, "Client-side close frame status code", now_ms=1),
    }
    for kind, event in made.items():
        assert _keys(event) == _keys(EVENTS[kind]), kind


def test_a_console_connects_receives_frames_heartbeats_and_leaves(
    server: tuple[str, WebSocketGateway], agent: dict[str, Any]
) -> None:
    url, gateway = server
    with connect(f"{url}?ticket={ticket(agent)}", open_timeout=5) as ws:
        [connection_id] = eventually(
            lambda: gateway.open_connections, "the emulator to register the connection"
        )
        stored = connections.connections_of([agent["agent_id"]], clock.now_ms())
        assert [c["connection_id"] for c in stored[agent["agent_id"]]] == [connection_id]

        frame = {"type": "session.updated", "project_id": "p", "session_id": "s", "at": 1}
        assert websocket.send(connection_id, json.dumps({**frame, "data": {"n": "日本"}}).encode())
        assert json.loads(ws.recv(timeout=5)) == {**frame, "data": {"n": "日本"}}

        ws.send(json.dumps({"action": "heartbeat"}))
        eventually(
            lambda: accounts.get_agent(agent["agent_id"]).get("heartbeat_at"), "the heartbeat"
        )
    eventually(lambda: not gateway.open_connections, "the emulator to drop the connection")
    eventually(
        lambda: not connections.connections_of([agent["agent_id"]], clock.now_ms()),
        "$disconnect to forget the connection",
    )
    assert websocket.send(connection_id, b"{}") is False  # 410 Gone from the stand-in


def test_a_bad_ticket_is_refused_at_the_handshake(
    server: tuple[str, WebSocketGateway], agent: dict[str, Any]
) -> None:
    url, gateway = server
    used = ticket(agent)
    with connect(f"{url}?ticket={used}", open_timeout=5):
        pass
    for attempt in (f"{url}?ticket={used}", url):
        with pytest.raises(InvalidStatus) as refused:
            connect(attempt, open_timeout=5)
        assert refused.value.response.status_code == 401
    assert gateway.open_connections == []


def test_the_server_closes_a_connection_through_at_connections(
    server: tuple[str, WebSocketGateway], agent: dict[str, Any]
) -> None:
    url, gateway = server
    with connect(f"{url}?ticket={ticket(agent)}", open_timeout=5) as ws:
        [connection_id] = eventually(
            lambda: gateway.open_connections, "the emulator to register the connection"
        )
        websocket.close(connection_id)
        with pytest.raises(ConnectionClosed):
            ws.recv(timeout=5)
    assert not connections.connections_of([agent["agent_id"]], clock.now_ms())
    websocket.close(connection_id)  # already gone: harmless
