"""Collaborators get the session's frames: its new messages and notes, the session's changes;
a removed collaborator is told `session.removed` and gets nothing more.

The team (collab_helpers): admin; p1 maria and ana (agents), boss (supervisor); p2 li
(agent), chief (supervisor). maria holds a session of p1 and invites ana.
"""

from __future__ import annotations

from typing import Any

import collab_helpers
import pytest
import realtime_support
from api_helpers import put_inbound_message
from fastapi.testclient import TestClient
from realtime_support import FakeConnectionsApi, StreamTap, open_connection

from tgdesk.core import clock
from tgdesk.realtime import fanout as realtime

team = collab_helpers.team
pushes = realtime_support.pushes

PEOPLE = ("maria", "ana", "li")


@pytest.fixture
def consoles(client: TestClient, team: dict[str, Any], pushes: FakeConnectionsApi) -> dict:
    return {name: open_connection(client, team[name]) for name in PEOPLE}


def received(pushes: FakeConnectionsApi, consoles: dict[str, str]) -> dict[str, list[str]]:
    out = {name: [f["type"] for f in pushes.to(cid)] for name, cid in consoles.items()}
    return {name: types for name, types in out.items() if types}


def collaborators_path(team: dict[str, Any]) -> str:
    return f"/api/sessions/{team['sessions']['maria']['session_id']}/collaborators"


def test_a_collaborator_is_told_of_new_messages_until_removed(
    aws: Any,
    client: TestClient,
    team: dict[str, Any],
    consoles: dict[str, str],
    pushes: FakeConnectionsApi,
) -> None:
    tap = StreamTap(aws)
    session = team["sessions"]["maria"]
    invited = client.post(
        collaborators_path(team), json={"agent_id": team["ids"]["ana"]}, headers=team["maria"]
    )
    assert invited.status_code == 201, invited.text
    realtime.publish_from_stream(tap.records())
    assert received(pushes, consoles) == {
        "maria": ["session.updated"],
        "ana": ["session.updated"],
    }
    pushes.frames.clear()

    put_inbound_message(session, "Still waiting for my refund", at=clock.now_ms())
    realtime.publish_from_stream(tap.records())

    assert received(pushes, consoles) == {
        "maria": ["message.created"],
        "ana": ["message.created"],
    }
    pushes.frames.clear()

    removed = client.delete(
        f"{collaborators_path(team)}/{team['ids']['ana']}", headers=team["maria"]
    )
    assert removed.status_code == 204
    put_inbound_message(session, "Hello?", at=clock.now_ms() + 1)
    realtime.publish_from_stream(tap.records())

    assert received(pushes, consoles) == {
        "maria": ["session.updated", "message.created"],
        "ana": ["session.removed"],
    }
