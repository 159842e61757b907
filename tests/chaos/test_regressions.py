"""Defects the fault-injection suite found, each pinned by the smallest run that shows it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tgdesk.core import clock
from tgdesk.storage import table

from .faults import DDB_THROTTLED, once
from .workload import MINUTE, Workload
from .world import World, world


@pytest.fixture
def system() -> Iterator[tuple[World, Workload]]:
    with world(0) as made:
        load = Workload(made, 0)
        load.setup()
        yield made, load


def routed_session(system: World, load: Workload) -> tuple[dict[str, Any], str]:
    """A user's first message, routed to an agent by the assign function."""
    load.op_new_user(load.rng)
    system.pump()
    [session] = system.sessions()
    return session, load._holder(session)


def scan(system: World) -> list[dict[str, Any]]:
    with system.faults.off():
        items = table.client().scan(TableName=table.table_name())["Items"]
    return [table.from_item(i) or {} for i in items]


def outbound(system: World) -> list[dict[str, Any]]:
    return [i for i in scan(system) if i.get("kind") == "message" and i.get("direction") == "out"]


def test_a_reply_telegram_accepted_is_not_sent_again_when_recording_it_failed_once(
    system: tuple[World, Workload],
) -> None:
    """Seed 4: DynamoDB throttled the write that records `sent` after Telegram had taken
    the message; the API answered 500, the message stayed `sending`, and once its lease
    ended the scheduler sent it again: the user got it twice."""
    made, load = system
    session, agent = routed_session(made, load)
    path = f"/api/sessions/{session['session_id']}/messages"

    with once(table.client(), "UpdateItem", "sent_at", fail=DDB_THROTTLED) as failed:
        status, answer = load._api(
            agent, "POST", path, {"text": "hello", "client_message_id": "c1"}
        )
    clock.set_now_for_tests(clock.now_ms() + 5 * MINUTE)
    assert made.scheduler("deliveries")

    assert failed, "the `sent` record was never attempted"
    assert status == 201, answer
    assert answer["delivery"]["state"] == "sent"
    [message] = outbound(made)
    assert message["delivery"]["state"] == "sent"
    assert made.telegram.delivered[(session["tg_user_id"], "hello")] == 1


def test_a_confirmed_risky_reply_keeps_its_trigger_entry_when_the_request_dies_after_storing_it(
    system: tuple[World, Workload],
) -> None:
    """Seed 101: a reply confirmed against a risk word was stored (and then sent), but the
    request failed before its `confirmed_sent` trigger was written; the console's retry got
    the stored message back (nothing new created), so no entry was ever written."""
    made, load = system
    session, agent = routed_session(made, load)
    path = f"/api/sessions/{session['session_id']}/messages"
    body = {"text": "the wallet is T9", "client_message_id": "c1", "confirm_risk": True}

    with once(table.client(), "TransactWriteItems", "CLIENTMSG#", die=True) as died:
        first, _ = load._api(agent, "POST", path, body)
    again, answer = load._api(agent, "POST", path, body)
    clock.set_now_for_tests(clock.now_ms() + 5 * MINUTE)
    assert made.scheduler("deliveries")

    assert died and first >= 500  # the gateway answers an error for a dead function
    assert again == 200, answer
    [message] = outbound(made)
    assert message["delivery"]["state"] == "sent"
    confirmed = [
        e["details"]["message_id"]
        for e in scan(made)
        if e.get("action") == "risk.trigger" and e["details"]["outcome"] == "confirmed_sent"
    ]
    assert confirmed == [message["message_id"]]


def test_a_transfers_message_to_the_user_survives_a_failure_right_after_the_move(
    system: tuple[World, Workload],
) -> None:
    """Seeds 401 and 402: the request died once the claim transaction had moved the
    session, before the message was stored in a write of its own, so nothing ever sent it
    (a retry of the transfer is refused: the session moved). The message is now stored by
    the move's own transaction, and the scheduler sends it."""
    made, load = system
    session, agent = routed_session(made, load)
    target = next(a for a in load.out.agent_ids if a not in (agent, "admin"))
    path = f"/api/sessions/{session['session_id']}/transfer"
    body = {
        "to": {"agent_id": load.out.agent_ids[target]},
        "notify_user": True,
        "message": "A colleague takes over from here",
    }

    with once(table.client(), "TransactWriteItems", "ASSIGNMENT#", die=True) as died:
        first, _ = load._api(agent, "POST", path, body)
    retried, _ = load._api(agent, "POST", path, body)
    clock.set_now_for_tests(clock.now_ms() + 5 * MINUTE)
    assert made.scheduler("deliveries")

    assert died and first >= 500
    assert [s["assignee_id"] for s in made.sessions()] == [load.out.agent_ids[target]]
    assert made.telegram.delivered[(session["tg_user_id"], body["message"])] == 1, retried
