"""A tracked link and its project's click privacy settings.

Link: PK `LINK#{code}`, SK `LINK`; codes are global because the short URL (`/l/{code}`)
names no project. A live link is on GSI1 under `PROJECT#{pid}#LINKS`, newest first; a
deleted one keeps its item (its code stays taken, so old clicks and counts never point at
a new link) with `deleted_at` and no index keys.

The item carries everything the redirect needs, so a click reads this one item: the
project's `bot_username` and its click settings (`address_mode`, `retention_days`,
`visitor_salt`) are copied onto it when the link is created or edited and when the
project's link settings change.

Link settings: PK `PROJECT#{pid}`, SK `LINKSETTINGS`; absent ones take their defaults
(tgdesk.links.settings).
"""

from __future__ import annotations

from typing import Any, Literal, TypedDict, cast

from tgdesk.storage import keys, table

KIND = "link"
SETTINGS_KIND = "link_settings"

AddressMode = Literal["hashed", "truncated", "full"]


class Utm(TypedDict, total=False):
    utm_source: str
    utm_medium: str
    utm_campaign: str
    utm_term: str
    utm_content: str


class ClickSettings(TypedDict, total=False):
    """How a project's clicks record the visitor (docs/privacy.md, "Tracked links")."""

    address_mode: AddressMode  # hashed (default), truncated (/24, /48), full
    retention_days: int  # a click item's TTL; 90 by default
    visitor_salt: str  # the project's secret from which each day's address salt is derived


class Link(TypedDict, total=False):
    code: str  # 3-32 of A-Za-z0-9_-
    project_id: str
    name: str
    channel: str  # free text: "google-ads", "x", "tg-group"
    utm: Utm  # defaults for the click's UTM values the query does not carry
    # routing target: a group of the project, or some of its agents; absent: the project's
    target_group_id: str
    target_agent_ids: list[str]
    language: str  # a language hint (an IETF tag such as "zh")
    enabled: bool
    note: str
    created_by: str
    created_at: int
    updated_at: int  # edits are conditioned on the value read
    deleted_at: int  # present once deleted: the link answers 404 and leaves the list
    # copied for the redirect (one read per click)
    bot_username: str
    click_settings: ClickSettings


def key(code: str) -> tuple[str, str]:
    return keys.link(code)


def project_index(project_id: str) -> str:
    """The GSI1 partition of a project's live links."""
    return keys.project_links_index(project_id)


def index_keys(project_id: str, created_at: int, code: str) -> dict[str, str]:
    """GSI1: a project's live links, by creation."""
    return {"GSI1PK": project_index(project_id), "GSI1SK": f"{keys.ts(created_at)}#{code}"}


def to_item(link: Link) -> dict[str, Any]:
    pk, sk = key(link["code"])
    item: dict[str, Any] = {"PK": pk, "SK": sk, "kind": KIND, **link}
    if "deleted_at" not in link:
        item.update(index_keys(link["project_id"], link["created_at"], link["code"]))
    return item


def from_item(item: dict[str, Any]) -> Link:
    return cast(Link, table.strip_keys(item))


# -- a project's click settings ---------------------------------------------------------
def settings_key(project_id: str) -> tuple[str, str]:
    return keys.link_settings(project_id)


def settings_to_item(project_id: str, settings: ClickSettings, updated_at: int) -> dict[str, Any]:
    pk, sk = settings_key(project_id)
    return {
        "PK": pk,
        "SK": sk,
        "kind": SETTINGS_KIND,
        "project_id": project_id,
        "updated_at": updated_at,
        **settings,
    }


def settings_from_item(item: dict[str, Any]) -> ClickSettings:
    fields = ("address_mode", "retention_days", "visitor_salt")
    return cast(ClickSettings, {k: item[k] for k in fields if k in item})
