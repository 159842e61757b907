"""The team chat routes: an administrator gets a bind code, sees the bound group, unbinds."""

from __future__ import annotations

from typing import Any

import pytest
from api_helpers import agent_login, create_agent, create_project, login, scan_items
from fastapi.testclient import TestClient

from tgdesk.core import clock
from tgdesk.team import projects
from tgdesk.teamchat import codes, group_updates
from tgdesk.telegram.updates import Chat, GroupBind

T0 = 1_790_000_000_000


@pytest.fixture
def admin(client: TestClient) -> dict[str, str]:
    clock.set_now_for_tests(T0)
    return login(client)


@pytest.fixture
def project(client: TestClient, admin: dict[str, str]) -> dict[str, Any]:
    return create_project(client, admin)


def url(project: dict[str, Any], tail: str = "") -> str:
    return f"/api/projects/{project['project_id']}/team-chat{tail}"


def test_a_code_names_the_bot_and_expires_in_15_minutes(
    client: TestClient, admin: dict[str, str], project: dict[str, Any]
) -> None:
    response = client.post(url(project, "/code"), headers=admin)

    assert response.status_code == 201, response.text
    body = response.json()
    assert len(body["code"]) == codes.CODE_LENGTH and set(body["code"]) <= set(codes.ALPHABET)
    assert body["command"] == f"/bind@{project['bot_username']} {body['code']}"
    assert body["expires_at"] == T0 + 15 * 60 * 1000
    assert body["code"] not in str(scan_items())


def test_the_bound_group_is_shown_and_can_be_unbound(
    client: TestClient, admin: dict[str, str], project: dict[str, Any]
) -> None:
    assert client.get(url(project), headers=admin).json()["bound"] is False
    code = client.post(url(project, "/code"), headers=admin).json()["code"]
    bind = GroupBind(5, Chat(-1002471352452, "supergroup"), "Support team", code, None)
    group_updates.handle(projects.get_project(project["project_id"]), bind, T0)

    shown = client.get(url(project), headers=admin).json()
    assert shown["bound"] is True
    assert (shown["title"], shown["chat_id"], shown["chat_type"]) == (
        "Support team",
        -1002471352452,
        "supergroup",
    )

    assert client.delete(url(project), headers=admin).status_code == 204
    assert client.get(url(project), headers=admin).json()["bound"] is False
    again = client.delete(url(project), headers=admin)
    assert (again.status_code, again.json()["code"]) == (404, "team_chat_not_bound")
    actions = [i["action"] for i in scan_items() if i.get("kind") == "audit"]
    assert actions.count("team_chat.unbound") == 1


def test_only_administrators_and_only_real_projects(
    client: TestClient, admin: dict[str, str], project: dict[str, Any]
) -> None:
    create_agent(client, admin, "boss", role="supervisor")
    boss = agent_login(client, "boss")
    refused = client.post(url(project, "/code"), headers=boss)
    assert (refused.status_code, refused.json()["code"]) == (403, "admin_only")
    missing = client.get("/api/projects/nope/team-chat", headers=admin)
    assert (missing.status_code, missing.json()["code"]) == (404, "project_not_found")
