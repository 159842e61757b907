"""A Telegram user's profile, whole history and search, and who may read them."""

from __future__ import annotations

import json
from typing import Any

import pytest
from api_helpers import api_module, http_event, put_inbound_message, put_session
from collab_helpers import ANA_USER, MARIA_USER, audit_entries, put_profile
from conftest import lambda_context
from fastapi.testclient import TestClient

from tgdesk.core.clock import now_ms
from tgdesk.inbound import users
from tgdesk.storage import keys, table

pytest_plugins = ["collab_helpers"]

T0 = 1_750_000_000_000


def user_url(team: dict[str, Any], tg_user_id: int = MARIA_USER, project: str = "p1") -> str:
    return f"/api/projects/{team[project]}/users/{tg_user_id}"


@pytest.fixture
def history(team: dict[str, Any]) -> dict[str, Any]:
    """maria's user had an earlier session, closed, held by ana; 3 + 4 messages."""
    current = team["sessions"]["maria"]
    earlier = put_session(
        team["p1"], MARIA_USER, assignee_id=team["ids"]["ana"], opened_at=T0, status="closed"
    )
    put_profile(team["p1"], MARIA_USER, earlier)
    put_profile(team["p1"], MARIA_USER, current)
    texts = ["Hello", "My ORDER is late", "thanks"]
    old = [put_inbound_message(earlier, t, at=T0 + i * 1000) for i, t in enumerate(texts)]
    base = current["opened_at"]
    new_texts = ["Hi again", "order 42 still missing", "Straße 5", "ｆｕｌｌ refund please"]
    new = [put_inbound_message(current, t, at=base + i * 1000) for i, t in enumerate(new_texts)]
    photo = put_inbound_message(current, "", at=base + 10_000)
    pk, sk = photo["PK"], photo["SK"]
    table.client().update_item(
        TableName=table.table_name(),
        Key=table.to_item({"PK": pk, "SK": sk}),
        UpdateExpression="SET #type = :photo, caption = :caption REMOVE #text",
        ExpressionAttributeNames={"#type": "type", "#text": "text"},
        ExpressionAttributeValues=table.values(
            {":photo": "photo", ":caption": "the Order receipt"}
        ),
    )
    return {"earlier": earlier, "old": old, "new": new, "photo": photo}


def collect(
    client: TestClient, url: str, headers: dict[str, str], **params: Any
) -> list[list[str]]:
    pages, cursor = [], None
    while True:
        response = client.get(
            url, params={**params, **({"cursor": cursor} if cursor else {})}, headers=headers
        )
        assert response.status_code == 200, response.text
        body = response.json()
        pages.append([m["message_id"] for m in body["items"]])
        cursor = body["next_cursor"]
        if not cursor:
            return pages


def test_the_profile_shows_the_user_and_every_session(
    client: TestClient, team: dict[str, Any], history: dict[str, Any]
) -> None:
    response = client.get(user_url(team), headers=team["boss"])
    assert response.status_code == 200, response.text
    user = response.json()
    assert (user["first_name"], user["last_name"], user["username"]) == ("Alice", "Martin", "alice")
    assert user["tg_user_id"] == MARIA_USER
    assert user["is_premium"] is True
    assert user["language_code"] == "en"
    assert user["unreachable"] is False
    assert user["tags"] == []
    assert [(s["session_id"], s["status"], s["assignee_id"]) for s in user["sessions"]] == [
        (team["sessions"]["maria"]["session_id"], "unread", team["ids"]["maria"]),
        (history["earlier"]["session_id"], "closed", team["ids"]["ana"]),
    ]
    assert "open_session_id" not in user


@pytest.mark.parametrize(
    ("who", "status"),
    [("admin", 200), ("boss", 200), ("maria", 200), ("ana", 200), ("li", 404), ("chief", 404)],
)
def test_who_may_read_a_user(
    client: TestClient, team: dict[str, Any], history: dict[str, Any], who: str, status: int
) -> None:
    """ana held an earlier session of this user, so she may read them too."""
    for url in (user_url(team), f"{user_url(team)}/messages", f"{user_url(team)}/messages?q=x"):
        response = client.get(url, headers=team[who])
        assert response.status_code == status, (url, response.text)
        if status == 404:
            assert response.json()["code"] == "project_not_found"


def test_an_agent_who_never_held_the_users_sessions_gets_404(
    client: TestClient, team: dict[str, Any]
) -> None:
    for url in (user_url(team), f"{user_url(team)}/messages", f"{user_url(team)}/messages?q=a"):
        response = client.get(url, headers=team["ana"])
        assert response.status_code == 404
        assert response.json()["code"] == "user_not_found"
    unknown = client.get(user_url(team, 999_999), headers=team["boss"])
    assert unknown.status_code == 404
    assert unknown.json()["code"] == "user_not_found"
    other_project = client.get(user_url(team, ANA_USER, "p2"), headers=team["chief"])
    assert other_project.status_code == 404


def test_the_history_spans_sessions_newest_first_in_pages(
    client: TestClient, team: dict[str, Any], history: dict[str, Any]
) -> None:
    pages = collect(client, f"{user_url(team)}/messages", team["maria"], limit=3)
    expected = [m["message_id"] for m in (*history["old"], *history["new"], history["photo"])]
    assert [m for page in pages for m in page] == expected[::-1]
    assert [len(p) for p in pages] == [3, 3, 2]

    before = client.get(
        f"{user_url(team)}/messages",
        params={"before": history["new"][0]["created_at"]},
        headers=team["maria"],
    ).json()
    assert [m["message_id"] for m in before["items"]] == [
        m["message_id"] for m in reversed(history["old"])
    ]
    assert before["next_cursor"] is None
    first = before["items"][0]
    assert first["session_id"] == history["earlier"]["session_id"]
    assert "raw" not in first


def test_a_cursor_of_another_shape_is_refused(
    client: TestClient, team: dict[str, Any], history: dict[str, Any]
) -> None:
    for cursor in ("not-base64!", "UFJPSkVDVA", "MDAwMDAwMDAwMDAwMCNhYmM"):
        response = client.get(
            f"{user_url(team)}/messages", params={"cursor": cursor}, headers=team["maria"]
        )
        assert response.status_code == 422, cursor
        assert response.json()["code"] == "invalid_cursor"
        assert response.json()["field"] == "cursor"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("order", ["photo", "new:1", "old:1"]),
        ("STRASSE", ["new:2"]),
        ("full", ["new:3"]),
        ("ＯＲＤＥＲ 42", ["new:1"]),
        ("nothing like it", []),
    ],
)
def test_search_is_case_insensitive_normalised_and_reads_captions(
    client: TestClient,
    team: dict[str, Any],
    history: dict[str, Any],
    query: str,
    expected: list[str],
) -> None:
    def message_id(ref: str) -> str:
        if ref == "photo":
            return history["photo"]["message_id"]
        group, index = ref.split(":")
        return history[group][int(index)]["message_id"]

    pages = collect(client, f"{user_url(team)}/messages", team["boss"], q=query, limit=50)
    assert [m for page in pages for m in page] == [message_id(r) for r in expected]


def test_search_reads_a_bounded_part_of_the_history_per_request(
    client: TestClient,
    team: dict[str, Any],
    history: dict[str, Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(users, "SEARCH_PAGE_SIZE", 2)
    monkeypatch.setattr(users, "SEARCH_MAX_PAGES", 1)
    queries: list[dict[str, Any]] = []
    original = table.client().query

    def counting(**kwargs: Any) -> Any:
        queries.append(kwargs)
        return original(**kwargs)

    monkeypatch.setattr(table.client(), "query", counting)
    url = f"{user_url(team)}/messages"
    first = client.get(url, params={"q": "hello"}, headers=team["boss"]).json()
    chat_reads = [
        q
        for q in queries
        if q.get("ExpressionAttributeValues", {}).get(":pk", {}).get("S", "").startswith("CHAT#")
    ]
    assert len(chat_reads) == 1
    assert chat_reads[0]["Limit"] == 2
    assert first["items"] == []
    assert first["next_cursor"]

    found = collect(client, url, team["boss"], q="hello")
    assert [m for page in found for m in page] == [history["old"][0]["message_id"]]


def test_reading_a_user_is_audited(
    client: TestClient, team: dict[str, Any], history: dict[str, Any]
) -> None:
    client.get(user_url(team), headers=team["maria"])
    first = client.get(f"{user_url(team)}/messages", params={"limit": 2}, headers=team["maria"])
    client.get(
        f"{user_url(team)}/messages",
        params={"limit": 2, "cursor": first.json()["next_cursor"]},
        headers=team["maria"],
    )
    client.get(f"{user_url(team)}/messages", params={"q": "Order"}, headers=team["boss"])

    views = audit_entries(client, team["admin"], "user.view")
    assert [e["details"] for e in views] == [{"view": "messages"}, {"view": "profile"}]
    assert {(e["actor_id"], e["target_type"], e["target_id"]) for e in views} == {
        (team["ids"]["maria"], "tg_user", str(MARIA_USER))
    }
    (search,) = audit_entries(client, team["admin"], "user.search")
    assert search["details"] == {"q": "Order"}
    assert search["actor_id"] == team["ids"]["boss"]
    assert search["project_id"] == team["p1"]


def test_through_the_lambda_handler_the_audit_keeps_the_source_address(
    team: dict[str, Any], history: dict[str, Any]
) -> None:
    token = team["boss"]["Authorization"].removeprefix("Bearer ")
    path = f"/api/projects/{team['p1']}/users/{MARIA_USER}/messages"
    event = http_event("GET", path, token=token, query="q=receipt&limit=5")
    response = api_module().handler(event, lambda_context())
    assert response["statusCode"] == 200, response["body"]
    body = json.loads(response["body"])
    assert [m["message_id"] for m in body["items"]] == [history["photo"]["message_id"]]
    newest_of_each = [
        item
        for shard in keys.project_audit_shards(team["p1"])
        for item in table.query(pk=shard, forward=False, limit=1)[0]
    ]
    newest = max(newest_of_each, key=lambda item: item["SK"])
    assert newest["action"] == "user.search"
    assert newest["source_ip"] == "198.51.100.7"
    assert newest["at"] <= now_ms()


@pytest.mark.parametrize("query", ["q=", f"q={'x' * 101}", "limit=0", "limit=201", "before=-1"])
def test_invalid_history_parameters_are_refused(
    client: TestClient, team: dict[str, Any], query: str
) -> None:
    response = client.get(f"{user_url(team)}/messages?{query}", headers=team["boss"])
    assert response.status_code == 422, response.text
    assert response.json()["code"] == "invalid_input"
