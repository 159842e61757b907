"""Accounts: password hashing, login tokens, the bootstrapped admin, and who may do what."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from typing import Any

import pytest
from api_helpers import (
    ADMIN_PASSWORD,
    ADMIN_USERNAME,
    agent_login,
    all_logs,
    api_module,
    configure_admin,
    create_agent,
    http_event,
    login,
    scan_items,
)
from conftest import lambda_context
from fastapi.testclient import TestClient

from tgdesk.accounts import agents, logins, passwords
from tgdesk.core import clock
from tgdesk.core.settings import get_settings
from tgdesk.storage import accounts, keys


@pytest.fixture
def client(aws: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    configure_admin(monkeypatch)
    agents.bootstrap_admin()
    with TestClient(api_module().app) as test_client:
        yield test_client


# -- passwords ----------------------------------------------------------------------------
def test_password_hash_is_salted_scrypt_with_its_parameters() -> None:
    first, second = (
        passwords.hash_password("hunter2hunter2"),
        passwords.hash_password("hunter2hunter2"),
    )
    assert first != second  # a fresh salt each time
    scheme, n, r, p, salt, digest = first.split("$")
    assert (scheme, n, r, p) == ("scrypt", "16384", "8", "1")
    assert "hunter2" not in first
    assert passwords.verify_password("hunter2hunter2", first)
    assert not passwords.verify_password("hunter2hunter3", first)


@pytest.mark.parametrize("stored", ["", "scrypt$1$2", "bcrypt$16384$8$1$c2FsdA$aGFzaA", "x" * 50])
def test_malformed_hashes_never_verify(stored: str) -> None:
    assert not passwords.verify_password("anything", stored)


# -- login and tokens -----------------------------------------------------------------------
def test_login_returns_an_opaque_token_stored_only_as_its_digest(client: TestClient) -> None:
    response = client.post(
        "/api/auth/login", json={"username": ADMIN_USERNAME, "password": ADMIN_PASSWORD}
    )
    assert response.status_code == 200
    body = response.json()
    assert body["agent"]["username"] == ADMIN_USERNAME and body["agent"]["role"] == "admin"
    assert "password_hash" not in body["agent"]
    token = body["token"]
    assert len(token) >= 43

    tokens = [i for i in scan_items() if i["kind"] == "token"]
    assert len(tokens) == 1
    assert tokens[0]["PK"] == f"TOKEN#{hashlib.sha256(token.encode()).hexdigest()}"
    assert token not in str(scan_items())
    ttl = get_settings().token_ttl_seconds
    assert tokens[0]["expires_at"] - tokens[0]["created_at"] == ttl * 1000
    assert tokens[0]["ttl"] == tokens[0]["expires_at"] // 1000 + 1

    me = client.get("/api/me", headers={"Authorization": f"Bearer {token}"})
    assert me.status_code == 200 and me.json()["agent_id"] == body["agent"]["agent_id"]


@pytest.mark.parametrize(
    ("username", "password"),
    [(ADMIN_USERNAME, "wrong password!"), ("nobody", ADMIN_PASSWORD), ("", ADMIN_PASSWORD)],
)
def test_wrong_username_or_password_get_the_same_answer(
    client: TestClient, username: str, password: str
) -> None:
    response = client.post("/api/auth/login", json={"username": username, "password": password})
    assert response.status_code == 401
    assert response.json() == {
        "code": "invalid_credentials",
        "message": "wrong username or password",
    }


def test_unknown_username_still_runs_the_kdf(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    verified: list[str] = []
    real = passwords.verify_password

    def spy(password: str, stored: str) -> bool:
        verified.append(stored)
        return real(password, stored)

    monkeypatch.setattr(passwords, "verify_password", spy)
    client.post("/api/auth/login", json={"username": "ghost", "password": "whatever12345"})
    assert len(verified) == 1 and verified[0].startswith("scrypt$")


def test_logout_deletes_the_token(client: TestClient) -> None:
    headers = login(client)
    assert client.post("/api/auth/logout", headers=headers).status_code == 204
    response = client.get("/api/me", headers=headers)
    assert response.status_code == 401 and response.json()["code"] == "unauthorized"
    assert not [i for i in scan_items() if i["kind"] == "token"]


def test_expired_token(client: TestClient) -> None:
    headers = login(client)
    ttl_ms = get_settings().token_ttl_seconds * 1000
    clock.set_now_for_tests(clock.now_ms() + ttl_ms + 1)
    response = client.get("/api/me", headers=headers)
    assert response.status_code == 401 and response.json()["code"] == "token_expired"


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer not-a-token"}, {"Authorization": "Basic YWRtaW46YWRtaW4="}],
)
def test_missing_or_unknown_token(client: TestClient, headers: dict[str, str]) -> None:
    response = client.get("/api/me", headers=headers)
    assert response.status_code == 401 and response.json()["code"] == "unauthorized"


def test_disabled_agent_cannot_log_in_or_use_a_token(client: TestClient) -> None:
    admin = login(client)
    maria = create_agent(client, admin, "maria")
    maria_headers = agent_login(client, "maria")
    response = client.patch(
        f"/api/agents/{maria['agent_id']}", json={"disabled": True}, headers=admin
    )
    assert response.status_code == 200 and response.json()["disabled"] is True

    used = client.get("/api/me", headers=maria_headers)
    assert used.status_code == 403 and used.json()["code"] == "account_disabled"
    fresh = client.post(
        "/api/auth/login", json={"username": "maria", "password": "maria-password-1"}
    )
    assert fresh.status_code == 403 and fresh.json()["code"] == "account_disabled"


def test_an_admin_cannot_disable_themselves(client: TestClient) -> None:
    admin = login(client)
    me = client.get("/api/me", headers=admin).json()
    response = client.patch(f"/api/agents/{me['agent_id']}", json={"disabled": True}, headers=admin)
    assert response.status_code == 422 and response.json()["code"] == "cannot_demote_self"


# -- the administrator and agent accounts ---------------------------------------------------
def test_admin_bootstrap_is_idempotent(client: TestClient) -> None:
    assert agents.bootstrap_admin() is False  # the fixture already created it
    assert agents.bootstrap_admin() is False
    stored = [i for i in scan_items() if i["kind"] == "agent"]
    claims = [i for i in scan_items() if i["kind"] == "username"]
    assert len(stored) == 1 and stored[0]["role"] == "admin"
    assert claims == [
        {
            "PK": "USERNAME#admin",
            "SK": "USERNAME",
            "kind": "username",
            "agent_id": stored[0]["agent_id"],
        }
    ]


def test_bootstrap_without_configured_admin_creates_nothing(
    aws: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("TGDESK_ADMIN_PASSWORD", raising=False)
    get_settings.cache_clear()
    assert agents.bootstrap_admin() is False
    assert scan_items() == []


def test_admin_creates_agents_with_unique_usernames(client: TestClient) -> None:
    admin = login(client)
    maria = create_agent(client, admin, "maria", role="supervisor")
    assert maria["role"] == "supervisor" and maria["display_name"] == "maria"
    assert "password_hash" not in maria and "password" not in maria

    again = client.post(
        "/api/agents",
        json={"username": "MARIA", "password": "another-password-1"},
        headers=admin,
    )
    assert again.status_code == 409
    assert again.json() == {
        "code": "username_taken",
        "message": "this username is taken",
        "field": "username",
    }
    listed = client.get("/api/agents", headers=admin).json()["items"]
    assert [a["username"] for a in listed] == ["admin", "maria"]


def test_the_agent_list_is_complete_and_ordered_across_the_index_shards(
    client: TestClient,
) -> None:
    admin = login(client)
    names = ["olga", "Bruno", "zoe", "chen", "amir", "Kofi", "ines"]
    created = {name: create_agent(client, admin, name)["agent_id"] for name in names}
    shards = {i["GSI1PK"] for i in scan_items() if i.get("kind") == "agent"}
    assert len(shards) > 1 and shards <= set(keys.agents_shards())

    listed = client.get("/api/agents", headers=admin).json()["items"]
    assert [a["username"] for a in listed] == sorted(["admin", *names])
    for name, agent_id in created.items():  # found by username through its claim
        found = agents.find_by_username(name.upper())
        assert found is not None and found["agent_id"] == agent_id


def test_agents_cannot_create_agents(client: TestClient) -> None:
    admin = login(client)
    create_agent(client, admin, "maria")
    maria = agent_login(client, "maria")
    response = client.post(
        "/api/agents", json={"username": "eve", "password": "eve-password-12"}, headers=maria
    )
    assert response.status_code == 403 and response.json()["code"] == "admin_only"
    assert client.get("/api/agents", headers=maria).status_code == 403
    anonymous = client.post("/api/agents", json={"username": "eve", "password": "eve-password-12"})
    assert anonymous.status_code == 401


def test_weak_password_is_rejected_naming_the_field(client: TestClient) -> None:
    response = client.post(
        "/api/agents", json={"username": "sam", "password": "short"}, headers=login(client)
    )
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "invalid_input" and body["field"] == "password"
    assert "short" not in response.text  # rejected input is never echoed


def test_passwords_never_reach_logs(client: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    with all_logs(caplog):
        admin = login(client)
        create_agent(client, admin, "maria")
        client.post("/api/auth/login", json={"username": "maria", "password": "nope-nope-nope"})
    assert "login" in caplog.text  # the logins were logged...
    assert ADMIN_PASSWORD not in caplog.text and "maria-password-1" not in caplog.text
    assert "nope-nope-nope" not in caplog.text


# -- one device at a time ----------------------------------------------------------------
def test_a_new_login_signs_the_older_device_out(client: TestClient) -> None:
    first = login(client)
    second = login(client)
    old = client.get("/api/me", headers=first)
    assert old.status_code == 401 and old.json()["code"] == "signed_in_elsewhere"
    assert client.get("/api/me", headers=second).status_code == 200
    # The old token is kept until it expires, so its device is told why.
    assert len([i for i in scan_items() if i["kind"] == "token"]) == 2
    agent = next(i for i in scan_items() if i["kind"] == "agent")
    assert (
        agent["token_digest"]
        == hashlib.sha256(second["Authorization"].split()[1].encode()).hexdigest()
    )
    assert "token_digest" not in client.get("/api/me", headers=second).text


def test_a_stale_agent_read_does_not_reject_the_newest_token(client: TestClient) -> None:
    """Reads are eventually consistent: an agent item read before the new login committed
    still names the old token, but the new token is younger than `token_since`."""
    login(client)
    stale = next(i for i in scan_items() if i["kind"] == "agent")
    token, _, _ = logins.login(ADMIN_USERNAME, ADMIN_PASSWORD)
    fresh = accounts.get_agent(stale["agent_id"]) or {}
    accounts.update_agent(
        stale["agent_id"],
        {"token_digest": stale["token_digest"], "token_since": stale["token_since"]},
    )
    assert logins.authenticate(token)["agent_id"] == fresh["agent_id"]


def test_logout_and_login_are_audited(client: TestClient) -> None:
    headers = login(client)
    client.post("/api/auth/logout", headers=headers)
    entries = [i for i in scan_items() if i["kind"] == "audit"]
    assert {e["action"] for e in entries} >= {"auth.login", "auth.logout"}
    assert all(e["source_ip"] == "testclient" for e in entries if e["action"].startswith("auth"))


# -- password resets and invitations --------------------------------------------------------
def test_password_reset_with_a_new_password_ends_the_login(client: TestClient) -> None:
    admin = login(client)
    maria = create_agent(client, admin, "maria")
    maria_headers = agent_login(client, "maria")
    url = f"/api/agents/{maria['agent_id']}/password-reset"
    reset = client.post(url, json={"password": "a brand new password"}, headers=admin)
    assert reset.status_code == 200 and reset.json()["invitation"] is None
    revoked = client.get("/api/me", headers=maria_headers)
    assert revoked.status_code == 401 and revoked.json()["code"] == "login_revoked"
    assert login(client, "maria", "a brand new password")
    assert client.post(url, json={}, headers=maria_headers).status_code == 401


def test_reset_without_password_hands_out_a_one_time_invitation(client: TestClient) -> None:
    admin = login(client)
    maria = create_agent(client, admin, "maria")
    reset = client.post(f"/api/agents/{maria['agent_id']}/password-reset", json={}, headers=admin)
    invitation = reset.json()["invitation"]
    assert invitation["url"].startswith("http://testserver/#/invitation/")
    token = invitation["url"].rsplit("/", 1)[1]
    old = client.post("/api/auth/login", json={"username": "maria", "password": "maria-password-1"})
    assert old.status_code == 401

    stored = next(i for i in scan_items() if i["kind"] == "invitation")
    assert stored["PK"] == f"INVITE#{hashlib.sha256(token.encode()).hexdigest()}"
    assert token not in str(scan_items())
    assert stored["ttl"] == stored["expires_at"] // 1000 + 1
    assert stored["expires_at"] - stored["created_at"] == 72 * 3600 * 1000

    accepted = client.post(f"/api/auth/invitations/{token}", json={"password": "chosen by maria"})
    assert accepted.status_code == 200
    signed_in = {"Authorization": f"Bearer {accepted.json()['token']}"}
    assert client.get("/api/me", headers=signed_in).json()["username"] == "maria"
    assert login(client, "maria", "chosen by maria")
    again = client.post(f"/api/auth/invitations/{token}", json={"password": "chosen again!!"})
    assert again.status_code == 404 and again.json()["code"] == "invitation_not_found"
    actions = [i["action"] for i in scan_items() if i["kind"] == "audit"]
    assert {"agent.password_reset", "agent.invitation_created", "agent.invitation_accepted"} <= (
        set(actions)
    )
    assert "chosen by maria" not in str(scan_items())


def test_an_expired_invitation_is_refused(client: TestClient) -> None:
    admin = login(client)
    maria = create_agent(client, admin, "maria")
    made = client.post(f"/api/agents/{maria['agent_id']}/invitations", headers=admin)
    assert made.status_code == 201
    token = made.json()["url"].rsplit("/", 1)[1]
    assert client.post("/api/agents/nobody/invitations", headers=admin).status_code == 404
    assert (
        client.post(
            f"/api/agents/{maria['agent_id']}/invitations", headers=agent_login(client, "maria")
        ).json()["code"]
        == "admin_only"
    )
    clock.set_now_for_tests(made.json()["expires_at"])
    late = client.post(f"/api/auth/invitations/{token}", json={"password": "too late for this"})
    assert late.status_code == 404 and late.json()["code"] == "invitation_not_found"


def invitation_token(link: dict[str, Any]) -> str:
    return str(link["url"]).rsplit("/", 1)[1]


def test_an_agent_created_without_a_password_is_invited(client: TestClient) -> None:
    admin = login(client)
    created = client.post(
        "/api/agents", json={"username": "dana", "display_name": "Dana Scully"}, headers=admin
    )
    assert created.status_code == 201, created.text
    dana = created.json()
    assert dana["username"] == "dana" and "password_hash" not in dana
    link = dana["invitation"]
    assert link["url"].startswith("http://testserver/#/invitation/")
    token = invitation_token(link)
    assert token not in str(scan_items())
    stored = next(i for i in scan_items() if i["kind"] == "invitation")
    assert stored["agent_id"] == dana["agent_id"] and stored["expires_at"] == link["expires_at"]
    account = next(i for i in scan_items() if i["kind"] == "agent" and i["username"] == "dana")
    assert "password_hash" not in account  # nobody signs in as dana before she accepts
    refused = client.post("/api/auth/login", json={"username": "dana", "password": "x" * 12})
    assert refused.status_code == 401 and refused.json()["code"] == "invalid_credentials"

    # One audit entry: created, and invited; no password reset.
    about_dana = [i for i in scan_items() if i.get("target_id") == dana["agent_id"]]
    assert [i["action"] for i in about_dana if i["action"].startswith("agent.")] == ["agent.create"]
    entry = next(i for i in about_dana if i.get("action") == "agent.create")
    assert entry["details"] == {"invited": True, "invitation_expires_at": link["expires_at"]}

    # The page the link opens reads whose it is, and the password rule.
    read = client.get(f"/api/auth/invitations/{token}")
    assert read.status_code == 200
    assert read.json() == {
        "username": "dana",
        "display_name": "Dana Scully",
        "expires_at": link["expires_at"],
        "password_rule": {"min_length": 12, "max_length": 256},
    }
    # Accepting sets the password and signs dana in.
    accepted = client.post(f"/api/auth/invitations/{token}", json={"password": "dana's choice!"})
    assert accepted.status_code == 200
    assert accepted.json()["agent"]["username"] == "dana"
    me = client.get("/api/me", headers={"Authorization": f"Bearer {accepted.json()['token']}"})
    assert me.status_code == 200 and me.json()["agent_id"] == dana["agent_id"]
    assert client.get(f"/api/auth/invitations/{token}").json()["code"] == "invitation_not_found"


def test_creating_with_a_password_answers_no_invitation(client: TestClient) -> None:
    maria = create_agent(client, login(client), "maria")
    assert maria["invitation"] is None
    assert not [i for i in scan_items() if i["kind"] == "invitation"]
    assert agent_login(client, "maria")


def test_an_invitation_is_one_answer_whether_unknown_used_or_expired(client: TestClient) -> None:
    admin = login(client)
    made = client.post("/api/agents", json={"username": "dana"}, headers=admin).json()
    token = invitation_token(made["invitation"])
    unknown = client.get(f"/api/auth/invitations/{'x' * 43}")
    clock.set_now_for_tests(made["invitation"]["expires_at"])
    expired = client.get(f"/api/auth/invitations/{token}")
    late = client.post(f"/api/auth/invitations/{token}", json={"password": "dana's choice!"})
    assert unknown.status_code == expired.status_code == late.status_code == 404
    assert unknown.json() == expired.json() == late.json()
    assert unknown.json()["code"] == "invitation_not_found"
    assert "dana" not in unknown.text + expired.text
    malformed = client.get("/api/auth/invitations/short")
    assert malformed.status_code == 422 and malformed.json()["field"] == "token"


def test_links_that_do_not_work_are_throttled_per_address(client: TestClient) -> None:
    admin = login(client)
    made = client.post("/api/agents", json={"username": "dana"}, headers=admin).json()
    token = invitation_token(made["invitation"])
    now = 1_790_000_000_000
    for number in range(10):
        now += 60_000
        clock.set_now_for_tests(now)
        guess = client.get(f"/api/auth/invitations/guess{number:02d}{'x' * 30}")
        assert guess.status_code == 404, number
    counters = [i for i in scan_items() if i["kind"] == "login_failures"]
    assert [c["failures"] for c in counters if c["PK"] == "LOGINFAIL#address#testclient"] == [10]
    # The address is locked now: even the real link is refused, read or used, unanswered.
    for blocked in (
        client.get(f"/api/auth/invitations/{token}"),
        client.post(f"/api/auth/invitations/{token}", json={"password": "dana's choice!"}),
    ):
        assert blocked.status_code == 429 and blocked.json()["code"] == "account_locked"
        assert "dana" not in blocked.text
    assert any(i.get("action") == "auth.locked" for i in scan_items())


def test_a_slowed_address_waits_before_the_next_link(client: TestClient) -> None:
    now = 1_790_000_000_000
    clock.set_now_for_tests(now)
    for number in range(5):
        client.get(f"/api/auth/invitations/guess{number:02d}{'x' * 30}")
    waiting = client.get(f"/api/auth/invitations/guess99{'x' * 30}")
    assert waiting.status_code == 429 and waiting.json()["code"] == "too_many_attempts"
    assert int(waiting.headers["Retry-After"]) >= 1


# -- failed logins -------------------------------------------------------------------------
def attempt(client: TestClient, password: str, username: str = ADMIN_USERNAME) -> Any:
    return client.post("/api/auth/login", json={"username": username, "password": password})


def test_failed_logins_slow_down_then_lock_the_account(client: TestClient) -> None:
    now = 1_790_000_000_000
    clock.set_now_for_tests(now)
    for _ in range(4):
        assert attempt(client, "wrong password!").status_code == 401
    slowed = attempt(client, "wrong password!")
    assert slowed.status_code == 429 and slowed.json()["code"] == "too_many_attempts"
    assert slowed.headers["retry-after"] == "2"
    # While waiting even the right password is not checked.
    early = attempt(client, ADMIN_PASSWORD)
    assert early.status_code == 429 and early.json()["code"] == "too_many_attempts"

    delays = []
    for _ in range(4):  # failures 6..9: the wait doubles
        now += 120_000
        clock.set_now_for_tests(now)
        response = attempt(client, "wrong password!")
        delays.append(int(response.headers["retry-after"]))
    assert delays == [4, 8, 16, 32]

    now += 60_000
    clock.set_now_for_tests(now)
    locked = attempt(client, "wrong password!")
    assert locked.status_code == 429 and locked.json()["code"] == "account_locked"
    assert "until" in locked.json()["message"] and locked.headers["retry-after"] == "900"
    assert locked.json()["locked_until"] == now + 900_000
    clock.set_now_for_tests(now + 600_000)
    still = attempt(client, ADMIN_PASSWORD)
    assert still.status_code == 429 and still.json()["code"] == "account_locked"

    clock.set_now_for_tests(now + 900_001)
    assert attempt(client, ADMIN_PASSWORD).status_code == 200
    # A success resets the account's counter.
    assert not [i for i in scan_items() if i["PK"] == "LOGINFAIL#account#admin"]
    actions = [i["action"] for i in scan_items() if i["kind"] == "audit"]
    assert actions.count("auth.login_failed") == 10 and actions.count("auth.locked") == 2
    failed = [i for i in scan_items() if i.get("action") == "auth.login_failed"]
    assert "wrong password!" not in str(failed)


def test_failures_are_counted_per_source_address_too(client: TestClient) -> None:
    now = 1_790_000_000_000
    for number in range(10):
        now += 60_000
        clock.set_now_for_tests(now)
        attempt(client, "wrong password!", username=f"user{number}")
    blocked = attempt(client, ADMIN_PASSWORD)
    assert blocked.status_code == 429 and blocked.json()["code"] == "account_locked"
    assert blocked.json()["message"].startswith("Your address is locked")
    counters = [i for i in scan_items() if i["kind"] == "login_failures"]
    address = next(c for c in counters if c["PK"] == "LOGINFAIL#address#testclient")
    assert address["failures"] == 10 and address["ttl"] > now // 1000


def test_source_address_comes_from_the_api_gateway_event(aws: Any, monkeypatch: Any) -> None:
    configure_admin(monkeypatch)
    module = api_module()
    module._admin_ready = False
    event = http_event(
        "POST", "/api/auth/login", body={"username": ADMIN_USERNAME, "password": "wrong one!!"}
    )
    event["headers"]["x-forwarded-for"] = "203.0.113.99"  # anyone can send this header
    result = module.handler(event, lambda_context())
    assert result["statusCode"] == 401
    entry = next(i for i in scan_items() if i.get("action") == "auth.login_failed")
    assert entry["source_ip"] == "198.51.100.7"
    assert [i["PK"] for i in scan_items() if i["kind"] == "login_failures"] == sorted(
        ["LOGINFAIL#account#admin", "LOGINFAIL#address#198.51.100.7"]
    )
