"""Transfers to a group, to any online agent and with a message to the user; access after
a transfer; take-overs; assignment records and audit entries. Against moto, with the fake
Bot API."""

from __future__ import annotations

import json
from typing import Any

import collab_helpers
import pytest
from api_helpers import create_agent
from fastapi.testclient import TestClient
from risk_support import create_group, keywords, triggers

from tgdesk.core import clock
from tgdesk.outbound import delivery
from tgdesk.storage import assignments, keys, table

team = collab_helpers.team


@pytest.fixture
def crew(client: TestClient, team: dict[str, Any]) -> dict[str, Any]:
    """Support gets two more agents, kim and lee, in a group "L2 support"; ana is online."""
    for name in ("kim", "lee"):
        team["ids"][name] = create_agent(client, team["admin"], name)["agent_id"]
        added = client.post(
            f"/api/projects/{team['p1']}/members",
            json={"agent_id": team["ids"][name]},
            headers=team["admin"],
        )
        assert added.status_code == 201, added.text
        team[name] = collab_helpers.agent_login(client, name)
    group = client.post(
        f"/api/projects/{team['p1']}/groups",
        json={"name": "L2 support", "agent_ids": [team["ids"]["kim"], team["ids"]["lee"]]},
        headers=team["boss"],
    )
    assert group.status_code == 201, group.text
    team["group_id"] = group.json()["group_id"]
    online(client, team, "ana")
    return team


def online(client: TestClient, team: dict[str, Any], name: str) -> None:
    answer = client.put("/api/me/presence", json={"state": "online"}, headers=team[name])
    assert answer.status_code == 200, answer.text


def transfer(client: TestClient, crew: dict[str, Any], to: dict[str, Any], **body: Any) -> Any:
    sid = crew["sessions"]["maria"]["session_id"]
    return client.post(
        f"/api/sessions/{sid}/transfer", json={"to": to, **body}, headers=crew["maria"]
    )


def test_a_transfer_to_a_group_is_routed_inside_it_to_an_online_member(
    client: TestClient, crew: dict[str, Any]
) -> None:
    online(client, crew, "lee")

    moved = transfer(client, crew, {"group_id": crew["group_id"]}, reason="needs L2")

    assert moved.status_code == 200, moved.text
    assert moved.json()["assignee_id"] == crew["ids"]["lee"]  # ana is online but not in it
    session_id = crew["sessions"]["maria"]["session_id"]
    assert table.get(*keys.session(session_id))["group_id"] == crew["group_id"]  # its figures'
    [record] = assignments.list_assignments(session_id)
    assert (record["how"], record["by"], record["reason"]) == (
        "transferred",
        crew["ids"]["maria"],
        "needs L2",
    )


def test_a_group_with_nobody_online_gets_the_session_in_turn(
    client: TestClient, crew: dict[str, Any]
) -> None:
    moved = transfer(client, crew, {"group_id": crew["group_id"]})

    assert moved.status_code == 200, moved.text
    assert moved.json()["assignee_id"] in (crew["ids"]["kim"], crew["ids"]["lee"])


def test_a_transfer_to_an_unknown_group_is_404(client: TestClient, crew: dict[str, Any]) -> None:
    answer = transfer(client, crew, {"group_id": "nope"})
    assert (answer.status_code, answer.json()["code"]) == (404, "group_not_found")


def test_a_transfer_to_any_online_agent_never_picks_the_sender(
    client: TestClient, crew: dict[str, Any]
) -> None:
    online(client, crew, "maria")

    moved = transfer(client, crew, {"any_online": True})

    assert moved.status_code == 200, moved.text
    assert moved.json()["assignee_id"] == crew["ids"]["ana"]


def test_notify_user_sends_the_message_through_telegram_and_records_it(
    client: TestClient, crew: dict[str, Any], telegram: Any
) -> None:
    sid = crew["sessions"]["maria"]["session_id"]

    moved = transfer(
        client,
        crew,
        {"agent_id": crew["ids"]["ana"]},
        notify_user=True,
        message="Ana from billing will take it from here.",
    )

    assert moved.status_code == 200, moved.text
    [call] = [c for c in telegram.calls if c.method == "sendMessage"]
    assert call.params["text"] == "Ana from billing will take it from here."
    assert int(call.params["chat_id"]) == collab_helpers.MARIA_USER
    messages = client.get(f"/api/sessions/{sid}/messages", headers=crew["ana"]).json()["items"]
    [sent] = [m for m in messages if m["direction"] == "out"]
    assert (sent["text"], sent["sender_agent_id"]) == (call.params["text"], crew["ids"]["maria"])
    assert sent["delivery"]["state"] == "sent"


def test_after_a_transfer_notes_follow_the_session_and_only_holders_see_it(
    client: TestClient, crew: dict[str, Any]
) -> None:
    sid = crew["sessions"]["maria"]["session_id"]
    note = client.post(
        f"/api/sessions/{sid}/notes", json={"text": "VIP, refund approved"}, headers=crew["maria"]
    )
    assert note.status_code == 201, note.text

    assert transfer(client, crew, {"agent_id": crew["ids"]["kim"]}).status_code == 200

    assert client.get(f"/api/sessions/{sid}", headers=crew["maria"]).status_code == 404
    assert client.get(f"/api/sessions/{sid}/notes", headers=crew["maria"]).status_code == 404
    for holder in ("kim", "boss"):
        assert client.get(f"/api/sessions/{sid}", headers=crew[holder]).status_code == 200
        notes = client.get(f"/api/sessions/{sid}/notes", headers=crew[holder]).json()
        items = notes["items"] if isinstance(notes, dict) else notes
        assert [n["text"] for n in items] == ["VIP, refund approved"]
    assert client.get(f"/api/sessions/{sid}", headers=crew["li"]).status_code == 404


def test_a_supervisor_of_another_project_can_neither_transfer_nor_take_over(
    client: TestClient, crew: dict[str, Any]
) -> None:
    sid = crew["sessions"]["maria"]["session_id"]
    for path in ("take-over", "transfer"):
        answer = client.post(
            f"/api/sessions/{sid}/{path}",
            json={"to": {"any_online": True}},
            headers=crew["chief"],
        )
        assert answer.status_code == 404, (path, answer.text)


def test_a_supervisor_transfers_any_session_of_their_project(
    client: TestClient, crew: dict[str, Any]
) -> None:
    sid = crew["sessions"]["ana"]["session_id"]

    moved = client.post(
        f"/api/sessions/{sid}/transfer",
        json={"to": {"agent_id": crew["ids"]["maria"]}},
        headers=crew["boss"],
    )

    assert moved.status_code == 200, moved.text
    [record] = assignments.list_assignments(sid)
    assert (record["how"], record["by"], record["from_agent_id"]) == (
        "transferred",
        crew["ids"]["boss"],
        crew["ids"]["ana"],
    )


def test_every_move_is_recorded_and_audited_with_who_and_how(
    client: TestClient, crew: dict[str, Any]
) -> None:
    sid = crew["sessions"]["maria"]["session_id"]
    maria, ana, boss = (crew["ids"][n] for n in ("maria", "ana", "boss"))

    assert transfer(client, crew, {"agent_id": ana}).status_code == 200
    taken = client.post(
        f"/api/sessions/{sid}/take-over", json={"reason": "escalated"}, headers=crew["boss"]
    )
    assert taken.status_code == 200, taken.text

    records = [
        (r["how"], r["by"], r["from_agent_id"], r["agent_id"])
        for r in assignments.list_assignments(sid)
    ]
    assert records == [("transferred", maria, maria, ana), ("taken_over", boss, ana, boss)]
    [transferred] = collab_helpers.audit_entries(client, crew["admin"], "session.transferred")
    [took] = collab_helpers.audit_entries(client, crew["admin"], "session.taken_over")
    assert (transferred["actor_id"], transferred["target_id"]) == (maria, sid)
    assert (took["actor_id"], took["before"], took["after"]) == (
        boss,
        {"assignee_id": ana},
        {"assignee_id": boss},
    )
    assert took["details"]["reason"] == "escalated"
    assert client.get(f"/api/sessions/{sid}", headers=crew["ana"]).status_code == 404


def test_a_transfer_to_oneself_or_to_a_non_member_is_refused(
    client: TestClient, crew: dict[str, Any]
) -> None:
    same = transfer(client, crew, {"agent_id": crew["ids"]["maria"]})
    assert (same.status_code, same.json()["code"]) == (422, "same_agent")
    outsider = transfer(client, crew, {"agent_id": crew["ids"]["li"]})
    assert (outsider.status_code, outsider.json()["code"]) == (422, "agent_not_member")


def test_a_transfers_message_and_its_risk_entry_are_stored_by_the_move_and_sent_if_it_dies(
    client: TestClient, crew: dict[str, Any], telegram: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The move, the message to the user (`sending`, leased) and its `confirmed_sent` entry
    are one transaction; a request that dies right after it leaves the message to the
    scheduler, which sends it once."""
    create_group(client, crew["admin"], name="Wallets", action="confirm", entries=keywords("T9yD"))
    text = "Ana takes over; the address stays T9yDqq"
    writes: list[str] = []

    def record(model: Any, params: dict[str, Any], **_: Any) -> None:
        if model.name == "TransactWriteItems":
            writes.append(json.dumps(params.get("body") or "", default=str))

    def dies(_message: dict[str, Any]) -> dict[str, Any]:
        raise RuntimeError("the function was stopped")

    monkeypatch.setattr(delivery, "send", dies)
    table.client().meta.events.register("before-call.dynamodb", record)
    try:
        with pytest.raises(RuntimeError):
            transfer(
                client,
                crew,
                {"agent_id": crew["ids"]["ana"]},
                message=text,
                confirm_risk=True,
            )
    finally:
        table.client().meta.events.unregister("before-call.dynamodb", record)
    monkeypatch.undo()

    [move] = writes
    assert "ASSIGNMENT#" in move and "T9yDqq" in move and "confirmed_sent" in move
    assert telegram.calls_of("sendMessage") == []
    clock.set_now_for_tests(clock.now_ms() + (delivery.LEASE_SECONDS + 1) * 1000)
    assert delivery.run_due_retries()["sent"] == 1
    assert delivery.run_due_retries()["due"] == 0
    assert [c.params["text"] for c in telegram.calls_of("sendMessage")] == [text]
    sid = crew["sessions"]["maria"]["session_id"]
    messages = client.get(f"/api/sessions/{sid}/messages", headers=crew["ana"]).json()["items"]
    [sent] = [m for m in messages if m["direction"] == "out"]
    assert sent["delivery"]["state"] == "sent"
    confirmed = [
        t for t in triggers(client, crew["admin"]) if t["details"]["outcome"] == "confirmed_sent"
    ]
    assert [t["details"]["message_id"] for t in confirmed] == [sent["message_id"]]
