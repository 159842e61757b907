"""The local API Gateway WebSocket API: `/ws` on the stack's port, and its `@connections`.

Wired from the template's `AWS::ApiGatewayV2::Api` of protocol WEBSOCKET: its routes, the
function behind each route's integration, its stage and its RouteSelectionExpression.
A client opens `ws://127.0.0.1:{port}/ws?ticket=...`; every connection gets an id, and
the route's function is invoked with API Gateway's own event shapes: `$connect`
(eventType CONNECT, with the query string and headers; any answer but 2xx refuses the
handshake with that status), one event per message on the route the selection expression
picks (eventType MESSAGE, the body), and `$disconnect` (eventType DISCONNECT).

Functions push back through the Management API's paths, `POST|GET|DELETE
/@connections/{connectionId}`, which answer 410 GoneException for a connection that is not
open, as API Gateway does: boto3's `apigatewaymanagementapi` client works unchanged with
`endpoint_url` pointing here.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import logging
import re
import secrets
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import anyio.to_thread
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route, WebSocketRoute
from starlette.websockets import WebSocket, WebSocketDisconnect

from infra.local import cfn
from infra.local.lambdas import LocalFunction

log = logging.getLogger("tgdesk.local.websocket")

PATH = "/ws"
CONNECTIONS_PATH = "/@connections/{connection_id}"
API_ID = "localws"
CONNECT, DISCONNECT, DEFAULT = "$connect", "$disconnect", "$default"
_FUNCTION_ARN = re.compile(r"\$\{(\w+)\.Arn\}")
_INTEGRATION = re.compile(r"integrations/\$\{(\w+)\}")
_SELECTION = re.compile(r"^\$request\.body\.([\w.]+)$")


# -- the API, as the template declares it -------------------------------------------------
@dataclass(frozen=True)
class WebSocketApi:
    routes: dict[str, str]  # route key -> logical id of the function behind it
    selection_path: tuple[str, ...]  # "$request.body.action" -> ("action",)
    stage: str


def _ref(value: Any) -> str | None:
    return value.get("Ref") if isinstance(value, dict) else None


def _sub(value: Any) -> str:
    return value.get("Fn::Sub", "") if isinstance(value, dict) else str(value)


def api_from_template() -> WebSocketApi | None:
    """The template's WebSocket API, or None when it declares none."""
    resources = cfn.template()["Resources"]
    api_id = next(
        (
            name
            for name, res in resources.items()
            if res.get("Type") == "AWS::ApiGatewayV2::Api"
            and res["Properties"].get("ProtocolType") == "WEBSOCKET"
        ),
        None,
    )
    if api_id is None:
        return None
    selection = _SELECTION.match(resources[api_id]["Properties"]["RouteSelectionExpression"])
    if selection is None:
        raise ValueError("only $request.body.<path> route selection runs locally")
    routes: dict[str, str] = {}
    stage = "$default"
    for res in resources.values():
        props = res.get("Properties", {})
        if _ref(props.get("ApiId")) != api_id:
            continue
        if res["Type"] == "AWS::ApiGatewayV2::Stage":
            stage = props["StageName"]
        elif res["Type"] == "AWS::ApiGatewayV2::Route":
            integration = _INTEGRATION.search(_sub(props["Target"]))
            assert integration, f"route {props['RouteKey']} has no integration target"
            uri = _sub(resources[integration.group(1)]["Properties"]["IntegrationUri"])
            function = _FUNCTION_ARN.search(uri)
            assert function, f"route {props['RouteKey']} is not a Lambda proxy integration"
            routes[props["RouteKey"]] = function.group(1)
    return WebSocketApi(routes, tuple(selection.group(1).split(".")), stage)


def select_route(api: WebSocketApi, body: str | None) -> str | None:
    """The route a message goes to: the selection expression's value when a route has that
    key, else $default (None when there is no $default either)."""
    value: Any = None
    if body is not None:
        try:
            value = json.loads(body)
            for part in api.selection_path:
                value = value.get(part) if isinstance(value, dict) else None
        except ValueError:
            value = None
    if isinstance(value, str) and value in api.routes and not value.startswith("$"):
        return value
    return DEFAULT if DEFAULT in api.routes else None


# -- event shapes -------------------------------------------------------------------------
def new_connection_id() -> str:
    """Like API Gateway's ids ("L0SM9cOFvHcCIhw="), but URL-safe."""
    return base64.urlsafe_b64encode(secrets.token_bytes(10)).decode()


def _request_id() -> str:
    return base64.urlsafe_b64encode(secrets.token_bytes(10)).decode()


def _request_time(ms: int) -> str:
    return time.strftime("%d/%b/%Y:%H:%M:%S +0000", time.gmtime(ms / 1000))


@dataclass
class Peer:
    connection_id: str
    connected_at: int
    source_ip: str
    user_agent: str
    domain_name: str
    stage: str
    last_active_at: int = 0


def request_context(
    peer: Peer, route_key: str, event_type: str, *, now_ms: int, **extra: Any
) -> dict[str, Any]:
    return {
        "routeKey": route_key,
        "eventType": event_type,
        "extendedRequestId": _request_id(),
        "requestTime": _request_time(now_ms),
        "messageDirection": "IN",
        "stage": peer.stage,
        "connectedAt": peer.connected_at,
        "requestTimeEpoch": now_ms,
        "identity": {"userAgent": peer.user_agent, "sourceIp": peer.source_ip},
        "requestId": _request_id(),
        "domainName": peer.domain_name,
        "connectionId": peer.connection_id,
        "apiId": API_ID,
        **extra,
    }


def connect_event(
    peer: Peer, headers: list[tuple[str, str]], query: list[tuple[str, str]], *, now_ms: int
) -> dict[str, Any]:
    """$connect: headers and query string as API Gateway passes them (single and multi)."""
    single_headers: dict[str, str] = {}
    multi_headers: dict[str, list[str]] = {}
    for name, value in headers:
        single_headers[name] = value
        multi_headers.setdefault(name, []).append(value)
    event: dict[str, Any] = {
        "headers": single_headers,
        "multiValueHeaders": multi_headers,
        "requestContext": request_context(peer, CONNECT, "CONNECT", now_ms=now_ms),
        "isBase64Encoded": False,
    }
    if query:
        multi_query: dict[str, list[str]] = {}
        for name, value in query:
            multi_query.setdefault(name, []).append(value)
        event["queryStringParameters"] = {k: v[-1] for k, v in multi_query.items()}
        event["multiValueQueryStringParameters"] = multi_query
    return event


def message_event(
    peer: Peer, route_key: str, *, text: str | None, data: bytes | None, now_ms: int
) -> dict[str, Any]:
    context = request_context(peer, route_key, "MESSAGE", now_ms=now_ms, messageId=_request_id())
    if text is not None:
        return {"requestContext": context, "body": text, "isBase64Encoded": False}
    body = base64.b64encode(data or b"").decode()
    return {"requestContext": context, "body": body, "isBase64Encoded": True}


def disconnect_event(peer: Peer, code: int, reason: str, *, now_ms: int) -> dict[str, Any]:
    context = request_context(
        peer,
        DISCONNECT,
        "DISCONNECT",
        now_ms=now_ms,
        disconnectStatusCode=code,
        disconnectReason=reason,
    )
    # What API Gateway sends on $disconnect: the handshake's headers are gone by then.
    headers = {"Host": peer.domain_name, "x-api-key": "", "X-Forwarded-For": "", "x-restapi": ""}
    return {
        "headers": headers,
        "multiValueHeaders": {k: [v] for k, v in headers.items()},
        "requestContext": context,
        "isBase64Encoded": False,
    }


def _accepted(result: Any) -> int:
    """The $connect answer's status (200 when the function returned no status)."""
    if isinstance(result, dict) and "statusCode" in result:
        return int(result["statusCode"])
    return 200


def _now_ms() -> int:
    return time.time_ns() // 1_000_000


def _iso(ms: int) -> str:
    return datetime.fromtimestamp(ms / 1000, UTC).isoformat().replace("+00:00", "Z")


# -- the server ---------------------------------------------------------------------------
@dataclass
class _Open:
    peer: Peer
    socket: WebSocket
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)


class WebSocketGateway:
    """The WebSocket API and its @connections callback, as Starlette routes."""

    def __init__(self, api: WebSocketApi, functions: dict[str, LocalFunction]) -> None:
        self._api = api
        self._functions = functions
        self._open: dict[str, _Open] = {}

    def routes(self) -> list[BaseRoute]:
        return [
            WebSocketRoute(PATH, self._serve),
            Route(CONNECTIONS_PATH, self._post, methods=["POST"]),
            Route(CONNECTIONS_PATH, self._get, methods=["GET"]),
            Route(CONNECTIONS_PATH, self._delete, methods=["DELETE"]),
        ]

    @property
    def open_connections(self) -> list[str]:
        return list(self._open)

    async def _invoke(self, route_key: str, event: dict[str, Any]) -> Any:
        function = self._functions[self._api.routes[route_key]]
        return await anyio.to_thread.run_sync(function.invoke, event)

    async def _serve(self, socket: WebSocket) -> None:
        client = socket.client
        peer = Peer(
            connection_id=new_connection_id(),
            connected_at=_now_ms(),
            source_ip=client.host if client else "127.0.0.1",
            user_agent=socket.headers.get("user-agent", ""),
            domain_name=socket.headers.get("host", "localhost"),
            stage=self._api.stage,
        )
        status = await self._connect(socket, peer)
        if not 200 <= status < 300:
            await socket.send_denial_response(Response(status_code=status))
            return
        await socket.accept()
        self._open[peer.connection_id] = _Open(peer, socket)
        code, reason = 1006, "Connection closed abnormally"
        try:
            while True:
                message = await socket.receive()
                if message["type"] == "websocket.disconnect":
                    code = int(message.get("code") or 1005)
                    reason = "Client-side close frame status code"
                    break
                peer.last_active_at = _now_ms()
                await self._message(peer, socket, message.get("text"), message.get("bytes"))
        except WebSocketDisconnect as gone:
            code = gone.code
        finally:
            if self._open.pop(peer.connection_id, None) is None:
                reason = "Connection closed by the server"  # DeleteConnection
            if DISCONNECT in self._api.routes:
                event = disconnect_event(peer, code, reason, now_ms=_now_ms())
                try:
                    await self._invoke(DISCONNECT, event)
                except Exception:
                    log.exception("$disconnect failed")

    async def _connect(self, socket: WebSocket, peer: Peer) -> int:
        if CONNECT not in self._api.routes:
            return 200
        headers = [(k.decode("latin-1"), v.decode("latin-1")) for k, v in socket.headers.raw]
        event = connect_event(
            peer, headers, list(socket.query_params.multi_items()), now_ms=peer.connected_at
        )
        try:
            return _accepted(await self._invoke(CONNECT, event))
        except Exception:
            log.exception("$connect failed")
            return 500

    async def _message(
        self, peer: Peer, socket: WebSocket, text: str | None, data: bytes | None
    ) -> None:
        route = select_route(self._api, text)
        request_id = _request_id()
        if route is None:
            await self._reply(peer, {"message": "Forbidden", "requestId": request_id})
            return
        event = message_event(peer, route, text=text, data=data, now_ms=_now_ms())
        try:
            await self._invoke(route, event)
        except Exception:
            log.exception("%s failed", route)
            await self._reply(peer, {"message": "Internal server error", "requestId": request_id})

    async def _reply(self, peer: Peer, body: dict[str, Any]) -> None:
        """An error frame, as API Gateway sends when a message cannot be handled."""
        opened = self._open.get(peer.connection_id)
        if opened is not None:
            async with opened.lock:
                await opened.socket.send_text(
                    json.dumps({**body, "connectionId": peer.connection_id})
                )

    # -- @connections -------------------------------------------------------------------
    def _find(self, request: Request) -> _Open | None:
        return self._open.get(request.path_params["connection_id"])

    @staticmethod
    def _gone() -> Response:
        return JSONResponse(
            {"message": None}, status_code=410, headers={"x-amzn-ErrorType": "GoneException"}
        )

    @staticmethod
    def _ok(status: int = 200, body: Any = None) -> Response:
        headers = {"x-amzn-RequestId": str(uuid.uuid4())}
        if body is None:
            return Response(status_code=status, headers=headers)
        return JSONResponse(body, status_code=status, headers=headers)

    async def _post(self, request: Request) -> Response:
        """PostToConnection: the body is the frame (text when it is UTF-8, else binary)."""
        opened = self._find(request)
        if opened is None:
            return self._gone()
        data = await request.body()
        try:
            async with opened.lock:
                try:
                    await opened.socket.send_text(data.decode("utf-8"))
                except UnicodeDecodeError:
                    await opened.socket.send_bytes(data)
        except (RuntimeError, WebSocketDisconnect, OSError):
            return self._gone()  # closed while we were sending
        return self._ok()

    async def _get(self, request: Request) -> Response:
        opened = self._find(request)
        if opened is None:
            return self._gone()
        peer = opened.peer
        return self._ok(
            body={
                "connectedAt": _iso(peer.connected_at),
                "identity": {"sourceIp": peer.source_ip, "userAgent": peer.user_agent},
                "lastActiveAt": _iso(peer.last_active_at or peer.connected_at),
            }
        )

    async def _delete(self, request: Request) -> Response:
        opened = self._open.pop(request.path_params["connection_id"], None)
        if opened is None:
            return self._gone()
        async with opened.lock:
            with contextlib.suppress(RuntimeError):  # the client left at the same moment
                await opened.socket.close(code=1000)
        return self._ok(204)
