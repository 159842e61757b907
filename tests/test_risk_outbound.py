"""Risk control on agents' replies: a `block` match refuses the reply, a `confirm` match
refuses it until it is sent again with `confirm_risk`; nothing is stored or sent to Telegram
before that, and every trigger is audited with its outcome.

The team (collab_helpers): admin; p1 maria, ana (agents), boss (supervisor); p2 li, chief.
"""

from __future__ import annotations

from typing import Any

import collab_helpers
import pytest
from api_helpers import FakeBotApi, scan_items
from fastapi.testclient import TestClient
from risk_support import ERC20, TRC20, create_group, keywords, triggers

team = collab_helpers.team


@pytest.fixture
def maria(team: dict[str, Any]) -> dict[str, Any]:
    session = team["sessions"]["maria"]
    return {
        "headers": team["maria"],
        "session": session,
        "url": f"/api/sessions/{session['session_id']}/messages",
    }


def send(client: TestClient, maria: dict[str, Any], text: str, **extra: Any) -> Any:
    return client.post(maria["url"], json={"text": text, **extra}, headers=maria["headers"])


def outbound_messages() -> list[dict[str, Any]]:
    return [i for i in scan_items() if i.get("kind") == "message" and i.get("direction") == "out"]


def session_item(maria: dict[str, Any]) -> dict[str, Any]:
    sid = maria["session"]["session_id"]
    return next(i for i in scan_items() if i["PK"] == f"SESSION#{sid}" and i["SK"] == "SESSION")


def test_a_block_match_is_refused_and_nothing_is_stored_or_sent(
    client: TestClient, team: dict[str, Any], maria: dict[str, Any], telegram: FakeBotApi
) -> None:
    group = create_group(
        client, team["admin"], name="Frozen wallets", action="block", entries=keywords("T9yD")
    )
    before = session_item(maria)

    response = send(client, maria, "Send it to T9yDqq please", client_message_id="c1")

    assert response.status_code == 422, response.text
    body = response.json()
    assert body["code"] == "risk_blocked"
    assert body["matches"] == [
        {
            "group_id": group["group_id"],
            "group_name": "Frozen wallets",
            "action": "block",
            "entry": "T9yD",
            "kind": "keyword",
            "start": 11,
            "end": 15,
            "matched": "T9yD",
        }
    ]
    assert telegram.calls_of("sendMessage") == []
    assert outbound_messages() == []
    assert session_item(maria) == before
    assert not any(i["SK"].startswith("CLIENTMSG#") for i in scan_items())

    [entry] = triggers(client, team["admin"])
    assert entry["actor_id"] == team["ids"]["maria"]
    assert entry["target_id"] == maria["session"]["session_id"]
    assert entry["details"]["outcome"] == "blocked"
    assert entry["details"]["action"] == "block"
    assert entry["details"]["matches"] == body["matches"]

    # Confirming does not lift a block.
    again = send(client, maria, "Send it to T9yDqq please", confirm_risk=True)
    assert again.status_code == 422 and again.json()["code"] == "risk_blocked"
    assert telegram.calls_of("sendMessage") == []


def test_a_confirm_match_is_sent_only_once_confirmed(
    client: TestClient, team: dict[str, Any], maria: dict[str, Any], telegram: FakeBotApi
) -> None:
    create_group(client, team["admin"], entries=keywords("T9yD"))
    text = "Our old address was T9yD..."

    first = send(client, maria, text, client_message_id="c-42")
    assert first.status_code == 409, first.text
    assert first.json()["code"] == "risk_confirmation_required"
    assert [m["entry"] for m in first.json()["matches"]] == ["T9yD"]
    assert telegram.calls_of("sendMessage") == []
    assert outbound_messages() == []

    confirmed = send(client, maria, text, client_message_id="c-42", confirm_risk=True)
    assert confirmed.status_code == 201, confirmed.text
    assert confirmed.json()["delivery"]["state"] == "sent"
    [call] = telegram.calls_of("sendMessage")
    assert call.params["text"] == text

    # The console retrying the same confirmed message sends nothing again.
    retried = send(client, maria, text, client_message_id="c-42", confirm_risk=True)
    assert retried.status_code == 200
    assert len(telegram.calls_of("sendMessage")) == 1

    outcomes = [t["details"]["outcome"] for t in triggers(client, team["admin"])]
    assert outcomes == ["confirmed_sent", "confirmation_required"]
    sent = triggers(client, team["admin"])[0]
    assert sent["details"]["message_id"] == confirmed.json()["message_id"]


def test_a_cancel_is_recorded(
    client: TestClient, team: dict[str, Any], maria: dict[str, Any], telegram: FakeBotApi
) -> None:
    create_group(client, team["admin"], entries=keywords("T9yD"))
    matches = send(client, maria, "T9yD").json()["matches"]
    url = f"/api/sessions/{maria['session']['session_id']}/risk-cancel"

    response = client.post(url, json={"text": "T9yD"}, headers=maria["headers"])

    assert response.status_code == 204, response.text
    cancelled = triggers(client, team["admin"])[0]
    assert cancelled["details"]["outcome"] == "cancelled"
    assert cancelled["details"]["matches"] == matches
    assert telegram.calls_of("sendMessage") == []
    outsider = client.post(url, json={"text": "T9yD"}, headers=team["li"])
    assert outsider.status_code == 404


@pytest.mark.parametrize(
    ("text", "matched"),
    [
        ("ＴＸ９ｙＤ wallet", None),  # full-width letters and digits, no match: X inside
        ("ｔ９ｙｄ", "ｔ９ｙｄ"),  # full-width
        ("pay T\u200b9\u200cy\u200dD now", "T\u200b9\u200cy\u200dD"),  # zero-width characters
        ("pay t 9-y.D now", "t 9-y.D"),  # separators inside an address-like entry
    ],
)
def test_evasions_are_caught_and_highlighted_in_the_original_text(
    client: TestClient,
    team: dict[str, Any],
    maria: dict[str, Any],
    text: str,
    matched: str | None,
) -> None:
    create_group(client, team["admin"], entries=keywords("T9yD"))
    response = send(client, maria, text)
    if matched is None:
        assert response.status_code == 201, response.text
        return
    assert response.status_code == 409, response.text
    [match] = response.json()["matches"]
    assert text[match["start"] : match["end"]] == matched == match["matched"]


def test_detectors_and_the_allow_list(
    client: TestClient, team: dict[str, Any], maria: dict[str, Any], telegram: FakeBotApi
) -> None:
    create_group(
        client,
        team["admin"],
        name="Addresses",
        allowed=[TRC20],
        entries=[{"value": "erc20", "kind": "erc20"}, {"value": "trc20", "kind": "trc20"}],
    )
    caught = send(client, maria, f"send to {ERC20}")
    assert caught.status_code == 409
    assert [(m["kind"], m["matched"]) for m in caught.json()["matches"]] == [("erc20", ERC20)]

    ours = send(client, maria, f"Our own address: {TRC20}")
    assert ours.status_code == 201, ours.text
    assert len(telegram.calls_of("sendMessage")) == 1


def test_groups_apply_to_their_projects_only(
    client: TestClient, team: dict[str, Any], maria: dict[str, Any]
) -> None:
    create_group(
        client, team["admin"], action="block", project_ids=[team["p2"]], entries=keywords("T9yD")
    )
    assert send(client, maria, "T9yD").status_code == 201
    li = team["sessions"]["li"]
    refused = client.post(
        f"/api/sessions/{li['session_id']}/messages", json={"text": "T9yD"}, headers=team["li"]
    )
    assert refused.status_code == 422


def test_a_transfer_message_to_the_user_is_checked_before_the_transfer(
    client: TestClient, team: dict[str, Any], maria: dict[str, Any], telegram: FakeBotApi
) -> None:
    create_group(client, team["admin"], name="Wallets", action="confirm", entries=keywords("T9yD"))
    url = f"/api/sessions/{maria['session']['session_id']}/transfer"
    body = {
        "to": {"agent_id": team["ids"]["ana"]},
        "reason": "shift change",
        "notify_user": True,
        "message": "Ana takes over; the address stays T9yDqq",
    }

    refused = client.post(url, json=body, headers=maria["headers"])

    assert refused.status_code == 409, refused.text
    assert refused.json()["code"] == "risk_confirmation_required"
    assert session_item(maria)["assignee_id"] == team["ids"]["maria"]  # nothing moved
    assert telegram.calls_of("sendMessage") == []

    moved = client.post(url, json={**body, "confirm_risk": True}, headers=maria["headers"])

    assert moved.status_code == 200, moved.text
    assert moved.json()["assignee_id"] == team["ids"]["ana"]
    assert [c.params["text"] for c in telegram.calls_of("sendMessage")] == [body["message"]]
    outcomes = [t["details"]["outcome"] for t in triggers(client, team["admin"])]
    assert outcomes == ["confirmed_sent", "confirmation_required"]
