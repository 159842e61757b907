"""(d) A burst: 500 new Telegram users write at once through the local stack.

Starts `python -m infra.local` on a free port with a fresh data dir, creates four agents
in the Sandbox project and puts them online (log in, PUT /api/me/presence, heartbeats while
the burst runs), then posts 500 private-chat updates (distinct users and update ids) to the
sandbox's /sandbox/updates from a pool of threads; the sandbox delivers each to the
project's webhook, and an update not answered 2xx is redelivered, as Telegram does. It
polls the session list until every session has an owner and prints the time that took and
the sessions per agent.

Budgets (the exit status): no session lost (500 sessions) and none assigned twice (one
`session.assign` audit entry per session: the entry is written in the claim transaction).
The time is printed only. Runs only when asked (`python -m bench burst`): it takes minutes.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import requests

from bench.harness import Budget, heading, text_update
from infra.local.cfn import ROOT
from infra.local.config import free_port

USERS = 500
AGENTS = 4
THREADS = 16
ASSIGN_TIMEOUT_S = 900
# The session list answers with counts over the whole project: polling it often would load
# the local stack more than the burst itself.
POLL_EVERY_S = 5
READY_TIMEOUT_S = 90
HEARTBEAT_EVERY_S = 20
DELIVERY_ATTEMPTS = 8
FIRST_USER = 7_100_000_000
FIRST_UPDATE = 880_000_000
PASSWORD = "burst-admin-password"
PROJECT_NAME = "Sandbox"


@contextmanager
def local_stack(data_dir: Path, log: Path) -> Iterator[str]:
    """The stack as a user starts it; yields its base URL once the sandbox project exists."""
    port = free_port()
    env = {
        **os.environ,
        "TGDESK_PORT": str(port),
        "TGDESK_DATA_DIR": str(data_dir),
        "TGDESK_ADMIN_PASSWORD": PASSWORD,
    }
    for name in ("AWS_ENDPOINT_URL", "TGDESK_TELEGRAM_TOKEN", "TGDESK_TABLE"):
        env.pop(name, None)
    with log.open("ab") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "infra.local"], cwd=ROOT, env=env, stdout=out, stderr=out
        )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_ready(base, proc)
        yield base
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGINT)  # a clean Ctrl-C
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)


def _wait_ready(base: str, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + READY_TIMEOUT_S
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the local stack exited with {proc.returncode}")
        try:
            if requests.get(f"{base}/sandbox/users", timeout=2).ok and _sandbox_project(
                base, _login(base, "admin", PASSWORD)
            ):
                return
        except requests.RequestException:
            pass
        time.sleep(0.5)
    raise RuntimeError("the local stack did not get ready in time")


def _login(base: str, username: str, password: str) -> dict[str, str]:
    resp = requests.post(
        f"{base}/api/auth/login", json={"username": username, "password": password}, timeout=10
    )
    resp.raise_for_status()
    return {"Authorization": f"Bearer {resp.json()['token']}"}


def _sandbox_project(base: str, admin: dict[str, str]) -> str | None:
    resp = requests.get(f"{base}/api/projects", headers=admin, timeout=10)
    resp.raise_for_status()
    body = resp.json()
    items = body["items"] if isinstance(body, dict) else body
    return next((p["project_id"] for p in items if p.get("name") == PROJECT_NAME), None)


def _online_agents(base: str, admin: dict[str, str], project_id: str) -> dict[str, dict]:
    """Four agents, members of the project, logged in and online: agent id -> auth header."""
    agents: dict[str, dict[str, str]] = {}
    for n in range(1, AGENTS + 1):
        username, password = f"burst{n}", f"burst-agent-{n}-password"
        created = requests.post(
            f"{base}/api/agents",
            json={"username": username, "password": password, "role": "agent"},
            headers=admin,
            timeout=10,
        )
        created.raise_for_status()
        agent_id = created.json()["agent_id"]
        requests.post(
            f"{base}/api/projects/{project_id}/members",
            json={"agent_id": agent_id},
            headers=admin,
            timeout=10,
        ).raise_for_status()
        auth = _login(base, username, password)
        requests.put(
            f"{base}/api/me/presence", json={"state": "online"}, headers=auth, timeout=10
        ).raise_for_status()
        agents[agent_id] = auth
    return agents


@contextmanager
def _heartbeats(base: str, agents: dict[str, dict[str, str]]) -> Iterator[None]:
    """Keep the agents' consoles alive: online lapses without heartbeats."""
    stop = threading.Event()

    def beat() -> None:
        while not stop.wait(HEARTBEAT_EVERY_S):
            for auth in agents.values():
                with suppress(requests.RequestException):
                    requests.post(f"{base}/api/me/heartbeat", headers=auth, timeout=10)

    thread = threading.Thread(target=beat, name="heartbeats", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(timeout=HEARTBEAT_EVERY_S + 15)


def _post_update(base: str, n: int) -> int:
    """Deliver one user's update; like Telegram, redeliver it until the webhook answers 2xx.
    Returns how many deliveries it took."""
    update = text_update(
        FIRST_UPDATE + n, FIRST_USER + n, "Hello, I need help", date=int(time.time())
    )
    for attempt in range(1, DELIVERY_ATTEMPTS + 1):
        with suppress(requests.RequestException):
            resp = requests.post(f"{base}/sandbox/updates", json=update, timeout=120)
            if resp.ok:
                return attempt
        time.sleep(min(2**attempt, 30))
    return DELIVERY_ATTEMPTS + 1  # never accepted: the session will count as lost


def _sessions(base: str, admin: dict[str, str], project_id: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    cursor: str | None = None
    while True:
        params: dict[str, Any] = {"project_id": project_id, "limit": 200}
        if cursor:
            params["cursor"] = cursor
        resp = requests.get(f"{base}/api/sessions", params=params, headers=admin, timeout=30)
        resp.raise_for_status()
        body = resp.json()
        found.extend(body["items"])
        cursor = body.get("next_cursor")
        if not cursor:
            return found


def _assign_entries(base: str, admin: dict[str, str], project_id: str) -> Counter[str]:
    """`session.assign` audit entries per session id."""
    counts: Counter[str] = Counter()
    cursor: str | None = None
    while True:
        params: dict[str, Any] = {"project_id": project_id, "action": "session.assign"}
        params |= {"limit": 200, **({"cursor": cursor} if cursor else {})}
        resp = requests.get(f"{base}/api/audit", params=params, headers=admin, timeout=30)
        resp.raise_for_status()
        body = resp.json()
        counts.update(e["target_id"] for e in body["items"])
        cursor = body.get("next_cursor")
        if not cursor:
            return counts


def _wait_assigned(base: str, admin: dict[str, str], project_id: str) -> list[dict[str, Any]]:
    deadline = time.monotonic() + ASSIGN_TIMEOUT_S
    while True:
        listed = _sessions(base, admin, project_id)
        owned = sum(1 for s in listed if s.get("assignee_id"))
        if (len(listed) >= USERS and owned == len(listed)) or time.monotonic() > deadline:
            return listed
        time.sleep(POLL_EVERY_S)


def run() -> list[Budget]:
    heading(f"burst: {USERS} new users write at once to the local stack ({AGENTS} agents online)")
    with tempfile.TemporaryDirectory(prefix="tgdesk-burst-") as tmp:
        log = Path(tmp) / "stack.log"
        try:
            with local_stack(Path(tmp) / "data", log) as base:
                return _burst(base)
        except Exception:
            print(log.read_text(errors="replace")[-4000:])
            raise


def _burst(base: str) -> list[Budget]:
    admin = _login(base, "admin", PASSWORD)
    project_id = _sandbox_project(base, admin)
    assert project_id is not None
    agents = _online_agents(base, admin, project_id)
    with _heartbeats(base, agents):
        start = time.monotonic()
        with ThreadPoolExecutor(max_workers=THREADS) as pool:
            deliveries = Counter(pool.map(lambda n: _post_update(base, n), range(USERS)))
        posted = time.monotonic() - start
        listed = _wait_assigned(base, admin, project_id)
        assigned_in = time.monotonic() - start
    owners = Counter(s.get("assignee_id") for s in listed)
    unowned = owners.pop(None, 0)
    entries = _assign_entries(base, admin, project_id)
    twice = sum(1 for s in listed if entries[s["session_id"]] > 1)
    redelivered = sum(count for tries, count in deliveries.items() if tries > 1)
    print(f"  all {USERS} updates posted in {posted:.1f} s ({redelivered} needed a redelivery)")
    if unowned:
        print(
            f"  {len(listed)} sessions, {unowned} still without an owner after {assigned_in:.1f} s"
        )
    else:
        print(
            f"  {len(listed)} sessions, every one with an owner {assigned_in:.1f} s after the first"
        )
    for agent_id in agents:
        print(f"  {agent_id}: {owners.pop(agent_id, 0)} sessions")
    for other, count in owners.items():
        print(f"  {other} (not one of the burst's agents): {count} sessions")
    return [
        Budget("burst: sessions lost (of 500)", USERS - (len(listed) - unowned), 0),
        Budget("burst: sessions assigned more than once", twice, 0),
    ]
