"""The local stack's own AWS calls reach moto in-process (infra/local/moto_inprocess.py):
no socket is opened, and the answers are those the port gives."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import boto3
import pytest
import urllib3.connection
from botocore.exceptions import ClientError

from infra.local import cfn, moto_inprocess
from infra.local.config import free_port
from infra.local.moto_service import MotoService

TABLE = "inprocess-test"
KEY = {"PK": {"S": "a"}, "SK": {"S": "b"}}


@pytest.fixture(scope="module")
def moto() -> Iterator[MotoService]:
    service = MotoService(free_port())
    service.start()
    try:
        yield service
    finally:
        service.stop()


def clients(moto: MotoService) -> dict[str, Any]:
    settings = {
        "endpoint_url": moto.endpoint_url,
        "region_name": "us-east-1",
        "aws_access_key_id": "local",
        "aws_secret_access_key": "local",
    }
    names = ("dynamodb", "dynamodbstreams", "s3", "ssm")
    return {name: boto3.client(name, **settings) for name in names}


def _create_only(item: dict[str, Any]) -> dict[str, Any]:
    return {"TableName": TABLE, "Item": item, "ConditionExpression": "attribute_not_exists(PK)"}


def exchange(aws: dict[str, Any], bucket: str) -> list[Any]:
    """A few calls of every service the stack uses, and what each answered."""
    ddb, s3, ssm = aws["dynamodb"], aws["s3"], aws["ssm"]
    answers: list[Any] = []
    ddb.put_item(TableName=TABLE, Item={**KEY, "v": {"B": b"\x00\xff"}, "n": {"N": "1"}})
    answers.append(ddb.get_item(TableName=TABLE, Key=KEY)["Item"])
    with pytest.raises(ClientError) as refused:
        ddb.put_item(TableName=TABLE, Item=KEY, ConditionExpression="attribute_not_exists(PK)")
    answers.append(refused.value.response["Error"])
    with pytest.raises(ClientError) as cancelled:
        ddb.transact_write_items(
            TransactItems=[
                {"Put": {"TableName": TABLE, "Item": {**KEY, "SK": {"S": "c"}}}},
                {"Put": {**_create_only(KEY)}},
            ]
        )
    answers.append(
        (cancelled.value.response["Error"], cancelled.value.response.get("CancellationReasons"))
    )
    streams = aws["dynamodbstreams"]
    arn = ddb.describe_table(TableName=TABLE)["Table"]["LatestStreamArn"]
    shard = streams.describe_stream(StreamArn=arn)["StreamDescription"]["Shards"][0]["ShardId"]
    iterator = streams.get_shard_iterator(
        StreamArn=arn, ShardId=shard, ShardIteratorType="TRIM_HORIZON"
    )["ShardIterator"]
    records = streams.get_records(ShardIterator=iterator)["Records"]
    answers.append([(r["eventName"], r["dynamodb"].get("NewImage")) for r in records][:1])
    s3.create_bucket(Bucket=bucket)
    s3.put_object(Bucket=bucket, Key="a b/ü+.txt", Body=b"hello", Metadata={"my_name": "1"})
    stored = s3.get_object(Bucket=bucket, Key="a b/ü+.txt")
    answers.append((stored["Body"].read(), stored["Metadata"]))
    ssm.put_parameter(Name=f"/{bucket}/secret", Value="s3cret", Type="SecureString")
    answers.append(
        ssm.get_parameter(Name=f"/{bucket}/secret", WithDecryption=True)["Parameter"]["Value"]
    )
    return answers


def test_the_processs_calls_open_no_socket_and_answer_as_the_port(
    moto: MotoService, monkeypatch: pytest.MonkeyPatch
) -> None:
    connects: list[Any] = []
    stock_connect = urllib3.connection.HTTPConnection.connect

    def counted(self: Any) -> None:
        connects.append(self)
        stock_connect(self)

    monkeypatch.setattr(urllib3.connection.HTTPConnection, "connect", counted)
    in_process = clients(moto)
    cfn.create_table(in_process["dynamodb"], TABLE)
    answered_here = exchange(in_process, "bucket-in-process")
    assert connects == []

    assert moto._in_process is not None
    moto_inprocess.uninstall(moto._in_process)
    try:
        answered_by_port = exchange(clients(moto), "bucket-by-port")
    finally:
        moto_inprocess.install(moto._in_process)
    assert connects  # those went through the port
    assert answered_here == answered_by_port
    assert (b"hello", {"my_name": "1"}) in answered_here
