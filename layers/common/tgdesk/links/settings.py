"""A project's click privacy settings: how a click records the visitor's address, and how
long a click record is kept.

They live on their own item (`PROJECT#{pid}` / `LINKSETTINGS`), not among the project's
team and routing settings: only links read them, and every link carries a copy so the
redirect reads one item per click. A change is audited, then copied onto the project's
live links (a link created meanwhile copies the new values itself). The `visitor_salt` is
made when the settings are first needed and never leaves the table.
"""

from __future__ import annotations

import secrets
from typing import Any

from tgdesk.accounts import access
from tgdesk.audit import entries as audit
from tgdesk.core.clock import now_ms
from tgdesk.core.errors import Conflict, InvalidInput, NotFound
from tgdesk.links.clicks import DEFAULT_RETENTION_DAYS
from tgdesk.storage import links as store
from tgdesk.storage.records.link import ClickSettings
from tgdesk.storage.records.project import Project
from tgdesk.team import projects

ADDRESS_MODES = ("hashed", "truncated", "full")
DEFAULT_ADDRESS_MODE = "hashed"
MAX_RETENTION_DAYS = 730
PUBLIC = ("address_mode", "retention_days")


def click_settings(project_id: str) -> ClickSettings:
    """The project's settings with defaults filled in, its salt made on first need."""
    stored, seen = store.get_settings(project_id)
    if "visitor_salt" not in stored:
        stored = {**stored, "visitor_salt": secrets.token_urlsafe(32)}
        try:
            store.put_settings(
                project_id, stored, updated_at=now_ms(), seen_updated_at=seen, audit_entry=None
            )
        except Conflict:  # another request made it first: take theirs
            stored, _ = store.get_settings(project_id)
    return _with_defaults(stored)


def _with_defaults(stored: ClickSettings) -> ClickSettings:
    mode = stored.get("address_mode")
    return {
        "address_mode": mode if mode in ADDRESS_MODES else DEFAULT_ADDRESS_MODE,  # type: ignore[typeddict-item]
        "retention_days": int(stored.get("retention_days") or DEFAULT_RETENTION_DAYS),
        "visitor_salt": stored["visitor_salt"],
    }


def public_settings(settings: ClickSettings) -> dict[str, Any]:
    return {k: settings[k] for k in PUBLIC if k in settings}  # type: ignore[literal-required]


def get_settings(scope: access.Scope, project_id: str) -> dict[str, Any]:
    require_link_manager(scope, project_id)
    return public_settings(click_settings(project_id))


def update_settings(
    scope: access.Scope,
    project_id: str,
    *,
    address_mode: str | None = None,
    retention_days: int | None = None,
    source_ip: str | None = None,
) -> dict[str, Any]:
    """Change the settings (audited), then copy them onto the project's live links."""
    require_link_manager(scope, project_id)
    current = click_settings(project_id)
    _, seen = store.get_settings(project_id)
    changes: dict[str, Any] = {}
    if address_mode is not None:
        if address_mode not in ADDRESS_MODES:
            raise InvalidInput("choose hashed, truncated or full", field="address_mode")
        changes["address_mode"] = address_mode
    if retention_days is not None:
        if not 1 <= int(retention_days) <= MAX_RETENTION_DAYS:
            raise InvalidInput(
                f"keep clicks 1 to {MAX_RETENTION_DAYS} days", field="retention_days"
            )
        changes["retention_days"] = int(retention_days)
    changes = {k: v for k, v in changes.items() if current.get(k) != v}
    if not changes:
        return public_settings(current)
    updated: ClickSettings = {**current, **changes}  # type: ignore[typeddict-item]
    store.put_settings(
        project_id,
        updated,
        updated_at=now_ms(),
        seen_updated_at=seen,
        audit_entry=audit.entry(
            "links.settings",
            actor_id=scope.agent_id,
            project_id=project_id,
            target_type="project",
            target_id=project_id,
            before={k: current.get(k) for k in changes},
            after=changes,
            source_ip=source_ip,
        ),
    )
    store.copy_to_links(project_id, {"click_settings": updated})
    return public_settings(updated)


def require_link_manager(scope: access.Scope, project_id: str) -> Project:
    """The project, when the caller manages its links: its administrators and supervisors.
    Anyone else finds no such project (hidden is 404), its member agents included."""
    if not scope.supervises(project_id):
        raise NotFound("no such project", code="project_not_found")
    return projects.get_project(project_id)
