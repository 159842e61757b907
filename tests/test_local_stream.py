"""The stream poller: moto's records reshaped into Lambda's, batches and partial failures."""

from __future__ import annotations

import contextlib
import json
import stat
from pathlib import Path
from typing import Any

import boto3
import pytest

from infra.local.stream import FailureFile, StreamPoller, failed_index, lambda_record
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


def _poller(
    aws: Any,
    function: FakeFunction,
    *,
    retries: int = 2,
    failures: list[dict[str, Any]] | None = None,
) -> StreamPoller:
    streams, arn = _stream(aws)
    poller = StreamPoller(
        streams,
        arn,
        function,
        batch_size=2,
        max_retries=retries,
        region="us-east-1",
        retry_wait=0,
        on_failure=failures.append if failures is not None else None,
    )
    poller.position()
    return poller


def _put_unreadable(aws: Any, n: int) -> None:
    """An item moto accepts although DynamoDB would not (a map key that is the empty string),
    and answers mangled: boto3 cannot parse a page of records that holds it."""
    aws.put_item(
        TableName=TABLE,
        Item={
            "PK": {"S": f"P#{n}"},
            "SK": {"S": "S"},
            "n": {"N": str(n)},
            "dice": {"M": {"": {"N": "1"}}},
        },
    )


def _sequence_of(aws: Any, n: int) -> str:
    streams, arn = _stream(aws)
    shard = streams.describe_stream(StreamArn=arn)["StreamDescription"]["Shards"][0]["ShardId"]
    it = streams.get_shard_iterator(StreamArn=arn, ShardId=shard, ShardIteratorType="TRIM_HORIZON")
    streams.meta.events.register_first(
        "before-parse.dynamodb-streams.GetRecords",
        lambda response_dict, **_: found.append(json.loads(response_dict["body"])),
    )
    found: list[dict[str, Any]] = []
    with contextlib.suppress(Exception):
        streams.get_records(ShardIterator=it["ShardIterator"])
    [sequence] = [
        r["dynamodb"]["SequenceNumber"]
        for r in found[0]["Records"]
        if r["dynamodb"]["Keys"]["PK"]["S"] == f"P#{n}"
    ]
    return sequence


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


def test_a_record_failing_every_retry_goes_to_the_dead_letter_path(aws: Any) -> None:
    failures: list[dict[str, Any]] = []
    poller = _poller(aws, FakeFunction([RuntimeError("boom")] * 3), retries=2, failures=failures)
    _put(aws, 1)
    _put(aws, 2)

    _drive(poller)

    [failure] = failures
    info = failure["DDBStreamBatchInfo"]
    assert failure["requestContext"]["condition"] == "RetryAttemptsExhausted"
    assert failure["requestContext"]["approximateInvokeCount"] == 3
    assert info["startSequenceNumber"] == info["endSequenceNumber"] == _sequence_of(aws, 1)
    assert info["batchSize"] == 1 and info["shardId"]


def test_a_record_that_cannot_be_read_is_given_up_on_and_the_stream_goes_on(aws: Any) -> None:
    function = FakeFunction([])
    failures: list[dict[str, Any]] = []
    poller = _poller(aws, function, failures=failures)
    _put(aws, 1)
    _put_unreadable(aws, 2)
    _put(aws, 3)
    _put(aws, 4)

    for _ in range(12):  # a bounded number of polls: never blocked on record 2
        poller.poll_once()

    delivered = [n for batch in function.batches for n in batch]
    assert delivered == ["1", "3", "4"]
    [failure] = failures
    assert failure["DDBStreamBatchInfo"]["startSequenceNumber"] == _sequence_of(aws, 2)


def test_an_unreadable_record_already_in_the_stream_does_not_stop_the_start(aws: Any) -> None:
    _put_unreadable(aws, 1)
    function = FakeFunction([])
    poller = _poller(aws, function)  # positions after record 1
    _put(aws, 2)

    for _ in range(3):
        poller.poll_once()

    assert function.batches == [["2"]]


def test_the_local_dead_letter_file_keeps_one_line_per_record(tmp_path: Path) -> None:
    sink = FailureFile(tmp_path / "data" / "stream-failures.jsonl")
    sink({"DDBStreamBatchInfo": {"startSequenceNumber": "1"}})
    sink({"DDBStreamBatchInfo": {"startSequenceNumber": "2"}})

    lines = sink.path.read_text().splitlines()
    assert [json.loads(line)["DDBStreamBatchInfo"]["startSequenceNumber"] for line in lines] == [
        "1",
        "2",
    ]
    assert stat.S_IMODE(sink.path.stat().st_mode) == 0o600


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
