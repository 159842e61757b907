"""A burst of clicks on one link through the local stack: 1,000 clicks at once, every one
redirected to the bot with its own payload, every one recorded (the link's clicks list
holds 1,000). The click index is write-sharded, so a real table would spread them too."""

from __future__ import annotations

import re
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from tests.e2e.stack import Stack, started_stack

pytestmark = pytest.mark.e2e

CLICKS = 1_000
THREADS = 32
LOCATION = re.compile(r"https://t\.me/[A-Za-z0-9_]+\?start=([A-Za-z0-9_-]{24})")


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    with started_stack(tmp_path_factory.mktemp("stack")) as started:
        yield started


def click(stack: Stack, code: str, n: int) -> str:
    """One click (retried on a connection error, as a browser would); its Location."""
    url = f"{stack.base}/l/{code}?utm_source=burst&n={n}"
    for _ in range(5):
        try:
            answer = requests.get(url, allow_redirects=False, timeout=60)
        except requests.ConnectionError:
            continue
        assert answer.status_code == 302, (answer.status_code, answer.text[:200])
        assert answer.headers["cache-control"] == "no-store"
        return answer.headers["location"]
    raise AssertionError(f"click {n} never got an answer")


def test_a_thousand_concurrent_clicks_are_all_counted(stack: Stack) -> None:
    project_id = stack.sandbox_project()
    link = stack.api("POST", "/api/links", json={"project_id": project_id, "name": "Burst"})
    assert link["short_url"] == f"{stack.base}/l/{link['code']}"

    with ThreadPoolExecutor(THREADS) as pool:
        locations = list(pool.map(lambda n: click(stack, link["code"], n), range(CLICKS)))

    payloads = set()
    for location in locations:
        found = LOCATION.fullmatch(location)
        assert found, location
        payloads.add(found.group(1))
    assert len(payloads) == CLICKS

    recorded: list[dict[str, str]] = []
    cursor = None
    while True:
        params = {"limit": 500, **({"cursor": cursor} if cursor else {})}
        page = stack.api("GET", f"/api/links/{link['code']}/clicks", params=params)
        recorded += page["items"]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert len(recorded) == CLICKS
    assert len({c["click_id"] for c in recorded}) == CLICKS
    assert all(c["utm"] == {"utm_source": "burst"} for c in recorded)


def test_the_stack_serves_the_404_page_for_an_unknown_code(stack: Stack) -> None:
    answer = requests.get(f"{stack.base}/l/no-such-code", allow_redirects=False, timeout=10)
    assert answer.status_code == 404 and "does not exist" in answer.text
