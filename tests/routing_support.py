"""Stream records as Lambda delivers them, and the items other parts of tgdesk write, for
the tests of the assign function and of routing against moto."""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from boto3.dynamodb.types import TypeSerializer
from conftest import TABLE, lambda_context

from infra.local import cfn
from tgdesk.core import clock
from tgdesk.storage import keys, projects, table

PROJECT = "p1"
NOW = 1_718_000_000_000
STREAM_ARN = f"arn:aws:dynamodb:us-east-1:123456789012:table/{TABLE}/stream/2024-06-10T06:13:20.000"
_serializer = TypeSerializer()
_sequence = itertools.count(100_000_000_000_000_000_001)


# -- stream records, shaped as Lambda delivers them ---------------------------------------
def image(item: dict[str, Any]) -> dict[str, Any]:
    return {k: _serializer.serialize(v) for k, v in item.items()}


def stream_record(
    event_name: str,
    *,
    new: dict[str, Any] | None = None,
    old: dict[str, Any] | None = None,
    user_identity: dict[str, str] | None = None,
) -> dict[str, Any]:
    """One record of a NEW_AND_OLD_IMAGES stream, built from plain items."""
    some = new or old or {}
    body: dict[str, Any] = {
        "ApproximateCreationDateTime": NOW // 1000,
        "Keys": image({"PK": some["PK"], "SK": some["SK"]}),
        "SequenceNumber": str(next(_sequence)),
        "StreamViewType": "NEW_AND_OLD_IMAGES",
    }
    if new is not None:
        body["NewImage"] = image(new)
    if old is not None:
        body["OldImage"] = image(old)
    body["SizeBytes"] = len(json.dumps(body))
    record = {
        "eventID": f"{next(_sequence):x}"[-32:],
        "eventName": event_name,
        "eventVersion": "1.1",
        "eventSource": "aws:dynamodb",
        "awsRegion": "us-east-1",
        "dynamodb": body,
        "eventSourceARN": STREAM_ARN,
    }
    if user_identity is not None:
        record["userIdentity"] = user_identity
    return record


def stream_event(*records: dict[str, Any]) -> dict[str, Any]:
    return {"Records": list(records)}


# -- items, as the other parts of tgdesk write them ----------------------------------------
def new_session(sid: str, *, project_id: str = PROJECT, opened_at: int = NOW) -> dict[str, Any]:
    activity = keys.activity_sort_key(opened_at, sid)
    pk, sk = keys.session(sid)
    return {
        "PK": pk,
        "SK": sk,
        "kind": "session",
        "session_id": sid,
        "project_id": project_id,
        "tg_user_id": 218485655,
        "chat_id": 218485655,
        "status": "unread",
        "priority": "medium",
        "user": {"first_name": "Waffle", "username": "WaffleLapkin", "language_code": "en"},
        "opened_at": opened_at,
        "first_inbound_at": opened_at,
        "last_user_msg_at": opened_at,
        "last_activity_at": opened_at,
        "GSI1PK": keys.project_queue_index(project_id),
        "GSI1SK": activity,
        "GSI2PK": keys.project_sessions_index(project_id, sid),
        "GSI2SK": activity,
    }


def put(item: dict[str, Any]) -> None:
    table.client().put_item(TableName=TABLE, Item=table.to_item(item))


def add_agent(aid: str, *, disabled: bool = False, project_id: str = PROJECT) -> None:
    pk, sk = keys.agent(aid)
    put(
        {
            "PK": pk,
            "SK": sk,
            "kind": "agent",
            "agent_id": aid,
            "username": aid,
            "display_name": aid.title(),
            "role": "agent",
            "password_hash": "scrypt$not-a-real-hash",
            "disabled": disabled,
            "created_at": NOW,
            "GSI1PK": keys.agents_index(aid),
            "GSI1SK": aid,
        }
    )
    projects.add_member(project_id, aid)


def store_sessions(*sids: str) -> list[dict[str, Any]]:
    items = [new_session(s) for s in sids]
    for item in items:
        put(item)
    return items


def inserts(items: list[dict[str, Any]]) -> dict[str, Any]:
    return stream_event(*(stream_record("INSERT", new=i) for i in items))


def stored_session(sid: str) -> dict[str, Any]:
    found = table.get(*keys.session(sid))
    assert found is not None
    return found


def dump() -> list[dict[str, Any]]:
    return sorted(
        (table.from_item(i) or {} for i in table.client().scan(TableName=TABLE)["Items"]),
        key=lambda i: (i["PK"], i["SK"]),
    )


def assignees(sids: list[str]) -> list[str | None]:
    return [stored_session(s).get("assignee_id") for s in sids]


@pytest.fixture
def handler(aws: Any) -> Iterator[Callable[[dict[str, Any]], dict[str, Any]]]:
    clock.set_now_for_tests(NOW + 5_000)
    fn = cfn.load_handler("AssignFunction")
    yield lambda event: fn(event, lambda_context())


@pytest.fixture
def count_requests(aws: Any) -> Iterator[list[str]]:
    """Names of the DynamoDB operations the code under test sends."""
    seen: list[str] = []

    def record(model: Any, **_: Any) -> None:
        seen.append(model.name)

    events = table.client().meta.events
    events.register("before-call.dynamodb", record)
    yield seen
    events.unregister("before-call.dynamodb", record)


def update_agent(aid: str, **attributes: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    """Set attributes of an agent item; returns its images before and after, for a MODIFY."""
    before = table.get(*keys.agent(aid), consistent=True)
    assert before is not None
    names = {f"#a{i}": name for i, name in enumerate(attributes)}
    table.client().update_item(
        TableName=TABLE,
        Key=table.to_item(dict(zip(("PK", "SK"), keys.agent(aid), strict=True))),
        UpdateExpression="SET " + ", ".join(f"#a{i} = :v{i}" for i in range(len(attributes))),
        ExpressionAttributeNames=names,
        ExpressionAttributeValues=table.values(
            {f":v{i}": value for i, value in enumerate(attributes.values())}
        ),
    )
    after = table.get(*keys.agent(aid), consistent=True)
    assert after is not None
    return before, after


def online(aid: str, *, at: int = NOW, **attributes: Any) -> None:
    """The agent set `online` and their console beat at `at`."""
    update_agent(aid, presence="online", heartbeat_at=at, **attributes)


def open_sessions(aid: str) -> int:
    return int((table.get(*keys.agent(aid), consistent=True) or {}).get("open_sessions", 0))
