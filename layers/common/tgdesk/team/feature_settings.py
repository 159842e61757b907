"""A feature's settings for one project (satisfaction surveys, escalation triggers, automatic
answers, translation, attachments): how the console reads and replaces them, and the copy the
stream keeps. The item itself is read and saved by tgdesk.storage.feature_settings.

Supervisors of the project read them, administrators (and the project's supervisors, for a
feature that lets them) replace them. A save is audited in the same transaction and
conditioned on the `updated_at` read, so of two administrators saving from the same read one
is told to reload. The stream reads a project's settings at most once
per FRESH_SECONDS in a container, so that a message or a close costs no read: a change
applies in every container within that bound, and at once in the container that saved it.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from tgdesk.accounts import access
from tgdesk.audit import entries as audit
from tgdesk.core.clock import now_ms
from tgdesk.core.errors import Conflict, Forbidden
from tgdesk.storage import table
from tgdesk.team import projects

FRESH_SECONDS = 5.0
_NOT_AUDITED = ("updated_at", "updated_by")

S = TypeVar("S", bound=Mapping[str, Any])


@dataclass(frozen=True, slots=True)
class _Known(Generic[S]):
    settings: S
    fresh_until: float
    client: Any  # the table client it was read with (a test's moto table is another)


@dataclass(slots=True)
class FeatureSettings(Generic[S]):
    """One feature's settings. `effective` fills the defaults in over what is stored (None:
    nothing yet); `validated` turns what the console sent into settings, or raises
    InvalidInput; `changed` is the Conflict a save from a stale read gets."""

    action: str  # the audit entry's action, e.g. "surveys.settings"
    effective: Callable[[str, S | None], S]
    validated: Callable[[str, dict[str, Any]], S]
    get_stored: Callable[[str], S | None]
    # (settings, *, read_updated_at, entry) -> False when `updated_at` is no longer the one read
    save_stored: Callable[..., bool]
    changed: Callable[[], Conflict]
    supervisors_save: bool = False  # the project's supervisors replace them too, not only admins
    _known: dict[str, _Known[S]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        _EVERY.append(self)

    def read(self, scope: access.Scope, project_id: str) -> S:
        """The project's settings with every default filled in."""
        scope.require_supervisor(project_id)
        projects.get_project(project_id)
        return self.effective(project_id, self.get_stored(project_id))

    def save(
        self,
        scope: access.Scope,
        project_id: str,
        wanted: dict[str, Any],
        *,
        source_ip: str | None = None,
    ) -> S:
        """Replace the project's settings with `wanted` (what it leaves out takes its default);
        `updated_at` in `wanted`, when given, must be the one read."""
        if self.supervisors_save:
            scope.require_supervisor(project_id)
        elif not scope.is_admin:
            raise Forbidden("only an administrator can do this", code="admin_only")
        return self.save_on_behalf(scope.agent_id, project_id, wanted, source_ip=source_ip)

    def save_on_behalf(
        self,
        actor_id: str,
        project_id: str,
        wanted: dict[str, Any],
        *,
        source_ip: str | None = None,
    ) -> S:
        """`save` for a caller that checked a narrower permission itself (an agent's change
        limited by the feature to what it allows them): audited with `actor_id` as actor."""
        projects.get_project(project_id)
        stored = self.get_stored(project_id)
        read_at = dict(stored or {}).get("updated_at")
        if wanted.get("updated_at") is not None and wanted["updated_at"] != read_at:
            raise self.changed()
        before = self.effective(project_id, stored)
        after: dict[str, Any] = dict(self.validated(project_id, wanted))
        after["updated_at"] = max(now_ms(), int(read_at or 0) + 1)
        after["updated_by"] = actor_id
        entry = audit.entry(
            self.action,
            actor_id=actor_id,
            project_id=project_id,
            target_type="project",
            target_id=project_id,
            before=_audited(before),
            after=_audited(after),
            source_ip=source_ip,
        )
        saved: S = after  # type: ignore[assignment]
        if not self.save_stored(saved, read_updated_at=read_at, entry=entry):
            raise self.changed()
        return self._remember(project_id, saved)

    def current(self, project_id: str) -> S:
        """The project's effective settings as read at most FRESH_SECONDS ago here."""
        known = self._known.get(project_id)
        if (
            known is not None
            and known.client is table.client()
            and time.monotonic() < known.fresh_until
        ):
            return known.settings
        return self._remember(project_id, self.effective(project_id, self.get_stored(project_id)))

    def forget(self) -> None:
        """Read every project's settings again (tests, benchmarks)."""
        self._known.clear()

    def _remember(self, project_id: str, settings: S) -> S:
        fresh_until = time.monotonic() + FRESH_SECONDS
        self._known[project_id] = _Known(settings, fresh_until, table.client())
        return settings


def changed_meanwhile(what: str, *, code: str) -> Callable[[], Conflict]:
    """The Conflict a save from a stale read of `what` ("The survey settings") gets."""

    def changed() -> Conflict:
        return Conflict(f"{what} changed meanwhile; reload them and try again.", code=code)

    return changed


def _audited(settings: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in settings.items() if k not in _NOT_AUDITED}


# Every feature's settings (one module-level instance each): `forget_all` starts them afresh.
_EVERY: list[FeatureSettings[Any]] = []


def forget_all() -> None:
    """Read every feature's settings again (a test harness starting a new world)."""
    for settings in _EVERY:
        settings.forget()
