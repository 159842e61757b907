"""Connecting a bot: getMe, secrets in SSM (never in answers or logs), the webhook, members."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

import boto3
import pytest
from api_helpers import (
    BOT_TOKEN,
    SECOND_BOT_TOKEN,
    FakeBotApi,
    agent_login,
    all_logs,
    api_module,
    bot_api_error,
    create_agent,
    create_project,
    login,
    scan_items,
)
from fastapi.testclient import TestClient

from tgdesk.core import secrets
from tgdesk.team import project_setup


@pytest.fixture
def client(telegram: FakeBotApi) -> Iterator[TestClient]:
    with TestClient(api_module().app, base_url="https://desk.example") as test_client:
        yield test_client


def ssm_value(name: str) -> str:
    ssm = boto3.client("ssm", region_name="us-east-1")
    parameter = ssm.get_parameter(Name=name, WithDecryption=True)["Parameter"]
    assert parameter["Type"] == "SecureString"
    return parameter["Value"]


def test_create_project_connects_the_bot(
    client: TestClient, telegram: FakeBotApi, caplog: pytest.LogCaptureFixture
) -> None:
    admin = login(client)
    with all_logs(caplog):
        response = client.post(
            "/api/projects", json={"name": "Support", "bot_token": BOT_TOKEN}, headers=admin
        )
    assert response.status_code == 201, response.text
    project = response.json()
    pid = project["project_id"]
    assert project["bot_id"] == 7000001 and project["bot_username"] == "tgdesk_test_bot"
    assert project["webhook_url"] == f"https://desk.example/telegram/{pid}"
    assert set(project) == {
        "project_id",
        "name",
        "bot_id",
        "bot_username",
        "created_by",
        "created_at",
        "webhook_url",
    }

    # getMe checked the token, then the webhook was set with its secret and update kinds.
    assert [c.method for c in telegram.calls] == ["getMe", "setWebhook"]
    hook = telegram.calls_of("setWebhook")[0].params
    secret = ssm_value(f"/tgdesk/test/projects/{pid}/webhook-secret")
    assert hook["url"] == project["webhook_url"]
    assert hook["secret_token"] == secret and len(secret) >= 43
    assert hook["allowed_updates"] == project_setup.ALLOWED_UPDATES
    assert ssm_value(f"/tgdesk/test/projects/{pid}/bot-token") == BOT_TOKEN

    # The table holds the secret's hash only; the creator is a member.
    stored = scan_items()
    item = next(i for i in stored if i["kind"] == "project")
    assert item["webhook_secret_hash"] == hashlib.sha256(secret.encode()).hexdigest()
    assert BOT_TOKEN not in str(stored) and secret not in str(stored)
    members = client.get(f"/api/projects/{pid}/members", headers=admin).json()["items"]
    assert [m["username"] for m in members] == ["admin"]

    # Neither secret is in any answer or log line.
    listed = client.get("/api/projects", headers=admin)
    for text in (response.text, listed.text, caplog.text):
        assert BOT_TOKEN not in text and secret not in text
        assert BOT_TOKEN.split(":")[1] not in text
    assert "project created" in caplog.text
    assert [p["project_id"] for p in listed.json()["items"]] == [pid]


def test_public_url_setting_wins_over_the_request_host(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, telegram: FakeBotApi
) -> None:
    monkeypatch.setenv("TGDESK_PUBLIC_URL", "https://help.example.org/")
    from tgdesk.core.settings import get_settings

    get_settings.cache_clear()
    project = create_project(client, login(client))
    assert project["webhook_url"] == f"https://help.example.org/telegram/{project['project_id']}"
    assert telegram.calls_of("setWebhook")[0].params["url"] == project["webhook_url"]


def test_polling_mode_deletes_the_webhook_instead(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, telegram: FakeBotApi
) -> None:
    monkeypatch.setenv("TGDESK_TELEGRAM_MODE", "polling")
    project = create_project(client, login(client))
    assert [c.method for c in telegram.calls] == ["getMe", "deleteWebhook"]
    assert secrets.get_webhook_secret(project["project_id"])


def test_invalid_bot_token_is_refused_and_nothing_is_stored(client: TestClient) -> None:
    response = client.post(
        "/api/projects", json={"name": "Support", "bot_token": "123:revoked"}, headers=login(client)
    )
    assert response.status_code == 422
    assert response.json()["code"] == "invalid_bot_token"
    assert response.json()["field"] == "bot_token"
    assert "revoked" not in response.text
    assert not [i for i in scan_items() if i["kind"] == "project"]


def test_webhook_refused_rolls_back_the_secrets(client: TestClient, telegram: FakeBotApi) -> None:
    status, body = bot_api_error("rate_limited")
    telegram.fail("setWebhook", status, body)
    response = client.post(
        "/api/projects", json={"name": "Support", "bot_token": BOT_TOKEN}, headers=login(client)
    )
    assert response.status_code == 502
    assert response.json()["code"] == "telegram_unavailable"
    assert response.headers["retry-after"] == "7"
    assert not [i for i in scan_items() if i["kind"] == "project"]
    ssm = boto3.client("ssm", region_name="us-east-1")
    assert ssm.get_parameters_by_path(Path="/tgdesk/test", Recursive=True)["Parameters"] == []


def test_one_bot_one_project(client: TestClient) -> None:
    admin = login(client)
    create_project(client, admin)
    again = client.post(
        "/api/projects", json={"name": "Again", "bot_token": BOT_TOKEN}, headers=admin
    )
    assert again.status_code == 409 and again.json()["code"] == "bot_already_connected"
    create_project(client, admin, "Sales", token=SECOND_BOT_TOKEN)
    assert len(client.get("/api/projects", headers=admin).json()["items"]) == 2


def test_members(client: TestClient) -> None:
    admin = login(client)
    project = create_project(client, admin)
    pid = project["project_id"]
    maria = create_agent(client, admin, "maria")

    added = client.post(
        f"/api/projects/{pid}/members", json={"agent_id": maria["agent_id"]}, headers=admin
    )
    assert added.status_code == 201
    assert added.json()["username"] == "maria" and added.json()["project_id"] == pid
    again = client.post(
        f"/api/projects/{pid}/members", json={"agent_id": maria["agent_id"]}, headers=admin
    )
    assert again.status_code == 200
    members = client.get(f"/api/projects/{pid}/members", headers=admin).json()["items"]
    assert sorted(m["username"] for m in members) == ["admin", "maria"]

    unknown = client.post(f"/api/projects/{pid}/members", json={"agent_id": "nope"}, headers=admin)
    assert unknown.status_code == 404 and unknown.json()["code"] == "agent_not_found"
    no_project = client.get("/api/projects/nope/members", headers=admin)
    assert no_project.status_code == 404 and no_project.json()["code"] == "project_not_found"


def test_agents_see_only_their_projects_and_cannot_create_any(client: TestClient) -> None:
    admin = login(client)
    project = create_project(client, admin)
    pid = project["project_id"]
    maria = create_agent(client, admin, "maria")
    maria_headers = agent_login(client, "maria")
    assert client.get("/api/projects", headers=maria_headers).json()["items"] == []
    hidden = client.get(f"/api/projects/{pid}", headers=maria_headers)
    assert hidden.status_code == 404 and hidden.json()["code"] == "project_not_found"
    assert client.get(f"/api/projects/{pid}/members", headers=maria_headers).status_code == 404

    client.post(f"/api/projects/{pid}/members", json={"agent_id": maria["agent_id"]}, headers=admin)
    listed = client.get("/api/projects", headers=maria_headers).json()["items"]
    assert [p["project_id"] for p in listed] == [pid]
    members = client.get(f"/api/projects/{pid}/members", headers=maria_headers)
    assert members.status_code == 403 and members.json()["code"] == "supervisor_only"
    created = client.post(
        "/api/projects", json={"name": "Mine", "bot_token": SECOND_BOT_TOKEN}, headers=maria_headers
    )
    assert created.status_code == 403
