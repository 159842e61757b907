"""The assign function against moto: capacity and the queue, reopened sessions, returning
users, presence, and settings that change only what comes next."""

from __future__ import annotations

from typing import Any

import routing_support
from routing_support import (
    NOW,
    PROJECT,
    add_agent,
    assignees,
    inserts,
    new_session,
    online,
    open_sessions,
    put,
    stored_session,
    stream_event,
    stream_record,
    update_agent,
)

from tgdesk.storage import assignments, keys, table
from tgdesk.team import presence

handler = routing_support.handler
USER = 218485655


def store_in_order(*sids: str) -> list[dict[str, Any]]:
    """New sessions, each opened a second after the previous one."""
    items = [new_session(s, opened_at=NOW - 60_000 + i * 1000) for i, s in enumerate(sids)]
    for item in items:
        put(item)
    return items


def queued() -> list[str]:
    waiting = table.query_all(pk=keys.project_queue_index(PROJECT), index="GSI1")
    return [s["session_id"] for s in waiting]


def agent_modified(aid: str, **attributes: Any) -> dict[str, Any]:
    """Change an agent item and return the MODIFY record the stream carries for it."""
    before, after = update_agent(aid, **attributes)
    return stream_event(stream_record("MODIFY", new=after, old=before))


def put_project(**attributes: Any) -> None:
    pk, sk = keys.project(PROJECT)
    put({"PK": pk, "SK": sk, "kind": "project", "project_id": PROJECT, **attributes})


# -- capacity and the queue ------------------------------------------------------------------
def test_sessions_wait_when_everyone_is_full_and_drain_oldest_first_as_room_frees(
    handler,
) -> None:
    for aid in ("a1", "a2"):
        add_agent(aid)
        online(aid, max_open_sessions=1)
    sids = ["s1", "s2", "s3", "s4"]

    handler(inserts(store_in_order(*sids)))

    assert assignees(sids) == ["a1", "a2", None, None]
    assert queued() == ["s3", "s4"]
    assert (open_sessions("a1"), open_sessions("a2")) == (1, 1)

    handler(agent_modified("a2", open_sessions=0))  # a2 closed a session

    assert assignees(sids) == ["a1", "a2", "a2", None]
    assert queued() == ["s4"]
    assert (open_sessions("a1"), open_sessions("a2")) == (1, 1)


def test_a_raised_capacity_lets_as_many_queued_sessions_through(handler) -> None:
    add_agent("a1")
    online("a1", max_open_sessions=1)
    sids = ["s1", "s2", "s3", "s4"]
    handler(inserts(store_in_order(*sids)))
    assert queued() == ["s2", "s3", "s4"]

    handler(agent_modified("a1", max_open_sessions=3))

    assert assignees(sids) == ["a1", "a1", "a1", None]
    assert open_sessions("a1") == 3


def test_a_close_through_the_lifecycle_frees_room_for_the_queue(handler) -> None:
    from tgdesk.audit import entries as audit
    from tgdesk.storage import sessions

    add_agent("a1")
    online("a1", max_open_sessions=1)
    first, second = store_in_order("s1", "s2")
    pk, sk = keys.telegram_user(PROJECT, USER)
    put({"PK": pk, "SK": sk, "kind": "telegram_user", "open_session_id": "s1"})
    handler(inserts([first, second]))
    assert queued() == ["s2"]
    agent_before = table.get(*keys.agent("a1"), consistent=True)

    session = stored_session("s1")
    entry = audit.entry(
        "session.close", actor_id="a1", project_id=PROJECT, target_type="session", target_id="s1"
    )
    sessions.close(session, at=NOW + 6_000, entry=entry)
    agent_after = table.get(*keys.agent("a1"), consistent=True)
    handler(stream_event(stream_record("MODIFY", new=agent_after, old=agent_before)))

    assert stored_session("s2")["assignee_id"] == "a1"
    assert queued() == [] and open_sessions("a1") == 1


def test_an_agent_modify_that_frees_nothing_routes_nothing(handler) -> None:
    add_agent("a1")
    online("a1", max_open_sessions=1)
    handler(inserts(store_in_order("s1", "s2")))

    handler(agent_modified("a1", display_name="Ann"))

    assert queued() == ["s2"]


# -- presence ---------------------------------------------------------------------------------
def test_an_agent_whose_heartbeat_expired_stops_receiving_sessions(handler) -> None:
    add_agent("a1")
    add_agent("a2")
    online("a1", at=NOW + 5_000 - presence.HEARTBEAT_GRACE_MS - 1)  # the laptop closed
    online("a2")
    sids = ["s1", "s2", "s3"]

    handler(inserts(store_in_order(*sids)))

    assert assignees(sids) == ["a2", "a2", "a2"]


def test_busy_agents_are_passed_over_and_nobody_online_still_gives_owners_in_turn(
    handler,
) -> None:
    add_agent("a1")
    add_agent("a2")
    update_agent("a1", presence="busy", heartbeat_at=NOW)
    handler(inserts(store_in_order("s1", "s2", "s3")))
    assert assignees(["s1", "s2", "s3"]) == ["a1", "a2", "a1"]  # nobody online: in turn

    online("a2")
    handler(inserts(store_in_order("s4", "s5")))
    assert assignees(["s4", "s5"]) == ["a2", "a2"]


def test_an_agent_who_comes_online_takes_the_waiting_sessions(handler) -> None:
    add_agent("a1")
    add_agent("a2")
    online("a1", max_open_sessions=1)
    handler(inserts(store_in_order("s1", "s2")))
    assert queued() == ["s2"]

    handler(agent_modified("a2", presence="online", heartbeat_at=NOW + 5_000))

    assert stored_session("s2")["assignee_id"] == "a2"


# -- reopened sessions ------------------------------------------------------------------------
def reopen_record(sid: str, agent_id: str) -> dict[str, Any]:
    """The MODIFY record of a closed session the user wrote to again (as ingest reopens it)."""
    closed = {
        **new_session(sid),
        "status": "closed",
        "closed_at": NOW - 3_600_000,
        "assignee_id": agent_id,
        "GSI1PK": keys.assignee_sessions_index(agent_id),
    }
    reopened = {k: v for k, v in closed.items() if k != "closed_at"}
    reopened |= {"status": "unread", "reopened_at": NOW}
    put(reopened)
    return stream_event(stream_record("MODIFY", new=reopened, old=closed))


def test_a_reopened_session_keeps_its_online_agent_even_at_capacity(handler) -> None:
    add_agent("a1")
    add_agent("a2")
    online("a1", max_open_sessions=1, open_sessions=1)  # the reopen counted it already
    online("a2")
    event = reopen_record("s1", "a1")

    handler(event)
    handler(event)  # redelivered

    assert stored_session("s1")["assignee_id"] == "a1"
    [record] = assignments.list_assignments("s1")
    assert (record["how"], record["agent_id"], record["at"]) == ("reopened", "a1", NOW)
    assert (open_sessions("a1"), open_sessions("a2")) == (1, 0)


def test_a_reopened_session_whose_agent_is_disabled_is_routed_again(handler) -> None:
    add_agent("a1", disabled=True)
    add_agent("a2")
    update_agent("a1", open_sessions=1)
    online("a2")

    handler(reopen_record("s1", "a1"))

    assert stored_session("s1")["assignee_id"] == "a2"
    [record] = assignments.list_assignments("s1")
    assert (record["how"], record["from_agent_id"]) == ("reopened", "a1")
    assert (open_sessions("a1"), open_sessions("a2")) == (0, 1)


# -- returning users --------------------------------------------------------------------------
def returning_user(previous_agent: str, closed_ago_ms: int = 3_600_000) -> None:
    old = {
        **new_session("s0", opened_at=NOW - 86_400_000),
        "status": "closed",
        "assignee_id": previous_agent,
        "GSI1PK": keys.assignee_sessions_index(previous_agent),
    }
    put(old)
    pk, sk = keys.telegram_user(PROJECT, USER)
    profile = {"PK": pk, "SK": sk, "kind": "telegram_user", "project_id": PROJECT}
    put(profile | {"tg_user_id": USER, "last_session_id": "s0"})
    update = {"last_closed_at": NOW - closed_ago_ms, "open_session_id": "s1"}
    put(profile | {"tg_user_id": USER, "last_session_id": "s0"} | update)


def test_a_returning_user_goes_back_to_their_previous_agent(handler) -> None:
    for aid in ("a1", "a2", "a3"):
        add_agent(aid)
        online(aid)
    returning_user("a3")

    handler(inserts(store_in_order("s1")))

    assert stored_session("s1")["assignee_id"] == "a3"


def test_a_returning_user_whose_agent_is_offline_goes_to_someone_online(handler) -> None:
    for aid in ("a1", "a2", "a3"):
        add_agent(aid)
    online("a1")
    returning_user("a3")

    handler(inserts(store_in_order("s1")))

    assert stored_session("s1")["assignee_id"] == "a1"


def test_sticky_routing_can_be_switched_off(handler) -> None:
    for aid in ("a1", "a2"):
        add_agent(aid)
        online(aid)
    put_project(routing={"sticky_returning_users": False})
    returning_user("a2")

    handler(inserts(store_in_order("s1")))

    assert stored_session("s1")["assignee_id"] == "a1"


# -- settings change only new sessions ---------------------------------------------------------
def test_routing_rules_change_only_new_sessions(handler) -> None:
    for aid in ("a1", "a2", "a3"):
        add_agent(aid)
        online(aid)
    first = store_in_order("s1", "s2")
    handler(inserts(first))
    assert assignees(["s1", "s2"]) == ["a1", "a2"]

    put_project(agent_scope=["a3"], routing={"mode": "balanced"})
    handler(inserts(first))  # redelivered: nothing moves
    later = [new_session(s, opened_at=NOW + i) for i, s in enumerate(("s3", "s4"))]
    for item in later:
        put(item)
    handler(inserts(later))

    assert assignees(["s1", "s2", "s3", "s4"]) == ["a1", "a2", "a3", "a3"]
