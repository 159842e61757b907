"""Where a Telegram user came from: a touch (their `/start` from a tracked link's click).

A touch is kept on the user's profile as `source` (`first`: the first touch ever, `last`:
the latest) and on the session the `/start` opened as `link`. It copies what the click
recorded, so the console shows the source without reading the click (which expires after
the project's retention) and the funnel counts a session's later steps by its channel, UTM
values, country and device class.
"""

from __future__ import annotations

from typing import TypedDict

from tgdesk.storage.records.link import Utm


class LinkTouch(TypedDict, total=False):
    code: str  # the link's
    name: str  # the link's name, when the click recorded it
    channel: str
    utm: Utm
    click_id: str  # the click's public name (a digest of its payload, which stays secret)
    clicked_at: int
    touched_at: int  # when the user pressed Start
    country: str  # ISO 3166-1 alpha-2, when the click carried one
    device: str  # the click's device class


class Source(TypedDict, total=False):
    """`source` on a Telegram user's profile."""

    first: LinkTouch  # kept once set
    last: LinkTouch
