"""Names people give things (a tag, a risk group): runs of spaces collapsed, length bounded."""

from __future__ import annotations

from tgdesk.core.errors import InvalidInput


def clean_name(name: str, *, kind: str, max_length: int, code: str) -> str:
    """`name` with its spaces collapsed; InvalidInput (`code`, field `name`) when nothing or
    more than `max_length` characters is left."""
    cleaned = " ".join(name.split())
    if not cleaned or len(cleaned) > max_length:
        raise InvalidInput(
            f"A {kind} name holds 1 to {max_length} characters.", code=code, field="name"
        )
    return cleaned
