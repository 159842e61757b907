"""The local API Gateway (HTTP API): routes of the template, payload format 2.0.

`build_event` and `http_response` are the pure halves (unit-tested); `GatewayApp` is the
ASGI app that runs a function's handler in a worker thread for each matching request.
"""

from __future__ import annotations

import base64
import json
import logging
import re
import secrets
import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl

import anyio.to_thread
import uvicorn
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send

from infra.local import cfn
from infra.local.config import ACCOUNT_ID
from infra.local.lambdas import LocalFunction

log = logging.getLogger("tgdesk.local.gateway")

API_ID = "local"
_TEXT_TYPES = re.compile(
    r"^(text/.*|application/(json|.*\+json|xml|.*\+xml|javascript|x-www-form-urlencoded))$"
)


@dataclass(frozen=True)
class Route:
    method: str  # "ANY" or an HTTP method
    path: str  # "/telegram/{project_id}", "/api/{proxy+}"
    function: str  # logical id

    @property
    def route_key(self) -> str:
        return f"{self.method} {self.path}"

    @property
    def pattern(self) -> re.Pattern[str]:
        regex = ""
        for part in re.split(r"(\{[^}]+\})", self.path):
            if part.startswith("{") and part.endswith("+}"):
                regex += f"(?P<{part[1:-2]}>.+)"
            elif part.startswith("{"):
                regex += f"(?P<{part[1:-1]}>[^/]+)"
            else:
                regex += re.escape(part)
        return re.compile(f"^{regex}$")

    def match(self, method: str, path: str) -> dict[str, str] | None:
        if self.method not in ("ANY", method):
            return None
        m = self.pattern.match(path)
        return m.groupdict() if m else None


def routes_from_template() -> list[Route]:
    """Every HttpApi route; exact methods sort before ANY, as API Gateway prefers them."""
    routes = [
        Route(method, path, fn.logical_id)
        for fn in cfn.functions().values()
        for method, path in fn.http_routes
    ]
    return sorted(routes, key=lambda r: (r.method == "ANY", -len(r.path)))


def find_route(routes: Iterable[Route], method: str, path: str) -> tuple[Route, dict[str, str]]:
    for route in routes:
        params = route.match(method, path)
        if params is not None:
            return route, params
    raise LookupError(f"no route for {method} {path}")


def _as_text(body: bytes, content_type: str) -> str | None:
    """The body as text when its type is textual and it is UTF-8; None for binary bodies."""
    if not _TEXT_TYPES.match(content_type.split(";")[0].strip().lower()):
        return None
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        return None


def build_event(
    *,
    route: Route,
    path_parameters: dict[str, str],
    method: str,
    raw_path: str,
    raw_query: str,
    headers: Iterable[tuple[str, str]],
    body: bytes,
    source_ip: str,
    protocol: str = "HTTP/1.1",
    now_ms: int | None = None,
    request_id: str | None = None,
) -> dict[str, Any]:
    """The event API Gateway sends to a Lambda integration (payload format version 2.0)."""
    now_ms = now_ms if now_ms is not None else time.time_ns() // 1_000_000
    request_id = request_id or base64.b64encode(secrets.token_bytes(10)).decode()
    merged: dict[str, str] = {}
    cookies: list[str] = []
    for name, value in headers:
        name = name.lower()
        if name == "cookie":
            cookies.extend(c.strip() for c in value.split(";") if c.strip())
            continue
        merged[name] = f"{merged[name]},{value}" if name in merged else value
    query: dict[str, str] = {}
    for name, value in parse_qsl(raw_query, keep_blank_values=True):
        query[name] = f"{query[name]},{value}" if name in query else value
    domain = merged.get("host", "localhost")
    event: dict[str, Any] = {
        "version": "2.0",
        "routeKey": route.route_key,
        "rawPath": raw_path,
        "rawQueryString": raw_query,
        "headers": merged,
        "requestContext": {
            "accountId": ACCOUNT_ID,
            "apiId": API_ID,
            "domainName": domain,
            "domainPrefix": domain.split(".")[0],
            "http": {
                "method": method,
                "path": raw_path,
                "protocol": protocol,
                "sourceIp": source_ip,
                "userAgent": merged.get("user-agent", ""),
            },
            "requestId": request_id,
            "routeKey": route.route_key,
            "stage": "$default",
            "time": time.strftime("%d/%b/%Y:%H:%M:%S +0000", time.gmtime(now_ms / 1000)),
            "timeEpoch": now_ms,
        },
        "isBase64Encoded": False,
    }
    if cookies:
        event["cookies"] = cookies
    if query:
        event["queryStringParameters"] = query
    if path_parameters:
        event["pathParameters"] = path_parameters
    if body:
        text = _as_text(body, merged.get("content-type", ""))
        if text is None:
            event["body"] = base64.b64encode(body).decode()
            event["isBase64Encoded"] = True
        else:
            event["body"] = text
    return event


@dataclass
class HttpResult:
    status: int
    headers: list[tuple[str, str]]
    body: bytes


def http_response(result: Any) -> HttpResult:
    """A function's result -> the HTTP response API Gateway gives (payload format 2.0)."""
    if not (isinstance(result, dict) and "statusCode" in result):
        return HttpResult(200, [("content-type", "application/json")], json.dumps(result).encode())
    headers = [(str(k).lower(), str(v)) for k, v in (result.get("headers") or {}).items()]
    headers.extend(("set-cookie", str(c)) for c in result.get("cookies") or [])
    raw = result.get("body")
    if raw is None:
        body = b""
    elif result.get("isBase64Encoded"):
        body = base64.b64decode(raw)
    else:
        body = str(raw).encode("utf-8")
    return HttpResult(int(result["statusCode"]), headers, body)


def _gateway_error(status: int, message: str) -> HttpResult:
    body = json.dumps({"message": message}).encode()
    return HttpResult(status, [("content-type", "application/json")], body)


class GatewayApp:
    """ASGI: route a request to its function, as API Gateway's Lambda proxy integration."""

    def __init__(self, functions: dict[str, LocalFunction], routes: list[Route]) -> None:
        self._functions = functions
        self._routes = routes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return
        request = Request(scope, receive)
        result = await self.dispatch(request)
        response = Response(content=result.body, status_code=result.status)
        response.raw_headers = [
            *((k.encode("latin-1"), v.encode("latin-1")) for k, v in result.headers),
            (b"content-length", str(len(result.body)).encode()),
        ]
        await response(scope, receive, send)

    async def dispatch(self, request: Request) -> HttpResult:
        method, path = request.method, request.url.path
        try:
            route, params = find_route(self._routes, method, path)
        except LookupError:
            return _gateway_error(404, "Not Found")
        event = build_event(
            route=route,
            path_parameters=params,
            method=method,
            raw_path=path,
            raw_query=request.url.query,
            headers=[(k.decode("latin-1"), v.decode("latin-1")) for k, v in request.headers.raw],
            body=await request.body(),
            # The connection's peer, as API Gateway does: never a header the caller sent.
            source_ip=request.client.host if request.client else "127.0.0.1",
            protocol=f"HTTP/{request.scope.get('http_version', '1.1')}",
        )
        function = self._functions[route.function]
        try:
            result = await anyio.to_thread.run_sync(function.invoke, event)
            return http_response(result)
        except Exception:
            log.exception("%s failed on %s", route.function, route.route_key)
            return _gateway_error(500, "Internal Server Error")


def cors(app: ASGIApp) -> ASGIApp:
    """The HttpApi's CorsConfiguration from the template, as API Gateway applies it."""
    config = cfn.template()["Resources"]["HttpApi"]["Properties"].get("CorsConfiguration")
    if not config:
        return app
    return CORSMiddleware(
        app,
        allow_origins=config.get("AllowOrigins", []),
        allow_methods=config.get("AllowMethods", []),
        allow_headers=config.get("AllowHeaders", []),
        allow_credentials=bool(config.get("AllowCredentials", False)),
    )


def server_config(app: ASGIApp, host: str, port: int) -> uvicorn.Config:
    """How the local stack serves HTTP and WebSockets.

    `proxy_headers=False`: by default uvicorn trusts `X-Forwarded-For` and `Forwarded` from
    loopback peers and rewrites the connection's address with them, so anyone on this
    machine could choose the `sourceIp` that login throttling and the audit log rely on.
    API Gateway takes it from the connection; so does the local stand-in.
    """
    return uvicorn.Config(
        app, host=host, port=port, log_level="warning", lifespan="on", proxy_headers=False
    )
