"""Recording a click and where it leads: the whole of the redirect's work.

One read (the link item, which carries the bot's username and the project's click
settings; cached per container for LINK_CACHE_SECONDS) and one write (the click item) per
click; nothing else. The destination is built only from stored values: `https://t.me/`,
the bot username as stored (checked against Telegram's username rule) and a payload made
here. Nothing in the request reaches it.

Preview fetchers and crawlers are redirected like people (so a shared link's preview shows
the bot) and recorded with `is_bot`: counted apart, never a funnel step.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from urllib.parse import parse_qsl

from tgdesk.core.clock import now_ms
from tgdesk.links import visitors
from tgdesk.links.payload import click_id, new_payload
from tgdesk.storage import links as store
from tgdesk.storage.records.click import Click
from tgdesk.storage.records.link import Link

CODE = re.compile(r"[A-Za-z0-9_-]{3,32}")
BOT_USERNAME = re.compile(r"[A-Za-z][A-Za-z0-9_]{3,31}")
COUNTRY = re.compile(r"[A-Z]{2}")
UTM_KEYS = ("utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content")

# Bounds on what a request adds to a click (the item stays a few KB whatever is sent).
MAX_VALUE = 200  # characters of a query value
MAX_KEY = 40  # characters of a query parameter's name
MAX_PARAMS = 20  # other query parameters kept
MAX_QUERY_FIELDS = 100  # parameters parsed at all
MAX_REFERRER = 512
MAX_USER_AGENT = 512
DEFAULT_RETENTION_DAYS = 90

# A link read is reused for this long in a container: a link disabled, deleted or edited
# (or a project's settings changed) reaches a warm container at most this late.
LINK_CACHE_SECONDS = 5.0
_LINK_CACHE_SIZE = 1024
_cache: dict[str, tuple[float, Link | None]] = {}


@dataclass(frozen=True)
class Visit:
    """What the redirect knows of one request."""

    code: str
    query: str = ""  # the raw query string
    user_agent: str = ""
    referrer: str = ""
    address: str = ""  # the visitor's address (tgdesk.accounts.client_address)
    country: str = ""  # CloudFront-Viewer-Country, when present


def follow(visit: Visit) -> str | None:
    """Record the click and return its t.me URL; None (and nothing recorded) when the code
    leads nowhere: unknown, disabled, deleted, or its project has no bot username."""
    link = _live_link(visit.code)
    if link is None:
        return None
    bot_username = str(link.get("bot_username") or "")
    if BOT_USERNAME.fullmatch(bot_username) is None:
        return None
    click = make_click(link, visit, now_ms())
    store.put_click(click)
    return f"https://t.me/{bot_username}?start={click['payload']}"


def make_click(link: Link, visit: Visit, at: int) -> Click:
    settings = link.get("click_settings") or {}
    salt = visitors.day_salt(settings.get("visitor_salt", ""), link["project_id"], at)
    user_agent = _text(visit.user_agent, MAX_USER_AGENT)
    agent = visitors.classify(user_agent)
    address = visitors.canonical_address(visit.address)
    utm, params = _query(visit.query)
    retention_days = int(settings.get("retention_days") or DEFAULT_RETENTION_DAYS)
    payload = new_payload()
    click: Click = {
        "payload": payload,
        "click_id": click_id(payload),
        "code": link["code"],
        "project_id": link["project_id"],
        "channel": link.get("channel", ""),
        "link_name": link.get("name", ""),
        "at": at,
        "ttl": at // 1000 + retention_days * 86_400,
        "utm": {**(link.get("utm") or {}), **utm},  # type: ignore[typeddict-item]
        "params": params,
        "referrer": _text(visit.referrer, MAX_REFERRER),
        "user_agent": user_agent,
        "device": agent.device,
        "browser": agent.browser,
        "is_bot": agent.is_bot,
        "address_mode": settings.get("address_mode", "hashed"),
        "address": visitors.recorded_address(settings.get("address_mode", "hashed"), address, salt),
        "visitor": visitors.visitor_key(address, user_agent, salt),
    }
    if COUNTRY.fullmatch(visit.country or ""):
        click["country"] = visit.country
    return click


def _live_link(code: str) -> Link | None:
    if not isinstance(code, str) or CODE.fullmatch(code) is None:
        return None  # no read for a code no link can have
    now = time.monotonic()
    cached = _cache.get(code)
    if cached is not None and now - cached[0] < LINK_CACHE_SECONDS:
        link = cached[1]
    else:
        link = store.get_link(code)
        if len(_cache) >= _LINK_CACHE_SIZE:
            _cache.clear()
        _cache[code] = (now, link)
    if link is None or "deleted_at" in link or not link.get("enabled", True):
        return None
    return link


def forget_cached_links() -> None:
    """Drop the container's link cache (tests; nothing else needs it)."""
    _cache.clear()


def _query(raw: str) -> tuple[dict[str, str], dict[str, str]]:
    """The query's UTM values and up to MAX_PARAMS other parameters, each bounded; the
    first value of a repeated parameter wins."""
    utm: dict[str, str] = {}
    params: dict[str, str] = {}
    try:
        pairs = parse_qsl(
            raw or "", keep_blank_values=True, max_num_fields=MAX_QUERY_FIELDS, errors="replace"
        )
    except ValueError:  # more fields than MAX_QUERY_FIELDS: keep what fits
        pairs = parse_qsl(
            "&".join((raw or "").split("&")[:MAX_QUERY_FIELDS]),
            keep_blank_values=True,
            errors="replace",
        )
    for raw_key, raw_value in pairs:
        key, value = _text(raw_key, MAX_KEY), _text(raw_value, MAX_VALUE)
        if not key:
            continue
        if key in UTM_KEYS:
            utm.setdefault(key, value)
        elif key not in params and len(params) < MAX_PARAMS:
            params[key] = value
    return utm, params


def _text(value: object, limit: int) -> str:
    """A bounded string DynamoDB takes: lone surrogates replaced, NULs dropped."""
    text = value if isinstance(value, str) else ""
    text = text[:limit].encode("utf-8", "replace").decode("utf-8").replace("\x00", "")
    return text
