"""Collaborators on a hard case: the holder or a supervisor invites agents of the project;
they see the session in their list, read all of it and write notes, but only the holder
replies; a removed collaborator loses access at once; the holder hands the reply over to a
collaborator and the others keep collaborating. Every change is audited.

The team (collab_helpers): admin; p1 maria and ana (agents), boss (supervisor); p2 li
(agent), chief (supervisor). maria holds a session of p1; vera, an agent of p1, is added here.
"""

from __future__ import annotations

from typing import Any

import collab_helpers
import pytest
from api_helpers import agent_login, create_agent, put_inbound_message, scan_items
from fastapi.testclient import TestClient

from tgdesk.storage import keys, table
from tgdesk.storage.records.collaborator import MAX_PER_SESSION

team = collab_helpers.team


@pytest.fixture
def case(client: TestClient, team: dict[str, Any]) -> dict[str, Any]:
    """maria's session with a user message, and vera, a third agent of p1."""
    vera = create_agent(client, team["admin"], "vera")["agent_id"]
    added = client.post(
        f"/api/projects/{team['p1']}/members", json={"agent_id": vera}, headers=team["admin"]
    )
    assert added.status_code == 201, added.text
    session = team["sessions"]["maria"]
    put_inbound_message(session, "My payment went through twice", at=session["opened_at"] + 5)
    ids = {**team["ids"], "vera": vera}
    return {**team, "ids": ids, "vera": agent_login(client, "vera"), "sid": session["session_id"]}


def invite(client: TestClient, case: dict[str, Any], who: str, by: str = "maria") -> Any:
    return client.post(
        f"/api/sessions/{case['sid']}/collaborators",
        json={"agent_id": case["ids"][who]},
        headers=case[by],
    )


def listed_ids(client: TestClient, headers: dict[str, str]) -> list[str]:
    response = client.get("/api/sessions", headers=headers)
    assert response.status_code == 200, response.text
    return [s["session_id"] for s in response.json()["items"]]


def audited(action: str) -> list[dict[str, Any]]:
    return [i for i in scan_items() if i.get("action") == action]


def test_a_collaborator_sees_reads_and_writes_notes_but_cannot_reply(
    client: TestClient, case: dict[str, Any]
) -> None:
    sid, ana = case["sid"], case["ana"]
    assert client.get(f"/api/sessions/{sid}", headers=ana).status_code == 404
    assert sid not in listed_ids(client, ana)

    invited = invite(client, case, "ana")

    assert invited.status_code == 201, invited.text
    assert invited.json()["agent_id"] == case["ids"]["ana"]
    seen = client.get(f"/api/sessions/{sid}", headers=ana)
    assert seen.status_code == 200
    assert seen.json()["collaborator_ids"] == [case["ids"]["ana"]]
    assert seen.json()["assignee_id"] == case["ids"]["maria"]
    assert sid in listed_ids(client, ana)  # beside her own session
    assert case["sessions"]["ana"]["session_id"] in listed_ids(client, ana)
    messages = client.get(f"/api/sessions/{sid}/messages", headers=ana)
    assert [m["text"] for m in messages.json()["items"]] == ["My payment went through twice"]
    assert client.get(f"/api/sessions/{sid}/assignments", headers=ana).status_code == 200
    note = client.post(
        f"/api/sessions/{sid}/notes",
        json={"text": "Refund it once", "personal": False},
        headers=ana,
    )
    assert note.status_code == 201, note.text
    notes = client.get(f"/api/sessions/{sid}/notes", headers=case["maria"]).json()["items"]
    assert "Refund it once" in [n["text"] for n in notes]

    reply = client.post(f"/api/sessions/{sid}/messages", json={"text": "hi"}, headers=ana)

    assert reply.status_code == 403
    assert reply.json()["code"] == "collaborator_cannot_reply"
    listing = client.get(f"/api/sessions/{sid}/collaborators", headers=case["boss"]).json()
    assert [c["agent_id"] for c in listing["items"]] == [case["ids"]["ana"]]
    [entry] = audited("collaboration.invite")
    assert entry["actor_id"] == case["ids"]["maria"]
    assert entry["target_id"] == sid


def test_a_removed_collaborator_loses_access_at_once(
    client: TestClient, case: dict[str, Any]
) -> None:
    sid, ana = case["sid"], case["ana"]
    assert invite(client, case, "ana").status_code == 201

    removed = client.delete(
        f"/api/sessions/{sid}/collaborators/{case['ids']['ana']}", headers=case["maria"]
    )

    assert removed.status_code == 204, removed.text
    for path in ("", "/messages", "/notes", "/collaborators"):
        assert client.get(f"/api/sessions/{sid}{path}", headers=ana).status_code == 404, path
    assert sid not in listed_ids(client, ana)
    assert (
        client.get(f"/api/sessions/{sid}", headers=case["maria"]).json()["collaborator_ids"] == []
    )
    assert len(audited("collaboration.remove")) == 1
    again = client.delete(
        f"/api/sessions/{sid}/collaborators/{case['ids']['ana']}", headers=case["maria"]
    )
    assert again.status_code == 404


def test_a_collaborator_may_leave_but_not_manage_the_others(
    client: TestClient, case: dict[str, Any]
) -> None:
    sid = case["sid"]
    assert invite(client, case, "ana").status_code == 201

    by_ana = invite(client, case, "vera", by="ana")
    assert by_ana.status_code == 403
    assert by_ana.json()["code"] == "holder_or_supervisor_only"
    left = client.delete(
        f"/api/sessions/{sid}/collaborators/{case['ids']['ana']}", headers=case["ana"]
    )
    assert left.status_code == 204
    assert client.get(f"/api/sessions/{sid}", headers=case["ana"]).status_code == 404


def test_a_supervisor_invites_and_the_bounds_hold(client: TestClient, case: dict[str, Any]) -> None:
    sid = case["sid"]
    assert invite(client, case, "vera", by="boss").status_code == 201
    assert invite(client, case, "vera").json()["code"] == "already_collaborator"
    assert invite(client, case, "maria").json()["code"] == "agent_is_holder"
    assert invite(client, case, "li").json()["code"] == "agent_not_member"
    # Another agent of the project who cannot see the session: hidden is 404.
    outsider = client.post(
        f"/api/sessions/{sid}/collaborators",
        json={"agent_id": case["ids"]["vera"]},
        headers=case["ana"],
    )
    assert outsider.status_code == 404
    others = [f"agent-{n}" for n in range(MAX_PER_SESSION)]
    table.client().update_item(
        TableName=table.table_name(),
        Key=table.to_item(dict(zip(("PK", "SK"), keys.session(sid), strict=True))),
        UpdateExpression="SET collaborator_ids = :ids",
        ExpressionAttributeValues=table.values({":ids": others}),
    )

    full = invite(client, case, "ana")

    assert full.status_code == 409
    assert full.json()["code"] == "too_many_collaborators"


def test_hand_over_gives_the_reply_and_keeps_the_others(
    client: TestClient, case: dict[str, Any]
) -> None:
    sid, ids = case["sid"], case["ids"]
    assert invite(client, case, "ana").status_code == 201
    assert invite(client, case, "vera").status_code == 201
    not_collaborating = client.post(
        f"/api/sessions/{sid}/collaborators/{ids['boss']}/hand-over", headers=case["maria"]
    )
    assert not_collaborating.json()["code"] == "not_a_collaborator"

    moved = client.post(
        f"/api/sessions/{sid}/collaborators/{ids['ana']}/hand-over",
        json={"reason": "a refund question"},
        headers=case["maria"],
    )

    assert moved.status_code == 200, moved.text
    session = moved.json()
    assert session["assignee_id"] == ids["ana"]
    assert sorted(session["collaborator_ids"]) == sorted([ids["vera"], ids["maria"]])
    # maria now collaborates: she still sees it, writes no reply
    assert client.get(f"/api/sessions/{sid}", headers=case["maria"]).status_code == 200
    refused = client.post(
        f"/api/sessions/{sid}/messages", json={"text": "x"}, headers=case["maria"]
    )
    assert refused.json()["code"] == "collaborator_cannot_reply"
    listing = client.get(f"/api/sessions/{sid}/collaborators", headers=case["ana"]).json()
    assert sorted(c["agent_id"] for c in listing["items"]) == sorted([ids["vera"], ids["maria"]])
    [entry] = audited("session.handed_over")
    assert (entry["before"], entry["after"]) == (
        {"assignee_id": ids["maria"]},
        {"assignee_id": ids["ana"]},
    )
    history = client.get(f"/api/sessions/{sid}/assignments", headers=case["vera"]).json()
    assert history["items"][-1]["how"] == "handed_over"


def test_hand_over_without_keeping_the_previous_holder(
    client: TestClient, case: dict[str, Any]
) -> None:
    sid, ids = case["sid"], case["ids"]
    assert invite(client, case, "ana").status_code == 201

    moved = client.post(
        f"/api/sessions/{sid}/collaborators/{ids['ana']}/hand-over",
        json={"keep_previous": False},
        headers=case["maria"],
    )

    assert moved.status_code == 200, moved.text
    assert moved.json()["collaborator_ids"] == []
    assert client.get(f"/api/sessions/{sid}", headers=case["maria"]).status_code == 404


def test_a_closed_session_takes_no_collaborators(client: TestClient, case: dict[str, Any]) -> None:
    closed = client.post(f"/api/sessions/{case['sid']}/close", headers=case["maria"])
    assert closed.status_code == 200, closed.text
    assert invite(client, case, "ana").json()["code"] == "session_closed"
