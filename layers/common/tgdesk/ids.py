"""Identifiers: short, random, and sortable by creation time where that helps."""

from __future__ import annotations

import secrets

from tgdesk.clock import now_ms

_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"  # Crockford base32, lower case


def _b32(value: int, width: int) -> str:
    out = []
    for _ in range(width):
        out.append(_ALPHABET[value & 31])
        value >>= 5
    return "".join(reversed(out))


def sortable_id() -> str:
    """26 characters: 48 bits of milliseconds then 80 random bits (a ULID, lower case)."""
    return _b32(now_ms(), 10) + _b32(secrets.randbits(80), 16)


def short_id(length: int = 12) -> str:
    return "".join(secrets.choice(_ALPHABET) for _ in range(length))
