"""Transfers and take-overs through the API, against moto."""

from __future__ import annotations

from typing import Any

import collab_helpers
from fastapi.testclient import TestClient

from tgdesk.storage import assignments, keys, table

team = collab_helpers.team


def load(agent_id: str) -> int:
    return int((table.get(*keys.agent(agent_id)) or {}).get("open_sessions", 0))


def test_the_assignee_transfers_to_a_colleague_who_then_holds_it_alone(
    client: TestClient, team: dict[str, Any]
) -> None:
    sid = team["sessions"]["maria"]["session_id"]
    maria, ana = team["ids"]["maria"], team["ids"]["ana"]
    before = (load(maria), load(ana))

    moved = client.post(
        f"/api/sessions/{sid}/transfer",
        json={"to": {"agent_id": ana}, "reason": "billing question"},
        headers=team["maria"],
    )

    assert moved.status_code == 200, moved.text
    assert (moved.json()["assignee_id"], moved.json()["status"]) == (ana, "unread")
    assert (load(maria), load(ana)) == (before[0] - 1, before[1] + 1)
    assert client.get(f"/api/sessions/{sid}", headers=team["maria"]).status_code == 404
    assert client.get(f"/api/sessions/{sid}", headers=team["ana"]).status_code == 200
    [record] = assignments.list_assignments(sid)
    assert (record["how"], record["by"], record["from_agent_id"]) == ("transferred", maria, maria)
    audit = client.get("/api/audit", params={"project_id": team["p1"]}, headers=team["boss"]).json()
    [entry] = [e for e in audit["items"] if e["action"] == "session.transferred"]
    assert (entry["before"], entry["after"]) == ({"assignee_id": maria}, {"assignee_id": ana})


def test_a_transfer_needs_the_permission_and_respects_capacity(
    client: TestClient, team: dict[str, Any]
) -> None:
    sid = team["sessions"]["maria"]["session_id"]
    ana = team["ids"]["ana"]
    table.client().update_item(
        TableName=table.table_name(),
        Key=table.to_item(dict(zip(("PK", "SK"), keys.agent(ana), strict=True))),
        UpdateExpression="SET max_open_sessions = :one, open_sessions = :one",
        ExpressionAttributeValues=table.values({":one": 1}),
    )
    full = client.post(
        f"/api/sessions/{sid}/transfer", json={"to": {"agent_id": ana}}, headers=team["maria"]
    )
    assert (full.status_code, full.json()["code"]) == (409, "agent_at_capacity")
    client.put(
        f"/api/projects/{team['p1']}/members/{team['ids']['maria']}",
        json={"permissions": ["reply"]},
        headers=team["boss"],
    )
    denied = client.post(
        f"/api/sessions/{sid}/transfer", json={"to": {"any_online": True}}, headers=team["maria"]
    )
    assert (denied.status_code, denied.json()["code"]) == (403, "permission_denied")


def test_a_supervisor_takes_a_session_over_and_can_write(
    client: TestClient, team: dict[str, Any]
) -> None:
    sid = team["sessions"]["maria"]["session_id"]
    maria, boss = team["ids"]["maria"], team["ids"]["boss"]
    assert client.post(f"/api/sessions/{sid}/take-over", headers=team["maria"]).status_code == 403

    taken = client.post(f"/api/sessions/{sid}/take-over", headers=team["boss"])

    assert taken.status_code == 200, taken.text
    assert (taken.json()["assignee_id"], taken.json()["status"]) == (boss, "processing")
    assert load(boss) == 1
    assert assignments.list_assignments(sid)[-1]["how"] == "taken_over"
    reply = client.post(f"/api/sessions/{sid}/messages", json={"text": "Hi"}, headers=team["boss"])
    assert reply.status_code == 201, reply.text
    assert client.get(f"/api/sessions/{sid}", headers=team["maria"]).status_code == 404
    assert maria != boss


def test_a_transfer_to_nobody_online_says_so(client: TestClient, team: dict[str, Any]) -> None:
    sid = team["sessions"]["maria"]["session_id"]
    answer = client.post(
        f"/api/sessions/{sid}/transfer", json={"to": {"any_online": True}}, headers=team["boss"]
    )
    assert (answer.status_code, answer.json()["code"]) == (409, "no_eligible_agent")
