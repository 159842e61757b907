"""The webhook's part: a `/start <payload>` in a private chat attributes the user to a click.

Telegram's Start button sends `/start <payload>` when the user came through
`t.me/<bot>?start=<payload>` (the redirect of a tracked link). The payload finds the click
with one GetItem (tgdesk.links.lookup_click); `/start` without a payload, a malformed,
unknown, expired or forged payload, or a click of another project's link is just a normal
message. What attribution writes rides the inbound message's own transaction
(tgdesk.storage.conversations.store_inbound_message): the profile's `source` and, when the
message opens a session, the session's `link`.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, cast

from tgdesk import links
from tgdesk.storage.records.click import Click
from tgdesk.storage.records.link_touch import LinkTouch, Source

# `/start`, optionally addressed (`/start@SomeBot`), then one parameter of Telegram's alphabet.
_START = re.compile(r"/start(?:@\w+)?(?:\s+(\S+))?\s*")
_PAYLOAD = re.compile(r"[A-Za-z0-9_-]{1,64}")


def is_start_command(text: object) -> bool:
    return isinstance(text, str) and _START.fullmatch(text) is not None


def start_payload(message: Mapping[str, Any], chat_type: str) -> str | None:
    """The payload of a `/start <payload>` in a private chat, or None."""
    text = message.get("text")
    if chat_type != "private" or not isinstance(text, str):
        return None
    found = _START.fullmatch(text)
    payload = found.group(1) if found else None
    return payload if payload and _PAYLOAD.fullmatch(payload) else None


def touch_of(
    project_id: str, message: Mapping[str, Any], chat_type: str, now: int
) -> LinkTouch | None:
    """The touch of a `/start <payload>` message: one GetItem when a payload is present,
    no read otherwise. None when the message attributes nothing."""
    payload = start_payload(message, chat_type)
    if payload is None:
        return None
    click = links.lookup_click(payload)
    if click is None or click.get("project_id") != project_id or click.get("is_bot"):
        return None
    return touch_from_click(click, now)


def touch_from_click(click: Click, now: int) -> LinkTouch:
    raw = cast(Mapping[str, Any], click)
    touch: dict[str, Any] = {
        "code": click["code"],
        "click_id": raw.get("click_id") or _digest(click["payload"]),
        "clicked_at": int(click["at"]),
        "touched_at": now,
    }
    for name in ("channel", "country", "device"):
        if raw.get(name):
            touch[name] = raw[name]
    if raw.get("name") or raw.get("link_name"):
        touch["name"] = raw.get("name") or raw.get("link_name")
    utm = {k: v for k, v in (raw.get("utm") or {}).items() if v}
    if utm:
        touch["utm"] = utm
    return cast(LinkTouch, touch)


def _digest(payload: str) -> str:
    """A click's public name when it was recorded without one (as tgdesk.links names it)."""
    return hashlib.sha256(payload.encode()).hexdigest()[:24]


@dataclass(frozen=True, slots=True)
class Attributed:
    """What a touch writes with the message (tgdesk.storage.conversations.Attributed):
    the profile's new `source`, on the condition that it still holds `source_read`, and the
    `link` a session opened by this message carries."""

    source: Source
    source_read: Mapping[str, Any] | None
    link: LinkTouch


def attributed(user: Mapping[str, Any] | None, touch: LinkTouch | None) -> Attributed | None:
    """The writes of `touch` given the user's profile as read (None: no touch)."""
    if touch is None:
        return None
    read = (user or {}).get("source")
    first = (read or {}).get("first") or touch
    return Attributed(
        source={"first": cast(LinkTouch, first), "last": touch}, source_read=read, link=touch
    )
