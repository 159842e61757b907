"""Security headers of the local stack, read from the template's CloudFront response-headers
policies, so that the console runs locally under the very policy it gets when deployed.

`ConsoleHeadersPolicy` covers the console's files, `ApiHeadersPolicy` the API (/api/*).
The CSP's deployed-only values become the local stand-ins': the WebSocket API's origin, and
the uploads bucket's, which is the local moto (`AWS_ENDPOINT_URL`) the console posts files to.
"""

from __future__ import annotations

import os
import re
from typing import Any
from urllib.parse import urlsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from infra.local import cfn

CONSOLE_POLICY = "ConsoleHeadersPolicy"
API_POLICY = "ApiHeadersPolicy"
REALTIME_ORIGIN = "RealtimeOrigin"  # the CSP's variable for the WebSocket API's origin
UPLOADS_ORIGIN = "UploadsOrigin"  # the CSP's variable for the uploads bucket's origin

Headers = list[tuple[str, str]]


def security_config(policy: str) -> dict[str, Any]:
    resource = cfn.template()["Resources"][policy]
    config: dict[str, Any] = resource["Properties"]["ResponseHeadersPolicyConfig"]
    return dict(config["SecurityHeadersConfig"])


def policy_headers(policy: str, websocket_url: str) -> Headers:
    """The headers CloudFront adds under `policy`, as (lower-case name, value) pairs.

    Strict-Transport-Security is left out: the local stack speaks plain http, where a
    browser ignores it, and behind a local TLS proxy it would pin `localhost` to https."""
    config = security_config(policy)
    headers: Headers = []
    if "ContentSecurityPolicy" in config:
        csp = config["ContentSecurityPolicy"]["ContentSecurityPolicy"]
        headers.append(("content-security-policy", local_csp(csp, websocket_url)))
    if "ContentTypeOptions" in config:
        headers.append(("x-content-type-options", "nosniff"))
    if "FrameOptions" in config:
        headers.append(("x-frame-options", config["FrameOptions"]["FrameOption"]))
    if "ReferrerPolicy" in config:
        headers.append(("referrer-policy", config["ReferrerPolicy"]["ReferrerPolicy"]))
    return headers


def local_csp(csp: dict[str, Any], websocket_url: str) -> str:
    """The template's `!Sub [text, {RealtimeOrigin: ..., UploadsOrigin: ...}]` with the local
    WebSocket origin and the local moto's (none outside the local stack)."""
    text, variables = csp["Fn::Sub"]
    local = {
        REALTIME_ORIGIN: _origin(websocket_url),
        UPLOADS_ORIGIN: _origin(os.environ.get("AWS_ENDPOINT_URL", "")),
    }
    if not set(variables) <= set(local):
        raise ValueError(f"the local stack knows only {', '.join(local)} in the CSP")
    resolved = str(text)
    for name, origin in local.items():
        resolved = resolved.replace(f"${{{name}}}", origin)
    return re.sub(r"\s+", " ", resolved).strip()


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.netloc else ""


class WithHeaders:
    """ASGI wrapper: adds `headers` to every HTTP response of `app`, replacing any the app
    set (CloudFront's policies override the origin's)."""

    def __init__(self, app: ASGIApp, headers: Headers) -> None:
        self._app = app
        self._headers = [(k.encode("latin-1"), v.encode("latin-1")) for k, v in headers]
        self._names = {k for k, _ in self._headers}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self._app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                kept = [
                    (k, v) for k, v in message.get("headers", []) if k.lower() not in self._names
                ]
                message = {**message, "headers": kept + self._headers}
            await send(message)

        await self._app(scope, receive, send_with_headers)
