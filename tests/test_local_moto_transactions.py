"""The local stack's moto transactions: atomic like moto's own, without copying tables."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError
from moto import mock_aws
from moto.dynamodb.models import DynamoDBBackend

from infra.local import cfn, moto_transactions

TABLE = "tx-test"


@pytest.fixture
def ddb() -> Iterator[Any]:
    stock = DynamoDBBackend.transact_write_items
    moto_transactions.install()
    try:
        with mock_aws():
            client = boto3.client("dynamodb", region_name="us-east-1")
            cfn.create_table(client, TABLE)
            yield client
    finally:
        DynamoDBBackend.transact_write_items = stock  # type: ignore[method-assign]


def put(pk: str, **attrs: str) -> dict[str, Any]:
    item = {"PK": {"S": pk}, "SK": {"S": "X"}} | {k: {"S": v} for k, v in attrs.items()}
    return {"Put": {"TableName": TABLE, "Item": item}}


def scan(ddb: Any) -> list[dict[str, Any]]:
    return sorted(ddb.scan(TableName=TABLE)["Items"], key=lambda i: i["PK"]["S"])


def stream_records(ddb: Any) -> list[dict[str, Any]]:
    streams = boto3.client("dynamodbstreams", region_name="us-east-1")
    arn = ddb.describe_table(TableName=TABLE)["Table"]["LatestStreamArn"]
    shard = streams.describe_stream(StreamArn=arn)["StreamDescription"]["Shards"][0]
    iterator = streams.get_shard_iterator(
        StreamArn=arn, ShardId=shard["ShardId"], ShardIteratorType="TRIM_HORIZON"
    )["ShardIterator"]
    return streams.get_records(ShardIterator=iterator)["Records"]


def test_a_cancelled_transaction_changes_no_item_and_no_stream(ddb: Any) -> None:
    ddb.transact_write_items(TransactItems=[put("a", v="1"), put("b", v="1")])
    before, records_before = scan(ddb), stream_records(ddb)
    with pytest.raises(ClientError) as cancelled:
        ddb.transact_write_items(
            TransactItems=[
                put("a", v="2"),  # applied by moto, then rolled back
                {
                    "Update": {
                        "TableName": TABLE,
                        "Key": {"PK": {"S": "b"}, "SK": {"S": "X"}},
                        "UpdateExpression": "SET v = :v",
                        "ConditionExpression": "v = :old",
                        "ExpressionAttributeValues": {":v": {"S": "2"}, ":old": {"S": "9"}},
                    }
                },
                put("c", v="2"),  # a new item, removed again
            ]
        )
    reasons = [r["Code"] for r in cancelled.value.response["CancellationReasons"]]
    assert reasons == ["None", "ConditionalCheckFailed", "None"]
    assert scan(ddb) == before
    assert stream_records(ddb) == records_before


def test_a_transaction_that_holds_applies_every_item_once(ddb: Any) -> None:
    ddb.transact_write_items(TransactItems=[put("a", v="1"), put("b", v="2")])
    assert [(i["PK"]["S"], i["v"]["S"]) for i in scan(ddb)] == [("a", "1"), ("b", "2")]
    assert [r["eventName"] for r in stream_records(ddb)] == ["INSERT", "INSERT"]


def test_the_table_object_is_never_swapped(ddb: Any) -> None:
    from moto.core import DEFAULT_ACCOUNT_ID
    from moto.dynamodb.models import dynamodb_backends

    backend = dynamodb_backends[DEFAULT_ACCOUNT_ID]["us-east-1"]
    table = backend.tables[TABLE]
    with pytest.raises(ClientError):
        ddb.transact_write_items(
            TransactItems=[
                {
                    "ConditionCheck": {
                        "TableName": TABLE,
                        "Key": {"PK": {"S": "missing"}, "SK": {"S": "X"}},
                        "ConditionExpression": "attribute_exists(PK)",
                    }
                }
            ]
        )
    assert backend.tables[TABLE] is table
