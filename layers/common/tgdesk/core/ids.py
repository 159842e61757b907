"""Identifiers: short, random, and sortable by creation time where that helps."""

from __future__ import annotations

import secrets
import threading

from tgdesk.core.clock import now_ms

_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"  # Crockford base32, lower case
_RANDOM_BITS = 80

_lock = threading.Lock()
_last_ms = -1
_last_random = 0


def _b32(value: int, width: int) -> str:
    out = []
    for _ in range(width):
        out.append(_ALPHABET[value & 31])
        value >>= 5
    return "".join(reversed(out))


def sortable_id() -> str:
    """26 characters: 48 bits of milliseconds then 80 random bits (a lower-case ULID).

    Monotonic within a process: two ids made in the same millisecond (or under a frozen
    test clock) still sort in the order they were made, so items keyed by them keep the
    order of events.
    """
    global _last_ms, _last_random
    with _lock:
        ms = now_ms()
        if ms <= _last_ms:
            ms = _last_ms
            rnd = (_last_random + 1 + secrets.randbits(16)) % (1 << _RANDOM_BITS)
        else:
            rnd = secrets.randbits(_RANDOM_BITS - 1)  # headroom for increments
        _last_ms, _last_random = ms, rnd
    return _b32(ms, 10) + _b32(rnd, 16)


def short_id(length: int = 12) -> str:
    return "".join(secrets.choice(_ALPHABET) for _ in range(length))
