"""What one DynamoDB item can hold, checked before a write rather than learnt from a
ValidationException: values that come from outside (a Telegram update) are measured and
cut here first, so that their content never makes a write fail.

Plain Python, no boto3: the webhook imports this on its cold start.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

ITEM_LIMIT = 400 * 1024  # bytes: attribute names and values, UTF-8
# Telegram's ids are 64-bit signed integers; DynamoDB would hold larger ones (38 digits), but
# no id outside this range is real.
INT_MIN, INT_MAX = -(2**63), 2**63 - 1
# DynamoDB numbers: magnitudes from 1e-130 to under 1e126 (and zero).
_SMALLEST, _LARGEST = 1e-130, 1e126


def is_int64(value: Any) -> bool:
    """An int (not a bool) that fits Telegram's 64-bit ids."""
    return isinstance(value, int) and not isinstance(value, bool) and INT_MIN <= value <= INT_MAX


def storable_float(value: float) -> bool:
    """A finite float whose magnitude DynamoDB can hold."""
    if not math.isfinite(value):
        return False
    magnitude = abs(value)
    return magnitude == 0 or _SMALLEST <= magnitude < _LARGEST


def size_of(value: Any) -> int:
    """The bytes one attribute value takes in an item, by DynamoDB's sizing rules (numbers
    rounded up): a string its UTF-8 length, a number about one byte per two digits plus one,
    a map or list 3 bytes plus each element's size (and name) and 1 byte per element."""
    if isinstance(value, str):
        return len(value) if value.isascii() else len(value.encode("utf-8", "surrogatepass"))
    if isinstance(value, bool) or value is None:
        return 1
    if isinstance(value, int | float | Decimal):
        return _number_size(value)
    if isinstance(value, bytes | bytearray):
        return len(value)
    if isinstance(value, Mapping):
        return 3 + sum(size_of(k) + size_of(v) + 1 for k, v in value.items() if v is not None)
    if isinstance(value, list | tuple | set | frozenset):
        return 3 + sum(size_of(v) + 1 for v in value)
    return size_of(str(value))


def item_size(item: Mapping[str, Any]) -> int:
    """The size of a whole item: each attribute's name and value (None: left out)."""
    return sum(size_of(name) + size_of(value) for name, value in item.items() if value is not None)


def upper_bound(value: Any) -> int:
    """A quick bound on size_of(value) (or on item_size of a dict): twice its compact JSON.
    Every value's JSON is at least half its DynamoDB size (a string's quotes, a number's
    digits, a map's or list's brackets and separators), so what fits by this bound fits."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)
    return 2 * (len(text) if text.isascii() else len(text.encode("utf-8", "surrogatepass")))


def utf8_prefix(text: str, max_bytes: int) -> str:
    """The longest start of `text` that takes at most `max_bytes` of UTF-8 (a lone surrogate
    counts as the replacement character it is stored as)."""
    data = text.encode("utf-8", "replace")
    return text if len(data) <= max_bytes else data[:max_bytes].decode("utf-8", "ignore")


def _number_size(value: int | float | Decimal) -> int:
    digits = len(str(abs(value)).replace(".", "").lstrip("0").rstrip("0")) or 1
    if isinstance(value, float | Decimal):
        digits = min(digits, 38)  # an exponent (1e-05) counts its digits too: an overestimate
    return (digits + 1) // 2 + 1
