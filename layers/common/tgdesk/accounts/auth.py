"""Agents' accounts: password hashing, logins, invitations, and the first administrator.

Passwords are hashed with scrypt (memory-hard); the stored string carries its parameters
and salt, so they can be raised later without breaking existing hashes. Login tokens and
invitation tokens are random, handed out once, and stored only as their sha256 digest.

One device at a time: a login makes its token the agent's only valid one (the agent item
names it), so the previous device's next call answers `signed_in_elsewhere`. Repeated
wrong passwords, per account and per source address, are first slowed down, then locked.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any, Literal

from tgdesk.audit import entries as audit
from tgdesk.core import ids
from tgdesk.core.clock import now_ms
from tgdesk.core.errors import (
    Conflict,
    Forbidden,
    InvalidInput,
    NotFound,
    TgdeskError,
    Unauthorized,
)
from tgdesk.core.settings import get_settings
from tgdesk.storage import accounts, logins
from tgdesk.storage import audit as audit_store

log = logging.getLogger(__name__)

Role = Literal["admin", "supervisor", "agent"]
ROLES: tuple[Role, ...] = ("admin", "supervisor", "agent")
USERNAME_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]{1,31}$"
PASSWORD_MIN_LENGTH = 12
PASSWORD_MAX_LENGTH = 256

# 16 MiB of memory per hash, ~50 ms on a Lambda core.
_SCRYPT_N, _SCRYPT_R, _SCRYPT_P, _SCRYPT_LEN = 2**14, 8, 1, 32


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text + "=" * (-len(text) % 4))


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int, length: int) -> bytes:
    return hashlib.scrypt(
        password.encode(), salt=salt, n=n, r=r, p=p, dklen=length, maxmem=128 * r * n * p * 2
    )


def hash_password(password: str) -> str:
    """`scrypt$n$r$p$salt$hash` (base64 salt and hash)."""
    salt = secrets.token_bytes(16)
    digest = _scrypt(password, salt, _SCRYPT_N, _SCRYPT_R, _SCRYPT_P, _SCRYPT_LEN)
    return f"scrypt${_SCRYPT_N}${_SCRYPT_R}${_SCRYPT_P}${_b64(salt)}${_b64(digest)}"


def verify_password(password: str, stored: str) -> bool:
    """Constant-time comparison against a stored hash; False for anything malformed."""
    try:
        scheme, n, r, p, salt, expected = stored.split("$")
        if scheme != "scrypt":
            return False
        raw_expected = _unb64(expected)
        actual = _scrypt(password, _unb64(salt), int(n), int(r), int(p), len(raw_expected))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, raw_expected)


@lru_cache(maxsize=1)
def _decoy_hash() -> str:
    """A hash to verify against when the username is unknown, so timing tells nothing."""
    return hash_password(secrets.token_urlsafe(16))


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


_PUBLIC_HIDDEN = frozenset({"password_hash", "kind", "token_digest", "token_since"})
ANONYMOUS = "anonymous"  # the actor of a failed login whose username matches nobody


def public_agent(agent: dict[str, Any]) -> dict[str, Any]:
    """An agent as others may see it: never the password hash or the login's digest."""
    return {k: v for k, v in agent.items() if k not in _PUBLIC_HIDDEN}


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
INVITATION_TTL_MS = 72 * 3600 * 1000


# -- accounts ---------------------------------------------------------------------------
def validate_username(username: str) -> None:
    if not re.fullmatch(USERNAME_PATTERN, username):
        raise InvalidInput(
            "a username is 2-32 letters, digits, '.', '_' or '-', starting with a letter or digit",
            code="invalid_username",
            field="username",
        )


def validate_password(password: str) -> None:
    if not PASSWORD_MIN_LENGTH <= len(password) <= PASSWORD_MAX_LENGTH:
        raise InvalidInput(
            f"a password has {PASSWORD_MIN_LENGTH} to {PASSWORD_MAX_LENGTH} characters",
            code="weak_password",
            field="password",
        )


def _validate_role(role: str) -> None:
    if role not in ROLES:
        raise InvalidInput(f"role is one of {', '.join(ROLES)}", code="invalid_role", field="role")


def create_agent(
    *,
    username: str,
    password: str,
    display_name: str | None = None,
    role: Role = "agent",
    actor_id: str = audit.SYSTEM,
    source_ip: str | None = None,
) -> dict[str, Any]:
    """Create an agent account (an admin does this; agents cannot register themselves)."""
    validate_username(username)
    validate_password(password)
    _validate_role(role)
    agent: dict[str, Any] = {
        "agent_id": ids.short_id(),
        "username": username,
        "display_name": (display_name or "").strip() or username,
        "role": role,
        "password_hash": hash_password(password),
        "disabled": False,
        "created_at": now_ms(),
    }
    shown = public_agent(agent)
    accounts.create_agent(
        agent,
        audit.entry(
            "agent.create",
            actor_id=actor_id,
            target_type="agent",
            target_id=agent["agent_id"],
            after=shown,
            source_ip=source_ip,
        ),
    )
    log.info("agent created", extra={"agent_id": agent["agent_id"], "role": role})
    return shown


def update_agent(
    agent_id: str,
    *,
    actor_id: str,
    display_name: str | None = None,
    role: Role | None = None,
    disabled: bool | None = None,
    password: str | None = None,
    max_open_sessions: int | None = None,
    clear_capacity: bool = False,
    source_ip: str | None = None,
) -> dict[str, Any]:
    """Change an account. A new password or disabling it ends the agent's login."""
    changes: dict[str, Any] = {}
    remove: list[str] = []
    if display_name is not None and display_name.strip():
        changes["display_name"] = display_name.strip()
    if role is not None:
        _validate_role(role)
        changes["role"] = role
    if disabled is not None:
        changes["disabled"] = disabled
    if password is not None:
        validate_password(password)
        changes["password_hash"] = hash_password(password)
    if max_open_sessions is not None:
        if max_open_sessions < 1:
            raise InvalidInput(
                "max_open_sessions is at least 1 (or null for no limit)",
                field="max_open_sessions",
            )
        changes["max_open_sessions"] = max_open_sessions
    elif clear_capacity:
        remove.append("max_open_sessions")
    if not changes and not remove:
        raise InvalidInput("nothing to change", code="nothing_to_change")
    if password is not None or disabled:
        changes["token_since"] = now_ms()
        remove.append("token_digest")

    def along_with(before: dict[str, Any], after: dict[str, Any]) -> list[dict[str, Any]]:
        entry = audit.entry(
            "agent.update",
            actor_id=actor_id,
            target_type="agent",
            target_id=agent_id,
            before=_audited(before),
            after=_audited(after),
            details={"password_changed": True} if password is not None else None,
            source_ip=source_ip,
        )
        # A password an administrator sets lifts the account's lock, as a reset does.
        lifted = [_clear_failures(before)] if password is not None else []
        return [audit_store.put_operation(entry), *lifted]

    _, after = accounts.update_agent(agent_id, changes, remove, along_with=along_with)
    return public_agent(after)


def _audited(agent: dict[str, Any]) -> dict[str, Any]:
    """The fields of an agent worth a before/after: settings, not volatile presence."""
    volatile = {"heartbeat_at", "open_sessions", "last_assigned_at", "presence_at"}
    return {k: v for k, v in public_agent(agent).items() if k not in volatile}


def reset_password(
    agent_id: str, *, actor_id: str, password: str | None, source_ip: str | None = None
) -> dict[str, Any]:
    """An administrator sets a new password, or (None) voids the old one; either way every
    login of the agent ends, and the account's failed logins and lock are forgotten (what
    the lock's message tells the user to ask for), in one transaction. Returns the agent."""
    now = now_ms()
    changes: dict[str, Any] = {"token_since": now}
    remove = ["token_digest"]
    if password is not None:
        validate_password(password)
        changes["password_hash"] = hash_password(password)
    else:
        remove.append("password_hash")

    def along_with(before: dict[str, Any], _: dict[str, Any]) -> list[dict[str, Any]]:
        entry = audit.entry(
            "agent.password_reset",
            actor_id=actor_id,
            target_type="agent",
            target_id=agent_id,
            details={
                "new_password_set": password is not None,
                "logins_ended_at": now,
                "failed_logins_cleared": True,
            },
            source_ip=source_ip,
        )
        return [audit_store.put_operation(entry), _clear_failures(before)]

    _, after = accounts.update_agent(agent_id, changes, remove, along_with=along_with)
    return public_agent(after)


# -- account locks ----------------------------------------------------------------------
def _account_subject(agent: dict[str, Any]) -> tuple[str, str]:
    return logins.ACCOUNT, str(agent["username"]).lower()


def _clear_failures(agent: dict[str, Any]) -> dict[str, Any]:
    return logins.clear_operation(*_account_subject(agent))


def locks(agents: list[dict[str, Any]]) -> dict[str, int]:
    """{agent_id: locked_until} of the accounts locked now by failed logins."""
    subjects = {_account_subject(a): a["agent_id"] for a in agents}
    counters = logins.get_counters(list(subjects))
    now = now_ms()
    return {
        subjects[subject]: int(counter["locked_until"])
        for subject, counter in counters.items()
        if int(counter.get("locked_until", 0)) > now
    }


def unlock(agent_id: str, *, actor_id: str, source_ip: str | None = None) -> dict[str, Any]:
    """An administrator lifts an account's lock and forgets its failed logins (a lock on the
    user's address stays until it expires). Audited when there was something to forget;
    returns the agent."""
    for _ in range(3):
        agent = accounts.get_agent(agent_id, consistent=True)
        if agent is None:
            raise NotFound("no such agent", code="agent_not_found")
        subject = _account_subject(agent)
        counter = logins.get_counters([subject]).get(subject)
        if counter is None:
            return public_agent(agent)
        state = {
            "failures": int(counter["failures"]),
            "locked_until": int(counter["locked_until"]) if "locked_until" in counter else None,
        }
        entry = audit.entry(
            "agent.unlock",
            actor_id=actor_id,
            target_type="agent",
            target_id=agent_id,
            before=state,
            after={"failures": 0, "locked_until": None},
            source_ip=source_ip,
        )
        if logins.clear(*subject, seen=counter, audit_entry=entry):
            log.info("account unlocked", extra={"agent_id": agent_id})
            return public_agent(agent)
        # A failure was counted since the read: read again.
    raise Conflict("failed logins keep being counted for this account; try again")


def bootstrap_admin() -> bool:
    """Create the administrator named in the settings unless that username exists.

    Idempotent and race-safe (the username claim is a conditional write). Returns True
    when this call created the account.
    """
    settings = get_settings()
    if not settings.admin_username or not settings.admin_password:
        log.warning("no administrator configured (TGDESK_ADMIN_USERNAME/TGDESK_ADMIN_PASSWORD)")
        return False
    if accounts.get_agent_by_username(settings.admin_username):
        return False
    try:
        create_agent(
            username=settings.admin_username,
            password=settings.admin_password,
            display_name="Administrator",
            role="admin",
        )
    except Conflict:
        return False
    log.info("administrator created", extra={"username": settings.admin_username})
    return True


# -- logging in -------------------------------------------------------------------------
def _subjects(username: str, source_ip: str | None) -> list[tuple[str, str]]:
    subjects = [(logins.ACCOUNT, username.lower())]
    if source_ip:
        subjects.append((logins.ADDRESS, source_ip))
    return subjects


def _utc(ms: int) -> str:
    return datetime.fromtimestamp(ms / 1000, UTC).strftime("%Y-%m-%d %H:%M UTC")


def _locked_error(subject: str, until: int, now: int) -> Locked:
    if subject == logins.ACCOUNT:
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


def _fail(
    agent: dict[str, Any] | None, username: str, source_ip: str | None, reason: str
) -> TgdeskError:
    """Count a failed login, audit it (and any lock it causes); the error to answer."""
    now = now_ms()
    worst: TgdeskError = Unauthorized("wrong username or password", code="invalid_credentials")
    actor = agent["agent_id"] if agent else ANONYMOUS
    failures: dict[str, int] = {}
    for subject, value in _subjects(username, source_ip):
        counter = logins.record_failure(
            subject,
            value,
            now=now,
            window_ms=POLICY.window_ms,
            expires_at_s=POLICY.expires_at_s(now),
        )
        count = failures[subject] = int(counter["failures"])
        if count >= POLICY.lock_after:
            until = now + POLICY.lock_ms
            if logins.lock(
                subject, value, now=now, until=until, expires_at_s=POLICY.expires_at_s(now)
            ):
                audit.record(
                    "auth.locked",
                    actor_id=actor,
                    target_type=subject,
                    target_id=agent["agent_id"] if agent and subject == logins.ACCOUNT else None,
                    details={"username": username, "until": until, "failures": count},
                    source_ip=source_ip,
                )
            worst = _locked_error(subject, until, now)
        elif count >= POLICY.slow_after and not isinstance(worst, Locked):
            delay = POLICY.delay_s(count)
            worst = TooManyAttempts(
                f"Wrong username or password. Too many failed logins: wait {delay} s before "
                "trying again.",
                retry_after=delay,
            )
    audit.record(
        "auth.login_failed",
        actor_id=actor,
        target_type="agent" if agent else None,
        target_id=agent["agent_id"] if agent else None,
        details={"username": username, "reason": reason, "failures": failures},
        source_ip=source_ip,
    )
    log.info("login failed", extra={"reason": reason, "source_ip": source_ip})
    return worst


def login(
    username: str, password: str, source_ip: str | None = None
) -> tuple[str, dict[str, Any], int]:
    """Check the credentials; returns (token, public agent, expires_at ms).

    The new token replaces the agent's previous one (single device)."""
    username = username.strip()
    _check_not_throttled(logins.get_counters(_subjects(username, source_ip)), now_ms())
    agent = accounts.get_agent_by_username(username) if username else None
    if agent is None:
        verify_password(password, _decoy_hash())
        raise _fail(None, username, source_ip, "unknown_username")
    if not verify_password(password, agent.get("password_hash", "")):
        raise _fail(agent, username, source_ip, "wrong_password")
    if agent.get("disabled"):
        raise Forbidden("this account is disabled; ask an administrator", code="account_disabled")
    token = secrets.token_urlsafe(32)
    created_at = now_ms()
    expires_at = created_at + get_settings().token_ttl_seconds * 1000
    accounts.start_login(
        token_digest(token),
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
        extra_operations=[logins.clear_operation(logins.ACCOUNT, username.lower())],
    )
    log.info("login", extra={"agent_id": agent["agent_id"]})
    return token, public_agent(agent), expires_at


def authenticate(token: str) -> dict[str, Any]:
    """The agent behind a bearer token (public fields), or Unauthorized / Forbidden.

    Two reads, as before single-device logins: the token, then the agent, whose
    `token_digest` names the one valid login. A token issued after `token_since` is
    accepted too: that agent read predates the token's own login (eventual consistency).
    A login unused for the settings' `session_idle_minutes` has ended (`session_expired`);
    its use is recorded on the token item at most every LAST_SEEN_EVERY_MS.
    """
    digest = token_digest(token) if token else ""
    record = accounts.get_token(digest) if digest else None
    if record is None:
        raise Unauthorized("log in to continue", code="unauthorized")
    now = now_ms()
    # TTL deletion lags by up to two days, so expiry is checked here.
    if record["expires_at"] <= now:
        raise Unauthorized("your login has expired; log in again", code="token_expired")
    agent = accounts.get_agent(record["agent_id"])
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
    _check_idle(digest, record, now)
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
        token_digest(token),
        audit.entry(
            "auth.logout",
            actor_id=agent_id,
            target_type="agent",
            target_id=agent_id,
            source_ip=source_ip,
        ),
    )


# -- invitations ------------------------------------------------------------------------
def invite(
    agent_id: str, *, actor_id: str, public_url: str, source_ip: str | None = None
) -> dict[str, Any]:
    """A one-time link (72 h) with which the agent sets their password: {url, expires_at}.

    The token is in the url only; the table keeps its digest."""
    if accounts.get_agent(agent_id) is None:
        raise NotFound("no such agent", code="agent_not_found")
    token = secrets.token_urlsafe(32)
    created_at = now_ms()
    expires_at = created_at + INVITATION_TTL_MS
    accounts.put_invitation(
        {
            "token_hash": token_digest(token),
            "agent_id": agent_id,
            "created_by": actor_id,
            "created_at": created_at,
            "expires_at": expires_at,
        },
        audit.entry(
            "agent.invitation_created",
            actor_id=actor_id,
            target_type="agent",
            target_id=agent_id,
            details={"expires_at": expires_at},
            source_ip=source_ip,
        ),
    )
    return {"url": f"{public_url.rstrip('/')}/#/invitation/{token}", "expires_at": expires_at}


def accept_invitation(token: str, password: str, source_ip: str | None = None) -> None:
    """Set the invited agent's password; the invitation is used up in the same transaction."""
    validate_password(password)
    digest = token_digest(token)
    invitation = accounts.get_invitation(digest) if token else None
    now = now_ms()
    if invitation is None or invitation["expires_at"] <= now:
        raise NotFound(
            "this invitation link is invalid, used or expired; ask an administrator for a new one",
            code="invitation_not_found",
        )
    agent_id = invitation["agent_id"]
    accounts.redeem_invitation(
        digest,
        agent_id,
        password_hash=hash_password(password),
        now=now,
        audit_entry=audit.entry(
            "agent.invitation_accepted",
            actor_id=agent_id,
            target_type="agent",
            target_id=agent_id,
            source_ip=source_ip,
        ),
    )
    log.info("invitation accepted", extra={"agent_id": agent_id})
