"""Routing and the session lifecycle where a probe with three agents through every mode found
them short: the round-robin turn, reopened sessions, a transfer's message to the user, the
return timer's setting and its limit, opening a session, notices, why a named agent cannot
take a transfer, and the queue's marker. Against moto, through the real handlers."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import collab_helpers
import routing_support
from api_helpers import put_session
from conftest import lambda_context
from fastapi.testclient import TestClient
from routing_support import (
    NOW,
    PROJECT,
    add_agent,
    inserts,
    new_session,
    online,
    put,
    stored_session,
    stream_event,
    stream_record,
    update_agent,
)
from test_routing_timers import later, name_of, routed, run_timers

from infra.local import cfn
from tgdesk.accounts import access
from tgdesk.routing import service as routing_service
from tgdesk.routing.policy import RETURNED, SessionToRoute
from tgdesk.storage import accounts, assignments, keys, sessions, table

handler = routing_support.handler
team = collab_helpers.team
routed = routed  # the fixture: return after 5 minutes in Support, maria and ana online


def cursor() -> int | None:
    item = table.get(*keys.routing_state(PROJECT), consistent=True) or {}
    return item.get("rr_seq")


def as_agent(agent_id: str) -> access.Scope:
    agent = accounts.get_agent(agent_id)
    assert agent is not None
    return access.Scope(agent)


def route_new(run: Callable[[dict[str, Any]], dict[str, Any]], sid: str, at: int) -> str:
    item = new_session(sid, opened_at=at)
    put(item)
    assert run(inserts([item])) == {"batchItemFailures": []}
    return stored_session(sid)["assignee_id"]


# -- 1. only a new session takes a round-robin turn -------------------------------------------
def test_transfers_between_new_sessions_do_not_use_up_the_round_robin_turn(handler) -> None:
    for aid in ("a1", "a2", "a3"):
        add_agent(aid)
    online("a1")
    online("a3")  # a2 is offline: new sessions alternate between a1 and a3

    firsts = []
    for n in range(6):
        sid = f"s{n}"
        firsts.append(route_new(handler, sid, NOW + n))
        holder = firsts[-1]
        routing_service.transfer(as_agent(holder), sid, agent_id="a2", reason="billing")

    assert firsts == ["a1", "a3", "a1", "a3", "a1", "a3"]
    assert cursor() == 6  # one turn per new session, none per transfer


def test_take_overs_returns_and_returning_users_leave_the_cursor_alone(handler) -> None:
    for aid in ("a1", "a2"):
        add_agent(aid)
        online(aid)
    add_agent("boss")
    update_agent("boss", role="supervisor")
    assert route_new(handler, "s1", NOW) == "a1"
    assert cursor() == 1

    routing_service.take_over(as_agent("boss"), "s1")
    routing_service.transfer(as_agent("boss"), "s1", any_online=True)
    returned = routing_service.route_session(
        SessionToRoute(
            "s1",
            PROJECT,
            how=RETURNED,
            from_agent_id=stored_session("s1")["assignee_id"],
            exclude=frozenset({stored_session("s1")["assignee_id"]}),
            online_only=True,
        )
    )
    assert returned.agent_id is not None
    # A returning user of a1's goes back to a1: no turn taken either.
    profile_pk, profile_sk = keys.telegram_user(PROJECT, 218485655)
    put(
        {
            "PK": profile_pk,
            "SK": profile_sk,
            "kind": "telegram_user",
            "project_id": PROJECT,
            "tg_user_id": 218485655,
            "last_session_id": "s1",
            "last_closed_at": NOW,
        }
    )
    sticky = stored_session("s1")["assignee_id"]
    assert route_new(handler, "s2", NOW + 1) == sticky

    assert cursor() == 1
    hows = [r["how"] for r in assignments.list_assignments("s1")]
    assert hows == ["routed", "taken_over", "transferred", "returned"]


# -- 2. a reopened session keeps its eligible agent -------------------------------------------
def reopen_record(sid: str, agent_id: str) -> dict[str, Any]:
    """The MODIFY record of a closed session its user wrote to again (ingest reopens it and
    counts it in its agent's load)."""
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
    update_agent(agent_id, open_sessions=1)
    return stream_event(stream_record("MODIFY", new=reopened, old=closed))


def test_a_session_reopened_while_nobody_is_online_keeps_its_agent(handler) -> None:
    for aid in ("a1", "a2", "a3", "a4"):
        add_agent(aid)  # everyone offline

    for n, aid in enumerate(("a1", "a2", "a3", "a4")):
        handler(reopen_record(f"s{n}", aid))

    assert [stored_session(f"s{n}")["assignee_id"] for n in range(4)] == ["a1", "a2", "a3", "a4"]
    assert [r["how"] for r in assignments.list_assignments("s0")] == ["reopened"]
    assert routing_support.open_sessions("a1") == 1


def test_a_reopened_session_keeps_its_offline_agent_while_a_colleague_is_online(handler) -> None:
    add_agent("a1")
    add_agent("a2")
    online("a2")

    handler(reopen_record("s1", "a1"))

    assert stored_session("s1")["assignee_id"] == "a1"
    assert (routing_support.open_sessions("a1"), routing_support.open_sessions("a2")) == (1, 0)


# -- 3. a transfer's message to the user ------------------------------------------------------
def transfer(client: TestClient, team: dict[str, Any], **body: Any) -> Any:
    sid = team["sessions"]["maria"]["session_id"]
    to = {"agent_id": team["ids"]["ana"]}
    return client.post(
        f"/api/sessions/{sid}/transfer", json={"to": to, **body}, headers=team["maria"]
    )


def test_a_transfer_message_is_sent_without_notify_user(
    client: TestClient, team: dict[str, Any], telegram: Any
) -> None:
    moved = transfer(client, team, message="  Ana will take it from here.  ")

    assert moved.status_code == 200, moved.text
    [call] = telegram.calls_of("sendMessage")
    assert call.params["text"] == "Ana will take it from here."


def test_notify_user_without_a_message_is_refused_before_anything_moves(
    client: TestClient, team: dict[str, Any], telegram: Any
) -> None:
    for body in ({"notify_user": True}, {"notify_user": True, "message": "   "}):
        refused = transfer(client, team, **body)
        assert refused.status_code == 422, refused.text
        assert (refused.json()["code"], refused.json()["field"]) == ("message_required", "message")

    refused = transfer(client, team, notify_user=False, message="Bye")
    assert (refused.status_code, refused.json()["code"]) == (422, "message_not_wanted")
    assert refused.json()["field"] == "notify_user"

    sid = team["sessions"]["maria"]["session_id"]
    assert sessions.get(sid)["assignee_id"] == team["ids"]["maria"]
    assert telegram.calls_of("sendMessage") == []
    plain = transfer(client, team, notify_user=False)
    assert plain.status_code == 200, plain.text
    assert telegram.calls_of("sendMessage") == []


# -- 4. the return timer: its current setting, and a limit ------------------------------------
def test_switching_the_return_timer_off_stops_the_timers_already_running(
    client: TestClient, team: dict[str, Any], routed: Callable[[], dict[str, Any]]
) -> None:
    session = routed()
    sid, first = session["session_id"], session["assignee_id"]
    off = client.patch(
        f"/api/projects/{team['p1']}",
        json={"routing": {"return_after_minutes": None}},
        headers=team["boss"],
    )
    assert off.status_code == 200, off.text
    assert off.json()["routing"]["return_after_minutes"] is None

    later(client, team, 6)
    run_timers()

    assert sessions.get(sid)["assignee_id"] == first
    assert table.get(*keys.session_timer(sid, "return"), consistent=True) is None
    assert [r["how"] for r in assignments.list_assignments(sid)] == ["routed"]


def test_a_longer_return_time_set_meanwhile_postpones_the_running_timer(
    client: TestClient, team: dict[str, Any], routed: Callable[[], dict[str, Any]]
) -> None:
    session = routed()
    sid = session["session_id"]
    longer = client.patch(
        f"/api/projects/{team['p1']}",
        json={"routing": {"return_after_minutes": 30}},
        headers=team["boss"],
    )
    assert longer.status_code == 200, longer.text

    later(client, team, 6)
    run_timers()

    assert [r["how"] for r in assignments.list_assignments(sid)] == ["routed"]
    timer = table.get(*keys.session_timer(sid, "return"), consistent=True)
    assert timer is not None and timer["due_at"] == session["assigned_at"] + 30 * 60_000


def test_a_session_nobody_opens_is_returned_at_most_max_returns_times_then_supervisors_are_told(
    client: TestClient, team: dict[str, Any], routed: Callable[[], dict[str, Any]]
) -> None:
    session = routed()
    sid = session["session_id"]
    for _ in range(6):
        later(client, team, 6)
        run_timers()

    records = assignments.list_assignments(sid)
    assert [r["how"] for r in records] == ["routed", "returned", "returned", "returned"]
    holder = records[-1]["agent_id"]
    stored = sessions.get(sid)
    assert (stored["assignee_id"], stored["status"], stored["return_count"]) == (
        holder,
        "unread",
        3,
    )
    assert table.get(*keys.session_timer(sid, "return"), consistent=True) is None
    notices = client.get("/api/notices", headers=team["boss"]).json()["items"]
    assert [(n["notice"], n["session_id"], n["to_agent_id"], n["returns"]) for n in notices] == [
        ("session_return_limit", sid, holder, 3)
    ]
    [entry] = collab_helpers.audit_entries(client, team["admin"], "session.return_limit")
    assert (entry["target_id"], entry["actor_id"], entry["details"]["returns"]) == (
        sid,
        "system",
        3,
    )
    assert notices[0]["audit_entry_id"] == entry["entry_id"]
    assert client.get("/api/notices", headers=team[name_of(team, holder)]).json()["items"]


def test_max_returns_is_a_project_setting(client: TestClient, team: dict[str, Any]) -> None:
    detail = client.get(f"/api/projects/{team['p1']}", headers=team["boss"]).json()
    assert detail["routing"]["max_returns"] == 3
    changed = client.patch(
        f"/api/projects/{team['p1']}", json={"routing": {"max_returns": 1}}, headers=team["boss"]
    )
    assert (changed.status_code, changed.json()["routing"]["max_returns"]) == (200, 1)
    refused = client.patch(
        f"/api/projects/{team['p1']}", json={"routing": {"max_returns": 0}}, headers=team["boss"]
    )
    assert refused.status_code == 422


# -- 5. smaller ones --------------------------------------------------------------------------
def test_the_assignee_reading_a_session_opens_it_and_a_supervisor_reading_it_does_not(
    client: TestClient, team: dict[str, Any]
) -> None:
    sid = team["sessions"]["maria"]["session_id"]
    looked = client.get(f"/api/sessions/{sid}", headers=team["boss"])
    assert (looked.status_code, looked.json()["status"]) == (200, "unread")

    opened = client.get(f"/api/sessions/{sid}", headers=team["maria"])

    assert (opened.status_code, opened.json()["status"]) == (200, "processing")
    assert sessions.get(sid)["status"] == "processing"
    [entry] = collab_helpers.audit_entries(client, team["admin"], "session.status")
    assert (entry["target_id"], entry["details"]) == (sid, {"cause": "opened"})


def test_notices_answer_an_items_object_like_every_list(
    client: TestClient, team: dict[str, Any]
) -> None:
    answer = client.get("/api/notices", headers=team["maria"])
    assert (answer.status_code, answer.json()) == (200, {"items": []})


def test_a_transfer_says_why_the_named_agent_cannot_take_it(
    client: TestClient, team: dict[str, Any]
) -> None:
    sid = team["sessions"]["maria"]["session_id"]
    ana, boss, li = (team["ids"][n] for n in ("ana", "boss", "li"))

    def to(agent_id: str) -> tuple[int, str, str]:
        answer = client.post(
            f"/api/sessions/{sid}/transfer",
            json={"to": {"agent_id": agent_id}},
            headers=team["maria"],
        )
        body = answer.json()
        return answer.status_code, body["code"], body["field"]

    assert to(li) == (422, "agent_not_member", "to.agent_id")
    scoped = client.patch(
        f"/api/projects/{team['p1']}",
        json={"agent_scope": [team["ids"]["maria"], boss]},
        headers=team["boss"],
    )
    assert scoped.status_code == 200, scoped.text
    assert to(ana) == (422, "agent_not_in_scope", "to.agent_id")
    disabled = client.patch(f"/api/agents/{boss}", json={"disabled": True}, headers=team["admin"])
    assert disabled.status_code == 200, disabled.text
    assert to(boss) == (422, "agent_disabled", "to.agent_id")


def test_a_session_nobody_has_room_for_is_marked_queued_until_it_gets_an_agent(
    client: TestClient, team: dict[str, Any]
) -> None:
    for name in ("maria", "ana", "boss"):
        assert (
            client.put("/api/me/presence", json={"state": "online"}, headers=team[name]).status_code
            == 200
        )
        update_agent(team["ids"][name], max_open_sessions=0)
    waiting = put_session(team["p1"], 4242)
    item = table.get(*keys.session(waiting["session_id"]), consistent=True)
    assign = cfn.load_handler("AssignFunction")
    assert assign(inserts([item]), lambda_context()) == {"batchItemFailures": []}

    sid = waiting["session_id"]
    marked = client.get(f"/api/sessions/{sid}", headers=team["boss"]).json()
    assert marked["assignee_id"] is None and marked["queued_at"] is not None
    listed = client.get("/api/sessions", params={"queued": "true"}, headers=team["boss"]).json()
    assert [s["session_id"] for s in listed["items"]] == [sid]

    update_agent(team["ids"]["ana"], max_open_sessions=5)
    routing_service.drain_queue(team["p1"], limit=5)

    moved = client.get(f"/api/sessions/{sid}", headers=team["boss"]).json()
    assert moved["assignee_id"] == team["ids"]["ana"] and moved["queued_at"] is None
    listed = client.get("/api/sessions", params={"queued": "true"}, headers=team["boss"]).json()
    assert listed["items"] == []
