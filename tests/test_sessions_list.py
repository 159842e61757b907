"""GET /api/sessions: who sees which sessions, every filter, counts per status, and paging
that stays exact when filters leave pages sparse."""

from __future__ import annotations

import json
from typing import Any

import pytest
from api_helpers import (
    SECOND_BOT_TOKEN,
    agent_login,
    api_module,
    create_agent,
    create_project,
    http_event,
    login,
    put_session,
)
from conftest import lambda_context
from fastapi.testclient import TestClient

from tgdesk.core.clock import now_ms
from tgdesk.storage import keys, session_list, table


def _set(session: dict[str, Any], **changes: Any) -> None:
    """Attributes other writers own: priority (PATCH), tags (the tags API)."""
    names = {f"#{k}": k for k in changes}
    table.client().update_item(
        TableName=table.table_name(),
        Key=table.to_item(
            dict(zip(("PK", "SK"), keys.session(session["session_id"]), strict=True))
        ),
        UpdateExpression="SET " + ", ".join(f"#{k} = :{k}" for k in changes),
        ExpressionAttributeNames=names,
        ExpressionAttributeValues=table.values({f":{k}": v for k, v in changes.items()}),
    )


@pytest.fixture
def desk(client: TestClient) -> dict[str, Any]:
    """Support (p1): agent maria, supervisor boss. Sales (p2): agent li."""
    admin = login(client)
    p1 = create_project(client, admin, "Support")["project_id"]
    p2 = create_project(client, admin, "Sales", token=SECOND_BOT_TOKEN)["project_id"]
    people = {
        name: create_agent(client, admin, name, role=role)["agent_id"]
        for name, role in (("maria", "agent"), ("boss", "supervisor"), ("li", "agent"))
    }
    for name, project in (("maria", p1), ("boss", p1), ("li", p2)):
        client.post(
            f"/api/projects/{project}/members", json={"agent_id": people[name]}, headers=admin
        ).raise_for_status()
    base = now_ms() - 1_000_000
    maria = people["maria"]
    s = {
        "unread": put_session(p1, 101, assignee_id=maria, opened_at=base + 1000),
        "processing": put_session(
            p1, 102, assignee_id=maria, opened_at=base + 2000, status="processing"
        ),
        "follow_up": put_session(
            p1, 103, assignee_id=maria, opened_at=base + 3000, status="follow_up"
        ),
        "closed": put_session(p1, 104, assignee_id=maria, opened_at=base + 4000, status="closed"),
        "queued": put_session(p1, 105, opened_at=base + 5000),
        "sales": put_session(
            p2, 201, assignee_id=people["li"], opened_at=base + 6000, status="processing"
        ),
    }
    _set(s["unread"], priority="urgent", tags=["t-vip"])
    _set(s["follow_up"], tags=["t-vip", "t-refund"])
    return {
        "base": base,
        "p1": p1,
        "p2": p2,
        **people,
        "s": {k: v["session_id"] for k, v in s.items()},
        "admin": admin,
        "as_maria": agent_login(client, "maria"),
        "as_boss": agent_login(client, "boss"),
        "as_li": agent_login(client, "li"),
    }


def listing(client: TestClient, headers: dict[str, str], **params: Any) -> dict[str, Any]:
    response = client.get("/api/sessions", params=params, headers=headers)
    assert response.status_code == 200, response.text
    return response.json()


def names(desk: dict[str, Any], body: dict[str, Any]) -> list[str]:
    by_id = {v: k for k, v in desk["s"].items()}
    return [by_id[item["session_id"]] for item in body["items"]]


ALL_FOUR = {"unread": 1, "processing": 1, "follow_up": 1, "closed": 1}


def test_an_agent_sees_their_sessions_newest_first_with_counts(
    client: TestClient, desk: dict[str, Any]
) -> None:
    body = listing(client, desk["as_maria"])
    assert names(desk, body) == ["closed", "follow_up", "processing", "unread"]
    assert body["counts"] == ALL_FOUR
    assert body["counts_complete"] is True
    assert body["next_cursor"] is None


def test_status_filters_keep_the_counts_of_every_status(
    client: TestClient, desk: dict[str, Any]
) -> None:
    body = listing(client, desk["as_maria"], status=["unread", "processing"])
    assert names(desk, body) == ["processing", "unread"]
    assert body["counts"] == ALL_FOUR
    assert names(desk, listing(client, desk["as_maria"], unread="true")) == ["unread"]


@pytest.mark.parametrize(
    ("params", "expected", "counts"),
    [
        ({"priority": "urgent"}, ["unread"], {"unread": 1}),
        ({"tag": "t-vip"}, ["follow_up", "unread"], {"unread": 1, "follow_up": 1}),
        ({"tag": "t-refund"}, ["follow_up"], {"follow_up": 1}),
        ({"tag": "t-none"}, [], {}),
    ],
)
def test_priority_and_tag_filters(
    client: TestClient,
    desk: dict[str, Any],
    params: dict[str, str],
    expected: list[str],
    counts: dict[str, int],
) -> None:
    body = listing(client, desk["as_maria"], **params)
    assert names(desk, body) == expected
    assert body["counts"] == {**dict.fromkeys(ALL_FOUR, 0), **counts}


def test_last_activity_range(client: TestClient, desk: dict[str, Any]) -> None:
    base = desk["base"]
    body = listing(client, desk["as_maria"], active_from=base + 2000, active_to=base + 3000)
    assert names(desk, body) == ["follow_up", "processing"]
    assert body["counts"] == {"unread": 0, "processing": 1, "follow_up": 1, "closed": 0}
    assert names(desk, listing(client, desk["as_maria"], active_from=base + 3500)) == ["closed"]


def test_a_supervisor_sees_the_whole_project_and_filters_by_assignee(
    client: TestClient, desk: dict[str, Any]
) -> None:
    body = listing(client, desk["as_boss"])
    assert names(desk, body) == ["queued", "closed", "follow_up", "processing", "unread"]
    assert body["counts"] == {**ALL_FOUR, "unread": 2}
    body = listing(client, desk["as_boss"], assignee_id=desk["maria"], status="unread")
    assert names(desk, body) == ["unread"]
    # li works in a project boss does not supervise: nothing of it shows.
    assert listing(client, desk["as_boss"], assignee_id=desk["li"])["items"] == []


def test_an_admin_sees_every_project_merged(client: TestClient, desk: dict[str, Any]) -> None:
    body = listing(client, desk["admin"])
    assert names(desk, body) == ["sales", "queued", "closed", "follow_up", "processing", "unread"]
    assert names(desk, listing(client, desk["admin"], project_id=desk["p2"])) == ["sales"]
    assert names(desk, listing(client, desk["admin"], assignee_id=desk["li"])) == ["sales"]
    body = listing(client, desk["admin"], project_id=desk["p1"], assignee_id=desk["li"])
    assert body["items"] == []


@pytest.mark.parametrize("who", ["as_maria", "as_boss", "as_li"])
def test_another_projects_sessions_are_not_found(
    client: TestClient, desk: dict[str, Any], who: str
) -> None:
    other = desk["p2"] if who != "as_li" else desk["p1"]
    response = client.get("/api/sessions", params={"project_id": other}, headers=desk[who])
    assert (response.status_code, response.json()["code"]) == (404, "project_not_found")


def test_an_agent_cannot_list_another_agents_sessions(
    client: TestClient, desk: dict[str, Any]
) -> None:
    response = client.get(
        "/api/sessions", params={"assignee_id": desk["li"]}, headers=desk["as_maria"]
    )
    assert (response.status_code, response.json()["code"]) == (403, "supervisor_only")
    own = listing(client, desk["as_maria"], assignee_id=desk["maria"])
    assert len(own["items"]) == 4


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"status": "open"}, "status.0"),
        ({"priority": "critical"}, "priority"),
        ({"unread": "true", "status": "closed"}, "unread"),
        ({"active_from": 10, "active_to": 5}, "active_from"),
        ({"cursor": "bm90LWEta2V5"}, "cursor"),
        ({"limit": 0}, "limit"),
    ],
)
def test_invalid_filters_name_their_field(
    client: TestClient, desk: dict[str, Any], params: dict[str, Any], field: str
) -> None:
    response = client.get("/api/sessions", params=params, headers=desk["as_boss"])
    assert response.status_code == 422, response.text
    assert response.json()["field"] == field


def test_sparse_pages_still_page_exactly(
    client: TestClient, desk: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    # One item per request and one request per partition: most pages come back short,
    # and the cursor must still walk every matching session once, in order.
    monkeypatch.setattr(session_list, "READ_SIZE", 1)
    monkeypatch.setattr(session_list, "READS_PER_PARTITION", 1)
    seen: list[str] = []
    cursor = None
    for _ in range(20):
        params: dict[str, Any] = {"limit": 2, "status": ["unread", "processing"]}
        if cursor:
            params["cursor"] = cursor
        body = listing(client, desk["admin"], **params)
        assert len(body["items"]) <= 2
        seen += names(desk, body)
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert seen == ["sales", "queued", "processing", "unread"]


def test_counts_say_when_they_stopped_counting(
    client: TestClient, desk: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(session_list, "MAX_COUNTED", 2)
    monkeypatch.setattr(session_list, "READ_SIZE", 1)
    body = listing(client, desk["as_boss"])
    assert body["counts_complete"] is False
    assert sum(body["counts"].values()) == 2
    assert len(body["items"]) == 5


def test_through_the_lambda_handler(desk: dict[str, Any]) -> None:
    token = desk["as_maria"]["Authorization"].removeprefix("Bearer ")
    event = http_event("GET", "/api/sessions", token=token, query="status=unread&priority=urgent")
    response = api_module().handler(event, lambda_context())
    assert response["statusCode"] == 200
    body = json.loads(response["body"])
    assert [s["session_id"] for s in body["items"]] == [desk["s"]["unread"]]
    assert body["items"][0]["tags"] == ["t-vip"]


def test_search_matches_the_users_name_username_or_telegram_id(
    client: TestClient, desk: dict[str, Any]
) -> None:
    _set(
        {"session_id": desk["s"]["processing"]},
        user={"first_name": "Zoë", "last_name": "Ünal", "username": "zoe_u"},
    )
    _set({"session_id": desk["s"]["closed"]}, user={"first_name": "李", "last_name": "雷"})

    def found(q: str, headers: dict[str, str] | None = None) -> list[str]:
        return names(desk, listing(client, headers or desk["as_maria"], q=q))

    assert found("zoË") == ["processing"]
    assert found("ünal  zoë") == ["processing"]
    assert found("@ZOE_U") == ["processing"]
    assert found("李 雷") == ["closed"]
    assert found("10") == ["closed", "follow_up", "processing", "unread"]  # ids 101..104
    assert found("103") == ["follow_up"]
    assert found("03") == []  # ids match from their start
    assert found("nobody") == []
    # Counts follow the search; the search never widens what the caller may see.
    assert listing(client, desk["as_maria"], q="zoe")["counts"] == {
        "unread": 0,
        "processing": 1,
        "follow_up": 0,
        "closed": 0,
    }
    assert found("201") == []
    assert found("201", desk["as_li"]) == ["sales"]
    too_long = client.get("/api/sessions", params={"q": "x" * 101}, headers=desk["as_maria"])
    assert (too_long.status_code, too_long.json()["field"]) == (422, "q")


def test_search_finds_a_full_name_in_either_order(client: TestClient, desk: dict[str, Any]) -> None:
    _set({"session_id": desk["s"]["processing"]}, user={"first_name": "小明", "last_name": "王"})
    _set({"session_id": desk["s"]["closed"]}, user={"first_name": "Ivan", "last_name": "Petrov"})

    def found(q: str) -> list[str]:
        return names(desk, listing(client, desk["as_maria"], q=q))

    for q in ("王小明", "小明王", "小明 王"):
        assert found(q) == ["processing"], q
    for q in ("Ivan Petrov", "Petrov Ivan"):
        assert found(q) == ["closed"], q


def test_search_words_are_folded_once() -> None:
    assert session_list.fold_search("  @Alice   MARTIN ") == "alice martin"
    assert session_list.fold_search("   ") is None
    session = {"tg_user_id": 5000000001, "user": {"first_name": "Alice", "username": "alice_m"}}
    assert session_list.matches_user(session, "alice_m")
    assert session_list.matches_user(session, "500000")
    assert not session_list.matches_user({"tg_user_id": 7}, "alice")


@pytest.mark.parametrize("read_size", [200, 8])
def test_a_projects_list_pages_exactly_across_its_shards(
    aws: Any, monkeypatch: pytest.MonkeyPatch, read_size: int
) -> None:
    """A project's sessions spread over the shards of its index: at any page size, with or
    without a filter that leaves pages sparse, the pages walk every match once, newest
    activity first, and no page reads more than one partition's budget of items."""
    monkeypatch.setattr(session_list, "READ_SIZE", read_size)
    base = now_ms() - 1_000_000
    made = [
        put_session("pbig", 500 + n, opened_at=base + (n * 37) % 41 * 1000 + n, status=status)
        for n, status in enumerate(["unread", "processing", "closed"] * 10)
    ]
    partition = session_list.project_partition("pbig")
    assert len({keys.project_sessions_index("pbig", s["session_id"]) for s in made}) > 1
    newest_first = sorted(made, key=lambda s: (s["last_activity_at"], s["session_id"]))[::-1]
    evaluated: list[int] = []
    query = session_list._query

    def counted(*args: Any, **kwargs: Any) -> Any:
        evaluated.append(kwargs["limit"])
        return query(*args, **kwargs)

    monkeypatch.setattr(session_list, "_query", counted)
    budget = session_list.READS_PER_PARTITION * read_size
    for statuses in ((), ("unread",)):
        kept = [s for s in newest_first if not statuses or s["status"] in statuses]
        expected = [s["session_id"] for s in kept]
        for limit in (1, 4, 11, 50):
            seen: list[str] = []
            cursor = None
            for _ in range(60):
                evaluated.clear()
                items, cursor = session_list.list_page(
                    [partition], session_list.SessionFilter(statuses=statuses), limit=limit,
                    cursor=cursor,
                )  # fmt: skip
                assert len(items) <= limit and sum(evaluated) <= budget
                seen += [i["session_id"] for i in items]
                if cursor is None:
                    break
            assert seen == expected, (statuses, limit)
