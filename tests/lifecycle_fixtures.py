"""The desk of the lifecycle tests: the ingest test project (acme01, with its webhook
secret) served by agent maria and supervisor boss, and agent li of no project of theirs."""

from __future__ import annotations

from typing import Any

import pytest
from api_helpers import agent_login, create_agent, login
from fastapi.testclient import TestClient
from ingest_support import PROJECT_ID, create_project
from lifecycle_support import T0

from tgdesk.core import clock


@pytest.fixture
def aws(aws: Any) -> Any:
    """The table at T0, with the ingest test project in it."""
    clock.set_now_for_tests(T0)
    create_project()
    return aws


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
