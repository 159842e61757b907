"""moto's DynamoDB item answers written as plain JSON (the local stack only).

moto builds every answer through a serializer that walks the botocore shape of each member
of each attribute of each item: about a millisecond an item, which made the local stack's
session list, queue reads and snapshots its slowest requests. The item operations' results
are already DynamoDB JSON (typed attribute maps), so for those the answer is `json.dumps` of
the result; errors and every other operation keep moto's serializer.
"""

from __future__ import annotations

import base64
import json
from typing import Any

from moto.core.responses import ActionResult
from moto.dynamodb.responses import DynamoHandler

_PLAIN = frozenset(
    {
        "GetItem",
        "BatchGetItem",
        "Query",
        "Scan",
        "PutItem",
        "UpdateItem",
        "DeleteItem",
        "BatchWriteItem",
        "TransactGetItems",
        "TransactWriteItems",
    }
)
_stock = DynamoHandler.serialized


def _blob(value: Any) -> str:
    """Binary values, base64-encoded as moto's serializer writes them."""
    if isinstance(value, bytes | bytearray):
        return base64.b64encode(value).decode()
    raise TypeError(f"not JSON: {type(value).__name__}")


def _serialized(self: DynamoHandler, action_result: ActionResult) -> Any:
    result = action_result.result
    if not isinstance(result, dict) or self._get_action() not in _PLAIN:
        return _stock(self, action_result)
    try:
        body = json.dumps(result, separators=(",", ":"), default=_blob)
    except (TypeError, ValueError):
        return _stock(self, action_result)
    headers = {"Content-Type": "application/x-amz-json-1.0", **self.response_headers}
    return 200, headers, body


def install() -> None:
    """Patch moto's DynamoDB answers for this process (the local stack only)."""
    DynamoHandler.serialized = _serialized  # type: ignore[method-assign]


def uninstall() -> None:
    DynamoHandler.serialized = _stock  # type: ignore[method-assign]
