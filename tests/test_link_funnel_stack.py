"""Tracked links end to end on the local stack: a click, then the sandbox user's `/start`
with the payload from the redirect's Location; the session goes to the link's group, the
profile shows the link, and the link's funnel counts each step as it happens. And a burst
of 1,000 concurrent clicks on one link: the funnel counts 1,000."""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
import requests

from tests.e2e.stack import Stack, login, started_stack

pytestmark = pytest.mark.e2e

USER = 5000000002  # a preset sandbox user
LOCATION = re.compile(r"https://t\.me/[A-Za-z0-9_]+\?start=([A-Za-z0-9_-]{1,64})")
CLICKS = 1_000
THREADS = 32
COUNTED_WITHIN_S = 600
# A person's browser: a script's own user agent is counted as a bot click.
BROWSER = {
    "User-Agent": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1"
}


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    with started_stack(tmp_path_factory.mktemp("stack")) as started:
        yield started


def follow(stack: Stack, code: str, query: str = "") -> str:
    """One click (retried on a connection error, as a browser would); its payload."""
    for _ in range(5):
        try:
            answer = requests.get(
                f"{stack.base}/l/{code}{query}", headers=BROWSER, allow_redirects=False, timeout=60
            )
        except requests.ConnectionError:
            continue
        assert answer.status_code == 302, (answer.status_code, answer.text[:200])
        found = LOCATION.fullmatch(answer.headers["location"])
        assert found, answer.headers["location"]
        return found.group(1)
    raise AssertionError("the click never got an answer")


def funnel(stack: Stack, code: str) -> dict[str, Any]:
    today = dt.datetime.now(dt.UTC).date().isoformat()
    return stack.api("GET", f"/api/links/{code}/funnel", params={"from": today, "to": today})


def counted(stack: Stack, code: str, timeout: float = 60, **wanted: int) -> dict[str, Any]:
    """The link's funnel once its total holds `wanted` (the stream counts a moment later)."""
    deadline = time.monotonic() + timeout
    while True:
        total = funnel(stack, code)["total"]
        if all(total[k] == v for k, v in wanted.items()):
            return total
        if time.monotonic() > deadline:
            raise AssertionError(f"the funnel counts {total}, not {wanted}\n{stack.log_tail()}")
        time.sleep(0.5)


def test_a_click_started_in_the_bot_is_routed_by_its_link_and_walks_the_funnel(
    stack: Stack,
) -> None:
    project_id = stack.sandbox_project()
    bob = stack.create_agent("bob", "bob-password-123", project_id)
    group = stack.api(
        "POST", f"/api/projects/{project_id}/groups", json={"name": "Pre-sales", "agent_ids": [bob]}
    )
    link = stack.api(
        "POST",
        "/api/links",
        json={
            "project_id": project_id,
            "name": "Spring ads",
            "channel": "google-ads",
            "target_group_id": group["group_id"],
        },
    )
    code = link["code"]
    payload = follow(stack, code, "?utm_source=x")
    stack.user_writes(USER, f"/start {payload}", first_name="Grace")

    session = stack.session_of(USER)
    assert session["assignee_id"] == bob  # the link's group, not the admin
    assert session["link"]["code"] == code
    profile = stack.api("GET", f"/api/projects/{project_id}/users/{USER}")
    assert profile["source"]["last"]["code"] == code
    assert profile["source"]["last"]["utm"]["utm_source"] == "x"
    assert profile["source"]["first"] == profile["source"]["last"]
    counted(stack, code, clicks=1, starts=1, first_messages=0)

    stack.user_writes(USER, "Hello, is the spring offer still on?")
    counted(stack, code, clicks=1, starts=1, first_messages=1, first_replies=0)

    bob_auth, _ = login(stack.base, "bob", "bob-password-123")
    reply = requests.post(
        f"{stack.base}/api/sessions/{session['session_id']}/messages",
        json={"text": "Yes, until Sunday."},
        headers=bob_auth,
        timeout=10,
    )
    assert reply.status_code == 201, reply.text
    total = counted(stack, code, first_replies=1)
    assert total == {
        "clicks": 1,
        "bot_clicks": 0,
        "visitors": 1,
        "starts": 1,
        "first_messages": 1,
        "first_replies": 1,
        "resolved": 0,
        "rated": 0,
        "average_rating": None,
    }
    shown = funnel(stack, code)
    assert {"value": "x", **total} in shown["utm_sources"]


def test_a_thousand_concurrent_clicks_on_one_link_are_all_counted(stack: Stack) -> None:
    project_id = stack.sandbox_project()
    link = stack.api("POST", "/api/links", json={"project_id": project_id, "name": "Burst"})
    with ThreadPoolExecutor(THREADS) as pool:
        payloads = set(pool.map(lambda n: follow(stack, link["code"], f"?n={n}"), range(CLICKS)))
    assert len(payloads) == CLICKS
    started = time.monotonic()
    # Every click must be counted, however long the stream takes on a loaded machine (the
    # suite runs a stack per core): the time is printed, not a budget.
    total = counted(stack, link["code"], timeout=COUNTED_WITHIN_S, clicks=CLICKS)
    print(f"1,000 clicks counted {time.monotonic() - started:.1f} s after the last redirect")
    assert total["bot_clicks"] == 0
