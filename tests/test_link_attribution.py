"""A `/start <payload>` from a tracked link's redirect: the user's profile keeps the source
(first and last touch), the session it opens carries the link, and routing uses the link's
target; any other `/start` is a normal first message."""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
import routing_support
from attribution_support import click, item, put_link, session_of, start_update, text_update
from ingest_support import PROJECT_ID, create_project, send
from routing_support import add_agent, online

from tgdesk.attribution import touch as attribution_touch
from tgdesk.core import clock
from tgdesk.core.claims import Claim, ClaimResult
from tgdesk.routing import service
from tgdesk.routing.policy import (
    Outcome,
    RoutingContended,
    RoutingSteps,
    SessionToRoute,
    routing_steps,
)
from tgdesk.storage import assignments, keys, projects, table

count_requests = routing_support.count_requests
NOW = 1_767_225_611_000
ADA = 700100300


@pytest.fixture
def project(aws: Any) -> str:
    clock.set_now_for_tests(NOW)
    create_project()
    put_link("spring", PROJECT_ID)
    return PROJECT_ID


def profile(user_id: int = ADA) -> dict[str, Any]:
    found = item(keys.telegram_user(PROJECT_ID, user_id))
    assert found is not None
    return found


# -- the webhook ------------------------------------------------------------------------------
def test_a_start_with_a_clicks_payload_attributes_the_user_and_their_new_session(
    project: str,
) -> None:
    clicked = click("spring", project, NOW - 60_000)
    status, _ = send(start_update(ADA, f"/start {clicked['payload']}"))
    assert status == 200
    touch = profile()["source"]["last"]
    assert profile()["source"]["first"] == touch
    assert touch["code"] == "spring"
    assert touch["name"] == "spring campaign"
    assert touch["channel"] == "google-ads"
    assert touch["utm"] == {"utm_source": "x", "utm_campaign": "spring"}
    assert touch["clicked_at"] == NOW - 60_000
    assert touch["touched_at"] == NOW
    assert (touch["country"], touch["device"]) == ("DE", "mobile")
    assert "payload" not in touch  # the payload stays the click's secret
    session = session_of(project, ADA)
    assert session is not None and session["link"] == touch


def test_a_later_start_moves_the_last_touch_and_keeps_the_first(project: str) -> None:
    first = click("spring", project, NOW - 60_000)
    send(start_update(ADA, f"/start {first['payload']}"))
    put_link("autumn", project, channel="x")
    later = click("autumn", project, NOW - 1_000, channel="x", utm={})
    clock.set_now_for_tests(NOW + 5_000)
    send(start_update(ADA, f"/start {later['payload']}"))
    source = profile()["source"]
    assert source["first"]["code"] == "spring"
    assert source["last"]["code"] == "autumn"
    assert source["last"]["channel"] == "x"
    # The user's open session keeps the link that opened it.
    session = session_of(project, ADA)
    assert session is not None and session["link"]["code"] == "spring"


@pytest.mark.parametrize(
    "text",
    [
        "/start",
        "/start AAAAAAAAAAAAAAAAAAAAAAAA",  # shaped like a payload, but no such click
        "/start not*a*payload",
        "/start " + "A" * 65,
        "start something",
    ],
)
def test_any_other_start_is_a_normal_first_message(project: str, text: str) -> None:
    status, _ = send(start_update(ADA, text))
    assert status == 200
    assert "source" not in profile()
    session = session_of(project, ADA)
    assert session is not None and "link" not in session


def test_a_click_of_another_projects_link_attributes_nothing(project: str) -> None:
    put_link("theirs", "other-project")
    clicked = click("theirs", "other-project", NOW - 1_000)
    send(start_update(ADA, f"/start {clicked['payload']}"))
    assert "source" not in profile()


def test_an_expired_click_attributes_nothing(project: str) -> None:
    clicked = click("spring", project, NOW - 91 * 86_400_000)
    send(start_update(ADA, f"/start {clicked['payload']}"))
    assert "source" not in profile()


def test_attribution_costs_one_get_item_and_no_write_request(
    project: str, count_requests: list[str]
) -> None:
    send(text_update(ADA + 3, "Hello"))  # the project is cached from here on
    count_requests.clear()
    send(text_update(ADA + 1, "Hello"))
    plain = list(count_requests)
    count_requests.clear()
    clicked = click("spring", project, NOW - 1_000)
    count_requests.clear()
    send(start_update(ADA, f"/start {clicked['payload']}"))
    assert sorted(count_requests) == sorted([*plain, "GetItem"])
    count_requests.clear()
    send(start_update(ADA + 2, "/start"))
    assert sorted(count_requests) == sorted(plain)  # no payload: no read


def test_a_redelivered_start_writes_nothing(project: str) -> None:
    clicked = click("spring", project, NOW - 1_000)
    update = start_update(ADA, f"/start {clicked['payload']}")
    send(update)
    before = table.client().scan(TableName="tgdesk-test")["Items"]
    assert send(update)[0] == 200
    assert table.client().scan(TableName="tgdesk-test")["Items"] == before


def test_payloads_are_read_only_from_a_private_start() -> None:
    assert attribution_touch.start_payload({"text": "/start abc_DEF-1"}, "private") == "abc_DEF-1"
    assert attribution_touch.start_payload({"text": "/start@acme_help_bot abc"}, "private") == "abc"
    assert attribution_touch.start_payload({"text": "/start abc"}, "group") is None
    assert attribution_touch.start_payload({"text": "/start a b"}, "private") is None
    assert attribution_touch.start_payload({"caption": "/start abc"}, "private") is None


# -- routing by the link -----------------------------------------------------------------------
@pytest.fixture
def team(project: str) -> dict[str, str]:
    """Members a1, a2 (the project's agent scope) and g1, g2 (the pre-sales group)."""
    for aid in ("a1", "a2", "g1", "g2"):
        add_agent(aid, project_id=project)
    projects.update_project(project, {"agent_scope": ["a1", "a2"]})
    pk, sk = keys.agent_group(project, "presales")
    table.client().put_item(
        TableName="tgdesk-test",
        Item=table.to_item(
            {
                "PK": pk,
                "SK": sk,
                "kind": "group",
                "group_id": "presales",
                "project_id": project,
                "name": "Pre-sales",
                "agent_ids": ["g1", "g2"],
            }
        ),
    )
    return {"group": "presales"}


def route_new(project_id: str, user_id: int) -> str | None:
    session = session_of(project_id, user_id)
    assert session is not None
    result = service.route_arrival(
        SessionToRoute(session["session_id"], project_id, tg_user_id=user_id)
    )
    assert result.outcome is Outcome.ASSIGNED
    return result.agent_id


def test_a_link_to_a_group_routes_within_the_group(project: str, team: dict[str, str]) -> None:
    put_link("presales", project, target_group_id="presales")
    for aid in ("a1", "a2", "g1", "g2"):
        online(aid, at=NOW)
    chosen = []
    for n in range(4):
        clicked = click("presales", project, NOW - 1_000)
        send(start_update(ADA + n, f"/start {clicked['payload']}"))
        chosen.append(route_new(project, ADA + n))
    assert sorted(chosen) == ["g1", "g1", "g2", "g2"]
    send(text_update(ADA + 10, "Hello"))  # no link: the project's scope
    assert route_new(project, ADA + 10) in ("a1", "a2")


def test_with_nobody_of_the_target_online_it_falls_back_as_the_project_does(
    project: str, team: dict[str, str]
) -> None:
    put_link("presales", project, target_group_id="presales")
    online("a1", at=NOW)  # someone outside the target is online: not chosen
    clicked = click("presales", project, NOW - 1_000)
    send(start_update(ADA, f"/start {clicked['payload']}"))
    assert route_new(project, ADA) in ("g1", "g2")  # an owner in turn, who sees it on login


def test_a_link_to_named_agents_routes_to_them(project: str, team: dict[str, str]) -> None:
    put_link("vip", project, target_agent_ids=["a2"])
    for aid in ("a1", "a2", "g1"):
        online(aid, at=NOW)
    clicked = click("vip", project, NOW - 1_000)
    send(start_update(ADA, f"/start {clicked['payload']}"))
    assert route_new(project, ADA) == "a2"


def test_a_target_with_nobody_left_routes_as_the_project_does(
    project: str, team: dict[str, str]
) -> None:
    put_link("gone", project, target_group_id="no-such-group")
    put_link("outsiders", project, target_agent_ids=["not-a-member"])
    online("a1", at=NOW)
    for n, code in enumerate(("gone", "outsiders")):
        clicked = click(code, project, NOW - 1_000)
        send(start_update(ADA + n, f"/start {clicked['payload']}"))
        assert route_new(project, ADA + n) == "a1"


# -- two invocations racing on sessions a link routes ------------------------------------------
def interleaved(invocations: list[list[str]], schedule: Iterator[int]) -> Counter[ClaimResult]:
    """Each invocation routes its sessions in order; the schedule says whose next step (a
    read, or the write after it) runs next; a record that gives up comes again later."""
    results: Counter[ClaimResult] = Counter()

    class Recording(service.DynamoRoutingStore):
        def claim(self, claim: Claim) -> ClaimResult:
            results[outcome := super().claim(claim)] += 1
            return outcome

    store = Recording()
    pending = [list(sids) for sids in invocations]
    running: list[RoutingSteps | None] = [None] * len(pending)
    for turn in schedule:
        if not any(pending):
            return results
        i = turn % len(pending)
        if not pending[i]:
            continue
        if running[i] is None:
            to_route = SessionToRoute(pending[i][0], routing_support.PROJECT)
            running[i] = routing_steps(to_route, store, clock.now_ms)
        try:
            next(running[i])  # type: ignore[call-overload]
        except StopIteration:
            pending[i].pop(0)
            running[i] = None
        except RoutingContended:
            pending[i].append(pending[i].pop(0))
            running[i] = None
    return results


def test_two_invocations_interleaved_route_a_links_sessions_within_its_group(aws: Any) -> None:
    clock.set_now_for_tests(routing_support.NOW + 5_000)
    for aid in ("a1", "g1", "g2"):
        add_agent(aid)
        online(aid)
    group_pk, group_sk = keys.agent_group(routing_support.PROJECT, "presales")
    routing_support.put(
        {
            "PK": group_pk,
            "SK": group_sk,
            "kind": "group",
            "group_id": "presales",
            "project_id": routing_support.PROJECT,
            "name": "Pre-sales",
            "agent_ids": ["g1", "g2"],
        }
    )
    put_link("presales", routing_support.PROJECT, target_group_id="presales")
    sids = [f"s{i:02d}" for i in range(8)]
    for sid in sids:
        routing_support.put({**routing_support.new_session(sid), "link": {"code": "presales"}})

    results = interleaved([sids, list(reversed(sids))], itertools.cycle([0, 1, 1, 0]))

    records = [r for s in sids for r in assignments.list_assignments(s)]
    assert sorted(r["session_id"] for r in records) == sids  # each routed once
    chosen = Counter(r["agent_id"] for r in records)
    assert chosen == {"g1": 4, "g2": 4}  # within the group, in turn
    assert [routing_support.open_sessions(a) for a in ("a1", "g1", "g2")] == [0, 4, 4]
    assert results[ClaimResult.SESSION_TAKEN] + results[ClaimResult.CONTENDED] > 0
