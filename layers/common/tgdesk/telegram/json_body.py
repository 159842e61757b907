"""Reading a webhook body as JSON without letting its oddities reach the table.

Python's json accepts what DynamoDB (and other JSON readers) would not: `NaN` and `Infinity`
literals, numbers too large for a double (read as infinity), lone UTF-16 surrogates from
`\\ud800` escapes (which cannot be encoded as UTF-8, so a request carrying one fails before it
leaves), and nesting deep enough to exhaust the interpreter's stack. Telegram sends none of
these, so the first three make the body unreadable (a dead letter); a lone surrogate is
replaced with U+FFFD and reported, since the rest of the message is worth keeping.
"""

from __future__ import annotations

import json
import math
from typing import Any

MAX_DEPTH = 32  # a Telegram update nests about 8 levels; DynamoDB stores maps 32 deep


class UnreadableBody(ValueError):
    """The body is not JSON that can be stored: the message says why."""


def loads(body: str | bytes) -> tuple[Any, bool]:
    """The decoded body, and whether any text had to be repaired (lone surrogates)."""
    try:
        data = json.loads(body, parse_constant=_no_constant, parse_float=_finite_float)
    except RecursionError as err:
        raise UnreadableBody(f"body nests deeper than {MAX_DEPTH} levels") from err
    except UnreadableBody:
        raise
    except (ValueError, UnicodeDecodeError) as err:
        raise UnreadableBody(f"body is not JSON: {err}") from err
    return _repaired(data, 0)


def valid_text(text: str) -> tuple[str, bool]:
    """`text` with every lone surrogate replaced by U+FFFD, and whether one was."""
    if text.isascii():
        return text, False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace"), True
    return text, False


def _no_constant(name: str) -> Any:
    raise UnreadableBody(f"body is not JSON: {name} is not a JSON number")


def _finite_float(literal: str) -> float:
    value = float(literal)
    if not math.isfinite(value):
        raise UnreadableBody(f"body has a number too large to read: {literal[:40]}")
    return value


def _repaired(value: Any, depth: int) -> tuple[Any, bool]:
    """Walk the decoded body: refuse deep nesting, repair text. Unchanged parts are the
    same objects (a typical update is walked without copying anything)."""
    if isinstance(value, str):
        return valid_text(value)
    if not isinstance(value, dict | list):
        return value, False
    if depth >= MAX_DEPTH:
        raise UnreadableBody(f"body nests deeper than {MAX_DEPTH} levels")
    changed = False
    if isinstance(value, list):
        items = []
        for item in value:
            fixed, repaired = _repaired(item, depth + 1)
            items.append(fixed)
            changed |= repaired
        return (items, True) if changed else (value, False)
    fields = {}
    for key, item in value.items():
        fixed_key, key_repaired = valid_text(key)
        fixed, repaired = _repaired(item, depth + 1)
        fields[fixed_key] = fixed
        changed |= key_repaired or repaired
    return (fields, True) if changed else (value, False)
