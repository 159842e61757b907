"""The address of the client behind an API request: what login throttling (per address) and
the audit log record.

API Gateway's `sourceIp` is whoever opened the connection to it. Behind the stack's
CloudFront distribution (the console's `/api/*`), that is a CloudFront edge server shared by
many viewers, so per-address throttling would lock out everyone behind one edge and the audit
would name the edge. The viewer's own address then arrives in CloudFront's
`CloudFront-Viewer-Address` header, `ip:port` (an IPv6 address unbracketed:
`2001:db8::7:46532`), which the origin request policy forwards. Anyone can send that header
straight to API Gateway, so it is believed only on a request that carries the distribution's
origin secret: a custom origin header that CloudFront sets (overwriting any value a viewer
sent), compared in constant time. Anything else, or anything malformed, falls back to
`sourceIp`: never to an address the caller chose.
"""

from __future__ import annotations

import hmac
import ipaddress
from collections.abc import Mapping

# Header names as API Gateway hands them to a function (lower case). The template's
# OriginCustomHeaders names ORIGIN_SECRET_HEADER too (tests/test_template.py checks).
ORIGIN_SECRET_HEADER = "x-tgdesk-origin-secret"
VIEWER_ADDRESS_HEADER = "cloudfront-viewer-address"


def client_address(
    headers: Mapping[str, str], source_ip: str | None, origin_secret: str
) -> str | None:
    """The viewer's address on a request that came through our distribution, else
    `source_ip` (API Gateway's). `origin_secret` empty (the local stack): always `source_ip`."""
    if origin_secret and _through_distribution(headers.get(ORIGIN_SECRET_HEADER), origin_secret):
        viewer = viewer_address(headers.get(VIEWER_ADDRESS_HEADER))
        if viewer is not None:
            return viewer
    return source_ip


def _through_distribution(presented: str | None, origin_secret: str) -> bool:
    if presented is None:
        return False
    return hmac.compare_digest(presented.encode(), origin_secret.encode())


def viewer_address(value: str | None) -> str | None:
    """The address of a `CloudFront-Viewer-Address` value (`ip:port`, `[ipv6]:port` taken
    too), in its canonical form; None when absent, repeated or malformed."""
    if not value or "," in value:
        return None
    host, colon, port = value.strip().rpartition(":")
    if not colon or not port.isdigit() or int(port) > 65535:
        return None
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    try:
        return ipaddress.ip_address(host).compressed
    except ValueError:
        return None
