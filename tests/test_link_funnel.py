"""The funnel of tracked links, counted by the table's stream: clicks, bot clicks, unique
visitors, starts, first messages, first replies, resolved and rated sessions (with the
average rating), per link per day and per channel and UTM value; each once, however often
the stream delivers a record."""

from __future__ import annotations

from typing import Any

import api_helpers
import pytest
from attribution_support import (
    click,
    feed_stream,
    insert,
    item,
    modify,
    put_link,
    session_of,
    start_update,
    text_update,
)
from ingest_support import PROJECT_ID, create_project, send
from moto.dynamodb.models import DynamoDBBackend
from routing_support import count_requests as count_requests_fixture

from infra.local import moto_transactions
from tgdesk.accounts.access import Scope
from tgdesk.attribution import funnel, report
from tgdesk.core import clock
from tgdesk.core.errors import InvalidInput, NotFound
from tgdesk.storage import keys, link_funnel, table

NOW = 1_767_268_800_000  # 2026-01-01 12:00 UTC
DAY = 86_400_000
ADA = 700100400
ADMIN = Scope({"agent_id": "agent-admin", "role": "admin"})
count_requests = count_requests_fixture


@pytest.fixture(autouse=True)
def _transactions_without_table_copies(monkeypatch: pytest.MonkeyPatch) -> None:
    """moto copies the whole table for each transaction; the local stack's patch saves only
    the items one names (the same semantics), so a burst of clicks takes seconds."""
    monkeypatch.setattr(
        DynamoDBBackend, "transact_write_items", moto_transactions.transact_write_items
    )


@pytest.fixture
def project(aws: Any) -> str:
    clock.set_now_for_tests(NOW)
    create_project()
    put_link("spring", PROJECT_ID)
    return PROJECT_ID


def stored_click(project_id: str, at: int = NOW, **fields: Any) -> dict[str, Any]:
    recorded = click("spring", project_id, at, **fields)
    found = item(keys.click(recorded["payload"]))
    assert found is not None
    return found


def funnel_of(first: str = "2026-01-01", last: str = "2026-01-01") -> dict[str, Any]:
    return report.link_funnel_report(ADMIN, "spring", first, last)


def test_a_click_counts_once_however_often_it_is_delivered(project: str) -> None:
    record = insert(stored_click(project))
    feed_stream(record)
    feed_stream(record, record)
    shown = funnel_of()
    assert shown["total"]["clicks"] == 1
    assert shown["total"]["visitors"] == 1
    assert shown["days"] == [{"day": "2026-01-01", **shown["total"]}]
    assert [c["value"] for c in shown["channels"]] == ["google-ads"]
    assert shown["utm_sources"][0] == {"value": "x", **shown["total"]}
    assert shown["utm_campaigns"][0]["value"] == "spring"
    assert shown["countries"] == [{"value": "DE", "clicks": 1}]
    assert shown["devices"] == [{"value": "mobile", "clicks": 1}]


def test_a_visitor_is_unique_per_day(project: str) -> None:
    feed_stream(
        insert(stored_click(project)),
        insert(stored_click(project, NOW + 1_000)),  # the same visitor again that day
        insert(stored_click(project, NOW + 2_000, visitor="v-2")),
        insert(stored_click(project, NOW + DAY)),  # the first visitor, the next day
    )
    shown = funnel_of("2026-01-01", "2026-01-02")
    assert [(d["clicks"], d["visitors"]) for d in shown["days"]] == [(3, 2), (1, 1)]
    assert (shown["total"]["clicks"], shown["total"]["visitors"]) == (4, 3)


def test_bot_clicks_count_apart_and_make_no_step(project: str) -> None:
    feed_stream(insert(stored_click(project, is_bot=True, device="bot", browser="telegram")))
    shown = funnel_of()
    assert shown["total"]["bot_clicks"] == 1
    assert shown["total"]["clicks"] == shown["total"]["visitors"] == 0
    assert shown["channels"] == shown["countries"] == shown["devices"] == []


def test_a_burst_on_one_link_spreads_over_the_shards_and_sums_up(project: str) -> None:
    feed_stream(*(insert(stored_click(project, NOW + n, visitor=f"v{n}")) for n in range(120)))
    partitions = keys.link_funnel_shards(project, "202601")
    used = [pk for pk in partitions if table.query_all(pk=pk)]
    assert len(used) == keys.LINK_FUNNEL_SHARDS
    assert funnel_of()["total"]["clicks"] == 120
    assert funnel_of()["total"]["visitors"] == 120


def images(key: tuple[str, str]) -> dict[str, Any]:
    found = item(key)
    assert found is not None
    return found


def test_a_conversation_from_a_click_walks_the_funnel_once(project: str) -> None:
    clicked = stored_click(project, NOW - 60_000)
    send(start_update(ADA, f"/start {clicked['payload']}"))
    profile = images(keys.telegram_user(project, ADA))
    opened = session_of(project, ADA)
    assert opened is not None
    session_key = keys.session(opened["session_id"])
    records = [insert(clicked), insert(profile), insert(opened)]

    clock.set_now_for_tests(NOW + 5_000)
    send(text_update(ADA, "Hello, is the spring offer still on?"))
    wrote = images(session_key)
    records.append(modify(opened, wrote))
    send(text_update(ADA, "And for two people?"))  # a second message is no first message
    again = images(session_key)
    records.append(modify(wrote, again))

    answered = {**again, "first_reply_at": NOW + 9_000, "last_agent_msg_at": NOW + 9_000}
    closed = {**answered, "status": "closed", "closed_at": NOW + 20_000}
    records += [modify(again, answered), modify(answered, closed)]
    reopened = {**closed, "status": "unread", "reopened_at": NOW + 30_000}
    closed_again = {**reopened, "status": "closed", "closed_at": NOW + 40_000}
    records += [modify(closed, reopened), modify(reopened, closed_again)]
    rated = {**closed_again, "rating": {"score": 5, "at": NOW + 50_000}}
    commented = {**rated, "rating": {**rated["rating"], "comment": "Quick!", "comment_at": NOW}}
    records += [modify(closed_again, rated), modify(rated, commented)]

    feed_stream(*records)
    feed_stream(*records)  # the stream delivers the batch again
    total = funnel_of()["total"]
    assert total == {
        "clicks": 1,
        "bot_clicks": 0,
        "visitors": 1,
        "starts": 1,
        "first_messages": 1,
        "first_replies": 1,
        "resolved": 1,
        "rated": 1,
        "average_rating": 5.0,
    }
    by_source = funnel_of()["utm_sources"]
    assert by_source[0]["value"] == "x" and by_source[0]["first_replies"] == 1
    assert (by_source[0]["rated"], by_source[0]["average_rating"]) == (1, 5.0)


def linked_session(project_id: str, sid: str, campaign: str) -> dict[str, Any]:
    touch = {
        "code": "spring",
        "channel": "google-ads",
        "utm": {"utm_source": "x", "utm_campaign": campaign},
        "click_id": f"c-{sid}",
        "clicked_at": NOW - 60_000,
        "touched_at": NOW - 50_000,
    }
    return {
        "kind": "session",
        "session_id": sid,
        "project_id": project_id,
        "link": touch,
        "status": "closed",
        "closed_at": NOW,
    }


def rate(session: dict[str, Any], score: int, at: int) -> int:
    """Count the change that writes the session's rating, twice (a redelivery)."""
    rated = {**session, "rating": {"score": score, "at": at}}
    return funnel.count_change("MODIFY", session, rated) + funnel.count_change(
        "MODIFY", session, rated
    )


def test_ratings_count_once_each_with_their_average_per_day_and_range(project: str) -> None:
    assert rate(linked_session(project, "s-1", "spring"), 5, NOW) == 1
    assert rate(linked_session(project, "s-2", "spring"), 2, NOW + 1_000) == 1
    assert rate(linked_session(project, "s-3", "autumn"), 4, NOW + DAY) == 1
    shown = funnel_of("2026-01-01", "2026-01-03")
    assert [(d["rated"], d["average_rating"]) for d in shown["days"]] == [
        (2, 3.5),
        (1, 4.0),
        (0, None),
    ]
    assert (shown["total"]["rated"], shown["total"]["average_rating"]) == (3, 3.67)
    campaigns = {c["value"]: (c["rated"], c["average_rating"]) for c in shown["utm_campaigns"]}
    assert campaigns == {"spring": (2, 3.5), "autumn": (1, 4.0)}


def test_only_the_change_that_writes_a_rating_is_a_rated_step(project: str) -> None:
    session = linked_session(project, "s-1", "spring")
    rated = {**session, "rating": {"score": 4, "at": NOW}}
    commented = {**rated, "rating": {**rated["rating"], "comment": "ok", "comment_at": NOW}}
    assert [c.step for c in funnel.steps_of("MODIFY", session, rated)] == ["rated"]
    assert [c.score for c in funnel.steps_of("MODIFY", session, rated)] == [4]
    assert list(funnel.steps_of("MODIFY", rated, commented)) == []
    assert list(funnel.steps_of("MODIFY", rated, {**rated, "priority": "high"})) == []
    unlinked = {k: v for k, v in rated.items() if k != "link"}
    assert list(funnel.steps_of("MODIFY", session, unlinked)) == []


def test_a_session_without_a_link_counts_nothing(project: str) -> None:
    send(text_update(ADA, "Hello"))
    opened = session_of(project, ADA)
    assert opened is not None
    assert list(funnel.steps_of("INSERT", {}, opened)) == []
    closed = {**opened, "status": "closed", "closed_at": NOW + 1}
    assert list(funnel.steps_of("MODIFY", opened, closed)) == []


def test_dimension_values_are_bounded() -> None:
    assert link_funnel.dimension_value("  Google Ads/Search #1 ") == "google-ads-search-1"
    assert link_funnel.dimension_value("x" * 500) == "x" * link_funnel.MAX_VALUE
    assert link_funnel.dimension_value("###") is None
    assert link_funnel.dimension_value(None) is None


def test_the_range_is_bounded_and_the_link_hidden_from_outsiders(project: str) -> None:
    with pytest.raises(InvalidInput):
        funnel_of("2026-01-01", "2026-04-30")
    with pytest.raises(InvalidInput):
        funnel_of("2026-01-02", "2026-01-01")
    with pytest.raises(InvalidInput):
        funnel_of("yesterday", "2026-01-01")
    outsider = Scope({"agent_id": "agent-x", "role": "agent"})
    with pytest.raises(NotFound):
        report.link_funnel_report(outsider, "spring")
    assert len(funnel_of("2025-12-01", "2026-01-31")["days"]) == 62


def test_a_range_reads_two_queries_per_month_and_shard(
    project: str, count_requests: list[str]
) -> None:
    funnel_of("2025-12-20", "2026-01-10")
    queries = [name for name in count_requests if name == "Query"]
    assert len(queries) == 2 * 2 * keys.LINK_FUNNEL_SHARDS


def test_the_api_answers_the_funnel_to_the_projects_supervisors(client: Any) -> None:
    admin = api_helpers.login(client)
    project = api_helpers.create_project(client, admin)
    put_link("spring", project["project_id"])
    feed_stream(insert(stored_click(project["project_id"])))
    answer = client.get(
        "/api/links/spring/funnel", params={"from": "2026-01-01", "to": "2026-01-02"}, headers=admin
    )
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert (body["from"], body["to"], body["time_zone"]) == ("2026-01-01", "2026-01-02", "UTC")
    assert [d["clicks"] for d in body["days"]] == [1, 0]
    assert body["total"]["clicks"] == 1
    assert (body["total"]["rated"], body["total"]["average_rating"]) == (0, None)
    api_helpers.create_agent(client, admin, "ana")
    hidden = client.get("/api/links/spring/funnel", headers=api_helpers.agent_login(client, "ana"))
    assert hidden.status_code == 404
    too_long = client.get(
        "/api/links/spring/funnel", params={"from": "2025-01-01", "to": "2026-01-01"}, headers=admin
    )
    assert too_long.status_code == 422 and too_long.json()["code"] == "invalid_range"
