"""The local stack as a user starts it: `python -m infra.local`, a sandbox user, the API.

Given a fresh data dir, when a sandbox user writes, then the admin (the only member) gets
the session, reads it and replies; a 429 from Telegram is retried until the reply is sent;
after a clean Ctrl-C and a restart on the same data, everything is still there.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import requests

from infra.local.cfn import ROOT
from infra.local.config import free_port

pytestmark = pytest.mark.e2e

PASSWORD = "e2e-admin-password"
USER = 5000000001  # a preset sandbox user


@contextmanager
def running_stack(data_dir: Path, port: int, log: Path) -> Iterator[subprocess.Popen[bytes]]:
    env = {
        **os.environ,
        "TGDESK_PORT": str(port),
        "TGDESK_DATA_DIR": str(data_dir),
        "TGDESK_SCHEDULE_EVERY": "1",
        "TGDESK_ADMIN_PASSWORD": PASSWORD,
    }
    for name in ("AWS_ENDPOINT_URL", "TGDESK_TELEGRAM_TOKEN", "TGDESK_TABLE"):
        env.pop(name, None)
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


def login(base: str) -> tuple[dict[str, str], dict[str, Any]]:
    """The admin's auth header and agent."""
    resp = requests.post(
        f"{base}/api/auth/login", json={"username": "admin", "password": PASSWORD}, timeout=10
    )
    resp.raise_for_status()
    body = resp.json()
    return {"Authorization": f"Bearer {body['token']}"}, body["agent"]


def wait_ready(base: str) -> None:
    """Up, and the sandbox project set up (the sandbox bot has a webhook)."""

    def ready() -> bool:
        users = requests.get(f"{base}/sandbox/users", timeout=2)
        projects = requests.get(f"{base}/api/projects", headers=login(base)[0], timeout=5)
        if not (users.ok and projects.ok):
            return False
        body = projects.json()
        return bool(body["items"] if isinstance(body, dict) else body)

    eventually(ready, timeout=60, what="the stack and its sandbox project")


def sent_texts(base: str) -> list[str]:
    items = requests.get(f"{base}/sandbox/sent", params={"chat_id": USER}, timeout=5).json()
    return [m.get("text") for m in items["items"]]


def test_the_whole_loop_survives_a_restart(tmp_path: Path) -> None:
    data, log = tmp_path / "data", tmp_path / "stack.log"
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    try:
        with running_stack(data, port, log) as proc:
            wait_ready(base)
            written = requests.post(
                f"{base}/sandbox/users/{USER}/messages", json={"text": "Hello, help please"}
            )
            assert written.json()["webhook"]["status"] == 200
            auth, admin = login(base)

            def assigned_session() -> dict[str, Any] | None:
                items = requests.get(f"{base}/api/sessions", headers=auth, timeout=5).json()
                return next((s for s in items["items"] if s.get("assignee_id")), None)

            session = eventually(assigned_session, what="the session to be routed")
            assert session["assignee_id"] == admin["agent_id"]
            sid = session["session_id"]
            messages = requests.get(f"{base}/api/sessions/{sid}/messages", headers=auth).json()
            assert [m["text"] for m in messages["items"]] == ["Hello, help please"]

            reply = requests.post(
                f"{base}/api/sessions/{sid}/messages", json={"text": "Hi, I am here"}, headers=auth
            )
            assert reply.status_code == 201, reply.text
            eventually(lambda: "Hi, I am here" in sent_texts(base), what="the first reply")

            fault = {"method": "sendMessage", "error_code": 429, "retry_after": 2, "times": 1}
            assert requests.post(f"{base}/sandbox/faults", json=fault).status_code == 201
            retried = requests.post(
                f"{base}/api/sessions/{sid}/messages", json={"text": "After a pause"}, headers=auth
            )
            assert retried.status_code == 201, retried.text
            assert retried.json()["delivery"]["state"] == "retrying"
            mid = retried.json()["message_id"]

            def delivered() -> bool:
                items = requests.get(
                    f"{base}/api/sessions/{sid}/messages", headers=auth, timeout=5
                ).json()["items"]
                return any(
                    m["message_id"] == mid and m["delivery"]["state"] == "sent" for m in items
                )

            eventually(delivered, timeout=30, what="the retried reply to be sent")
            assert "After a pause" in sent_texts(base)

            proc.send_signal(signal.SIGINT)
            assert proc.wait(timeout=30) == 0

        with running_stack(data, port, log):
            wait_ready(base)
            auth, _ = login(base)
            items = requests.get(f"{base}/api/sessions", headers=auth, timeout=5).json()["items"]
            assert sid in [s["session_id"] for s in items]
            texts = [
                m["text"]
                for m in requests.get(
                    f"{base}/api/sessions/{sid}/messages", headers=auth, timeout=5
                ).json()["items"]
            ]
            assert texts == ["Hello, help please", "Hi, I am here", "After a pause"]
            assert "Hi, I am here" in sent_texts(base)
    except AssertionError:
        print(log.read_text(errors="replace")[-6000:])
        raise
