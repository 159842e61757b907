"""GET /l/{code}: a tracked short link (tgdesk.links.clicks).

A known, enabled link records the click and answers 302 to `https://t.me/<bot>?start=<payload>`;
any other code gets the same small 404 page. Plain on purpose (no web framework, no
Powertools): it is the function a campaign's burst hits, so its cold start stays short.
Nothing from the request is ever put in the page or the Location.
"""

from __future__ import annotations

from typing import Any

from tgdesk.accounts.client_address import client_address
from tgdesk.core.settings import get_settings
from tgdesk.links.clicks import Visit, follow

NOT_FOUND_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Link not found</title>
<style>
body{font-family:system-ui,sans-serif;margin:0;min-height:100vh;display:flex;
align-items:center;justify-content:center;background:#f5f6f8;color:#222}
main{max-width:28rem;padding:2rem;text-align:center}
h1{font-size:1.25rem;font-weight:600}
</style>
</head>
<body>
<main>
<h1>This link does not exist or has expired.</h1>
<p>Please check the address, or ask whoever shared it for a new one.</p>
</main>
</body>
</html>
"""

_HEADERS = {
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'",
}
_REDIRECT_HEADERS = {
    "cache-control": "no-store",
    "referrer-policy": "no-referrer",
    "x-content-type-options": "nosniff",
}
COUNTRY_HEADER = "cloudfront-viewer-country"


def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    location = follow(visit_of(event))
    if location is None:
        return {
            "statusCode": 404,
            "headers": dict(_HEADERS),
            "body": NOT_FOUND_PAGE,
            "isBase64Encoded": False,
        }
    return {
        "statusCode": 302,
        "headers": {**_REDIRECT_HEADERS, "location": location},
        "body": "",
        "isBase64Encoded": False,
    }


def visit_of(event: dict[str, Any]) -> Visit:
    """The request as the click records it (an HTTP API payload 2.0 event)."""
    headers = {str(k).lower(): str(v) for k, v in (event.get("headers") or {}).items()}
    source_ip = ((event.get("requestContext") or {}).get("http") or {}).get("sourceIp")
    return Visit(
        code=str((event.get("pathParameters") or {}).get("code") or ""),
        query=str(event.get("rawQueryString") or ""),
        user_agent=headers.get("user-agent", ""),
        referrer=headers.get("referer", ""),
        address=client_address(headers, source_ip, get_settings().origin_secret) or "",
        country=headers.get(COUNTRY_HEADER, "").strip().upper(),
    )
