"""A team of two projects for the notes, tags, users and audit tests.

Project "Support" (p1): agents maria and ana, supervisor boss. Project "Sales" (p2): agent li,
supervisor chief. Each agent logs in once (a new login revokes the older token).
"""

from __future__ import annotations

from typing import Any

import pytest
from api_helpers import (
    SECOND_BOT_TOKEN,
    agent_login,
    create_agent,
    create_project,
    login,
    put_session,
)
from fastapi.testclient import TestClient

from tgdesk.core.clock import now_ms
from tgdesk.storage import keys, table

MARIA_USER, ANA_USER, LI_USER = 1001, 1002, 2001


@pytest.fixture
def team(client: TestClient) -> dict[str, Any]:
    admin = login(client)
    p1 = create_project(client, admin, "Support")["project_id"]
    p2 = create_project(client, admin, "Sales", token=SECOND_BOT_TOKEN)["project_id"]
    members = {"maria": (p1, "agent"), "ana": (p1, "agent"), "boss": (p1, "supervisor")}
    members |= {"li": (p2, "agent"), "chief": (p2, "supervisor")}
    ids: dict[str, str] = {}
    for name, (project_id, role) in members.items():
        ids[name] = create_agent(client, admin, name, role=role)["agent_id"]
        added = client.post(
            f"/api/projects/{project_id}/members", json={"agent_id": ids[name]}, headers=admin
        )
        assert added.status_code == 201, added.text
    opened = now_ms() - 60_000
    sessions = {
        "maria": put_session(p1, MARIA_USER, assignee_id=ids["maria"], opened_at=opened),
        "ana": put_session(p1, ANA_USER, assignee_id=ids["ana"], opened_at=opened + 1),
        "li": put_session(p2, LI_USER, assignee_id=ids["li"], opened_at=opened + 2),
    }
    for session in sessions.values():
        put_profile(session["project_id"], session["tg_user_id"], session)
    headers = {name: agent_login(client, name) for name in members}
    return {"admin": admin, "p1": p1, "p2": p2, "ids": ids, "sessions": sessions, **headers}


def put_profile(project_id: str, tg_user_id: int, session: dict[str, Any]) -> None:
    """The user's profile and session reference, as the webhook writes them."""
    pk, sk = keys.telegram_user(project_id, tg_user_id)
    ref_pk, ref_sk = keys.user_session_ref(
        project_id, tg_user_id, session["opened_at"], session["session_id"]
    )
    at = session["opened_at"]
    profile = {
        "PK": pk,
        "SK": sk,
        "kind": "telegram_user",
        "GSI1PK": keys.project_users_index(project_id, tg_user_id),
        "GSI1SK": keys.ts(at),
        "project_id": project_id,
        "tg_user_id": tg_user_id,
        "first_name": "Alice",
        "last_name": "Martin",
        "username": "alice",
        "language_code": "en",
        "is_premium": True,
        "first_seen_at": at,
        "last_seen_at": at,
        "open_session_id": session["session_id"],
    }
    ref = {
        "PK": ref_pk,
        "SK": ref_sk,
        "kind": "user_session",
        "session_id": session["session_id"],
        "project_id": project_id,
        "tg_user_id": tg_user_id,
        "opened_at": at,
    }
    for item in (profile, ref):
        table.client().put_item(TableName=table.table_name(), Item=table.to_item(item))


def narrow_permissions(project_id: str, agent_id: str, permissions: list[str]) -> None:
    """Set a member's `permissions` (docs/data-model.md, team and routing attributes)."""
    pk, sk = keys.project_member(project_id, agent_id)
    table.client().update_item(
        TableName=table.table_name(),
        Key=table.to_item({"PK": pk, "SK": sk}),
        UpdateExpression="SET #p = :p",
        ExpressionAttributeNames={"#p": "permissions"},
        ExpressionAttributeValues=table.values({":p": permissions}),
    )


def audit_entries(client: TestClient, admin: dict[str, str], action: str) -> list[dict[str, Any]]:
    """Every audit entry of one action, newest first, as an admin reads them."""
    response = client.get("/api/audit", params={"action": action, "limit": 200}, headers=admin)
    assert response.status_code == 200, response.text
    return response.json()["items"]
