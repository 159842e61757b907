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
import re
from typing import Any

MAX_DEPTH = 32  # a Telegram update nests about 8 levels; DynamoDB stores maps 32 deep
# A \\u escape of a surrogate half: the only way a lone one gets into a well-encoded body.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


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
    if _may_hold_surrogates(body):
        return _repaired(data, 0)
    _check_depth(data, 0)
    return data, False


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


def _may_hold_surrogates(body: str | bytes) -> bool:
    """False when no string of the decoded body can hold a lone surrogate (the usual case:
    the walk that repairs them is then skipped)."""
    if isinstance(body, bytes):
        try:
            body = body.decode("utf-8")
        except UnicodeDecodeError:
            return True  # json decodes such bytes with surrogatepass
    if not body.isascii():
        try:
            body.encode("utf-8")
        except UnicodeEncodeError:
            return True
    return _SURROGATE_ESCAPE.search(body) is not None


def _check_depth(value: Any, depth: int) -> None:
    if isinstance(value, dict | list):
        if depth >= MAX_DEPTH:
            raise UnreadableBody(f"body nests deeper than {MAX_DEPTH} levels")
        for item in value.values() if isinstance(value, dict) else value:
            _check_depth(item, depth + 1)


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
