"""One DynamoDB client for the process, and the (de)serialisation every repository uses.

The low-level client is used rather than the boto3 resource layer: it imports faster
(cold starts) and makes every request explicit, which bench/ counts.
"""

from __future__ import annotations

import json
from decimal import Decimal
from functools import lru_cache
from typing import Any, cast

import boto3
from boto3.dynamodb.types import TypeDeserializer, TypeSerializer
from botocore.config import Config
from botocore.exceptions import ClientError

from tgdesk.core.errors import Conflict
from tgdesk.core.settings import get_settings

_serializer = TypeSerializer()
_deserializer = TypeDeserializer()


@lru_cache(maxsize=1)
def client() -> Any:
    """The DynamoDB client. `AWS_ENDPOINT_URL` (honoured by boto3) points it at moto locally."""
    return boto3.client(
        "dynamodb",
        config=Config(
            retries={"max_attempts": 4, "mode": "standard"},
            connect_timeout=2,
            read_timeout=5,
            tcp_keepalive=True,
        ),
    )


def table_name() -> str:
    return get_settings().table_name


def reset() -> None:
    """Forget the cached client (tests switch endpoints and tables)."""
    client.cache_clear()
    get_settings.cache_clear()


def plain(value: Any) -> Any:
    """Make a Python value storable: floats become Decimal, empty strings are kept."""
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items() if v is not None}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value


def to_item(data: dict[str, Any]) -> dict[str, Any]:
    """Python dict -> DynamoDB attribute map. None values are left out."""
    return {k: _serializer.serialize(plain(v)) for k, v in data.items() if v is not None}


def to_value(value: Any) -> dict[str, Any]:
    return cast(dict[str, Any], _serializer.serialize(plain(value)))


def values(data: dict[str, Any]) -> dict[str, Any]:
    """Expression attribute values: {":a": 1} -> {":a": {"N": "1"}}."""
    return {k: to_value(v) for k, v in data.items()}


def _native(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dict):
        return {k: _native(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_native(v) for v in value]
    if isinstance(value, set):
        return sorted(_native(v) for v in value)
    return value


def from_item(item: dict[str, Any] | None) -> dict[str, Any] | None:
    """DynamoDB attribute map -> plain Python (ints, floats, str, lists, dicts)."""
    if item is None:
        return None
    return {k: _native(_deserializer.deserialize(v)) for k, v in item.items()}


def dumps(value: Any) -> str:
    """JSON for values kept as strings in the table (raw Telegram payloads)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)


def is_conditional_failure(error: ClientError) -> bool:
    return error.response.get("Error", {}).get("Code") == "ConditionalCheckFailedException"


def cancellation_reasons(error: ClientError) -> list[str]:
    """The per-item codes of a cancelled transaction ("None" for items that were fine)."""
    return [r.get("Code", "None") for r in error.response.get("CancellationReasons", [])]


def conflict_from(error: ClientError, message: str) -> Exception:
    """Map a lost conditional write (single or transactional) to Conflict; re-raise others."""
    code = error.response.get("Error", {}).get("Code")
    if code in ("ConditionalCheckFailedException", "TransactionCanceledException"):
        return Conflict(message)
    return error


def transact(operations: list[dict[str, Any]], *, conflict: Conflict) -> None:
    """Write `operations` in one transaction; raise `conflict` when it is cancelled (a condition
    failed or another transaction raced it). Other errors propagate unchanged."""
    try:
        client().transact_write_items(TransactItems=operations)
    except ClientError as err:
        if err.response.get("Error", {}).get("Code") != "TransactionCanceledException":
            raise
        raise conflict from err


# What a cancelled transaction's items say when it lost a race: a condition no longer held,
# another transaction wrote one of its items, or the item was fine.
LOST_RACE = frozenset({"None", "ConditionalCheckFailed", "TransactionConflict"})


def transact_unless_lost(operations: list[dict[str, Any]]) -> bool:
    """Write `operations` in one transaction: False when it lost a race (LOST_RACE), True when
    written. Other errors propagate unchanged."""
    try:
        client().transact_write_items(TransactItems=operations)
    except ClientError as err:
        reasons = set(cancellation_reasons(err))
        if err.response.get("Error", {}).get("Code") == "TransactionCanceledException" and (
            reasons <= LOST_RACE
        ):
            return False
        raise
    return True


def get(pk: str, sk: str, *, consistent: bool = False) -> dict[str, Any] | None:
    resp = client().get_item(
        TableName=table_name(), Key=to_item({"PK": pk, "SK": sk}), ConsistentRead=consistent
    )
    return from_item(resp.get("Item"))


def query(
    *,
    pk: str,
    sk_prefix: str | None = None,
    sk_between: tuple[str, str] | None = None,
    index: str | None = None,
    forward: bool = True,
    limit: int | None = None,
    start_key: dict[str, Any] | None = None,
) -> tuple[list[dict[str, Any]], dict[str, Any] | None]:
    """One page of a Query. Returns (items, last_evaluated_key or None)."""
    pk_name, sk_name = ("PK", "SK") if index is None else (f"{index}PK", f"{index}SK")
    cond = "#pk = :pk"
    names = {"#pk": pk_name}
    vals: dict[str, Any] = {":pk": pk}
    if sk_prefix is not None:
        cond += " AND begins_with(#sk, :sk)"
        names["#sk"] = sk_name
        vals[":sk"] = sk_prefix
    elif sk_between is not None:
        cond += " AND #sk BETWEEN :lo AND :hi"
        names["#sk"] = sk_name
        vals[":lo"], vals[":hi"] = sk_between
    kwargs: dict[str, Any] = {
        "TableName": table_name(),
        "KeyConditionExpression": cond,
        "ExpressionAttributeNames": names,
        "ExpressionAttributeValues": values(vals),
        "ScanIndexForward": forward,
    }
    if index:
        kwargs["IndexName"] = index
    if limit:
        kwargs["Limit"] = limit
    if start_key:
        kwargs["ExclusiveStartKey"] = start_key
    resp = client().query(**kwargs)
    items = [from_item(i) for i in resp.get("Items", [])]
    return [i for i in items if i is not None], resp.get("LastEvaluatedKey")


def query_all(**kwargs: Any) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    start = None
    while True:
        page, start = query(start_key=start, **kwargs)
        items.extend(page)
        if not start:
            return items


KEY_ATTRIBUTES = frozenset({"PK", "SK", "GSI1PK", "GSI1SK", "GSI2PK", "GSI2SK"})


def strip_keys(item: dict[str, Any]) -> dict[str, Any]:
    """The public attributes of an item: everything but the table's key attributes."""
    return {k: v for k, v in item.items() if k not in KEY_ATTRIBUTES}
