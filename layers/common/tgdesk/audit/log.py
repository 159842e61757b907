"""Who may read which part of the audit log. Nobody edits it: there is no such function.

Admins read everything, including entries that concern no project (logins). Supervisors
read the entries of the projects they supervise. Agents read none of it.
"""

from __future__ import annotations

from typing import Any

from tgdesk.accounts.access import Scope
from tgdesk.core.domain import Role
from tgdesk.core.errors import Forbidden
from tgdesk.risk import report as risk_report
from tgdesk.storage import audit_feed


def read(
    scope: Scope,
    *,
    limit: int,
    project_id: str | None = None,
    cursor: str | None = None,
    since: int | None = None,
    until: int | None = None,
    action: str | None = None,
    actor_id: str | None = None,
) -> tuple[list[dict[str, Any]], str | None]:
    """A page of entries, newest first, and the cursor of the next one."""
    project_ids = readable_projects(scope, project_id, log="audit log")
    if project_ids == []:
        return [], None
    items, next_cursor = audit_feed.entries(
        project_ids,
        limit=limit,
        cursor=cursor,
        since=since,
        until=until,
        action=action,
        actor_id=actor_id,
    )
    return [_bounded(e) for e in items], next_cursor


def readable_projects(scope: Scope, project_id: str | None, *, log: str) -> list[str] | None:
    """The projects whose entries `scope` reads: `project_id` alone if given, else every
    project (None) for an admin, the supervised ones for a supervisor; Forbidden to agents
    and to a supervisor asking for a project they do not supervise."""
    if not scope.is_admin and scope.agent["role"] != Role.SUPERVISOR:
        raise Forbidden(
            f"only supervisors and administrators can read the {log}", code="supervisor_only"
        )
    if project_id is not None:
        scope.require_supervisor(project_id)
        return [project_id]
    if scope.is_admin:
        return None
    return [p for p in scope.project_ids() if scope.supervises(p)]


def _bounded(entry: dict[str, Any]) -> dict[str, Any]:
    """A risk trigger written before its matches were bounded is read as a bounded report."""
    if entry.get("action") != risk_report.TRIGGER_ACTION:
        return entry
    return {**entry, "details": risk_report.bounded_details(entry.get("details"))}
