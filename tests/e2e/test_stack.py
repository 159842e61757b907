"""The local stack as a user starts it: `python -m infra.local`, a sandbox user, the API.

Given a fresh data dir, when a sandbox user writes, then the admin (the only member) gets
the session, reads it and replies; a 429 from Telegram is retried until the reply is sent;
after a clean Ctrl-C and a restart on the same data, everything is still there.
"""

from __future__ import annotations

import signal
from pathlib import Path
from typing import Any

import pytest
import requests

from infra.local.config import free_port
from tests.e2e.stack import (
    ADMIN,
    PASSWORD,
    eventually,
    login,
    running_stack,
    sent_texts,
    wait_ready,
)

pytestmark = pytest.mark.e2e

USER = 5000000001  # a preset sandbox user


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
            eventually(lambda: "Hi, I am here" in sent_texts(base, USER), what="the first reply")

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
            assert "After a pause" in sent_texts(base, USER)

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
            assert "Hi, I am here" in sent_texts(base, USER)
    except AssertionError:
        print(log.read_text(errors="replace")[-6000:])
        raise


BANNER = "tgdesk is running on"


def test_starts_never_sign_the_admin_out_and_ready_comes_after_the_set_up(
    tmp_path: Path,
) -> None:
    """A script that logs in as soon as the API answers, and a console logged in before a
    restart, both stay signed in: the first-start set-up does not log in as the admin.
    Readiness (GET /local/ready, then the banner) is announced after the project exists."""
    data, log = tmp_path / "data", tmp_path / "stack.log"
    port = free_port()
    base = f"http://127.0.0.1:{port}"

    def early_login() -> dict[str, str] | None:
        resp = requests.post(
            f"{base}/api/auth/login", json={"username": ADMIN, "password": PASSWORD}, timeout=30
        )
        return {"Authorization": f"Bearer {resp.json()['token']}"} if resp.ok else None

    def signed_in(auth: dict[str, str]) -> bool:
        return requests.get(f"{base}/api/me", headers=auth, timeout=30).status_code == 200

    def banner_after(offset: int) -> bool:
        return BANNER in log.read_text(errors="replace")[offset:]

    try:
        with running_stack(data, port, log) as proc:
            auth = eventually(early_login, timeout=60, what="the API to answer a login")
            project_id = wait_ready(base)
            projects = requests.get(f"{base}/api/projects", headers=auth, timeout=30)
            assert projects.status_code == 200, projects.text
            assert [p["project_id"] for p in projects.json()["items"]] == [project_id]
            eventually(lambda: banner_after(0), what="the banner")
            output = log.read_text(errors="replace")
            assert output.index(f"project {project_id} is set up") < output.index(BANNER)
            assert signed_in(auth)
            proc.send_signal(signal.SIGINT)
            assert proc.wait(timeout=30) == 0

        restarted_at = log.stat().st_size
        with running_stack(data, port, log):
            assert wait_ready(base) == project_id
            eventually(lambda: banner_after(restarted_at), what="the banner after the restart")
            assert signed_in(auth), "the restart signed the admin out"
            assert "created project" not in log.read_text(errors="replace")[restarted_at:]
    except AssertionError:
        print(log.read_text(errors="replace")[-6000:])
        raise
