"""A project's links: creating, listing, editing and deleting them, and reading a link's
clicks for the export. For the project's administrators and supervisors only; to anyone
else a link does not exist (hidden is 404). Every change is audited in its transaction.

Codes are global (the short URL names no project) and never reused: a deleted link keeps
its item, so its clicks and counts never come to mean another link.
"""

from __future__ import annotations

import os
import re
import secrets
import string
from typing import Any

from tgdesk.accounts import access
from tgdesk.audit import entries as audit
from tgdesk.core.clock import now_ms
from tgdesk.core.errors import Conflict, InvalidInput, NotFound
from tgdesk.links import lookup
from tgdesk.links.clicks import CODE, MAX_VALUE, UTM_KEYS
from tgdesk.links.settings import click_settings, require_link_manager
from tgdesk.storage import groups as group_store
from tgdesk.storage import links as store
from tgdesk.storage.records.click import Click
from tgdesk.storage.records.link import Link
from tgdesk.team.members import require_members

GENERATED_CODE_LENGTH = 8  # 62^8: a generated code is neither guessed nor taken twice
_CODE_ALPHABET = string.ascii_letters + string.digits
LANGUAGE = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}")
MAX_NAME, MAX_CHANNEL, MAX_NOTE = 80, 60, 1000
MAX_TARGET_AGENTS = 50
CLICKS_PAGE_MAX = 500
# What an edit may change; `None` removes the optional ones.
EDITABLE = (
    "name",
    "channel",
    "utm",
    "target_group_id",
    "target_agent_ids",
    "language",
    "enabled",
    "note",
)
_AUDITED = EDITABLE


def links_base_url(public_url: str) -> str:
    """Where short URLs start: TGDESK_LINKS_BASE_URL (a short domain routed to the redirect
    function, with its path: `https://go.example.com/l`), else the API's public URL + /l,
    where the redirect function is served."""
    configured = os.environ.get("TGDESK_LINKS_BASE_URL", "").rstrip("/")
    return configured or f"{public_url.rstrip('/')}/l"


def public_link(link: Link, base_url: str) -> dict[str, Any]:
    """What the API shows of a link, with its short URL; not the copies the redirect keeps
    (the project's click settings, whose salt never leaves the table)."""
    shown: dict[str, Any] = {k: v for k, v in link.items() if k != "click_settings"}
    shown["short_url"] = f"{base_url}/{link['code']}"
    return shown


# -- reading ----------------------------------------------------------------------------------
def get_link(scope: access.Scope, code: str) -> Link:
    found = lookup.get_link(code) if CODE.fullmatch(code or "") else None
    if found is None or not scope.supervises(found["project_id"]):
        raise NotFound("no such link", code="link_not_found")
    return found


def list_links(scope: access.Scope, project_id: str) -> list[Link]:
    """The project's live links, newest first."""
    require_link_manager(scope, project_id)
    return store.list_project_links(project_id)


def link_clicks(
    scope: access.Scope, code: str, *, limit: int = 100, cursor: str | None = None
) -> tuple[list[dict[str, Any]], str | None]:
    """A page of the link's clicks, newest first, and the cursor of the next page."""
    get_link(scope, code)
    if not 1 <= limit <= CLICKS_PAGE_MAX:
        raise InvalidInput(f"a page has 1 to {CLICKS_PAGE_MAX} clicks", field="limit")
    # The cursor is the index sort key of the last click shown (`{at}#{click_id}`), written
    # with a dot so that it needs no escaping in a URL.
    if cursor is not None and not re.fullmatch(r"\d{13}\.[0-9a-f]{24}", cursor):
        raise InvalidInput("not a cursor of this list", field="cursor")
    before = cursor.replace(".", "#", 1) if cursor else None
    clicks, next_key = store.list_clicks(code, limit=limit, before=before)
    return [public_click(c) for c in clicks], next_key.replace("#", ".", 1) if next_key else None


def public_click(click: Click) -> dict[str, Any]:
    """A click for the export: not its payload (the bot's start parameter stays a secret
    between the visitor and the bot) nor its expiry."""
    return {k: v for k, v in click.items() if k not in ("payload", "ttl")}


# -- changing ---------------------------------------------------------------------------------
def create_link(
    scope: access.Scope,
    project_id: str,
    fields: dict[str, Any],
    *,
    code: str | None = None,
    source_ip: str | None = None,
) -> Link:
    """A new link of the project; `code` custom (Conflict `link_code_taken` when taken) or,
    when None, generated. `fields` are the EDITABLE ones (name required)."""
    project = require_link_manager(scope, project_id)
    if code is not None and not CODE.fullmatch(code):
        raise InvalidInput("a code has 3 to 32 of A-Z, a-z, 0-9, _ and -", field="code")
    now = now_ms()
    values = _valid(project_id, {"enabled": True, **fields}, creating=True)
    for attempt in range(3):
        link: Link = {
            "code": code or _generated_code(),
            "project_id": project_id,
            **values,  # type: ignore[typeddict-item]
            "created_by": scope.agent_id,
            "created_at": now,
            "updated_at": now,
            "click_settings": click_settings(project_id),
        }
        if project.get("bot_username"):
            link["bot_username"] = str(project["bot_username"])
        try:
            store.create_link(
                link,
                audit.entry(
                    "link.create",
                    actor_id=scope.agent_id,
                    project_id=project_id,
                    target_type="link",
                    target_id=link["code"],
                    after=_audited(link),
                    source_ip=source_ip,
                ),
            )
            return link
        except Conflict:
            if code is not None or attempt == 2:
                raise
    raise AssertionError("unreachable")


def update_link(
    scope: access.Scope, code: str, fields: dict[str, Any], *, source_ip: str | None = None
) -> Link:
    """Change the EDITABLE `fields` given (None removes an optional one); conditioned on
    the link as read (Conflict `link_changed`). Also refreshes the redirect's copy of the
    bot's username."""
    link = get_link(scope, code)
    values = _valid(link["project_id"], fields, creating=False)
    set_ = {k: v for k, v in values.items() if v is not None and link.get(k) != v}
    remove = [k for k, v in values.items() if v is None and k in link]
    if "target_group_id" in set_:
        remove += [k for k in ("target_agent_ids",) if k in link and k not in set_]
    if "target_agent_ids" in set_:
        remove += [k for k in ("target_group_id",) if k in link and k not in set_]
    remove = sorted(set(remove))
    if not set_ and not remove:
        return link
    project_bot = require_link_manager(scope, link["project_id"]).get("bot_username")
    if project_bot and project_bot != link.get("bot_username"):
        set_["bot_username"] = str(project_bot)
    set_["updated_at"] = max(now_ms(), int(link["updated_at"]) + 1)
    store.update_link(
        code,
        set_,
        remove,
        seen_updated_at=int(link["updated_at"]),
        audit_entry=audit.entry(
            "link.update",
            actor_id=scope.agent_id,
            project_id=link["project_id"],
            target_type="link",
            target_id=code,
            before={k: link.get(k) for k in [*set_, *remove] if k in _AUDITED},
            after={k: set_.get(k) for k in [*set_, *remove] if k in _AUDITED},
            source_ip=source_ip,
        ),
    )
    updated = {**link, **set_}
    for attribute in remove:
        updated.pop(attribute, None)
    return updated  # type: ignore[return-value]


def delete_link(scope: access.Scope, code: str, *, source_ip: str | None = None) -> None:
    """The link answers 404 from now on and leaves the project's list; its code stays taken."""
    link = get_link(scope, code)
    store.delete_link(
        code,
        deleted_at=max(now_ms(), int(link["updated_at"]) + 1),
        seen_updated_at=int(link["updated_at"]),
        audit_entry=audit.entry(
            "link.delete",
            actor_id=scope.agent_id,
            project_id=link["project_id"],
            target_type="link",
            target_id=code,
            before=_audited(link),
            source_ip=source_ip,
        ),
    )


def refresh_project_links(project_id: str, bot_username: str | None) -> int:
    """Copy a project's new bot username onto its live links (after its bot changed)."""
    return store.copy_to_links(project_id, {"bot_username": bot_username})


# -- validation -------------------------------------------------------------------------------
def _generated_code() -> str:
    return "".join(secrets.choice(_CODE_ALPHABET) for _ in range(GENERATED_CODE_LENGTH))


def _audited(link: Link) -> dict[str, Any]:
    return {k: link[k] for k in _AUDITED if k in link}  # type: ignore[literal-required]


def _valid(project_id: str, fields: dict[str, Any], *, creating: bool) -> dict[str, Any]:
    """The EDITABLE fields given, cleaned; None for an optional one to remove."""
    unknown = sorted(set(fields) - set(EDITABLE))
    if unknown:
        raise InvalidInput(f"unknown field {unknown[0]}", field=unknown[0])
    out: dict[str, Any] = {}
    if creating or "name" in fields:
        out["name"] = _bounded(fields.get("name"), "name", MAX_NAME, required=True)
    if "channel" in fields:
        out["channel"] = _bounded(fields["channel"], "channel", MAX_CHANNEL) or None
    if "utm" in fields:
        out["utm"] = _utm(fields["utm"]) or None
    if "language" in fields:
        language = _bounded(fields["language"], "language", 16)
        if language and not LANGUAGE.fullmatch(language):
            raise InvalidInput("a language tag such as en or zh-CN", field="language")
        out["language"] = language or None
    if "enabled" in fields:
        if not isinstance(fields["enabled"], bool):
            raise InvalidInput("enabled is true or false", field="enabled")
        out["enabled"] = fields["enabled"]
    if "note" in fields:
        out["note"] = _bounded(fields["note"], "note", MAX_NOTE) or None
    out.update(_target(project_id, fields))
    if creating:
        out = {k: v for k, v in out.items() if v is not None}
    return out


def _target(project_id: str, fields: dict[str, Any]) -> dict[str, Any]:
    group_id = fields.get("target_group_id")
    agent_ids = fields.get("target_agent_ids")
    if group_id and agent_ids:
        raise InvalidInput("route to a group or to agents, not both", field="target_agent_ids")
    out: dict[str, Any] = {}
    if "target_group_id" in fields:
        if group_id and group_store.get_group(project_id, str(group_id)) is None:
            raise InvalidInput(
                "no such group in this project", code="group_not_found", field="target_group_id"
            )
        out["target_group_id"] = group_id or None
    if "target_agent_ids" in fields:
        if agent_ids and len(agent_ids) > MAX_TARGET_AGENTS:
            raise InvalidInput(f"at most {MAX_TARGET_AGENTS} agents", field="target_agent_ids")
        out["target_agent_ids"] = (
            require_members(project_id, list(agent_ids), "target_agent_ids") if agent_ids else None
        )
    return out


def _utm(value: Any) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise InvalidInput("utm maps utm_source, utm_medium, ... to values", field="utm")
    out: dict[str, str] = {}
    for key, raw in value.items():
        if key not in UTM_KEYS:
            raise InvalidInput(f"utm has only {', '.join(UTM_KEYS)}", field="utm")
        text = _bounded(raw, "utm", MAX_VALUE)
        if text:
            out[key] = text
    return out


def _bounded(value: Any, field: str, limit: int, *, required: bool = False) -> str:
    text = "" if value is None else str(value).strip()
    if len(text) > limit or (required and not text):
        raise InvalidInput(f"{field} has {1 if required else 0} to {limit} characters", field=field)
    return text
