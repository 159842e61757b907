"""Logging in and out: credentials, throttling of failed logins, bearer tokens, idle expiry.

One device at a time: a login makes its token the agent's only valid one (the agent item
names it), so the previous device's next call answers `signed_in_elsewhere`. Repeated
wrong passwords, per account and per source address, are first slowed down, then locked
(tgdesk.accounts.agents lifts an account's lock).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from tgdesk.accounts import passwords
from tgdesk.accounts.agents import public_agent
from tgdesk.audit import entries as audit
from tgdesk.core.clock import now_ms
from tgdesk.core.errors import Forbidden, TgdeskError, Unauthorized
from tgdesk.core.settings import get_settings
from tgdesk.storage import accounts
from tgdesk.storage import logins as failures
from tgdesk.storage.records.agent import Agent

log = logging.getLogger(__name__)

ANONYMOUS = "anonymous"  # the actor of a failed login whose username matches nobody


class TooManyAttempts(TgdeskError):
    code = "too_many_attempts"
    status = 429


class Locked(TgdeskError):
    code = "account_locked"
    status = 429


@dataclass(frozen=True)
class LoginPolicy:
    """How failed logins are slowed down and then locked (per account and per address)."""

    window_ms: int = 15 * 60_000
    slow_after: int = 5
    lock_after: int = 10
    lock_ms: int = 15 * 60_000
    first_delay_s: int = 2
    max_delay_s: int = 60

    def delay_s(self, failures: int) -> int:
        """Seconds to wait after the n-th failure: 0 below `slow_after`, then doubling."""
        if failures < self.slow_after:
            return 0
        return min(self.first_delay_s * 2 ** (failures - self.slow_after), self.max_delay_s)

    def expires_at_s(self, now: int) -> int:
        return (now + self.window_ms + self.lock_ms) // 1000 + 60


POLICY = LoginPolicy()
# A login's use is recorded at most this often: one write per token per interval, so
# most requests write nothing. The idle limit is therefore exact to within it.
LAST_SEEN_EVERY_MS = 5 * 60_000


# -- throttling -------------------------------------------------------------------------
def _subjects(username: str, source_ip: str | None) -> list[tuple[str, str]]:
    subjects = [(failures.ACCOUNT, username.lower())]
    if source_ip:
        subjects.append((failures.ADDRESS, source_ip))
    return subjects


def _utc(ms: int) -> str:
    return datetime.fromtimestamp(ms / 1000, UTC).strftime("%Y-%m-%d %H:%M UTC")


def _locked_error(subject: str, until: int, now: int) -> Locked:
    if subject == failures.ACCOUNT:
        who, then = (
            "This account",
            ("try again then, or ask an administrator to unlock it or reset the password."),
        )
    else:  # an address's lock protects every account: nobody lifts it early
        who, then = "Your address", "try again then."
    return Locked(
        f"{who} is locked after too many failed logins, until {_utc(until)}; {then}",
        retry_after=max(1, -(-(until - now) // 1000)),
        locked_until=until,
    )


def _check_not_throttled(counters: dict[tuple[str, str], dict[str, Any]], now: int) -> None:
    """Refuse at once (no password check) while a subject is locked or must wait."""
    wait_ms = 0
    for (subject, _), counter in counters.items():
        locked_until = int(counter.get("locked_until", 0))
        if locked_until > now:
            raise _locked_error(subject, locked_until, now)
        if int(counter.get("window_started_at", 0)) > now - POLICY.window_ms:
            delay_ms = POLICY.delay_s(int(counter.get("failures", 0))) * 1000
            wait_ms = max(wait_ms, int(counter.get("last_failed_at", 0)) + delay_ms - now)
    if wait_ms > 0:
        seconds = -(-wait_ms // 1000)
        raise TooManyAttempts(
            f"Too many failed logins: wait {seconds} s before trying again.",
            retry_after=seconds,
        )


def _count_failure(
    subject: str,
    value: str,
    *,
    now: int,
    agent: Agent | None,
    username: str,
    source_ip: str | None,
) -> tuple[int, Locked | None]:
    """Count one failure of a subject, locking it (audited) once it reached the limit.
    Returns the failures counted in the window and the lock's error, if locked."""
    counter = failures.record_failure(
        subject, value, now=now, window_ms=POLICY.window_ms, expires_at_s=POLICY.expires_at_s(now)
    )
    count = int(counter["failures"])
    if count < POLICY.lock_after:
        return count, None
    until = now + POLICY.lock_ms
    if failures.lock(subject, value, now=now, until=until, expires_at_s=POLICY.expires_at_s(now)):
        audit.record(
            "auth.locked",
            actor_id=agent["agent_id"] if agent else ANONYMOUS,
            target_type=subject,
            target_id=agent["agent_id"] if agent and subject == failures.ACCOUNT else None,
            details={"username": username, "until": until, "failures": count},
            source_ip=source_ip,
        )
    return count, _locked_error(subject, until, now)


def _fail(agent: Agent | None, username: str, source_ip: str | None, reason: str) -> TgdeskError:
    """Count a failed login, audit it (and any lock it causes); the error to answer."""
    now = now_ms()
    worst: TgdeskError = Unauthorized("wrong username or password", code="invalid_credentials")
    counted: dict[str, int] = {}
    for subject, value in _subjects(username, source_ip):
        count, locked = _count_failure(
            subject, value, now=now, agent=agent, username=username, source_ip=source_ip
        )
        counted[subject] = count
        if locked is not None:
            worst = locked
        elif count >= POLICY.slow_after and not isinstance(worst, Locked):
            delay = POLICY.delay_s(count)
            worst = TooManyAttempts(
                f"Wrong username or password. Too many failed logins: wait {delay} s before "
                "trying again.",
                retry_after=delay,
            )
    audit.record(
        "auth.login_failed",
        actor_id=agent["agent_id"] if agent else ANONYMOUS,
        target_type="agent" if agent else None,
        target_id=agent["agent_id"] if agent else None,
        details={"username": username, "reason": reason, "failures": counted},
        source_ip=source_ip,
    )
    log.info("login failed", extra={"reason": reason, "source_ip": source_ip})
    return worst


# -- other secrets guessed from an address ----------------------------------------------
def check_address(source_ip: str | None) -> None:
    """Refuse at once while the address is locked or must wait after failed attempts."""
    if source_ip:
        _check_not_throttled(failures.get_counters([(failures.ADDRESS, source_ip)]), now_ms())


def count_wrong_secret(source_ip: str | None, *, what: str) -> None:
    """A secret other than a password that matched nothing (an invitation link) counts
    against the address as a failed login does: guessing links is no faster than guessing
    passwords. The caller answers as it would anyway; the next attempt meets the throttle."""
    if source_ip:
        _count_failure(
            failures.ADDRESS,
            source_ip,
            now=now_ms(),
            agent=None,
            username=f"({what})",
            source_ip=source_ip,
        )
    log.info("wrong secret", extra={"what": what, "source_ip": source_ip})


# -- logging in and out -----------------------------------------------------------------
def login(
    username: str, password: str, source_ip: str | None = None
) -> tuple[str, dict[str, Any], int]:
    """Check the credentials; returns (token, public agent, expires_at ms).

    The new token replaces the agent's previous one (single device)."""
    username = username.strip()
    _check_not_throttled(failures.get_counters(_subjects(username, source_ip)), now_ms())
    agent = accounts.get_agent_by_username(username) if username else None
    if agent is None:
        passwords.verify_password(password, passwords.decoy_hash())
        raise _fail(None, username, source_ip, "unknown_username")
    if not passwords.verify_password(password, agent.get("password_hash", "")):
        raise _fail(agent, username, source_ip, "wrong_password")
    if agent.get("disabled"):
        raise Forbidden("this account is disabled; ask an administrator", code="account_disabled")
    token = passwords.new_token()
    created_at = now_ms()
    expires_at = created_at + get_settings().token_ttl_seconds * 1000
    accounts.start_login(
        passwords.token_digest(token),
        agent["agent_id"],
        created_at=created_at,
        expires_at=expires_at,
        audit_entry=audit.entry(
            "auth.login",
            actor_id=agent["agent_id"],
            target_type="agent",
            target_id=agent["agent_id"],
            details={"expires_at": expires_at},
            source_ip=source_ip,
        ),
        extra_operations=[failures.clear_operation(failures.ACCOUNT, username.lower())],
    )
    log.info("login", extra={"agent_id": agent["agent_id"]})
    return token, public_agent(agent), expires_at


def authenticate(token: str) -> dict[str, Any]:
    """The agent behind a bearer token (public fields), or Unauthorized / Forbidden.

    Two reads, as before single-device logins: the token, then the agent, whose
    `token_digest` names the one valid login (`admit`). A path that needs other items too
    reads them with these (tgdesk.outbound.sender) and applies the same two checks.
    """
    digest = token_digest(token)
    record = check_token(accounts.get_token(digest) if digest else None)
    return admit(digest, record, accounts.get_agent(record["agent_id"]))


def token_digest(token: str) -> str:
    """What a login token's item is keyed by ("" for no token)."""
    return passwords.token_digest(token) if token else ""


def check_token(record: dict[str, Any] | None) -> dict[str, Any]:
    """The token's item as read, if it names a login that has not expired."""
    if record is None:
        raise Unauthorized("log in to continue", code="unauthorized")
    # TTL deletion lags by up to two days, so expiry is checked here.
    if record["expires_at"] <= now_ms():
        raise Unauthorized("your login has expired; log in again", code="token_expired")
    return record


def admit(digest: str, record: dict[str, Any], agent: Agent | None) -> dict[str, Any]:
    """The agent (public fields) of a valid token's item (`check_token`), as read after it.

    A token issued after the agent's `token_since` is accepted too: that agent read predates
    the token's own login (eventual consistency). A login unused for the settings'
    `session_idle_minutes` has ended (`session_expired`); its use is recorded on the token
    item at most every LAST_SEEN_EVERY_MS.
    """
    if agent is None:
        raise Unauthorized("log in to continue", code="unauthorized")
    if agent.get("disabled"):
        raise Forbidden("this account is disabled; ask an administrator", code="account_disabled")
    current = agent.get("token_digest")
    if current != digest and int(record["created_at"]) <= int(agent.get("token_since", 0)):
        if current:
            raise Unauthorized(
                "you signed in on another device; log in again to continue here",
                code="signed_in_elsewhere",
            )
        raise Unauthorized("an administrator ended your login; log in again", code="login_revoked")
    _check_idle(digest, record, now_ms())
    return public_agent(agent)


def _check_idle(digest: str, record: dict[str, Any], now: int) -> None:
    """End a login unused for too long; otherwise record this use if the last is old."""
    stored = record.get("last_seen_at")
    seen = int(stored if stored is not None else record["created_at"])
    idle_ms = get_settings().session_idle_minutes * 60_000
    if now - seen >= idle_ms:
        raise Unauthorized(
            "you were signed out after a while without activity; log in again",
            code="session_expired",
        )
    if now - seen >= min(LAST_SEEN_EVERY_MS, idle_ms // 4):
        accounts.touch_token(digest, seen=int(stored) if stored is not None else None, now=now)


def logout(token: str, agent_id: str, source_ip: str | None = None) -> None:
    accounts.end_login(
        passwords.token_digest(token),
        audit.entry(
            "auth.logout",
            actor_id=agent_id,
            target_type="agent",
            target_id=agent_id,
            source_ip=source_ip,
        ),
    )
