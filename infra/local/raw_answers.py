"""The raw JSON of the emulator's last answer to one operation, for when boto3 cannot parse it.

moto stores some items it should have refused (a map key that is the empty string) and then
answers them mangled: boto3 raises while parsing a Scan or GetRecords page that holds one.
The local stream poller and the snapshot writer then read the raw answer to step past the
one bad item instead of failing on the same page forever.
"""

from __future__ import annotations

import json
import threading
from typing import Any


class RawAnswers:
    """Keeps the body of the latest `operation` answer of a client, per thread."""

    def __init__(self, client: Any, operation: str) -> None:
        self._local = threading.local()
        service = client.meta.service_model.service_id.hyphenize()
        client.meta.events.register(
            f"before-parse.{service}.{operation}", self._keep, unique_id=f"raw-{id(self)}"
        )

    def _keep(self, response_dict: dict[str, Any], **_: Any) -> None:
        self._local.body = response_dict.get("body")

    def forget(self) -> None:
        self._local.body = None

    def last(self) -> dict[str, Any] | None:
        """The latest answer as JSON, or None (no answer kept, or not a JSON object)."""
        body = getattr(self._local, "body", None)
        if not body:
            return None
        try:
            data = json.loads(body)
        except ValueError:
            return None
        return data if isinstance(data, dict) else None


_SCALARS = {"S": str, "N": str, "B": str, "BOOL": bool}
_SETS = ("SS", "NS", "BS")


def well_formed(value: Any) -> bool:
    """An attribute value as DynamoDB's JSON wire format has it (B as base64 text)."""
    if not isinstance(value, dict) or len(value) != 1:
        return False
    ((kind, inner),) = value.items()
    if kind in _SCALARS:
        return isinstance(inner, _SCALARS[kind])
    if kind == "NULL":
        return inner is True
    if kind in _SETS:
        return isinstance(inner, list) and bool(inner) and all(isinstance(v, str) for v in inner)
    if kind == "L":
        return isinstance(inner, list) and all(well_formed(v) for v in inner)
    if kind == "M":
        return isinstance(inner, dict) and well_formed_item(inner)
    return False


def well_formed_item(item: Any) -> bool:
    """Attribute names that are not empty, and well-formed values."""
    return isinstance(item, dict) and all(
        isinstance(name, str) and name and well_formed(value) for name, value in item.items()
    )
