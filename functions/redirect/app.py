"""GET /l/{code}: tracked short links to the bot.

No link exists yet, so every code gets the same small 404 page. The code is never put in
the page: it comes from whoever wrote the URL.
"""

from __future__ import annotations

from typing import Any

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


def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    return {
        "statusCode": 404,
        "headers": dict(_HEADERS),
        "body": NOT_FOUND_PAGE,
        "isBase64Encoded": False,
    }
