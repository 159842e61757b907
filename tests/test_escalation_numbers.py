"""Ticket numbers under concurrent escalations, against moto: strictly increasing per project,
never reused, never handed out twice."""

from __future__ import annotations

import random
import threading
from typing import Any

import collab_helpers
import pytest
from api_helpers import put_session
from fastapi.testclient import TestClient

from tgdesk.accounts import access
from tgdesk.core.domain import Level
from tgdesk.core.errors import Conflict
from tgdesk.escalation import move
from tgdesk.storage import accounts, conversations, keys, table
from tgdesk.storage import tickets as store

team = collab_helpers.team

ESCALATIONS = 50
# Each moto transaction copies the table (its rollback): the threaded run stays smaller.
THREADED = 12


def sessions_of_maria(team: dict[str, Any], count: int) -> list[str]:
    start = team["sessions"]["maria"]["opened_at"]
    return [
        put_session(team["p1"], 5000 + i, assignee_id=team["ids"]["maria"], opened_at=start + i)[
            "session_id"
        ]
        for i in range(count)
    ]


def to_ana(team: dict[str, Any]) -> move.Request:
    return move.Request(level=Level.L2, agent_id=team["ids"]["ana"], notify_user=False)


def maria(team: dict[str, Any]) -> access.Scope:
    agent = accounts.get_agent(team["ids"]["maria"])
    assert agent is not None
    return access.Scope(agent)


def numbers_of(session_ids: list[str]) -> list[int]:
    return [int((store.get(sid) or {})["number"]) for sid in session_ids]


def test_interleaved_escalations_get_distinct_consecutive_numbers(
    client: TestClient, team: dict[str, Any]
) -> None:
    """Every escalation takes its number, then all of them move, in another order: the
    numbers are those taken, 1 to 50, each once."""
    session_ids = sessions_of_maria(team, ESCALATIONS)
    order = random.Random(11)
    planned = [
        move.plan(maria(team), sid, to_ana(team))
        for sid in order.sample(session_ids, len(session_ids))
    ]
    for plan in order.sample(planned, len(planned)):
        move.carry_out(plan)

    numbers = numbers_of(session_ids)
    assert sorted(numbers) == list(range(1, ESCALATIONS + 1))
    for sid, number in zip(session_ids, numbers, strict=True):
        session = conversations.get_session(sid) or {}
        assert session["ticket"]["number"] == number
        assert (session["level"], session["assignee_id"]) == ("l2", team["ids"]["ana"])


class OneRequestAtATime:
    """The DynamoDB client, answering one request at a time: moto's backend is not safe
    for threads, and DynamoDB applies each request atomically anyway. The threads still
    interleave freely between requests."""

    def __init__(self, client: Any) -> None:
        self._client = client
        self._lock = threading.Lock()

    def __getattr__(self, name: str) -> Any:
        method = getattr(self._client, name)

        def call(*args: Any, **kwargs: Any) -> Any:
            with self._lock:
                return method(*args, **kwargs)

        return call


def test_concurrent_escalations_in_threads_get_distinct_consecutive_numbers(
    client: TestClient, team: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    session_ids = sessions_of_maria(team, THREADED)
    serialized = OneRequestAtATime(table.client())
    one_client: Any = lambda: serialized  # noqa: E731
    one_client.cache_clear = table.client.cache_clear  # the fixtures' table.reset() calls it
    monkeypatch.setattr(table, "client", one_client)
    scope, request = maria(team), to_ana(team)
    start = threading.Barrier(THREADED)
    failures: list[BaseException] = []

    def escalate(session_id: str) -> None:
        start.wait()
        try:
            move.escalate(scope, session_id, request)
        except BaseException as err:  # reported below, with the numbers
            failures.append(err)

    threads = [threading.Thread(target=escalate, args=(sid,)) for sid in session_ids]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert failures == []
    assert sorted(numbers_of(session_ids)) == list(range(1, THREADED + 1))


def test_a_move_refused_after_its_number_leaves_a_gap_never_a_reuse(
    client: TestClient, team: dict[str, Any]
) -> None:
    first, second = sessions_of_maria(team, 2)
    refused = move.plan(maria(team), first, to_ana(team))
    pk, sk = keys.session(first)
    table.client().update_item(  # the session closes between the plan and the move
        TableName=table.table_name(),
        Key=table.to_item({"PK": pk, "SK": sk}),
        UpdateExpression="SET #s = :closed",
        ExpressionAttributeNames={"#s": "status"},
        ExpressionAttributeValues=table.values({":closed": "closed"}),
    )
    try:
        move.carry_out(refused)
    except Conflict as err:
        assert err.code == "session_changed"
    else:
        raise AssertionError("a closed session must not move")
    assert store.get(first) is None

    move.escalate(maria(team), second, to_ana(team))

    assert refused.ticket["number"] == 1
    assert numbers_of([second]) == [2]
