"""The click's payload: the bot's start parameter, and the click's id.

Telegram allows up to 64 characters of A-Za-z0-9_- in `?start=`. A payload is 24 of them
from 18 random bytes (144 bits), so it cannot be guessed: a forged or altered `/start`
parameter finds no click. Nothing is signed, so nothing needs a key.
"""

from __future__ import annotations

import hashlib
import re
import secrets

PATTERN = re.compile(r"[A-Za-z0-9_-]{1,64}")
_RANDOM_BYTES = 18  # 144 bits; base64url of 18 bytes is 24 characters, no padding


def new_payload() -> str:
    return secrets.token_urlsafe(_RANDOM_BYTES)


def is_payload(value: object) -> bool:
    """Shaped like a start parameter Telegram would pass on (not that such a click exists)."""
    return isinstance(value, str) and PATTERN.fullmatch(value) is not None


def click_id(payload: str) -> str:
    """The click's public name: a digest of its payload, which it does not give away."""
    return hashlib.sha256(payload.encode()).hexdigest()[:24]
