"""Session lists and messages: who sees what, paging, error shapes, and the real handler."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from api_helpers import (
    ADMIN_PASSWORD,
    ADMIN_USERNAME,
    SECOND_BOT_TOKEN,
    agent_login,
    api_module,
    configure_admin,
    create_agent,
    create_project,
    fake_bot_api,
    http_event,
    login,
    put_inbound_message,
    put_session,
)
from conftest import lambda_context
from fastapi.testclient import TestClient

from tgdesk.core.clock import now_ms
from tgdesk.storage import conversations


@pytest.fixture
def desk(client: TestClient) -> dict[str, Any]:
    """Two projects, agents maria (project 1) and li (project 2), sessions of each."""
    admin = login(client)
    p1 = create_project(client, admin, "Support")["project_id"]
    p2 = create_project(client, admin, "Sales", token=SECOND_BOT_TOKEN)["project_id"]
    maria = create_agent(client, admin, "maria")["agent_id"]
    li = create_agent(client, admin, "li")["agent_id"]
    boss = create_agent(client, admin, "boss", role="supervisor")["agent_id"]
    client.post(f"/api/projects/{p1}/members", json={"agent_id": maria}, headers=admin)
    client.post(f"/api/projects/{p2}/members", json={"agent_id": li}, headers=admin)
    client.post(f"/api/projects/{p1}/members", json={"agent_id": boss}, headers=admin)
    base = now_ms() - 100_000
    maria_sessions = [
        put_session(p1, 1000 + i, assignee_id=maria, opened_at=base + i) for i in range(5)
    ]
    li_session = put_session(p2, 2000, assignee_id=li, opened_at=base + 10)
    queued = put_session(p1, 3000, opened_at=base + 20)
    return {
        "admin": admin,
        "p1": p1,
        "p2": p2,
        "maria": maria,
        "li": li,
        "maria_sessions": maria_sessions,
        "li_session": li_session,
        "queued": queued,
    }


def collect(
    client: TestClient, url: str, headers: dict[str, str], limit: int, id_field: str = "session_id"
) -> list[list[str]]:
    """Follow next_cursor to the end; returns the ids of each page."""
    pages, cursor = [], None
    while True:
        params: dict[str, Any] = {"limit": limit}
        if cursor:
            params["cursor"] = cursor
        response = client.get(url, params=params, headers=headers)
        assert response.status_code == 200, response.text
        body = response.json()
        pages.append([i[id_field] for i in body["items"]])
        cursor = body["next_cursor"]
        if not cursor:
            return pages


def test_an_agent_lists_their_own_sessions_newest_first(
    client: TestClient, desk: dict[str, Any]
) -> None:
    maria = agent_login(client, "maria")
    pages = collect(client, "/api/sessions", maria, limit=2)
    flat = [sid for page in pages for sid in page]
    expected = [s["session_id"] for s in reversed(desk["maria_sessions"])]
    assert flat == expected
    assert all(len(page) <= 2 for page in pages)


def test_an_admin_lists_every_project_merged_by_activity(
    client: TestClient, desk: dict[str, Any]
) -> None:
    pages = collect(client, "/api/sessions", desk["admin"], limit=3)
    flat = [sid for page in pages for sid in page]
    everyone = [*desk["maria_sessions"], desk["li_session"], desk["queued"]]
    expected = [
        s["session_id"] for s in sorted(everyone, key=lambda s: s["last_activity_at"], reverse=True)
    ]
    assert flat == expected

    only_sales = client.get(
        "/api/sessions", params={"project_id": desk["p2"]}, headers=desk["admin"]
    )
    assert [s["session_id"] for s in only_sales.json()["items"]] == [
        desk["li_session"]["session_id"]
    ]


def test_a_supervisor_sees_their_projects_sessions(
    client: TestClient, desk: dict[str, Any]
) -> None:
    boss = agent_login(client, "boss")
    items = client.get("/api/sessions", params={"limit": 50}, headers=boss).json()["items"]
    assert {s["project_id"] for s in items} == {desk["p1"]}
    assert len(items) == 6
    other = client.get("/api/sessions", params={"project_id": desk["p2"]}, headers=boss)
    assert other.status_code == 404
    li_session = desk["li_session"]["session_id"]
    assert client.get(f"/api/sessions/{li_session}", headers=boss).status_code == 404


def test_another_agents_session_is_404_not_403(client: TestClient, desk: dict[str, Any]) -> None:
    li = agent_login(client, "li")
    theirs = desk["maria_sessions"][0]["session_id"]
    for response in (
        client.get(f"/api/sessions/{theirs}", headers=li),
        client.get(f"/api/sessions/{theirs}/messages", headers=li),
        client.post(f"/api/sessions/{theirs}/messages", json={"text": "hi"}, headers=li),
        client.get("/api/sessions/does-not-exist", headers=li),
    ):
        assert response.status_code == 404
        assert response.json() == {"code": "session_not_found", "message": "no such session"}
    own = client.get(f"/api/sessions/{desk['li_session']['session_id']}", headers=li)
    assert own.status_code == 200 and own.json()["assignee_id"] == desk["li"]


def test_messages_page_oldest_to_newest(client: TestClient, desk: dict[str, Any]) -> None:
    session = desk["maria_sessions"][0]
    start = session["opened_at"]
    written = [put_inbound_message(session, f"message {i}", at=start + i) for i in range(7)]
    maria = agent_login(client, "maria")
    url = f"/api/sessions/{session['session_id']}/messages"
    pages = collect(client, url, maria, limit=3, id_field="message_id")
    assert [len(p) for p in pages][:3] == [3, 3, 1]
    assert [m for page in pages for m in page] == [w["message_id"] for w in written]

    first = client.get(url, params={"limit": 1}, headers=maria).json()["items"][0]
    assert first["direction"] == "in" and first["text"] == "message 0"
    assert first["telegram_message_id"] == written[0]["telegram_message_id"]
    assert "raw" not in first and "PK" not in first


def test_bad_cursor_and_limit_name_their_field(client: TestClient, desk: dict[str, Any]) -> None:
    maria = agent_login(client, "maria")
    bad_limit = client.get("/api/sessions", params={"limit": 0}, headers=maria)
    assert bad_limit.status_code == 422
    assert bad_limit.json()["field"] == "limit"
    assert bad_limit.json()["errors"][0]["field"] == "limit"
    bad_cursor = client.get("/api/sessions", params={"cursor": "bm9wZQ"}, headers=desk["admin"])
    assert bad_cursor.status_code == 422
    assert bad_cursor.json()["code"] == "invalid_cursor" and bad_cursor.json()["field"] == "cursor"


def test_unknown_route_and_method_are_json(client: TestClient) -> None:
    missing = client.get("/api/nothing-here")
    assert missing.status_code == 404 and missing.json()["code"] == "not_found"
    wrong = client.delete("/api/health")
    assert wrong.status_code == 405 and wrong.json()["code"] == "method_not_allowed"


def test_openapi_and_docs_are_served_under_api(client: TestClient) -> None:
    spec = client.get("/api/openapi.json").json()
    assert "/api/sessions/{session_id}/messages" in spec["paths"]
    assert "HTTPBearer" in spec["components"]["securitySchemes"]
    assert "MessagePublic" in spec["components"]["schemas"]
    assert client.get("/api/docs").status_code == 200


# -- through the real Lambda handler (Mangum, API Gateway HTTP API v2 events) ---------------
@pytest.fixture
def handler(aws: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    configure_admin(monkeypatch)
    module = api_module()
    module._admin_ready = False  # a fresh container
    with fake_bot_api():
        yield module.handler


def call(handler: Any, event: dict[str, Any]) -> tuple[int, Any]:
    result = handler(event, lambda_context())
    assert result["headers"]["content-type"].startswith("application/json")
    return result["statusCode"], json.loads(result["body"]) if result.get("body") else None


def test_lambda_handler_bootstraps_the_admin_and_serves_sessions(handler: Any) -> None:
    status, health = call(handler, http_event("GET", "/api/health"))
    assert status == 200 and health["status"] == "ok"

    status, body = call(
        handler,
        http_event(
            "POST",
            "/api/auth/login",
            body={"username": ADMIN_USERNAME, "password": ADMIN_PASSWORD},
            base64_body=True,
        ),
    )
    assert status == 200, body
    token = body["token"]

    status, project = call(
        handler,
        http_event(
            "POST",
            "/api/projects",
            body={"name": "Support", "bot_token": SECOND_BOT_TOKEN},
            token=token,
        ),
    )
    assert status == 201, project
    # No TGDESK_PUBLIC_URL: the webhook lives on the API's own execute-api host.
    assert project["webhook_url"] == (
        f"https://abc123.execute-api.us-east-1.amazonaws.com/telegram/{project['project_id']}"
    )

    admin_id = body["agent"]["agent_id"]
    sessions = [
        put_session(project["project_id"], 10 + i, assignee_id=admin_id, opened_at=1_000 + i)
        for i in range(3)
    ]
    status, page = call(handler, http_event("GET", "/api/sessions", token=token, query="limit=2"))
    assert status == 200
    assert [s["session_id"] for s in page["items"]] == [s["session_id"] for s in sessions[:0:-1]]
    status, rest = call(
        handler,
        http_event(
            "GET", "/api/sessions", token=token, query=f"limit=2&cursor={page['next_cursor']}"
        ),
    )
    assert [s["session_id"] for s in rest["items"]] == [sessions[0]["session_id"]]
    assert rest["next_cursor"] is None

    status, denied = call(handler, http_event("GET", "/api/sessions"))
    assert status == 401 and denied["code"] == "unauthorized"


def test_an_admin_reads_a_projects_ignored_update_counts(
    client: TestClient, desk: dict[str, Any]
) -> None:
    p1 = desk["p1"]
    for update_id, kind in enumerate(("group_message", "group_message", "channel_post"), 1):
        conversations.count_ignored(p1, update_id, kind=kind, now=now_ms())
    url = f"/api/projects/{p1}/ignored-updates"

    answer = client.get(url, headers=desk["admin"])
    assert answer.status_code == 200, answer.text
    assert answer.json() == {"counts": {"group_message": 2, "channel_post": 1}}
    empty = client.get(f"/api/projects/{desk['p2']}/ignored-updates", headers=desk["admin"])
    assert empty.json() == {"counts": {}}
    missing = client.get("/api/projects/nope/ignored-updates", headers=desk["admin"])
    assert (missing.status_code, missing.json()["code"]) == (404, "project_not_found")
    for name in ("boss", "maria", "li"):
        refused = client.get(url, headers=agent_login(client, name))
        assert (refused.status_code, refused.json()["code"]) == (403, "admin_only")
