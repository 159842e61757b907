"""First-start set-up through the real API, as an admin would do it from the console.

Logs in as the admin and finds the project of the configured bot (GET /api/projects), or
creates it (POST /api/projects), which makes the API call getMe and setWebhook (or
deleteWebhook in polling mode) on the Bot API.
"""

from __future__ import annotations

import logging
import time
from typing import Any

import requests

log = logging.getLogger("tgdesk.local.bootstrap")

SANDBOX_PROJECT_NAME = "Sandbox"


class BootstrapError(RuntimeError):
    pass


def _items(body: Any) -> list[dict[str, Any]]:
    if isinstance(body, dict):
        body = body.get("items", [])
    return [p for p in body if isinstance(p, dict)] if isinstance(body, list) else []


def _check(resp: requests.Response, what: str) -> Any:
    if not resp.ok:
        raise BootstrapError(f"{what} answered {resp.status_code}: {resp.text[:300]}")
    return resp.json()


def login(base_url: str, username: str, password: str) -> str:
    resp = requests.post(
        f"{base_url}/api/auth/login", json={"username": username, "password": password}, timeout=30
    )
    return str(_check(resp, "POST /api/auth/login")["token"])


def ensure_project(
    base_url: str, username: str, password: str, *, bot_id: int, name: str, bot_token: str
) -> dict[str, Any]:
    """The project of this bot, created on the first start. Returns the project."""
    token = login(base_url, username, password)
    auth = {"Authorization": f"Bearer {token}"}
    listed = _check(
        requests.get(f"{base_url}/api/projects", headers=auth, timeout=30), "GET /api/projects"
    )
    for project in _items(listed):
        if str(project.get("bot_id")) == str(bot_id):
            return project
    resp = requests.post(
        f"{base_url}/api/projects",
        json={"name": name, "bot_token": bot_token},
        headers=auth,
        timeout=60,
    )
    project = _check(resp, "POST /api/projects")
    log.info("created project %s for bot %s", project.get("project_id"), bot_id)
    return project


def ensure_project_with_retries(
    base_url: str, username: str, password: str, *, attempts: int = 5, **kwargs: Any
) -> dict[str, Any]:
    """As ensure_project, retried a few times while the API warms up."""
    for attempt in range(1, attempts + 1):
        try:
            return ensure_project(base_url, username, password, **kwargs)
        except (BootstrapError, requests.RequestException, KeyError, ValueError) as err:
            if attempt == attempts:
                raise BootstrapError(str(err)) from err
            log.warning("project set-up failed (%s); retrying", err)
            time.sleep(attempt)
    raise AssertionError("unreachable")
