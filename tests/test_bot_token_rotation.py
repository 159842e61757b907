"""Replacing a project's bot token: the same bot's new token or another bot. The webhook is
set again with a fresh secret; only once Telegram accepted it are the new token and secret
stored and the old ones deleted; a failure before that leaves the old token working."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import api_helpers
import boto3
import pytest
from api_helpers import (
    BOT_TOKEN,
    BOT_USER,
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
from tgdesk.core.errors import Unauthorized
from tgdesk.inbound import ingest
from tgdesk.team import project_setup

# @BotFather's /revoke: the same bot, a new token; the old one stops working.
REISSUED_TOKEN = "7000001:AAFnewTokenAfterRevokeXyZ_0123456789ab"


@pytest.fixture
def client(telegram: FakeBotApi) -> Iterator[TestClient]:
    ingest.clear_project_cache()
    with TestClient(api_module().app, base_url="https://desk.example") as test_client:
        yield test_client
    ingest.clear_project_cache()


@pytest.fixture
def project(client: TestClient, telegram: FakeBotApi) -> dict[str, Any]:
    made = create_project(client, login(client))
    telegram.calls.clear()
    return made


def _ssm(project_id: str, secret: str) -> list[str]:
    """Every stored version of a project's parameter (SSM keeps overwritten ones)."""
    ssm = boto3.client("ssm", region_name="us-east-1")
    name = f"/tgdesk/test/projects/{project_id}/{secret}"
    history = ssm.get_parameter_history(Name=name, WithDecryption=True)["Parameters"]
    return [version["Value"] for version in history]


def _replace(client: TestClient, project_id: str, token: str, headers: dict[str, str]) -> Any:
    return client.put(
        f"/api/projects/{project_id}/bot-token", json={"bot_token": token}, headers=headers
    )


def _webhook_accepts(project_id: str, secret: str) -> bool:
    try:
        ingest.handle_update(project_id, secret, b"{}")  # auth first, then a dead letter
    except Unauthorized:
        return False
    return True


def test_a_revoked_token_is_replaced_by_the_same_bots_new_one(
    client: TestClient,
    project: dict[str, Any],
    telegram: FakeBotApi,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    pid = project["project_id"]
    old_secret = secrets.get_webhook_secret(pid)
    assert _webhook_accepts(pid, old_secret)  # the webhook's container caches the project
    monkeypatch.setitem(api_helpers.BOTS, REISSUED_TOKEN, BOT_USER)
    monkeypatch.delitem(api_helpers.BOTS, BOT_TOKEN)

    with all_logs(caplog):
        response = _replace(client, pid, REISSUED_TOKEN, login(client))

    assert response.status_code == 200, response.text
    answer = response.json()
    assert answer["new_bot"] is False and answer["bot_id"] == 7000001
    assert answer["token_replaced_at"] > 0
    assert [c.method for c in telegram.calls] == ["getMe", "setWebhook"]
    hook = telegram.calls_of("setWebhook")[0]
    assert REISSUED_TOKEN in hook.url
    assert hook.params["url"] == project["webhook_url"]
    assert hook.params["allowed_updates"] == project_setup.ALLOWED_UPDATES
    new_secret = hook.params["secret_token"]
    assert new_secret != old_secret and len(new_secret) >= 43
    # Only the new values are stored, not even in the parameters' history.
    assert _ssm(pid, "bot-token") == [REISSUED_TOKEN]
    assert _ssm(pid, "webhook-secret") == [new_secret]
    item = next(i for i in scan_items() if i["kind"] == "project")
    assert item["webhook_secret_hash"] == project_setup.secret_hash(new_secret)
    # The webhook's cached project re-reads on the new secret; the old one is refused.
    assert _webhook_accepts(pid, new_secret)
    assert not _webhook_accepts(pid, old_secret)
    # Audited, and no token or secret in any answer, log line or stored item.
    entry = next(i for i in scan_items() if i.get("action") == "project.bot_token_replaced")
    assert entry["details"] == {"new_bot": False}
    for text in (response.text, caplog.text, str(scan_items())):
        for secret in (REISSUED_TOKEN, BOT_TOKEN, new_secret, old_secret):
            assert secret.split(":")[-1] not in text


def test_another_bot_takes_over_the_project(
    client: TestClient, project: dict[str, Any], telegram: FakeBotApi
) -> None:
    pid = project["project_id"]
    created = client.post(
        "/api/links",
        json={"project_id": pid, "code": "spring", "name": "Spring", "channel": "x"},
        headers=login(client),
    )
    assert created.status_code == 201, created.text
    response = _replace(client, pid, SECOND_BOT_TOKEN, login(client))
    assert response.status_code == 200, response.text
    answer = response.json()
    assert answer["new_bot"] is True
    assert (answer["bot_id"], answer["bot_username"]) == (7000002, "tgdesk_second_bot")
    assert secrets.get_bot_token(pid) == SECOND_BOT_TOKEN
    # The former bot no longer sends its updates here.
    released = telegram.calls_of("deleteWebhook")
    assert len(released) == 1 and BOT_TOKEN in released[0].url
    listed = client.get(f"/api/projects/{pid}", headers=login(client)).json()
    assert listed["bot_username"] == "tgdesk_second_bot"
    # Its tracked links now send visitors to the new bot.
    [link] = [i for i in scan_items() if i.get("kind") == "link"]
    assert link["bot_username"] == "tgdesk_second_bot"


def test_a_container_still_holding_the_old_token_reads_the_new_one_and_delivers(
    client: TestClient,
    project: dict[str, Any],
    telegram: FakeBotApi,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pid = project["project_id"]
    admin = login(client)
    me = client.get("/api/me", headers=admin).json()
    session = api_helpers.put_session(pid, 4242, assignee_id=me["agent_id"])
    monkeypatch.setitem(api_helpers.BOTS, REISSUED_TOKEN, BOT_USER)
    monkeypatch.delitem(api_helpers.BOTS, BOT_TOKEN)
    assert _replace(client, pid, REISSUED_TOKEN, admin).status_code == 200
    # Another warm container read the token before the replacement and caches it.
    name = secrets.parameter_name(pid, secrets.BOT_TOKEN)
    secrets._cache[name] = (time.monotonic() + secrets.CACHE_SECONDS, BOT_TOKEN)
    telegram.calls.clear()

    sent = client.post(
        f"/api/sessions/{session['session_id']}/messages", json={"text": "Hi"}, headers=admin
    )

    assert sent.json()["delivery"]["state"] == "sent", sent.text
    tried = [BOT_TOKEN in c.url for c in telegram.calls_of("sendMessage")]
    assert tried == [True, False]  # refused once with the old token, then sent with the new


def test_a_failed_set_webhook_keeps_the_old_token_working(
    client: TestClient, project: dict[str, Any], telegram: FakeBotApi
) -> None:
    pid = project["project_id"]
    old_secret = secrets.get_webhook_secret(pid)
    status, body = bot_api_error("rate_limited")
    telegram.fail("setWebhook", status, body)
    response = _replace(client, pid, SECOND_BOT_TOKEN, login(client))
    assert response.status_code == 502
    assert response.json()["code"] == "telegram_unavailable"
    secrets.reset()
    assert _ssm(pid, "bot-token") == [BOT_TOKEN]
    assert _ssm(pid, "webhook-secret") == [old_secret]
    item = next(i for i in scan_items() if i["kind"] == "project")
    assert (item["bot_id"], item["webhook_secret_hash"]) == (
        7000001,
        project_setup.secret_hash(old_secret),
    )
    assert _webhook_accepts(pid, old_secret)
    assert telegram.calls_of("deleteWebhook") == []
    assert not [i for i in scan_items() if i.get("action") == "project.bot_token_replaced"]


@pytest.mark.parametrize("token", ["123:revoked", "not a token", "7000009:AAHunknownBotTokenXYZ"])
def test_a_bad_token_changes_nothing(
    client: TestClient, project: dict[str, Any], telegram: FakeBotApi, token: str
) -> None:
    pid = project["project_id"]
    response = _replace(client, pid, token, login(client))
    assert response.status_code == 422
    assert response.json()["code"] == "invalid_bot_token"
    assert token not in response.text
    assert telegram.calls_of("setWebhook") == []
    assert _ssm(pid, "bot-token") == [BOT_TOKEN]


def test_a_bot_of_another_project_is_refused(
    client: TestClient, project: dict[str, Any], telegram: FakeBotApi
) -> None:
    admin = login(client)
    create_project(client, admin, "Sales", SECOND_BOT_TOKEN)
    response = _replace(client, project["project_id"], SECOND_BOT_TOKEN, admin)
    assert response.status_code == 409
    assert response.json()["code"] == "bot_already_connected"
    assert _ssm(project["project_id"], "bot-token") == [BOT_TOKEN]


def test_only_administrators_replace_tokens(client: TestClient, project: dict[str, Any]) -> None:
    create_agent(client, login(client), "boss", role="supervisor")
    response = _replace(
        client, project["project_id"], SECOND_BOT_TOKEN, agent_login(client, "boss")
    )
    assert response.status_code == 403
    missing = _replace(client, "nope", SECOND_BOT_TOKEN, login(client))
    assert missing.status_code == 404 and missing.json()["code"] == "project_not_found"
