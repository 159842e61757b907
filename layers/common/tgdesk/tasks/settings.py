"""A project's task settings: whether task reminders are also posted to the team's Telegram
group, and the hours that count as the users' night (the console warns an agent replying
then; the bot's own messages wait for the morning). Admins edit them; members read them."""

from __future__ import annotations

import re
from typing import Any

from tgdesk.accounts.access import Scope
from tgdesk.audit import entries as audit
from tgdesk.core.clock import now_ms
from tgdesk.core.errors import Forbidden, InvalidInput
from tgdesk.storage import tasks as store

CHANGED = "task_settings.change"
DEFAULTS: dict[str, Any] = {
    "team_chat_reminders": False,
    "night_start": "22:00",
    "night_end": "08:00",
}
_CLOCK = re.compile(r"([01]\d|2[0-3]):[0-5]\d")


def current(project_id: str) -> dict[str, Any]:
    """The project's settings, the defaults where it has none."""
    stored = store.get_settings(project_id) or {}
    return {**DEFAULTS, **stored, "project_id": project_id}


def read(scope: Scope, project_id: str) -> dict[str, Any]:
    scope.require_project(project_id)
    return current(project_id)


def save(scope: Scope, project_id: str, wanted: dict[str, Any]) -> dict[str, Any]:
    """Replace the settings (admins only), conditioned on the `updated_at` the caller read."""
    if not scope.is_admin:
        raise Forbidden("only an administrator can change this", code="admin_only")
    scope.require_project(project_id)
    for name in ("night_start", "night_end"):
        if not _CLOCK.fullmatch(str(wanted.get(name, ""))):
            raise InvalidInput(f"{name} is a time of day, HH:MM", field=name)
    before = current(project_id)
    after = {
        "project_id": project_id,
        "team_chat_reminders": bool(wanted.get("team_chat_reminders")),
        "night_start": wanted["night_start"],
        "night_end": wanted["night_end"],
        "updated_at": now_ms(),
        "updated_by": scope.agent_id,
    }
    entry = audit.entry(
        CHANGED,
        actor_id=scope.agent_id,
        project_id=project_id,
        target_type="project",
        target_id=project_id,
        before={k: before.get(k) for k in DEFAULTS},
        after={k: after[k] for k in DEFAULTS},
    )
    store.save_settings(after, read_updated_at=wanted.get("updated_at"), entry=entry)
    return after
