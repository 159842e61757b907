"""moto's DynamoDB item answers written as plain JSON (the local stack only).

moto builds every answer through a serializer that walks the botocore shape of each member
of each attribute of each item: about a millisecond an item, which made the local stack's
session list, queue reads and snapshots its slowest requests. The item operations' results
are already DynamoDB JSON (typed attribute maps), and so are the stream's records (GetRecords,
read by the stream poller a hundred records at a time), so for those the answer is
`json.dumps` of the result (a record's creation time as epoch seconds, as DynamoDB Streams
writes it); errors and every other operation keep moto's serializer.
"""

from __future__ import annotations

import base64
import json
from datetime import datetime
from typing import Any

from moto.core import DEFAULT_ACCOUNT_ID
from moto.core.responses import ActionResult, BaseResponse
from moto.dynamodb.models import dynamodb_backends
from moto.dynamodb.models.utilities import dynamo_to_dict
from moto.dynamodb.responses import DynamoHandler
from moto.dynamodbstreams.responses import DynamoDBStreamsHandler

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
_PLAIN_STREAM = frozenset({"GetRecords"})
_STOCK: dict[type[BaseResponse], Any] = {
    DynamoHandler: DynamoHandler.serialized,
    DynamoDBStreamsHandler: DynamoDBStreamsHandler.serialized,
}


def _plain(value: Any) -> Any:
    """Binary values base64-encoded, times as epoch seconds, as moto's serializer writes them."""
    if isinstance(value, bytes | bytearray):
        return base64.b64encode(value).decode()
    if isinstance(value, datetime):
        return value.timestamp()
    raise TypeError(f"not JSON: {type(value).__name__}")


def _answered_plain(plain: frozenset[str], handler: type[BaseResponse]) -> Any:
    stock = _STOCK[handler]

    def serialized(self: BaseResponse, action_result: ActionResult) -> Any:
        result = action_result.result
        if not isinstance(result, dict) or self._get_action() not in plain:
            return stock(self, action_result)
        try:
            body = json.dumps(result, separators=(",", ":"), default=_plain)
        except (TypeError, ValueError):
            return stock(self, action_result)
        headers = {"Content-Type": "application/x-amz-json-1.0", **self.response_headers}
        return 200, headers, body

    return serialized


def table_json(table_name: str, region: str) -> str:
    """Every item of a moto table, as JSON text of the list a Scan answers (DynamoDB JSON,
    binary values base64), straight from the backend: for the local stack's snapshots, which
    get a consistent copy in one go where a paged Scan would not. The caller holds moto's
    lock (tgdesk.local serialises every request)."""
    table = dynamodb_backends[DEFAULT_ACCOUNT_ID][region].get_table(table_name)
    items = dynamo_to_dict([item.attrs for item in table.all_items()])
    return json.dumps(items, separators=(",", ":"), default=_plain)


def install() -> None:
    """Patch moto's DynamoDB and DynamoDB Streams answers for this process (the local stack
    only)."""
    DynamoHandler.serialized = _answered_plain(_PLAIN, DynamoHandler)  # type: ignore[method-assign]
    DynamoDBStreamsHandler.serialized = _answered_plain(_PLAIN_STREAM, DynamoDBStreamsHandler)  # type: ignore[method-assign]


def uninstall() -> None:
    for handler, stock in _STOCK.items():
        handler.serialized = stock  # type: ignore[method-assign]
