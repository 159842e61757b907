"""Passwords and usernames: their rules, scrypt hashing, and the digest of random tokens.

Passwords are hashed with scrypt (memory-hard); the stored string carries its parameters
and salt, so they can be raised later without breaking existing hashes. Login and
invitation tokens are random, handed out once, and stored only as their sha256 digest.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
from functools import lru_cache

from tgdesk.core.errors import InvalidInput

USERNAME_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]{1,31}$"
PASSWORD_MIN_LENGTH = 12
PASSWORD_MAX_LENGTH = 256

# 16 MiB of memory per hash, ~50 ms on a Lambda core.
_SCRYPT_N, _SCRYPT_R, _SCRYPT_P, _SCRYPT_LEN = 2**14, 8, 1, 32


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
def decoy_hash() -> str:
    """A hash to verify against when the username is unknown, so timing tells nothing."""
    return hash_password(secrets.token_urlsafe(16))


def new_token() -> str:
    """A random token handed out once (a login, an invitation)."""
    return secrets.token_urlsafe(32)


def token_digest(token: str) -> str:
    """What the table keeps of a token."""
    return hashlib.sha256(token.encode()).hexdigest()
