"""Fan-out from the table's stream: records read from the stream exactly as Lambda delivers
them, frames as the contract says, and each frame only to the consoles that may see it:
the assignee, the project's supervisors and the admins; never another project's agents;
a personal note only to its author. A stale connection (410) is deleted, the others served.

The team (collab_helpers): admin; p1 maria and ana (agents), boss (supervisor); p2 li
(agent), chief (supervisor). maria holds a session of p1.
"""

from __future__ import annotations

from typing import Any

import boto3
import collab_helpers
import pytest
import realtime_support
from api_helpers import agent_login, api_module, create_agent, put_inbound_message
from botocore.stub import ANY, Stubber
from fastapi.testclient import TestClient
from realtime_support import CALLBACK_URL, FakeConnectionsApi, StreamTap, open_connection

from tgdesk.core import clock
from tgdesk.realtime import connections as websocket
from tgdesk.realtime import fanout as realtime
from tgdesk.storage import accounts as accounts_store
from tgdesk.storage import keys, table
from tgdesk.storage.records import message as message_record
from tgdesk.storage.records import session as session_record

team = collab_helpers.team
pushes = realtime_support.pushes

PEOPLE = ("admin", "maria", "ana", "boss", "li", "chief")
FRAME_KEYS = {"type", "project_id", "session_id", "at", "data"}


@pytest.fixture
def consoles(client: TestClient, team: dict[str, Any], pushes: FakeConnectionsApi) -> dict:
    """One open console per person: name -> connection id."""
    return {name: open_connection(client, team[name]) for name in PEOPLE}


@pytest.fixture
def tap(aws: Any, consoles: dict[str, str]) -> StreamTap:
    return StreamTap(aws)


def received(pushes: FakeConnectionsApi, consoles: dict[str, str]) -> dict[str, list[str]]:
    """name -> the types of the frames their console got."""
    out = {name: [f["type"] for f in pushes.to(cid)] for name, cid in consoles.items()}
    return {name: types for name, types in out.items() if types}


def publish(tap: StreamTap) -> realtime.PublishReport:
    return realtime.publish_from_stream(tap.records())


def test_a_new_inbound_message_goes_to_its_holder_supervisors_and_admins(
    client: TestClient,
    team: dict[str, Any],
    consoles: dict[str, str],
    pushes: FakeConnectionsApi,
    tap: StreamTap,
) -> None:
    session = team["sessions"]["maria"]
    message = put_inbound_message(session, "<img src=x onerror=alert(1)>", at=clock.now_ms())

    report = publish(tap)

    assert received(pushes, consoles) == {
        n: ["message.created"] for n in ("admin", "maria", "boss")
    }
    assert (report.frames, report.pushed, report.gone, report.failed) == (1, 3, 0, 0)
    [frame] = pushes.to(consoles["maria"])
    assert set(frame) == FRAME_KEYS
    assert (frame["project_id"], frame["session_id"]) == (team["p1"], session["session_id"])
    assert abs(frame["at"] - clock.now_ms()) < 5_000
    listed = client.get(f"/api/sessions/{session['session_id']}/messages", headers=team["boss"])
    assert frame["data"] == listed.json()["items"][-1]  # exactly as the REST API shows it
    assert frame["data"]["message_id"] == message["message_id"]
    assert frame["data"]["text"] == "<img src=x onerror=alert(1)>"


def test_a_reply_and_its_delivery_state(
    client: TestClient,
    team: dict[str, Any],
    consoles: dict[str, str],
    pushes: FakeConnectionsApi,
    tap: StreamTap,
) -> None:
    session_id = team["sessions"]["maria"]["session_id"]
    sent = client.post(
        f"/api/sessions/{session_id}/messages", json={"text": "On it!"}, headers=team["maria"]
    )
    assert sent.status_code == 201, sent.text

    publish(tap)

    frames = pushes.to(consoles["maria"])
    by_type = {f["type"]: f for f in frames}
    assert by_type["message.created"]["data"]["delivery"]["state"] == "sending"
    assert by_type["message.updated"]["data"]["delivery"]["state"] == "sent"
    assert by_type["message.updated"]["data"] == sent.json()
    assert by_type["session.updated"]["data"]["last_agent_msg_at"] is not None
    assert set(received(pushes, consoles)) == {"admin", "maria", "boss"}


def test_a_status_change_is_an_update_for_everyone_who_sees_the_session(
    client: TestClient,
    team: dict[str, Any],
    consoles: dict[str, str],
    pushes: FakeConnectionsApi,
    tap: StreamTap,
) -> None:
    session_id = team["sessions"]["maria"]["session_id"]
    changed = client.patch(
        f"/api/sessions/{session_id}", json={"priority": "urgent"}, headers=team["maria"]
    )
    assert changed.status_code == 200, changed.text

    publish(tap)

    assert received(pushes, consoles) == {
        n: ["session.updated"] for n in ("admin", "maria", "boss")
    }
    [frame] = pushes.to(consoles["boss"])
    assert frame["data"] == client.get(f"/api/sessions/{session_id}", headers=team["boss"]).json()
    assert frame["data"]["priority"] == "urgent"


def test_a_transfer_is_assigned_to_the_new_holder_and_removed_from_the_old(
    client: TestClient,
    team: dict[str, Any],
    consoles: dict[str, str],
    pushes: FakeConnectionsApi,
    tap: StreamTap,
) -> None:
    session_id = team["sessions"]["maria"]["session_id"]
    client.put("/api/me/presence", json={"state": "online"}, headers=team["ana"])
    moved = client.post(
        f"/api/sessions/{session_id}/transfer",
        json={"to": {"agent_id": team["ids"]["ana"]}, "reason": "billing question"},
        headers=team["maria"],
    )
    assert moved.status_code == 200, moved.text

    publish(tap)

    assert received(pushes, consoles) == {
        "ana": ["session.assigned"],
        "maria": ["session.removed"],
        "boss": ["session.updated"],
        "admin": ["session.updated"],
    }
    assert pushes.to(consoles["maria"])[0]["data"] == {}
    assigned = pushes.to(consoles["ana"])[0]
    # Read as a supervisor: the assignee's own read would open the session (unread -> processing).
    seen = client.get(f"/api/sessions/{session_id}", headers=team["boss"]).json()
    assert assigned["data"] == seen


def test_notes_shared_with_the_session_and_personal_ones_to_their_author(
    client: TestClient,
    team: dict[str, Any],
    consoles: dict[str, str],
    pushes: FakeConnectionsApi,
    tap: StreamTap,
) -> None:
    session_id = team["sessions"]["maria"]["session_id"]
    shared = client.post(
        f"/api/sessions/{session_id}/notes",
        json={"text": "Refund approved", "personal": False},
        headers=team["maria"],
    ).json()
    personal = client.post(
        f"/api/sessions/{session_id}/notes",
        json={"text": "Check her tone tomorrow", "personal": True},
        headers=team["boss"],
    ).json()
    edited = client.patch(
        f"/api/sessions/{session_id}/notes/{personal['note_id']}",
        json={"text": "Check her tone on Monday"},
        headers=team["boss"],
    ).json()

    publish(tap)

    assert received(pushes, consoles) == {
        "admin": ["note.created"],
        "maria": ["note.created"],
        "boss": ["note.created", "note.created", "note.updated"],
    }
    boss = pushes.to(consoles["boss"])
    assert [f["data"] for f in boss] == [shared, personal, edited]
    assert "Check her tone" not in str(pushes.to(consoles["maria"]) + pushes.to(consoles["admin"]))


def test_admins_are_listed_once_a_minute_and_each_one_read_for_every_batch(
    client: TestClient,
    team: dict[str, Any],
    consoles: dict[str, str],
    pushes: FakeConnectionsApi,
    tap: StreamTap,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The agents' list (every shard of its index) is read once a minute per container, not
    for each stream batch; a demoted admin gets nothing more at once, a new one within the
    minute."""
    now = [1000.0]
    monkeypatch.setattr(accounts_store.time, "monotonic", lambda: now[0])
    session = team["sessions"]["maria"]
    put_inbound_message(session, "first", at=clock.now_ms())
    publish(tap)
    assert "admin" in received(pushes, consoles)

    # li (p2) is made an admin, and admin made an agent (by a second admin, who has no
    # console): the list is not read again within the minute, but admin's item is, so
    # admin is pushed to no more; li is not pushed to yet.
    listed: list[str] = []
    stock_query_all = table.query_all

    def query_all(*args: Any, **kwargs: Any) -> Any:
        listed.append(kwargs.get("pk") or args[0])
        return stock_query_all(*args, **kwargs)

    monkeypatch.setattr(table, "query_all", query_all)
    admin_id = client.get("/api/me", headers=team["admin"]).json()["agent_id"]
    create_agent(client, team["admin"], "deputy", role="admin")
    deputy = agent_login(client, "deputy")
    for agent_id, role in ((team["ids"]["li"], "admin"), (admin_id, "agent")):
        changed = client.patch(f"/api/agents/{agent_id}", json={"role": role}, headers=deputy)
        assert changed.status_code == 200, changed.text
    publish(tap)
    pushes.frames.clear()
    listed.clear()
    put_inbound_message(session, "second", at=clock.now_ms())
    publish(tap)
    assert set(received(pushes, consoles)) == {"maria", "boss"}
    assert not [pk for pk in listed if pk.startswith("AGENTS#")]

    now[0] += accounts_store.ADMIN_IDS_FRESH_SECONDS
    pushes.frames.clear()
    put_inbound_message(session, "third", at=clock.now_ms())
    publish(tap)
    assert set(received(pushes, consoles)) == {"maria", "boss", "li"}


def test_changes_nobody_sees_make_no_frames(
    client: TestClient,
    team: dict[str, Any],
    consoles: dict[str, str],
    pushes: FakeConnectionsApi,
    tap: StreamTap,
) -> None:
    client.put("/api/me/presence", json={"state": "busy"}, headers=team["maria"])  # agent item
    client.post("/api/realtime/ticket", headers=team["maria"])  # a ticket item

    report = publish(tap)

    assert pushes.frames == [] and report.frames == 0


def test_a_stale_connection_is_deleted_and_the_others_still_served(
    client: TestClient, team: dict[str, Any], aws: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TGDESK_WEBSOCKET_CALLBACK_URL", CALLBACK_URL)
    table.reset()
    start = clock.now_ms()
    clock.set_now_for_tests(start)
    stale = open_connection(client, team["maria"])
    clock.set_now_for_tests(start + 1)
    live = open_connection(client, team["maria"])
    clock.set_now_for_tests(None)
    tap = StreamTap(aws)
    put_inbound_message(team["sessions"]["maria"], "still there?", at=clock.now_ms())

    api = boto3.client(
        "apigatewaymanagementapi", endpoint_url=CALLBACK_URL, region_name="us-east-1"
    )
    with Stubber(api) as stub:
        stub.add_client_error(
            "post_to_connection",
            service_error_code="GoneException",
            http_status_code=410,
            expected_params={"ConnectionId": stale, "Data": ANY},
        )
        stub.add_response(
            "post_to_connection", {}, expected_params={"ConnectionId": live, "Data": ANY}
        )
        monkeypatch.setattr(websocket, "_management_client", lambda: api)
        report = publish(tap)
        stub.assert_no_pending_responses()

    assert (report.pushed, report.gone) == (1, 1)
    kept = table.query_all(pk=keys.agent_connections_index(team["ids"]["maria"]), index="GSI1")
    assert [c["connection_id"] for c in kept] == [live]


def test_a_console_signed_in_elsewhere_gets_nothing_more(
    client: TestClient,
    team: dict[str, Any],
    consoles: dict[str, str],
    pushes: FakeConnectionsApi,
    tap: StreamTap,
) -> None:
    agent_login(client, "maria")  # a second device
    put_inbound_message(team["sessions"]["maria"], "hello?", at=clock.now_ms())

    report = publish(tap)

    assert "maria" not in received(pushes, consoles)
    assert pushes.closed == [consoles["maria"]] and report.gone == 1


def test_without_a_callback_url_nothing_is_read_or_pushed(
    client: TestClient, team: dict[str, Any], aws: Any
) -> None:
    tap = StreamTap(aws)
    put_inbound_message(team["sessions"]["maria"], "hello", at=clock.now_ms())
    assert realtime.publish_from_stream(tap.records()) == realtime.PublishReport()


def test_frames_name_the_fields_the_rest_api_shows() -> None:
    models = api_module().app.openapi()["components"]["schemas"]
    assert set(session_record.SHOWN_FIELDS) == set(models["SessionView"]["properties"])
    assert set(message_record.SHOWN_FIELDS) == set(models["MessagePublic"]["properties"])
    assert set(message_record.DELIVERY_FIELDS) == set(models["DeliveryPublic"]["properties"])
    assert set(realtime.NOTE_FIELDS) == set(models["NotePublic"]["properties"])
