"""Time, in one unit everywhere: integer milliseconds since the Unix epoch (UTC)."""

from __future__ import annotations

import time

_override: int | None = None


def now_ms() -> int:
    return _override if _override is not None else time.time_ns() // 1_000_000


def set_now_for_tests(value_ms: int | None) -> None:
    """Freeze the clock (None unfreezes). Only tests call this."""
    global _override
    _override = value_ms
