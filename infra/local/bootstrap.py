"""First-start set-up of the local stack: the bot's project, made in-process.

It runs the same domain code as `POST /api/projects` (tgdesk.team.project_setup.create_project:
getMe, the secrets, setWebhook or deleteWebhook in polling mode, the project and the
administrator's membership), on behalf of the configured administrator, whom it creates
first exactly as the API does on its first call (tgdesk.accounts.agents.bootstrap_admin). It never
logs in: a login is single-device, so logging in as the admin at every start would sign
out the admin's console, and any script that logged in as soon as the API answered.
"""

from __future__ import annotations

import logging
import time
from typing import Any

log = logging.getLogger("tgdesk.local.bootstrap")

SANDBOX_PROJECT_NAME = "Sandbox"


class BootstrapError(RuntimeError):
    pass


def _administrator() -> dict[str, Any]:
    from tgdesk.accounts import agents
    from tgdesk.core.domain import Role
    from tgdesk.core.settings import get_settings

    agents.bootstrap_admin()
    username = get_settings().admin_username
    admin = agents.find_by_username(username) if username else None
    if admin is None or admin.get("role") != Role.ADMIN or admin.get("disabled"):
        raise BootstrapError(f"there is no enabled administrator named {username!r}")
    return admin


def ensure_project(*, bot_id: int, name: str, bot_token: str, public_url: str) -> dict[str, Any]:
    """The project of this bot (as the API shows it), created on the first start."""
    from tgdesk.team import project_setup, projects

    admin = _administrator()
    for project in projects.list_projects():
        if str(project.get("bot_id")) == str(bot_id):
            return project_setup.public_project(project, public_url)
    project = project_setup.create_project(name, bot_token, admin["agent_id"], public_url)
    log.info("created project %s for bot %s", project["project_id"], bot_id)
    return project


def ensure_project_with_retries(*, attempts: int = 5, **kwargs: Any) -> dict[str, Any]:
    """As ensure_project, retried a few times (Telegram may not answer at once)."""
    from tgdesk.core.errors import TgdeskError

    for attempt in range(1, attempts + 1):
        try:
            return ensure_project(**kwargs)
        except (TgdeskError, BootstrapError) as err:
            if attempt == attempts:
                raise BootstrapError(str(err)) from err
            log.warning("project set-up failed (%s); retrying", err)
            time.sleep(attempt)
    raise AssertionError("unreachable")
