"""The stream poller: moto's records reshaped into Lambda's, batches and partial failures."""

from __future__ import annotations

from typing import Any

import boto3
import pytest

from infra.local.stream import StreamPoller, failed_index, lambda_record
from tests.conftest import TABLE


def _stream(aws: Any) -> tuple[Any, str]:
    arn = aws.describe_table(TableName=TABLE)["Table"]["LatestStreamArn"]
    return boto3.client("dynamodbstreams", region_name="us-east-1"), arn


def _put(aws: Any, n: int) -> None:
    aws.put_item(
        TableName=TABLE, Item={"PK": {"S": f"P#{n}"}, "SK": {"S": "S"}, "n": {"N": str(n)}}
    )


class FakeFunction:
    """Records every batch; answers with the failures a test scripts."""

    logical_id = "AssignFunction"
    timeout_s = 1

    def __init__(self, answers: list[Any]) -> None:
        self.answers = answers
        self.batches: list[list[str]] = []

    def invoke(self, event: dict[str, Any]) -> Any:
        self.batches.append([r["dynamodb"]["NewImage"]["n"]["N"] for r in event["Records"]])
        answer = self.answers.pop(0) if self.answers else {"batchItemFailures": []}
        if isinstance(answer, Exception):
            raise answer
        if callable(answer):
            return answer(event["Records"])
        return answer


def test_moto_records_are_reshaped_into_lambda_records(aws: Any) -> None:
    streams, arn = _stream(aws)
    shard = streams.describe_stream(StreamArn=arn)["StreamDescription"]["Shards"][0]["ShardId"]
    it = streams.get_shard_iterator(StreamArn=arn, ShardId=shard, ShardIteratorType="TRIM_HORIZON")
    _put(aws, 1)
    raw = streams.get_records(ShardIterator=it["ShardIterator"])["Records"][0]
    assert "eventSourceARN" not in raw

    record = lambda_record(raw, arn, "eu-west-1")

    assert record["eventSourceARN"] == arn
    assert record["eventVersion"] == "1.1"
    assert record["awsRegion"] == "eu-west-1"
    assert record["eventSource"] == "aws:dynamodb" and record["eventName"] == "INSERT"
    ddb = record["dynamodb"]
    assert isinstance(ddb["ApproximateCreationDateTime"], int)
    assert ddb["Keys"] == {"PK": {"S": "P#1"}, "SK": {"S": "S"}}
    assert ddb["NewImage"]["n"] == {"N": "1"}
    assert ddb["StreamViewType"] == "NEW_AND_OLD_IMAGES"
    assert isinstance(ddb["SequenceNumber"], str)


def _records(*seqs: str) -> list[dict[str, Any]]:
    return [{"dynamodb": {"SequenceNumber": s}} for s in seqs]


@pytest.mark.parametrize(
    ("response", "expected"),
    [
        (None, None),
        ({"batchItemFailures": []}, None),
        ({"batchItemFailures": [{"itemIdentifier": "3"}, {"itemIdentifier": "2"}]}, 1),
        ({"batchItemFailures": [{"itemIdentifier": "9"}]}, 0),
        ({"batchItemFailures": [{"itemIdentifier": None}]}, 0),
    ],
)
def test_failed_index(response: Any, expected: int | None) -> None:
    assert failed_index(response, _records("1", "2", "3")) == expected


def _poller(aws: Any, function: FakeFunction, *, retries: int = 2) -> StreamPoller:
    streams, arn = _stream(aws)
    poller = StreamPoller(
        streams, arn, function, batch_size=2, max_retries=retries, region="us-east-1", retry_wait=0
    )
    poller.position()
    return poller


def _drive(poller: StreamPoller) -> None:
    while poller.poll_once():
        pass


def test_starts_at_latest_and_redelivers_from_the_first_failure(aws: Any) -> None:
    _put(aws, 0)  # already in the stream before the poller starts: never delivered
    function = FakeFunction(
        [
            lambda records: {
                "batchItemFailures": [{"itemIdentifier": records[1]["dynamodb"]["SequenceNumber"]}]
            }
        ]
    )
    poller = _poller(aws, function)
    for n in (1, 2, 3):
        _put(aws, n)

    _drive(poller)

    assert function.batches == [["1", "2"], ["2", "3"]]


def test_a_poison_record_is_skipped_after_the_retries(aws: Any) -> None:
    function = FakeFunction([RuntimeError("boom")] * 3)
    poller = _poller(aws, function, retries=2)
    _put(aws, 1)
    _put(aws, 2)

    _drive(poller)

    # The first try and 2 retries of the batch, then record 1 is skipped; 2 goes on alone.
    assert function.batches == [["1", "2"], ["1", "2"], ["1", "2"], ["2"]]


def test_keeps_reading_after_moto_replaces_the_table_on_a_cancelled_transaction(aws: Any) -> None:
    function = FakeFunction([])
    poller = _poller(aws, function)
    _put(aws, 1)
    with pytest.raises(aws.exceptions.TransactionCanceledException):
        aws.transact_write_items(
            TransactItems=[
                {
                    "Put": {
                        "TableName": TABLE,
                        "Item": {"PK": {"S": "P#1"}, "SK": {"S": "S"}},
                        "ConditionExpression": "attribute_not_exists(PK)",
                    }
                }
            ]
        )
    _put(aws, 2)

    _drive(poller)

    assert function.batches == [["1", "2"]]
