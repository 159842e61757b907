"""A project's team and routing settings: their defaults, and changing them.

The one reading of docs/data-model.md "Team and routing attributes": routing, the
lifecycle and the API all call project_settings(). A change is validated setting by
setting, written conditioned on the values read, and audited in the same transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tgdesk.accounts import access
from tgdesk.audit import entries as audit
from tgdesk.core.domain import RoutingMode, values
from tgdesk.core.errors import InvalidInput
from tgdesk.storage import team as team_store
from tgdesk.storage.records.project import Project
from tgdesk.team import members, projects

DEFAULT_ROUTING: dict[str, Any] = {
    "mode": RoutingMode.ROUND_ROBIN,
    "return_after_minutes": None,
    "sticky_returning_users": True,
    "max_returns": 3,  # returns in a row of an unopened session; then its supervisors are told
}
DEFAULT_AUTO_CLOSE_AFTER_HOURS = 24
DEFAULT_REOPEN_WITHIN_DAYS = 7
ALL_AGENTS = "all"
SETTINGS = ("name", "routing", "agent_scope", "auto_close_after_hours", "reopen_within_days")


def project_settings(project: Project) -> dict[str, Any]:
    """A project's team and routing settings with every default filled in."""
    stored = project.get("routing") or {}
    routing = {**DEFAULT_ROUTING, **{k: v for k, v in stored.items() if k in DEFAULT_ROUTING}}
    if routing["mode"] not in values(RoutingMode):
        routing["mode"] = DEFAULT_ROUTING["mode"]
    return {
        "name": project.get("name"),
        "routing": routing,
        "agent_scope": project.get("agent_scope") or ALL_AGENTS,
        "auto_close_after_hours": int(
            _stored(project, "auto_close_after_hours", DEFAULT_AUTO_CLOSE_AFTER_HOURS)
        ),
        "reopen_within_days": int(
            _stored(project, "reopen_within_days", DEFAULT_REOPEN_WITHIN_DAYS)
        ),
    }


def _stored(project: Project, name: str, default: int) -> Any:
    value = project.get(name)
    return default if value is None else value


# -- changing them ----------------------------------------------------------------------
def update_project_settings(
    scope: access.Scope,
    project_id: str,
    changes: dict[str, Any],
    *,
    source_ip: str | None = None,
) -> dict[str, Any]:
    """Change settings (admin or a supervisor of the project); returns project_settings().

    `changes` holds only the fields sent; `routing` may be partial (merged with the current
    routing). `agent_scope` is "all" or a list of member agent ids.
    """
    scope.require_supervisor(project_id)
    _refuse_unknown(changes)
    project = projects.get_project(project_id)
    current = project_settings(project)
    new = {**current, **_validated(changes, current, project_id)}
    changed = {k: v for k, v in new.items() if v != current[k]}
    if changed:
        _store(scope, project, current, changed, source_ip=source_ip)
    return new if changed else current


def _refuse_unknown(changes: dict[str, Any]) -> None:
    unknown = set(changes) - set(SETTINGS)
    if unknown:
        raise InvalidInput(f"unknown setting: {', '.join(sorted(unknown))}", field=min(unknown))


def _validated(changes: dict[str, Any], current: dict[str, Any], project_id: str) -> dict[str, Any]:
    """The new value of every setting sent, checked in the order of SETTINGS."""
    return {
        name: _NEW_VALUE[name](changes[name], current, project_id)
        for name in SETTINGS
        if name in changes
    }


def _new_name(sent: Any, _current: dict[str, Any], _project_id: str) -> str:
    name = str(sent or "").strip()
    if not name:
        raise InvalidInput("a project needs a name", field="name")
    return name


def _new_routing(sent: Any, current: dict[str, Any], _project_id: str) -> dict[str, Any]:
    """The current routing with what was sent merged in."""
    routing = {**current["routing"], **(sent or {})}
    if routing["mode"] not in values(RoutingMode):
        raise InvalidInput(
            f"routing.mode is one of {', '.join(values(RoutingMode))}", field="routing.mode"
        )
    minutes = routing["return_after_minutes"]
    if minutes is not None and not 1 <= int(minutes) <= 7 * 24 * 60:
        raise InvalidInput(
            "routing.return_after_minutes is 1 to 10080 (or null: off)",
            field="routing.return_after_minutes",
        )
    if routing["max_returns"] is None:
        routing["max_returns"] = DEFAULT_ROUTING["max_returns"]
    routing["max_returns"] = _bounded(routing["max_returns"], 1, 20, "routing.max_returns")
    return routing


def _new_agent_scope(sent: Any, _current: dict[str, Any], project_id: str) -> str | list[str]:
    if sent == ALL_AGENTS:
        return ALL_AGENTS
    if isinstance(sent, list) and sent:
        return members.require_members(project_id, sent, "agent_scope")
    raise InvalidInput(
        'agent_scope is "all" or a non-empty list of member agent ids', field="agent_scope"
    )


def _new_auto_close(sent: Any, _current: dict[str, Any], _project_id: str) -> int:
    if sent is None:
        return DEFAULT_AUTO_CLOSE_AFTER_HOURS
    return _bounded(sent, 1, 24 * 90, "auto_close_after_hours")


def _new_reopen_window(sent: Any, _current: dict[str, Any], _project_id: str) -> int:
    if sent is None:
        return DEFAULT_REOPEN_WITHIN_DAYS
    return _bounded(sent, 0, 365, "reopen_within_days")


_NEW_VALUE: dict[str, Callable[[Any, dict[str, Any], str], Any]] = {
    "name": _new_name,
    "routing": _new_routing,
    "agent_scope": _new_agent_scope,
    "auto_close_after_hours": _new_auto_close,
    "reopen_within_days": _new_reopen_window,
}


def _bounded(value: Any, lo: int, hi: int, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
        raise InvalidInput(f"{field} is a whole number from {lo} to {hi}", field=field)
    return value


def _stored_form(changed: dict[str, Any]) -> dict[str, Any]:
    """Settings as the project item keeps them: `return_after_minutes` absent when off."""
    stored = dict(changed)
    if "routing" in stored:
        stored["routing"] = {k: v for k, v in stored["routing"].items() if v is not None}
    return stored


def _store(
    scope: access.Scope,
    project: Project,
    current: dict[str, Any],
    changed: dict[str, Any],
    *,
    source_ip: str | None,
) -> None:
    """Write the changed settings, conditioned on the stored values read, with their audit
    entry (the settings as shown, defaults filled in)."""
    project_id = project["project_id"]
    team_store.update_project_settings(
        project_id,
        set_=_stored_form(changed),
        remove=[],
        before={k: project.get(k) for k in changed},
        audit_entry=audit.entry(
            "project.settings",
            actor_id=scope.agent_id,
            project_id=project_id,
            target_type="project",
            target_id=project_id,
            before={k: current[k] for k in changed},
            after=changed,
            source_ip=source_ip,
        ),
    )
