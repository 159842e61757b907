"""The root page: the built console when there is one, else a page of links.

The console is served with the security headers CloudFront adds to it when deployed."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from infra.local.cfn import ROOT
from infra.local.security_headers import CONSOLE_POLICY, WithHeaders, policy_headers

CONSOLE_DIST = ROOT / "frontend" / "dist"

_LINKS_PAGE = """<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>tgdesk (local)</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40em;margin:3em auto;color:#1d2733}</style>
</head>
<body>
<h1>tgdesk is running</h1>
<ul>
<li><a href="/sandbox">Sandbox Telegram</a>: write to the bot as a Telegram user</li>
<li><a href="/api/docs">API documentation</a>: the console's REST API</li>
</ul>
<p>The web console is served here once it is built into <code>frontend/dist/</code>.</p>
</body>
</html>
"""


async def _links(request: Request) -> HTMLResponse:
    return HTMLResponse(_LINKS_PAGE)


def console_app(websocket_url: str) -> WithHeaders:
    """The built console's files, under the template's ConsoleHeadersPolicy."""
    files = StaticFiles(directory=CONSOLE_DIST, html=True)
    return WithHeaders(files, policy_headers(CONSOLE_POLICY, websocket_url))


def home_routes(websocket_url: str) -> list[BaseRoute]:
    """`websocket_url`: the WebSocket stand-in's, which the console's CSP lets it reach."""
    if (CONSOLE_DIST / "index.html").is_file():
        return [Mount("/", app=console_app(websocket_url), name="console")]
    return [Route("/", _links, methods=["GET"])]
