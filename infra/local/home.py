"""The root page: the built console when there is one, else a page of links."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from infra.local.cfn import ROOT

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


def home_routes() -> list[BaseRoute]:
    if (CONSOLE_DIST / "index.html").is_file():
        return [Mount("/", app=StaticFiles(directory=CONSOLE_DIST, html=True), name="console")]
    return [Route("/", _links, methods=["GET"])]
