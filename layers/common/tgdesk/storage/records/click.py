"""A click on a tracked link.

PK `CLICK#{payload}`, SK `CLICK`: the payload is the bot's start parameter that the
redirect puts in the t.me URL, random and unguessable (tgdesk.links.payload), so the
webhook finds the click of a `/start <payload>` with one GetItem and a forged payload
finds nothing. On GSI1 in its shard of `LINK#{code}#CLICKS#{n}` (by payload), sorted by
`{at}#{click_id}`: a link's clicks, newest first, for the export. The `click_id` (a digest
of the payload) names a click in the export and in page cursors without giving away the
payload. `ttl` ends it after the project's retention;
the aggregated counts outlive it.
"""

from __future__ import annotations

from typing import Any, TypedDict, cast

from tgdesk.storage import keys, table
from tgdesk.storage.records.link import AddressMode, Utm

KIND = "click"


class Click(TypedDict, total=False):
    payload: str  # the click's key, and the t.me start parameter
    click_id: str  # a digest of the payload: what the export shows
    code: str  # the link's
    project_id: str
    channel: str  # the link's, at the time of the click
    link_name: str  # the link's name at the time of the click (the source an agent is shown)
    at: int
    ttl: int  # epoch seconds
    utm: Utm  # the query's UTM values over the link's defaults
    params: dict[str, str]  # the query's other parameters, bounded
    referrer: str  # bounded
    user_agent: str  # bounded
    device: str  # mobile, tablet, desktop, bot, other
    browser: str  # a browser family ("chrome", "safari", ...) or the bot's name
    is_bot: bool  # a preview fetcher or crawler: never a funnel step
    country: str  # ISO 3166-1 alpha-2, from CloudFront-Viewer-Country, when present
    address: str  # per address_mode: the day's salted hash, the /24 or /48, or as is
    address_mode: AddressMode
    visitor: str  # coarse visitor key: a hash of the day's hashed address and user agent


def key(payload: str) -> tuple[str, str]:
    return keys.click(payload)


def index_keys(code: str, at: int, payload: str, click_id: str) -> dict[str, str]:
    """GSI1: a link's clicks, by time, in the click's shard."""
    return {
        "GSI1PK": keys.link_clicks_index(code, payload),
        "GSI1SK": f"{keys.ts(at)}#{click_id}",
    }


def index_shards(code: str) -> tuple[str, ...]:
    """Every GSI1 shard of a link's clicks, read together (merged by time)."""
    return keys.link_clicks_shards(code)


def to_item(click: Click) -> dict[str, Any]:
    pk, sk = key(click["payload"])
    return {
        "PK": pk,
        "SK": sk,
        "kind": KIND,
        **index_keys(click["code"], click["at"], click["payload"], click["click_id"]),
        **click,
    }


def from_item(item: dict[str, Any]) -> Click:
    return cast(Click, table.strip_keys(item))
