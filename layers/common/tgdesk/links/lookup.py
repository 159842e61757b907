"""What the rest of tgdesk reads of links: a link by code, a click by payload."""

from __future__ import annotations

from tgdesk.core.clock import now_ms
from tgdesk.links.payload import is_payload
from tgdesk.storage import links as store
from tgdesk.storage.records.click import Click
from tgdesk.storage.records.link import Link


def get_link(code: str) -> Link | None:
    """The link with this code, None when unknown or deleted (a disabled one is returned:
    its `enabled` is False)."""
    if not isinstance(code, str) or not code:
        return None
    found = store.get_link(code)
    if found is None or "deleted_at" in found:
        return None
    return found


def lookup_click(payload: str) -> Click | None:
    """The click a `/start <payload>` comes from; None when the payload is malformed,
    unknown (forged) or past its retention (DynamoDB deletes expired items late, so the
    `ttl` is checked here). A malformed payload costs no read."""
    if not is_payload(payload):
        return None
    found = store.get_click(payload)
    if found is None or int(found.get("ttl", 0)) * 1000 <= now_ms():
        return None
    return found
