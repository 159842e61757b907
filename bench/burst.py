"""(d) A burst: 500 new Telegram users write at once through the local stack.

Starts `python -m infra.local` (tests/e2e/stack.py: a free port, a fresh data dir, the
schedules at the template's rates, as `make run` starts it; the end-to-end tests run every
schedule each second instead, which adds the scheduler's reads of every timer shard each
second) and waits until its sandbox project exists, creates four agents in the Sandbox
project and puts them online (log in, PUT /api/me/presence, heartbeats while the burst
runs), then posts 500 private-chat updates (distinct users and update ids) to the
sandbox's /sandbox/updates from a pool of threads; the sandbox delivers each to the
project's webhook, and an update not answered 2xx is redelivered, as Telegram does. It
polls the session list until every session has an owner and prints the time that took and
the sessions per agent.

Budgets (the exit status): no session lost (500 sessions) and none assigned twice (one
`session.assign` audit entry per session: the entry is written in the claim transaction).
The time is printed only. Runs only when asked (`python -m bench burst`): it takes about
a minute.
"""

from __future__ import annotations

import os
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
from tests.e2e.stack import Stack, login, started_stack

USERS = 500
AGENTS = 4
THREADS = 16
ASSIGN_TIMEOUT_S = 900
# The session list answers with counts over the whole project: polling it very often would
# load the local stack more than the burst itself.
POLL_EVERY_S = 2
TARGET_S = 30  # printed, not a budget: a timing on a shared machine
LIST_TIMEOUT_S = 30
HEARTBEAT_EVERY_S = 20
DELIVERY_ATTEMPTS = 8
FIRST_USER = 7_100_000_000
FIRST_UPDATE = 880_000_000
PROJECT_NAME = "Sandbox"


def _sandbox_project(stack: Stack) -> str:
    items = stack.api("GET", "/api/projects")["items"]
    return next(p["project_id"] for p in items if p.get("name") == PROJECT_NAME)


def _online_agents(stack: Stack, project_id: str) -> dict[str, dict[str, str]]:
    """Four agents, members of the project, logged in and online: agent id -> auth header."""
    agents: dict[str, dict[str, str]] = {}
    for n in range(1, AGENTS + 1):
        username, password = f"burst{n}", f"burst-agent-{n}-password"
        agent_id = stack.create_agent(username, password, project_id)
        auth = login(stack.base, username, password)[0]
        requests.put(
            f"{stack.base}/api/me/presence", json={"state": "online"}, headers=auth, timeout=10
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


def _listed(stack: Stack, path: str, params: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every item of a paged admin list, following `next_cursor`."""
    cursor: str | None = None
    while True:
        page = {**params, "limit": 200, **({"cursor": cursor} if cursor else {})}
        resp = requests.get(
            f"{stack.base}{path}", params=page, headers=stack.admin, timeout=LIST_TIMEOUT_S
        )
        resp.raise_for_status()
        body = resp.json()
        yield from body["items"]
        cursor = body.get("next_cursor")
        if not cursor:
            return


def _sessions(stack: Stack, project_id: str) -> list[dict[str, Any]]:
    return list(_listed(stack, "/api/sessions", {"project_id": project_id}))


def _assign_entries(stack: Stack, project_id: str) -> Counter[str]:
    """`session.assign` audit entries per session id."""
    params = {"project_id": project_id, "action": "session.assign"}
    return Counter(e["target_id"] for e in _listed(stack, "/api/audit", params))


def _wait_assigned(stack: Stack, project_id: str) -> list[dict[str, Any]]:
    deadline = time.monotonic() + ASSIGN_TIMEOUT_S
    while True:
        listed = _sessions(stack, project_id)
        owned = sum(1 for s in listed if s.get("assignee_id"))
        if (len(listed) >= USERS and owned == len(listed)) or time.monotonic() > deadline:
            return listed
        time.sleep(POLL_EVERY_S)


def run() -> list[Budget]:
    heading(f"burst: {USERS} new users write at once to the local stack ({AGENTS} agents online)")
    with (
        tempfile.TemporaryDirectory(prefix="tgdesk-burst-") as tmp,
        started_stack(Path(tmp), schedule_every=None) as stack,
    ):
        try:
            return _burst(stack)
        except Exception:
            print(stack.log.read_text(errors="replace")[-4000:])
            raise


def _burst(stack: Stack) -> list[Budget]:
    project_id = _sandbox_project(stack)
    agents = _online_agents(stack, project_id)
    with _heartbeats(stack.base, agents):
        start = time.monotonic()
        with ThreadPoolExecutor(max_workers=THREADS) as pool:
            deliveries = Counter(pool.map(lambda n: _post_update(stack.base, n), range(USERS)))
        posted = time.monotonic() - start
        listed = _wait_assigned(stack, project_id)
        assigned_in = time.monotonic() - start
    owners = Counter(s.get("assignee_id") for s in listed)
    unowned = owners.pop(None, 0)
    redelivered = sum(count for tries, count in deliveries.items() if tries > 1)
    print(f"  all {USERS} updates posted in {posted:.1f} s ({redelivered} needed a redelivery)")
    if unowned:
        print(
            f"  {len(listed)} sessions, {unowned} still without an owner after {assigned_in:.1f} s"
        )
    else:
        print(
            f"  {len(listed)} sessions, every one with an owner {assigned_in:.1f} s after the "
            f"first (target <= {TARGET_S} s; load average {os.getloadavg()[0]:.1f} "
            f"on {os.cpu_count()} cores)"
        )
    for agent_id in agents:
        print(f"  {agent_id}: {owners.pop(agent_id, 0)} sessions")
    for other, count in owners.items():
        print(f"  {other} (not one of the burst's agents): {count} sessions")
    entries = _assign_entries(stack, project_id)
    twice = sum(1 for s in listed if entries[s["session_id"]] > 1)
    return [
        Budget("burst: sessions lost (of 500)", USERS - (len(listed) - unowned), 0),
        Budget("burst: sessions assigned more than once", twice, 0),
    ]
