"""Escalations through the API, against moto: the move, the ticket, the user's message,
re-escalation, edits and the supervisors' ticket list."""

from __future__ import annotations

from typing import Any

import collab_helpers
import pytest
from api_helpers import put_inbound_message
from fastapi.testclient import TestClient

from tgdesk.core.clock import now_ms
from tgdesk.storage import accounts, assignments, keys, projects, table
from tgdesk.storage import sla as sla_store
from tgdesk.teamchat import binding, group_updates
from tgdesk.telegram.updates import Chat, GroupBind

team = collab_helpers.team


@pytest.fixture
def case(client: TestClient, team: dict[str, Any]) -> dict[str, Any]:
    """maria's session with six user messages (the last a photo) and an "L2 support" group
    with ana in it."""
    session = team["sessions"]["maria"]
    at = session["opened_at"]
    said = [put_inbound_message(session, f"message {i}", at=at + i) for i in range(1, 6)]
    photo = {"file_id": "AgACAgIAAxkBAAIB", "file_unique_id": "AQADr6E", "width": 90}
    said.append(put_inbound_message(session, at=at + 6, photo=photo, caption="the receipt"))
    group = client.post(
        f"/api/projects/{team['p1']}/groups",
        json={"name": "L2 support", "agent_ids": [team["ids"]["ana"]]},
        headers=team["boss"],
    )
    assert group.status_code == 201, group.text
    return {**team, "sid": session["session_id"], "said": said, "group": group.json()["group_id"]}


def escalate(client: TestClient, case: dict[str, Any], who: str, **body: Any) -> Any:
    return client.post(f"/api/sessions/{case['sid']}/escalations", json=body, headers=case[who])


def sent_texts(telegram: Any) -> list[str]:
    return [c.params["text"] for c in telegram.calls_of("sendMessage")]


def test_an_agent_escalates_to_a_group_and_the_l2_agent_holds_the_ticket(
    client: TestClient, case: dict[str, Any], telegram: Any
) -> None:
    maria, ana = case["ids"]["maria"], case["ids"]["ana"]

    made = escalate(
        client,
        case,
        "maria",
        level="l2",
        to={"group_id": case["group"]},
        reason="refund dispute",
        tried="Resent the invoice",
        emotion="angry",
        priority="high",
    )

    assert made.status_code == 201, made.text
    ticket = made.json()
    assert (ticket["number"], ticket["level"], ticket["assignee_id"]) == (1, "l2", ana)
    assert (ticket["priority"], ticket["emotion"], ticket["tried"]) == (
        "high",
        "angry",
        "Resent the invoice",
    )
    assert ticket["user"]["first_name"] == "Alice"
    # the five latest user messages with content, oldest first, the photo with its media
    picked = ticket["key_messages"]
    assert [m["message_id"] for m in picked] == [m["message_id"] for m in case["said"][1:]]
    assert picked[-1]["has_media"] and picked[-1]["excerpt"] == "the receipt"
    assert ticket["problem"].startswith("message 2")
    [hop] = ticket["hops"]
    assert (hop["from_level"], hop["to_level"], hop["from_agent_id"], hop["to_agent_id"]) == (
        "l1",
        "l2",
        maria,
        ana,
    )
    assert (hop["to_group_id"], hop["reason"], hop["by"]) == (
        case["group"],
        "refund dispute",
        maria,
    )
    # the previous holder loses the session; the new one sees it with its ticket on top
    assert client.get(f"/api/sessions/{case['sid']}", headers=case["maria"]).status_code == 404
    shown = client.get(f"/api/sessions/{case['sid']}", headers=case["ana"]).json()
    assert (shown["level"], shown["priority"], shown["assignee_id"]) == ("l2", "high", ana)
    assert shown["ticket"] == {"number": 1, "level": "l2", "emotion": "angry"}
    read = client.get(f"/api/sessions/{case['sid']}/ticket", headers=case["ana"]).json()
    assert read == {**ticket, "status": "processing"}  # ana opened the session meanwhile
    # the user is told, in their language, the number and the time to expect an answer
    [text] = sent_texts(telegram)
    assert "#1" in text and "within 30 minutes" in text and "as soon as possible" not in text
    assert assignments.list_assignments(case["sid"])[-1]["how"] == "escalated"
    audit = client.get("/api/audit", params={"project_id": case["p1"]}, headers=case["boss"])
    actions = [e["action"] for e in audit.json()["items"]]
    assert "ticket.escalate" in actions and "session.escalated" in actions


def test_re_escalation_keeps_the_ticket_and_only_goes_up(
    client: TestClient, case: dict[str, Any], telegram: Any
) -> None:
    first = escalate(client, case, "maria", level="l2", to={"group_id": case["group"]})
    assert first.status_code == 201, first.text
    again = escalate(client, case, "ana", level="l2", to={"agent_id": case["ids"]["maria"]})
    assert (again.status_code, again.json()["code"]) == (422, "level_not_higher")
    l2_to_supervisors = escalate(client, case, "ana", level="l2", to={"supervisors": True})
    assert l2_to_supervisors.json()["code"] == "supervisors_need_l3"

    up = escalate(client, case, "ana", level="l3", to={"supervisors": True}, reason="legal")

    assert up.status_code == 201, up.text
    ticket = up.json()
    assert (ticket["number"], ticket["level"]) == (1, "l3")
    # one of the project's supervisors and admins (its creator, the admin, is a member too)
    taker = accounts.get_agent(ticket["assignee_id"]) or {}
    assert taker["role"] in ("supervisor", "admin")
    assert [(h["from_level"], h["to_level"]) for h in ticket["hops"]] == [
        ("l1", "l2"),
        ("l2", "l3"),
    ]
    assert ticket["hops"][-1]["to_supervisors"] is True
    assert client.get(f"/api/sessions/{case['sid']}", headers=case["ana"]).status_code == 404
    assert ["#1" in t for t in sent_texts(telegram)] == [True, True]


def test_numbers_grow_per_project(client: TestClient, case: dict[str, Any]) -> None:
    assert (
        escalate(client, case, "maria", level="l2", to={"group_id": case["group"]}).json()["number"]
        == 1
    )
    other = client.post(
        f"/api/sessions/{case['sessions']['ana']['session_id']}/escalations",
        json={"level": "l3", "to": {"supervisors": True}},
        headers=case["ana"],
    )
    assert other.json()["number"] == 2
    sales = client.post(
        f"/api/sessions/{case['sessions']['li']['session_id']}/escalations",
        json={"level": "l3", "to": {"supervisors": True}},
        headers=case["li"],
    )
    assert sales.json()["number"] == 1  # another project counts on its own


@pytest.mark.parametrize(
    ("language_code", "expected"),
    [
        ("ru", "в течение 2 часов"),
        ("zh-hans", "2 小时内"),
        ("de", "within 2 hours"),
    ],
)
def test_the_user_is_told_in_their_language(
    client: TestClient, case: dict[str, Any], telegram: Any, language_code: str, expected: str
) -> None:
    session = case["sessions"]["maria"]
    pk, sk = keys.telegram_user(session["project_id"], session["tg_user_id"])
    table.client().update_item(
        TableName=table.table_name(),
        Key=table.to_item({"PK": pk, "SK": sk}),
        UpdateExpression="SET language_code = :code",
        ExpressionAttributeValues=table.values({":code": language_code}),
    )
    made = escalate(client, case, "maria", level="l2", to={"group_id": case["group"]})
    assert made.status_code == 201, made.text
    [text] = sent_texts(telegram)
    assert expected in text and "#1" in text


def test_a_projects_own_wording_is_used_and_checked(
    client: TestClient, case: dict[str, Any], telegram: Any
) -> None:
    path = f"/api/projects/{case['p1']}/escalation-wording"
    bad = client.put(path, json={"templates": {"en": "Escalated, {name}"}}, headers=case["boss"])
    assert (bad.status_code, bad.json()["code"]) == (422, "invalid_template")
    assert client.put(path, json={"templates": {"en": "x"}}, headers=case["ana"]).status_code == 403
    saved = client.put(
        path,
        json={"templates": {"en": "Dear {first_name}: ticket {ticket}, answer {response_time}."}},
        headers=case["boss"],
    )
    assert saved.status_code == 200, saved.text
    assert client.get(path, headers=case["ana"]).json()["templates"] == saved.json()["templates"]

    escalate(client, case, "maria", level="l2", to={"group_id": case["group"]}, priority="urgent")

    assert sent_texts(telegram) == ["Dear Alice: ticket #1, answer within 15 minutes."]


def test_without_notify_user_nothing_is_sent(
    client: TestClient, case: dict[str, Any], telegram: Any
) -> None:
    made = escalate(
        client, case, "maria", level="l2", to={"group_id": case["group"]}, notify_user=False
    )
    assert made.status_code == 201, made.text
    assert sent_texts(telegram) == []


def test_the_holder_or_a_supervisor_edits_the_ticket(
    client: TestClient, case: dict[str, Any]
) -> None:
    escalate(client, case, "maria", level="l2", to={"group_id": case["group"]})
    path = f"/api/sessions/{case['sid']}/ticket"
    chosen = [case["said"][0]["message_id"], case["said"][5]["message_id"]]

    edited = client.patch(
        path,
        json={"problem": "Charged twice", "key_message_ids": chosen, "priority": "urgent"},
        headers=case["ana"],
    )

    assert edited.status_code == 200, edited.text
    ticket = edited.json()
    assert (ticket["problem"], ticket["priority"]) == ("Charged twice", "urgent")
    assert [m["message_id"] for m in ticket["key_messages"]] == chosen
    session = client.get(f"/api/sessions/{case['sid']}", headers=case["ana"]).json()
    assert session["priority"] == "urgent"
    assert client.patch(path, json={"emotion": "calm"}, headers=case["maria"]).status_code == 404
    by_boss = client.patch(path, json={"emotion": "threatening"}, headers=case["boss"])
    assert by_boss.json()["emotion"] == "threatening"
    stranger = client.patch(
        path, json={"key_message_ids": ["01hzzzzzzzzzzzzzzzzzzzzzzz"]}, headers=case["ana"]
    )
    assert (stranger.status_code, stranger.json()["code"]) == (422, "message_not_found")
    audit = client.get("/api/audit", params={"project_id": case["p1"]}, headers=case["boss"])
    updates = [e for e in audit.json()["items"] if e["action"] == "ticket.update"]
    assert len(updates) == 2


def test_supervisors_list_their_projects_tickets(client: TestClient, case: dict[str, Any]) -> None:
    escalate(client, case, "maria", level="l2", to={"group_id": case["group"]}, priority="high")
    client.post(
        f"/api/sessions/{case['sessions']['ana']['session_id']}/escalations",
        json={"level": "l3", "to": {"supervisors": True}},
        headers=case["ana"],
    )

    def numbers(**query: Any) -> list[int]:
        answer = client.get(
            "/api/tickets", params={"project_id": case["p1"], **query}, headers=case["boss"]
        )
        assert answer.status_code == 200, answer.text
        return [t["number"] for t in answer.json()["items"]]

    assert numbers() == [2, 1]
    assert numbers(level="l2") == [1]
    assert numbers(group_id=case["group"]) == [1]
    assert numbers(priority="high") == [1]
    assert numbers(status="closed") == []
    assert numbers(status="all", level="l3") == [2]
    agent = client.get("/api/tickets", params={"project_id": case["p1"]}, headers=case["ana"])
    assert (agent.status_code, agent.json()["code"]) == (403, "supervisor_only")
    outsider = client.get("/api/tickets", params={"project_id": case["p1"]}, headers=case["chief"])
    assert outsider.status_code == 404


def test_a_blocked_message_refuses_the_escalation_before_anything_moves(
    client: TestClient, case: dict[str, Any], telegram: Any
) -> None:
    path = f"/api/projects/{case['p1']}/escalation-wording"
    client.put(
        path,
        json={"templates": {"en": "forbiddenword {ticket} {response_time}"}},
        headers=case["boss"],
    )
    group = client.post(
        "/api/risk/groups",
        json={"name": "Words", "action": "block", "project_ids": [case["p1"]]},
        headers=case["admin"],
    )
    assert group.status_code == 201, group.text
    client.post(
        f"/api/risk/groups/{group.json()['group_id']}/entries:bulk",
        json={"text": "forbiddenword"},
        headers=case["admin"],
    )

    refused = escalate(client, case, "maria", level="l2", to={"group_id": case["group"]})

    assert (refused.status_code, refused.json()["code"]) == (422, "risk_blocked")
    assert table.get(*keys.ticket_counter(case["p1"])) is None  # refused before its number
    assert client.get(f"/api/sessions/{case['sid']}", headers=case["maria"]).status_code == 200
    assert (
        client.get(f"/api/sessions/{case['sid']}/ticket", headers=case["maria"]).status_code == 404
    )
    assert sent_texts(telegram) == []


def test_each_hop_is_posted_once_to_the_teams_group(
    client: TestClient, case: dict[str, Any], telegram: Any
) -> None:
    chat_id = -1002471352452
    code = binding.new_code(case["p1"], actor_id=case["ids"]["boss"])["code"]
    bound = group_updates.handle(
        projects.get_project(case["p1"]),
        GroupBind(1, Chat(chat_id, "supergroup"), "Support team", code, None),
        now_ms(),
    )
    assert bound.result == "stored"

    escalate(client, case, "maria", level="l2", to={"group_id": case["group"]}, reason="refund")
    escalate(client, case, "ana", level="l3", to={"supervisors": True})

    posted = [
        c.params["text"] for c in telegram.calls_of("sendMessage") if c.params["chat_id"] == chat_id
    ]
    assert len(posted) == 2
    assert posted[0].startswith("Ticket #1 escalated to L2 · priority medium\nrefund")
    assert posted[1].startswith("Ticket #1 escalated to L3")


def test_a_tracked_sessions_clocks_are_looked_at_again(
    client: TestClient, case: dict[str, Any]
) -> None:
    pk, sk = keys.session(case["sid"])
    table.client().update_item(  # the project tracks SLA clocks: the session carries them
        TableName=table.table_name(),
        Key=table.to_item({"PK": pk, "SK": sk}),
        UpdateExpression="SET sla = :sla",
        ExpressionAttributeValues=table.values({":sla": {"warnings": 0, "breaches": 0}}),
    )
    made = escalate(
        client, case, "maria", level="l2", to={"group_id": case["group"]}, priority="urgent"
    )
    assert made.status_code == 201, made.text
    for timer in sla_store.TIMERS:
        assert table.get(*keys.session_timer(case["sid"], timer)) is not None, timer
