"""Reading and saving a project's SLA settings: supervisors of the project read them,
administrators change them (audited in the same transaction; the project item's
`sla_tracked` follows `enabled`, which ingest sees within its 60-second project cache)."""

from __future__ import annotations

from typing import Any

from tgdesk.accounts import access
from tgdesk.audit import entries as audit
from tgdesk.core.clock import now_ms
from tgdesk.core.errors import Conflict, Forbidden, InvalidInput, NotFound
from tgdesk.sla import policies
from tgdesk.storage import sla as store
from tgdesk.storage.records.sla import SlaSettings
from tgdesk.team import groups, projects


def read(scope: access.Scope, project_id: str) -> SlaSettings:
    """The project's settings with every default filled in."""
    scope.require_supervisor(project_id)
    projects.get_project(project_id)
    return policies.effective(project_id, store.get_settings(project_id))


def save(
    scope: access.Scope, project_id: str, wanted: dict[str, Any], *, source_ip: str | None = None
) -> SlaSettings:
    """Replace the project's settings with `wanted` (what it leaves out takes its default)."""
    if not scope.is_admin:
        raise Forbidden("only an administrator can do this", code="admin_only")
    projects.get_project(project_id)
    stored = store.get_settings(project_id)
    before = policies.effective(project_id, stored)
    after = policies.validated(project_id, wanted)
    _require_groups(scope, project_id, after)
    after["updated_at"] = max(now_ms(), int(before.get("updated_at") or 0) + 1)
    after["updated_by"] = scope.agent_id
    entry = audit.entry(
        "sla.settings",
        actor_id=scope.agent_id,
        project_id=project_id,
        target_type="project",
        target_id=project_id,
        before=_audited(before),
        after=_audited(after),
        source_ip=source_ip,
    )
    read_at = (stored or {}).get("updated_at")
    if not store.save_settings(after, read_updated_at=read_at, entry=entry):
        raise Conflict("The SLA settings changed meanwhile; reload them and try again.")
    return after


def _require_groups(scope: access.Scope, project_id: str, settings: SlaSettings) -> None:
    """A breach reassigns only to a group of the project."""
    for priority, policy in settings["policies"].items():
        group_id = policy["breach_action"].get("reassign_group_id")
        if not group_id:
            continue
        try:
            groups.get_group(scope, project_id, group_id)
        except NotFound as err:
            raise InvalidInput(
                "The project has no such group.",
                field=f"policies.{priority}.breach_action.reassign_group_id",
            ) from err


def _audited(settings: SlaSettings) -> dict[str, Any]:
    return {k: v for k, v in settings.items() if k not in ("updated_at", "updated_by")}
