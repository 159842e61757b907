"""Edge cases found by probing the system as an attacker would: each test fails on the
defect it names and passes once it is fixed."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
import requests
import uvicorn
from api_helpers import (
    ADMIN_USERNAME,
    BOT_TOKEN,
    FakeBotApi,
    agent_login,
    api_module,
    configure_admin,
    create_agent,
    http_event,
    login,
    scan_items,
)
from conftest import lambda_context
from fastapi.testclient import TestClient

from infra.local.config import HOST, free_port
from infra.local.gateway import GatewayApp, Route, server_config
from tgdesk.accounts import agents, client_address
from tgdesk.accounts import logins as account_logins
from tgdesk.core import clock
from tgdesk.storage import accounts, logins
from tgdesk.telegram import client as telegram_client


# -- accounts: locks, resets, unlocks -------------------------------------------------------
@pytest.fixture
def accounts_api(aws: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    configure_admin(monkeypatch)
    agents.bootstrap_admin()
    with TestClient(api_module().app) as test_client:
        yield test_client


def _lock_out(client: TestClient, username: str, now: int) -> int:
    """Ten wrong passwords, spaced past every slow-down: the account is locked. Returns the
    time of the last failure."""
    for _ in range(10):
        now += 61_000
        clock.set_now_for_tests(now)
        client.post("/api/auth/login", json={"username": username, "password": "not it"})
    return now


def _attempt(client: TestClient, username: str, password: str) -> Any:
    return client.post("/api/auth/login", json={"username": username, "password": password})


@pytest.fixture
def locked_maria(accounts_api: TestClient, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """maria's account locked by failed logins, counted per account only: the test client's
    one address would be locked too, and that lock is not the administrator's to lift."""
    admin = login(accounts_api)
    maria = create_agent(accounts_api, admin, "maria")
    original = account_logins._subjects
    monkeypatch.setattr(account_logins, "_subjects", lambda username, _ip: original(username, None))
    now = _lock_out(accounts_api, "maria", 1_790_000_000_000)
    locked = _attempt(accounts_api, "maria", "maria-password-1")
    assert locked.status_code == 429 and locked.json()["code"] == "account_locked"
    assert "unlock" in locked.json()["message"]
    return {"admin": admin, "agent": maria, "now": now, "until": locked.json()["locked_until"]}


def test_an_admins_password_reset_lifts_the_account_lock(
    accounts_api: TestClient, locked_maria: dict[str, Any]
) -> None:
    admin, maria = locked_maria["admin"], locked_maria["agent"]
    reset = accounts_api.post(
        f"/api/agents/{maria['agent_id']}/password-reset",
        json={"password": "a fresh password for maria"},
        headers=admin,
    )
    assert reset.status_code == 200
    assert _attempt(accounts_api, "maria", "a fresh password for maria").status_code == 200
    assert not [i for i in scan_items() if i["PK"] == "LOGINFAIL#account#maria"]
    entry = next(i for i in scan_items() if i.get("action") == "agent.password_reset")
    assert entry["details"]["failed_logins_cleared"] is True


def test_setting_a_password_through_patch_lifts_the_lock_too(
    accounts_api: TestClient, locked_maria: dict[str, Any]
) -> None:
    admin, maria = locked_maria["admin"], locked_maria["agent"]
    changed = accounts_api.patch(
        f"/api/agents/{maria['agent_id']}", json={"password": "another password!"}, headers=admin
    )
    assert changed.status_code == 200
    assert _attempt(accounts_api, "maria", "another password!").status_code == 200


def test_an_admin_unlocks_an_account_and_the_list_shows_the_lock(
    accounts_api: TestClient, locked_maria: dict[str, Any]
) -> None:
    admin, maria = locked_maria["admin"], locked_maria["agent"]
    listed = accounts_api.get("/api/agents", headers=admin).json()["items"]
    by_name = {a["username"]: a for a in listed}
    assert by_name["maria"]["locked_until"] == locked_maria["until"]
    assert by_name[ADMIN_USERNAME]["locked_until"] is None

    unlocked = accounts_api.post(f"/api/agents/{maria['agent_id']}/unlock", headers=admin)
    assert unlocked.status_code == 200
    assert unlocked.json()["agent_id"] == maria["agent_id"]
    assert unlocked.json()["locked_until"] is None
    # The old password works again at once: the lock and the failures are gone.
    assert _attempt(accounts_api, "maria", "maria-password-1").status_code == 200
    entry = next(i for i in scan_items() if i.get("action") == "agent.unlock")
    assert entry["actor_id"] != maria["agent_id"] and entry["target_id"] == maria["agent_id"]
    assert entry["before"] == {"failures": 10, "locked_until": locked_maria["until"]}
    assert entry["source_ip"] == "testclient"
    # Unlocking an account that is not locked changes nothing and records nothing.
    again = accounts_api.post(f"/api/agents/{maria['agent_id']}/unlock", headers=admin)
    assert again.status_code == 200
    assert [i.get("action") for i in scan_items()].count("agent.unlock") == 1


def test_an_unlock_raced_by_a_new_failure_reports_exactly_what_it_cleared(
    accounts_api: TestClient, locked_maria: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    admin, maria = locked_maria["admin"], locked_maria["agent"]
    read = logins.get_counters
    raced: list[int] = []

    def read_then_fail_once(subjects: list[tuple[str, str]]) -> Any:
        found = read(subjects)
        if not raced:  # another wrong password lands between the read and the clear
            raced.append(1)
            clock.set_now_for_tests(locked_maria["now"] + 1_000)
            logins.record_failure(
                logins.ACCOUNT,
                "maria",
                now=locked_maria["now"] + 1_000,
                window_ms=900_000,
                expires_at_s=2_000_000_000,
            )
        return found

    monkeypatch.setattr(logins, "get_counters", read_then_fail_once)
    unlocked = accounts_api.post(f"/api/agents/{maria['agent_id']}/unlock", headers=admin)
    assert unlocked.status_code == 200 and raced == [1]
    (entry,) = [i for i in scan_items() if i.get("action") == "agent.unlock"]
    assert entry["before"]["failures"] == 11  # the one counted meanwhile included
    assert not [i for i in scan_items() if i["PK"] == "LOGINFAIL#account#maria"]


def test_an_account_change_raced_by_another_audits_the_state_it_really_changed(
    accounts_api: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    admin = login(accounts_api)
    maria = create_agent(accounts_api, admin, "maria")
    read = accounts.get_agent
    raced: list[int] = []

    def read_then_rename_once(agent_id: str, **kwargs: Any) -> Any:
        found = read(agent_id, **kwargs)
        if not raced and agent_id == maria["agent_id"]:
            raced.append(1)  # another administrator renames her meanwhile
            accounts.update_agent(agent_id, {"display_name": "Maria S."})
        return found

    monkeypatch.setattr(accounts, "get_agent", read_then_rename_once)
    changed = accounts_api.patch(
        f"/api/agents/{maria['agent_id']}", json={"display_name": "Maria Silva"}, headers=admin
    )
    assert changed.status_code == 200 and changed.json()["display_name"] == "Maria Silva"
    assert raced == [1]
    (entry,) = [i for i in scan_items() if i.get("action") == "agent.update"]
    assert entry["before"]["display_name"] == "Maria S."  # not the stale "maria"
    assert entry["after"]["display_name"] == "Maria Silva"


def test_only_an_admin_unlocks(accounts_api: TestClient, locked_maria: dict[str, Any]) -> None:
    admin, maria = locked_maria["admin"], locked_maria["agent"]
    create_agent(accounts_api, admin, "boss", role="supervisor")
    create_agent(accounts_api, admin, "ana")
    for who in ("boss", "ana"):
        refused = accounts_api.post(
            f"/api/agents/{maria['agent_id']}/unlock", headers=agent_login(accounts_api, who)
        )
        assert refused.status_code == 403 and refused.json()["code"] == "admin_only"
    missing = accounts_api.post("/api/agents/nobody/unlock", headers=admin)
    assert missing.status_code == 404 and missing.json()["code"] == "agent_not_found"
    still = _attempt(accounts_api, "maria", "maria-password-1")
    assert still.status_code == 429 and still.json()["code"] == "account_locked"


def test_patching_an_agent_answers_its_capacity(accounts_api: TestClient) -> None:
    admin = login(accounts_api)
    maria = create_agent(accounts_api, admin, "maria")
    url = f"/api/agents/{maria['agent_id']}"
    limited = accounts_api.patch(url, json={"max_open_sessions": 3}, headers=admin)
    assert limited.status_code == 200 and limited.json()["max_open_sessions"] == 3
    assert limited.json()["open_sessions"] == 0 and limited.json()["presence"] == "offline"
    unlimited = accounts_api.patch(url, json={"max_open_sessions": None}, headers=admin)
    assert "max_open_sessions" in unlimited.json()
    assert unlimited.json()["max_open_sessions"] is None


# -- bot tokens -----------------------------------------------------------------------------
MALFORMED_TOKENS = [
    "123:ab?c=1",
    "123:ab/../../x",
    f"{BOT_TOKEN}?x=1",
    f"{BOT_TOKEN}/../getMe",
    f"{BOT_TOKEN}#x",
    BOT_TOKEN.replace(":", "%3A"),
    f"7000001:{'A' * 29}",
    f"7000001:{'A' * 34}.",
    f"abc:{BOT_TOKEN.split(':')[1]}",
]


@pytest.mark.parametrize("token", MALFORMED_TOKENS)
def test_a_malformed_bot_token_is_refused_before_any_bot_api_call(
    client: TestClient, telegram: FakeBotApi, token: str
) -> None:
    response = client.post(
        "/api/projects", json={"name": "Support", "bot_token": token}, headers=login(client)
    )
    assert response.status_code == 422, response.text
    assert response.json()["code"] == "invalid_bot_token"
    assert response.json()["field"] == "bot_token"
    assert telegram.calls == []
    assert not [i for i in scan_items() if i["kind"] == "project"]


@pytest.mark.parametrize("token", MALFORMED_TOKENS)
def test_the_bot_api_client_never_builds_a_url_from_a_malformed_token(
    telegram: FakeBotApi, token: str
) -> None:
    bot = telegram_client.BotApi(token)
    with pytest.raises(telegram_client.InvalidToken):
        bot.get_me()
    with pytest.raises(telegram_client.InvalidToken):
        bot.download_file("photos/file_0.jpg")
    assert telegram.calls == []


@pytest.mark.parametrize("file_path", ["../bot1:x/getMe", "photos/../../x", "/etc/x", "a//b"])
def test_a_file_path_never_leaves_the_bots_file_folder(
    telegram: FakeBotApi, file_path: str
) -> None:
    with pytest.raises(telegram_client.BadRequest):
        telegram_client.BotApi(BOT_TOKEN).download_file(file_path)
    assert telegram.calls == []


# -- client addresses -----------------------------------------------------------------------
class _Recorder:
    """A function that keeps the events the local gateway gives it."""

    def __init__(self) -> None:
        self.events: list[dict[str, Any]] = []

    def invoke(self, event: dict[str, Any]) -> dict[str, Any]:
        self.events.append(event)
        return {"statusCode": 204}


def test_the_local_gateway_takes_the_source_ip_from_the_connection_only() -> None:
    recorder = _Recorder()
    app = GatewayApp({"ApiFunction": recorder}, [Route("ANY", "/api/{proxy+}", "ApiFunction")])
    port = free_port()
    server = uvicorn.Server(server_config(app, HOST, port))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 10
        while not server.started and time.monotonic() < deadline:
            time.sleep(0.02)
        forged = {"X-Forwarded-For": "203.0.113.9", "Forwarded": "for=203.0.113.9"}
        response = requests.post(f"http://{HOST}:{port}/api/auth/login", headers=forged, timeout=5)
        assert response.status_code == 204
    finally:
        server.should_exit = True
        thread.join(timeout=10)
    (event,) = recorder.events
    assert event["requestContext"]["http"]["sourceIp"] == "127.0.0.1"
    # The header still reaches the function, as through API Gateway; nothing trusts it.
    assert event["headers"]["x-forwarded-for"] == "203.0.113.9"


ORIGIN_SECRET = "k3Qv9yXrT2mWb7LpZc4NfH8sJd6GaE1uR5oYiK0qVtBnMxCw"
EDGE = "130.176.88.12"  # a CloudFront edge: what API Gateway sees behind the distribution


def _login_through(monkeypatch: pytest.MonkeyPatch, headers: dict[str, str]) -> dict[str, Any]:
    """One failed login as API Gateway hands it over from the CloudFront edge; the audit
    entry it wrote."""
    monkeypatch.setenv("TGDESK_ORIGIN_SECRET", ORIGIN_SECRET)
    configure_admin(monkeypatch)
    module = api_module()
    module._admin_ready = False
    event = http_event(
        "POST", "/api/auth/login", body={"username": ADMIN_USERNAME, "password": "wrong one!!"}
    )
    event["requestContext"]["http"]["sourceIp"] = EDGE
    event["headers"].update(headers)
    assert module.handler(event, lambda_context())["statusCode"] == 401
    return next(i for i in scan_items() if i.get("action") == "auth.login_failed")


def _address_counters() -> list[str]:
    return [i["PK"] for i in scan_items() if i["PK"].startswith("LOGINFAIL#address#")]


@pytest.mark.parametrize(
    ("viewer", "address"),
    [("203.0.113.5:46532", "203.0.113.5"), ("2001:db8:0:0::7:443", "2001:db8::7")],
)
def test_behind_cloudfront_logins_are_throttled_and_audited_by_the_viewers_address(
    aws: Any, monkeypatch: pytest.MonkeyPatch, viewer: str, address: str
) -> None:
    entry = _login_through(
        monkeypatch,
        {"x-tgdesk-origin-secret": ORIGIN_SECRET, "cloudfront-viewer-address": viewer},
    )
    assert entry["source_ip"] == address
    assert _address_counters() == [f"LOGINFAIL#address#{address}"]


@pytest.mark.parametrize(
    "headers",
    [
        {"cloudfront-viewer-address": "203.0.113.5:1"},  # straight to API Gateway
        {"x-tgdesk-origin-secret": "guess", "cloudfront-viewer-address": "203.0.113.5:1"},
        {"x-tgdesk-origin-secret": ORIGIN_SECRET[:-1], "cloudfront-viewer-address": "1.2.3.4:1"},
        {"x-tgdesk-origin-secret": "", "cloudfront-viewer-address": "203.0.113.5:1"},
        # Through the distribution, but no usable viewer address: the edge, never a guess.
        {"x-tgdesk-origin-secret": ORIGIN_SECRET, "cloudfront-viewer-address": "1.2.3.4:1,5:6"},
        {"x-tgdesk-origin-secret": ORIGIN_SECRET, "cloudfront-viewer-address": "localhost:80"},
        {"x-tgdesk-origin-secret": ORIGIN_SECRET},
    ],
)
def test_a_viewer_address_is_believed_only_with_the_distributions_secret(
    aws: Any, monkeypatch: pytest.MonkeyPatch, headers: dict[str, str]
) -> None:
    entry = _login_through(monkeypatch, headers)
    assert entry["source_ip"] == EDGE
    assert _address_counters() == [f"LOGINFAIL#address#{EDGE}"]


def test_without_an_origin_secret_only_the_source_ip_counts() -> None:
    headers = {"x-tgdesk-origin-secret": "", "cloudfront-viewer-address": "203.0.113.5:1"}
    assert client_address.client_address(headers, "198.51.100.7", "") == "198.51.100.7"


@pytest.mark.parametrize(
    ("value", "address"),
    [
        ("198.51.100.10:46532", "198.51.100.10"),
        ("2406:2d40:728d:fa10::c4a:42838", "2406:2d40:728d:fa10::c4a"),
        ("0000:0000:0000:0000:0000:0000:0000:0001:52325", "::1"),
        ("[2001:db8::1]:443", "2001:db8::1"),
        (" 198.51.100.10:1 ", "198.51.100.10"),
        ("198.51.100.10", None),
        ("198.51.100.10:", None),
        ("198.51.100.10:99999", None),
        ("198.51.100.300:1", None),
        ("example.com:443", None),
        ("", None),
        (None, None),
    ],
)
def test_cloudfront_viewer_address_values(value: str | None, address: str | None) -> None:
    assert client_address.viewer_address(value) == address
