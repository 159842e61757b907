"""Agents' last sign-in in the administrators' agent list: every login records it, and an
enabled agent without one for 7 days is flagged (`no_recent_sign_in`)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from api_helpers import agent_login, create_agent, login
from fastapi.testclient import TestClient

from tgdesk.core.clock import set_now_for_tests
from tgdesk.storage import accounts, keys, table
from tgdesk.storage.expressions import Changes

START = 1_780_000_000_000
DAY_MS = 86_400_000


@pytest.fixture
def clock() -> Iterator[list[int]]:
    """The frozen time; set `clock[0]` through `at`."""
    now = [START]
    set_now_for_tests(START)
    yield now
    set_now_for_tests(None)


def at(clock: list[int], ms: int) -> None:
    clock[0] = ms
    set_now_for_tests(ms)


def listed(client: TestClient) -> dict[str, dict[str, Any]]:
    """The administrators' agent list by username (the admin logs in anew: time moved)."""
    response = client.get("/api/agents", headers=login(client))
    assert response.status_code == 200, response.text
    return {a["username"]: a for a in response.json()["items"]}


def test_a_login_records_the_sign_in_and_a_week_without_one_is_flagged(
    client: TestClient, clock: list[int]
) -> None:
    admin = login(client)
    create_agent(client, admin, "maria")
    create_agent(client, admin, "ana")
    at(clock, START + 1_000)
    agent_login(client, "maria")

    shown = listed(client)
    assert shown["maria"]["last_sign_in_at"] == START + 1_000
    assert shown["maria"]["no_recent_sign_in"] is False
    assert shown["ana"]["last_sign_in_at"] is None  # created, never signed in
    assert shown["ana"]["no_recent_sign_in"] is False  # ... but for less than 7 days

    at(clock, START + 1_000 + 7 * DAY_MS - 1)
    assert listed(client)["maria"]["no_recent_sign_in"] is False
    at(clock, START + 1_000 + 7 * DAY_MS)
    shown = listed(client)
    assert shown["maria"]["no_recent_sign_in"] is True
    assert shown["ana"]["no_recent_sign_in"] is True
    assert shown["maria"]["disabled"] is False  # flagged only: the account stays as it was

    agent_login(client, "maria")
    assert listed(client)["maria"]["no_recent_sign_in"] is False


def test_a_disabled_agent_is_not_flagged(client: TestClient, clock: list[int]) -> None:
    admin = login(client)
    agent = create_agent(client, admin, "li")
    changed = client.patch(
        f"/api/agents/{agent['agent_id']}", json={"disabled": True}, headers=admin
    )
    assert changed.status_code == 200, changed.text
    at(clock, START + 30 * DAY_MS)
    assert listed(client)["li"]["no_recent_sign_in"] is False


def test_a_login_current_before_sign_ins_were_recorded_counts_from_its_start(
    client: TestClient, clock: list[int]
) -> None:
    admin = login(client)
    agent = create_agent(client, admin, "chief")
    agent_login(client, "chief")
    pk, sk = keys.agent(agent["agent_id"])  # as an agent item written before: no field
    table.client().update_item(**Changes().remove("last_sign_in_at").request(pk, sk))
    assert "last_sign_in_at" not in (accounts.get_agent(agent["agent_id"]) or {})
    at(clock, START + 2 * DAY_MS)
    shown = listed(client)["chief"]
    assert (shown["last_sign_in_at"], shown["no_recent_sign_in"]) == (START, False)


def test_a_sign_in_is_not_an_audited_change_of_the_account(
    client: TestClient, clock: list[int]
) -> None:
    admin = login(client)
    agent = create_agent(client, admin, "boss")
    agent_login(client, "boss")
    changed = client.patch(
        f"/api/agents/{agent['agent_id']}", json={"display_name": "Boss"}, headers=admin
    )
    assert changed.status_code == 200, changed.text
    entries = client.get("/api/audit", params={"action": "agent.update"}, headers=admin).json()[
        "items"
    ]
    assert entries and all("last_sign_in_at" not in str(e) for e in entries)
