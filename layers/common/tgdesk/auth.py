"""Agents' accounts: password hashing, login tokens, and the first administrator.

Passwords are hashed with scrypt (memory-hard); the stored string carries its parameters
and salt, so they can be raised later without breaking existing hashes. Login tokens are
random, handed out once, and stored only as their sha256 digest.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import re
import secrets
from functools import lru_cache
from typing import Any, Literal

from tgdesk import ids
from tgdesk.clock import now_ms
from tgdesk.errors import Conflict, Forbidden, InvalidInput, Unauthorized
from tgdesk.settings import get_settings
from tgdesk.storage import accounts

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


def public_agent(agent: dict[str, Any]) -> dict[str, Any]:
    """An agent as others may see it: never the password hash."""
    return {k: v for k, v in agent.items() if k not in ("password_hash", "kind")}


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


def create_agent(
    *, username: str, password: str, display_name: str | None = None, role: Role = "agent"
) -> dict[str, Any]:
    """Create an agent account (an admin does this; agents cannot register themselves)."""
    validate_username(username)
    validate_password(password)
    if role not in ROLES:
        raise InvalidInput(f"role is one of {', '.join(ROLES)}", code="invalid_role", field="role")
    agent = {
        "agent_id": ids.short_id(),
        "username": username,
        "display_name": (display_name or "").strip() or username,
        "role": role,
        "password_hash": hash_password(password),
        "disabled": False,
        "created_at": now_ms(),
    }
    accounts.create_agent(agent)
    log.info("agent created", extra={"agent_id": agent["agent_id"], "role": role})
    return public_agent(agent)


def update_agent(
    agent_id: str,
    *,
    display_name: str | None = None,
    role: Role | None = None,
    disabled: bool | None = None,
    password: str | None = None,
) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    if display_name is not None:
        changes["display_name"] = display_name.strip() or None
    if role is not None:
        if role not in ROLES:
            raise InvalidInput(
                f"role is one of {', '.join(ROLES)}", code="invalid_role", field="role"
            )
        changes["role"] = role
    if disabled is not None:
        changes["disabled"] = disabled
    if password is not None:
        validate_password(password)
        changes["password_hash"] = hash_password(password)
    changes = {k: v for k, v in changes.items() if v is not None}
    if not changes:
        raise InvalidInput("nothing to change", code="nothing_to_change")
    return public_agent(accounts.update_agent(agent_id, changes))


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


# -- sessions of the console ------------------------------------------------------------
def login(username: str, password: str) -> tuple[str, dict[str, Any], int]:
    """Check the credentials; returns (token, public agent, expires_at ms)."""
    agent = accounts.get_agent_by_username(username) if username else None
    if agent is None:
        verify_password(password, _decoy_hash())
        raise Unauthorized("wrong username or password", code="invalid_credentials")
    if not verify_password(password, agent.get("password_hash", "")):
        raise Unauthorized("wrong username or password", code="invalid_credentials")
    if agent.get("disabled"):
        raise Forbidden("this account is disabled; ask an administrator", code="account_disabled")
    token = secrets.token_urlsafe(32)
    created_at = now_ms()
    expires_at = created_at + get_settings().token_ttl_seconds * 1000
    accounts.put_token(
        token_digest(token), agent["agent_id"], created_at=created_at, expires_at=expires_at
    )
    log.info("login", extra={"agent_id": agent["agent_id"]})
    return token, public_agent(agent), expires_at


def authenticate(token: str) -> dict[str, Any]:
    """The agent behind a bearer token (public fields), or Unauthorized / Forbidden."""
    record = accounts.get_token(token_digest(token)) if token else None
    if record is None:
        raise Unauthorized("log in to continue", code="unauthorized")
    # TTL deletion lags by up to two days, so expiry is checked here.
    if record["expires_at"] <= now_ms():
        raise Unauthorized("your login has expired; log in again", code="token_expired")
    agent = accounts.get_agent(record["agent_id"])
    if agent is None:
        raise Unauthorized("log in to continue", code="unauthorized")
    if agent.get("disabled"):
        raise Forbidden("this account is disabled; ask an administrator", code="account_disabled")
    return public_agent(agent)


def logout(token: str) -> None:
    accounts.delete_token(token_digest(token))
