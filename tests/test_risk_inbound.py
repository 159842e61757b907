"""Risk control on users' messages, in the assign function's stream processing: a match
flags the message (`risk`), tags the session "sensitive" (the project's tag, created when
missing), is audited and pushed to the project's supervisors as `risk.flagged`; routing and
delivery go on as before, and a redelivered record changes nothing.

Records are read from the table's stream and handed over exactly as Lambda delivers them.
The team (collab_helpers): admin; p1 maria, ana (agents), boss (supervisor); p2 li, chief.
"""

from __future__ import annotations

from typing import Any

import collab_helpers
import pytest
import realtime_support
from api_helpers import put_inbound_message
from conftest import lambda_context
from fastapi.testclient import TestClient
from realtime_support import FakeConnectionsApi, StreamTap, open_connection
from risk_support import BTC_BECH32, create_group, keywords, triggers

from infra.local import cfn
from tgdesk.core import clock
from tgdesk.storage import keys, table

team = collab_helpers.team
pushes = realtime_support.pushes


@pytest.fixture
def consoles(client: TestClient, team: dict[str, Any], pushes: FakeConnectionsApi) -> dict:
    return {
        name: open_connection(client, team[name]) for name in ("admin", "maria", "boss", "chief")
    }


@pytest.fixture
def tap(aws: Any, consoles: dict[str, str]) -> StreamTap:
    return StreamTap(aws)


def assign(records: list[dict[str, Any]]) -> dict[str, Any]:
    return cfn.load_handler("AssignFunction")({"Records": records}, lambda_context())


def risk_frames(pushes: FakeConnectionsApi, consoles: dict[str, str]) -> dict[str, list[dict]]:
    out = {
        name: [f for f in pushes.to(cid) if f["type"] == "risk.flagged"]
        for name, cid in consoles.items()
    }
    return {name: frames for name, frames in out.items() if frames}


def stored(item: dict[str, Any]) -> dict[str, Any]:
    found = table.get(item["PK"], item["SK"], consistent=True)
    assert found is not None
    return found


def session_of(session: dict[str, Any]) -> dict[str, Any]:
    found = table.get(*keys.session(session["session_id"]), consistent=True)
    assert found is not None
    return found


PHOTO = {
    "file_id": "AgACAgIAAxkBAAIBZ2Y",
    "file_unique_id": "AQADxQADr6E",
    "width": 1280,
    "height": 960,
    "file_size": 81234,
}


def put_photo_with_caption(session: dict[str, Any], caption: str) -> dict[str, Any]:
    return put_inbound_message(session, at=clock.now_ms(), photo=PHOTO, caption=caption)


def test_a_matching_message_is_flagged_tagged_audited_and_pushed(
    client: TestClient,
    team: dict[str, Any],
    consoles: dict[str, str],
    pushes: FakeConnectionsApi,
    tap: StreamTap,
) -> None:
    group = create_group(client, team["admin"], name="Frozen", entries=keywords("T9yD"))
    session = team["sessions"]["maria"]
    message = put_inbound_message(session, "my wallet: ｔ 9 y D", at=clock.now_ms())
    records = tap.records()

    assert assign(records) == {"batchItemFailures": []}

    flagged = stored(message)
    [match] = flagged["risk"]
    assert (match["group_id"], match["entry"], match["field"]) == (
        group["group_id"],
        "T9yD",
        "text",
    )
    assert flagged["text"][match["start"] : match["end"]] == "ｔ 9 y D"

    catalog = client.get(f"/api/projects/{team['p1']}/tags", headers=team["boss"]).json()["items"]
    [tag] = [t for t in catalog if t["name"] == "sensitive"]
    assert session_of(session)["tags"] == [tag["tag_id"]]

    [entry] = triggers(client, team["admin"])
    assert entry["actor_id"] == "system"
    assert entry["details"]["direction"] == "in"
    assert entry["details"]["outcome"] == "flagged"
    assert entry["details"]["agent_id"] == team["ids"]["maria"]
    assert entry["details"]["message_id"] == message["message_id"]

    frames = risk_frames(pushes, consoles)
    assert sorted(frames) == ["admin", "boss"]  # the project's supervisors and the admins
    [frame] = frames["boss"]
    assert frame["session_id"] == session["session_id"]
    assert frame["data"]["message_id"] == message["message_id"]
    assert frame["data"]["matches"] == flagged["risk"]

    # The stream redelivers the batch: nothing happens twice.
    assert assign(records) == {"batchItemFailures": []}
    assert len(triggers(client, team["admin"])) == 1
    assert len(risk_frames(pushes, consoles)["boss"]) == 1
    assert session_of(session)["tags"] == [tag["tag_id"]]


def test_a_caption_is_checked_and_an_existing_tag_is_reused(
    client: TestClient, team: dict[str, Any], consoles: dict[str, str], tap: StreamTap
) -> None:
    create_group(client, team["admin"], entries=[{"value": "btc", "kind": "btc"}])
    made = client.post(
        f"/api/projects/{team['p1']}/tags",
        json={"name": "Sensitive", "colour": "#000000"},
        headers=team["boss"],
    )
    assert made.status_code == 201
    existing = client.post(
        f"/api/projects/{team['p1']}/tags",
        json={"name": "vip", "colour": "#ffffff"},
        headers=team["boss"],
    ).json()
    session = team["sessions"]["ana"]
    client.put(
        f"/api/sessions/{session['session_id']}/tags",
        json={"tag_ids": [existing["tag_id"]]},
        headers=team["ana"],
    )
    tap.records()  # only what follows
    message = put_photo_with_caption(session, f"paid to {BTC_BECH32}")

    assign(tap.records())

    [match] = stored(message)["risk"]
    assert (match["kind"], match["field"], match["matched"]) == ("btc", "caption", BTC_BECH32)
    assert session_of(session)["tags"] == [existing["tag_id"], made.json()["tag_id"]]
    catalog = client.get(f"/api/projects/{team['p1']}/tags", headers=team["boss"]).json()["items"]
    assert [t["name"] for t in catalog].count("Sensitive") == 1


def test_other_messages_are_left_alone(
    client: TestClient,
    team: dict[str, Any],
    consoles: dict[str, str],
    pushes: FakeConnectionsApi,
    tap: StreamTap,
) -> None:
    create_group(client, team["admin"], project_ids=[team["p2"]], entries=keywords("T9yD"))
    create_group(client, team["admin"], name="Other", entries=keywords("nothing-like-it"))
    session = team["sessions"]["maria"]
    other_project = put_inbound_message(session, "T9yD", at=clock.now_ms())
    harmless = put_inbound_message(session, "hello there", at=clock.now_ms() + 1)

    assert assign(tap.records()) == {"batchItemFailures": []}

    assert "risk" not in stored(other_project) and "risk" not in stored(harmless)
    assert "tags" not in session_of(session)
    assert triggers(client, team["admin"]) == []
    assert risk_frames(pushes, consoles) == {}
