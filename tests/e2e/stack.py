"""The local stack as a user starts it (`python -m infra.local`), for end-to-end tests and
benchmarks: start it, wait until its sandbox project exists, and talk to its REST API and
sandbox Telegram as the admin."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import requests

from infra.local.cfn import ROOT
from infra.local.config import free_port

ADMIN = "admin"
PASSWORD = "e2e-admin-password"
CONSOLE_INDEX = ROOT / "frontend" / "dist" / "index.html"


@contextmanager
def running_stack(
    data_dir: Path, port: int, log: Path, schedule_every: float | None = 1
) -> Iterator[subprocess.Popen[bytes]]:
    """`python -m infra.local` on `port` with its data in `data_dir`, output appended to `log`;
    every schedule runs each `schedule_every` seconds (None: at the template's rates, as a
    user's `make run`). Killed on exit if still running."""
    env = {
        **os.environ,
        "TGDESK_PORT": str(port),
        "TGDESK_DATA_DIR": str(data_dir),
        "TGDESK_ADMIN_PASSWORD": PASSWORD,
    }
    for name in ("AWS_ENDPOINT_URL", "TGDESK_TELEGRAM_TOKEN", "TGDESK_TABLE"):
        env.pop(name, None)
    env.pop("TGDESK_SCHEDULE_EVERY", None)
    if schedule_every is not None:
        env["TGDESK_SCHEDULE_EVERY"] = str(schedule_every)
    with log.open("ab") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "infra.local"], cwd=ROOT, env=env, stdout=out, stderr=out
        )
    try:
        yield proc
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=10)


def eventually(check: Callable[[], Any], timeout: float = 30, what: str = "") -> Any:
    """The first truthy answer of `check`, polled until `timeout` seconds have passed."""
    deadline = time.monotonic() + timeout
    last: Any = None
    while time.monotonic() < deadline:
        try:
            last = check()
            if last:
                return last
        except requests.RequestException as err:
            last = err
        time.sleep(0.3)
    raise AssertionError(f"timed out waiting for {what}: {last!r}")


def login(
    base: str, username: str = ADMIN, password: str = PASSWORD
) -> tuple[dict[str, str], dict[str, Any]]:
    """An agent's auth header and account (the admin's by default)."""
    resp = requests.post(
        f"{base}/api/auth/login", json={"username": username, "password": password}, timeout=10
    )
    resp.raise_for_status()
    body = resp.json()
    return {"Authorization": f"Bearer {body['token']}"}, body["agent"]


def wait_ready(base: str) -> str:
    """Wait for the stack's own word that it is up and its bot's project set up
    (`GET /local/ready`); returns that project's id. Never logs in: a login is
    single-device, so polling with logins would sign out whoever logged in before."""

    def ready() -> dict[str, Any] | None:
        resp = requests.get(f"{base}/local/ready", timeout=2)
        return resp.json() if resp.status_code == 200 else None

    body = eventually(ready, timeout=60, what="the stack and its sandbox project")
    if not body.get("project_id"):
        raise AssertionError("the stack is up but its bot's project could not be set up")
    return str(body["project_id"])


def sent_texts(base: str, chat_id: int) -> list[str]:
    """The texts the bot sent to a sandbox user's chat, oldest first."""
    items = requests.get(f"{base}/sandbox/sent", params={"chat_id": chat_id}, timeout=5).json()
    return [m.get("text") for m in items["items"]]


@dataclass
class Stack:
    """A started stack, driven as its admin through the REST API and the sandbox Telegram."""

    base: str
    log: Path
    admin: dict[str, str]

    def api(self, method: str, path: str, **kwargs: Any) -> Any:
        """The JSON answer of an admin call; raises on an error status."""
        resp = requests.request(
            method, f"{self.base}{path}", headers=self.admin, timeout=10, **kwargs
        )
        if not resp.ok:
            raise AssertionError(f"{method} {path}: {resp.status_code} {resp.text}")
        return resp.json() if resp.content else None

    def sandbox_project(self) -> str:
        return self.api("GET", "/api/projects")["items"][0]["project_id"]

    def create_agent(self, username: str, password: str, project_id: str | None = None) -> str:
        """A new agent (a member of `project_id` when given); returns its id."""
        agent = self.api(
            "POST",
            "/api/agents",
            json={"username": username, "password": password, "display_name": username.title()},
        )
        if project_id:
            self.api(
                "POST", f"/api/projects/{project_id}/members", json={"agent_id": agent["agent_id"]}
            )
        return agent["agent_id"]

    def route_to(self, project_id: str, agent_ids: list[str]) -> None:
        """New sessions of the project go only to these agents (its agent scope)."""
        self.api("PATCH", f"/api/projects/{project_id}", json={"agent_scope": agent_ids})

    def user_writes(self, user_id: int, text: str, first_name: str = "") -> None:
        """A sandbox Telegram user (created with `first_name` if new) writes to the bot."""
        body: dict[str, Any] = {"text": text}
        if first_name:
            body["user"] = {"first_name": first_name}
        resp = requests.post(f"{self.base}/sandbox/users/{user_id}/messages", json=body, timeout=10)
        if not resp.ok:
            raise AssertionError(f"the sandbox refused the message: {resp.text}")

    def user_sends_photo(self, user_id: int, image: bytes, caption: str) -> None:
        resp = requests.post(
            f"{self.base}/sandbox/users/{user_id}/photos",
            files={"photo": ("photo.png", image, "image/png")},
            data={"caption": caption},
            timeout=10,
        )
        if not resp.ok:
            raise AssertionError(f"the sandbox refused the photo: {resp.text}")

    def fault(self, method: str, error_code: int, times: int = 1) -> None:
        """The next `times` calls of a Bot API method fail as Telegram fails them."""
        resp = requests.post(
            f"{self.base}/sandbox/faults",
            json={"method": method, "error_code": error_code, "times": times},
            timeout=5,
        )
        if resp.status_code != 201:
            raise AssertionError(f"the sandbox refused the fault: {resp.text}")

    def session_of(self, user_id: int, timeout: float = 30) -> dict[str, Any]:
        """The user's session once it has an assignee."""

        def routed() -> dict[str, Any] | None:
            items = self.api("GET", "/api/sessions")["items"]
            return next(
                (s for s in items if s.get("tg_user_id") == user_id and s.get("assignee_id")),
                None,
            )

        return eventually(routed, timeout=timeout, what=f"user {user_id}'s session to be routed")

    def log_tail(self, chars: int = 6000) -> str:
        """The end of the stack's output without its routine INFO lines (the schedules log
        every second, the gateway every request)."""
        lines = self.log.read_text(errors="replace").splitlines()
        kept = [line for line in lines if not _routine(line)]
        return "\n".join(kept)[-chars:]


def _routine(line: str) -> bool:
    return '"level":"INFO"' in line or " INFO " in line


@contextmanager
def started_stack(workdir: Path, schedule_every: float | None = 1) -> Iterator[Stack]:
    """A fresh stack (data and log in `workdir`), ready, with the admin logged in. Stopped
    with a clean Ctrl-C on exit. `schedule_every` as `running_stack` takes it."""
    log = workdir / "stack.log"
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with running_stack(workdir / "data", port, log, schedule_every) as proc:
        try:
            wait_ready(base)
        except AssertionError:
            print(log.read_text(errors="replace")[-6000:])
            raise
        yield Stack(base=base, log=log, admin=login(base)[0])
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
