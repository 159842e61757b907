"""Helpers for the realtime tests: API Gateway WebSocket events (tests/fixtures), the
RealtimeFunction, a recording stand-in for the @connections client, and a tap on the
table's stream that hands out records exactly as Lambda delivers them."""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError

from infra.local import cfn
from infra.local.stream import lambda_record
from tests.conftest import TABLE, lambda_context
from tgdesk.realtime import connections as websocket
from tgdesk.storage import table

EVENTS = json.loads((Path(__file__).parent / "fixtures" / "websocket_events.json").read_text())
CALLBACK_URL = "https://abc123ws.execute-api.us-east-1.amazonaws.com/live"


def ws_event(kind: str, connection_id: str, **values: str) -> dict[str, Any]:
    """The `connect`, `message` or `disconnect` event of tests/fixtures, filled in."""
    text = json.dumps(EVENTS[kind])
    for name, value in {"connection_id": connection_id, **values}.items():
        text = text.replace("{" + name + "}", json.dumps(value)[1:-1])
    event = json.loads(text)
    if kind == "connect" and "ticket" not in values:
        del event["queryStringParameters"], event["multiValueQueryStringParameters"]
    return event


def new_connection_id() -> str:
    return secrets.token_urlsafe(10)[:12] + "A="


def realtime(event: dict[str, Any]) -> dict[str, Any]:
    return cfn.load_handler("RealtimeFunction")(event, lambda_context())


def ticket_for(client: Any, headers: dict[str, str]) -> str:
    response = client.post("/api/realtime/ticket", headers=headers)
    assert response.status_code == 200, response.text
    return response.json()["ticket"]


def open_connection(client: Any, headers: dict[str, str]) -> str:
    """An agent's console connects: a ticket from the API, then $connect with it."""
    connection_id = new_connection_id()
    answer = realtime(ws_event("connect", connection_id, ticket=ticket_for(client, headers)))
    assert answer == {"statusCode": 200}
    return connection_id


def gone() -> ClientError:
    return ClientError(
        {
            "Error": {"Code": "GoneException", "Message": ""},
            "ResponseMetadata": {"HTTPStatusCode": 410},
        },
        "PostToConnection",
    )


@dataclass
class FakeConnectionsApi:
    """Stands in for boto3's apigatewaymanagementapi client: records what is pushed."""

    stale: set[str] = field(default_factory=set)
    frames: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    closed: list[str] = field(default_factory=list)

    def post_to_connection(self, *, ConnectionId: str, Data: bytes) -> dict[str, Any]:  # noqa: N803
        if ConnectionId in self.stale:
            raise gone()
        self.frames.append((ConnectionId, json.loads(Data)))
        return {}

    def delete_connection(self, *, ConnectionId: str) -> dict[str, Any]:  # noqa: N803
        self.closed.append(ConnectionId)
        return {}

    def to(self, connection_id: str) -> list[dict[str, Any]]:
        return [frame for cid, frame in self.frames if cid == connection_id]


class StreamTap:
    """Every record written to the table's stream after it was opened, as Lambda delivers it."""

    def __init__(self, dynamodb: Any) -> None:
        self.arn = dynamodb.describe_table(TableName=TABLE)["Table"]["LatestStreamArn"]
        self.streams = boto3.client("dynamodbstreams", region_name="us-east-1")
        shards = self.streams.describe_stream(StreamArn=self.arn)["StreamDescription"]["Shards"]
        self.iterators = [
            self.streams.get_shard_iterator(
                StreamArn=self.arn, ShardId=s["ShardId"], ShardIteratorType="LATEST"
            )["ShardIterator"]
            for s in shards
        ]

    def records(self) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for i, iterator in enumerate(self.iterators):
            page = self.streams.get_records(ShardIterator=iterator)
            out.extend(lambda_record(r, self.arn, "us-east-1") for r in page["Records"])
            self.iterators[i] = page["NextShardIterator"]
        return out


@pytest.fixture
def pushes(monkeypatch: pytest.MonkeyPatch) -> FakeConnectionsApi:
    """Frames pushed to consoles land in a fake API Gateway Management API."""
    monkeypatch.setenv("TGDESK_WEBSOCKET_CALLBACK_URL", CALLBACK_URL)
    table.reset()
    fake = FakeConnectionsApi()
    monkeypatch.setattr(websocket, "_management_client", lambda: fake)
    return fake
