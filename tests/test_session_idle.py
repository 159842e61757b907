"""A login unused for the project's idle time ends (`session_expired`); use is recorded on
the token item at most every few minutes, so most requests write nothing."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from api_helpers import api_module, configure_admin, login, scan_items
from fastapi.testclient import TestClient

from tgdesk.accounts import agents, logins
from tgdesk.core import clock
from tgdesk.core.settings import get_settings
from tgdesk.storage import accounts, table

IDLE_MINUTES = 30
MINUTE = 60_000
START = 1_800_000_000_000


@pytest.fixture
def client(aws: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    monkeypatch.setenv("TGDESK_SESSION_IDLE_MINUTES", str(IDLE_MINUTES))
    get_settings.cache_clear()
    configure_admin(monkeypatch)
    clock.set_now_for_tests(START)
    agents.bootstrap_admin()
    with TestClient(api_module().app) as test_client:
        yield test_client
    get_settings.cache_clear()


@pytest.fixture
def touches(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Every attempt to record a login's use, with whether it wrote."""
    calls: list[bool] = []
    original = accounts.touch_token

    def spy(token_hash: str, *, seen: int | None, now: int) -> bool:
        calls.append(original(token_hash, seen=seen, now=now))
        return calls[-1]

    monkeypatch.setattr(accounts, "touch_token", spy)
    return calls


def _at(minutes: float) -> None:
    clock.set_now_for_tests(START + int(minutes * MINUTE))


def _me(client: TestClient, headers: dict[str, str]) -> Any:
    return client.get("/api/me", headers=headers)


def _last_seen() -> int:
    (token,) = [i for i in scan_items() if i["kind"] == "token"]
    return int(token["last_seen_at"])


def test_an_idle_login_answers_session_expired(client: TestClient) -> None:
    headers = login(client)
    _at(IDLE_MINUTES - 0.01)
    assert _me(client, headers).status_code == 200
    _at(2 * IDLE_MINUTES - 0.02)
    assert _me(client, headers).status_code == 200  # the use above kept it alive
    _at(3 * IDLE_MINUTES)
    response = _me(client, headers)
    assert response.status_code == 401 and response.json()["code"] == "session_expired"


def test_a_login_in_use_outlives_the_idle_time(client: TestClient) -> None:
    headers = login(client)
    for minute in range(0, 4 * IDLE_MINUTES, 10):
        _at(minute)
        assert _me(client, headers).status_code == 200, minute


def test_use_is_written_at_most_every_few_minutes(client: TestClient, touches: list[bool]) -> None:
    headers = login(client)
    every = logins.LAST_SEEN_EVERY_MS / MINUTE
    for second in range(0, int(every * 60) - 1, 10):  # many requests inside one interval
        _at(second / 60)
        assert _me(client, headers).status_code == 200
    assert touches == [] and _last_seen() == START
    _at(every)
    assert _me(client, headers).status_code == 200
    assert touches == [True] and _last_seen() == START + logins.LAST_SEEN_EVERY_MS
    assert _me(client, headers).status_code == 200
    assert touches == [True]


def test_racing_requests_record_one_use(client: TestClient) -> None:
    login(client)
    (token,) = [i for i in scan_items() if i["kind"] == "token"]
    digest = token["PK"].split("#", 1)[1]
    assert accounts.touch_token(digest, seen=START, now=START + 6 * MINUTE) is True
    # A second request read the same last_seen_at before the first wrote: it writes nothing.
    assert accounts.touch_token(digest, seen=START, now=START + 6 * MINUTE + 5) is False
    assert _last_seen() == START + 6 * MINUTE


def test_a_token_from_before_idle_tracking_counts_from_its_login(client: TestClient) -> None:
    headers = login(client)
    (token,) = [i for i in scan_items() if i["kind"] == "token"]
    digest = token["PK"].split("#", 1)[1]
    table.client().update_item(
        TableName=table.table_name(),
        Key={"PK": {"S": token["PK"]}, "SK": {"S": token["SK"]}},
        UpdateExpression="REMOVE last_seen_at",
    )
    _at(10)
    assert _me(client, headers).status_code == 200
    assert _last_seen() == START + 10 * MINUTE
    assert accounts.touch_token(digest, seen=None, now=START + 20 * MINUTE) is False
