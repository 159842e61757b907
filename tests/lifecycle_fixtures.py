"""The desk of the lifecycle tests: the ingest test project (acme01, with its webhook
secret) served by agent maria and supervisor boss, and agent li of no project of theirs."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from api_helpers import agent_login, api_module, configure_admin, create_agent, fake_bot_api, login
from fastapi.testclient import TestClient
from ingest_support import PROJECT_ID, create_project
from lifecycle_support import T0

from tgdesk import auth, clock


@pytest.fixture
def client(aws: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    clock.set_now_for_tests(T0)
    configure_admin(monkeypatch)
    auth.bootstrap_admin()
    create_project()
    with fake_bot_api(), TestClient(api_module().app) as test_client:
        yield test_client


@pytest.fixture
def desk(client: TestClient) -> dict[str, Any]:
    admin = login(client)
    ids = {}
    for name, role in (("maria", "agent"), ("boss", "supervisor"), ("li", "agent")):
        ids[name] = create_agent(client, admin, name, role=role)["agent_id"]
    for name in ("maria", "boss"):
        response = client.post(
            f"/api/projects/{PROJECT_ID}/members", json={"agent_id": ids[name]}, headers=admin
        )
        assert response.status_code in (200, 201), response.text
    return {
        "admin": admin,
        **ids,
        "as_maria": agent_login(client, "maria"),
        "as_boss": agent_login(client, "boss"),
        "as_li": agent_login(client, "li"),
    }
