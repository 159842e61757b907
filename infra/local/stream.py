"""The table's stream, delivered to a function as Lambda's event source mapping does.

moto's records differ from what Lambda delivers: no `eventSourceARN`, eventVersion "1.0",
a fixed awsRegion, and (through boto3) a datetime for ApproximateCreationDateTime where
Lambda sends epoch seconds as a number. `lambda_record` reshapes them.

A record the function fails on every retry, and a record the poller cannot even read (moto
answers some items mangled), go to the dead-letter path after a few tries, as the deployed
event source mapping sends them to its SQS on-failure destination: `on_failure` gets the
same invocation record, and the stream goes on.
"""

from __future__ import annotations

import json
import logging
import os
import threading
from collections import deque
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from infra.local.lambdas import LocalFunction
from infra.local.raw_answers import RawAnswers

log = logging.getLogger("tgdesk.local.stream")

READ_TRIES = 3  # reads of a page that fails to parse before its bad record is looked for
# Where the local stack keeps what the deployed one sends to its on-failure queue.
STREAM_FAILURES_FILE = "stream-failures.jsonl"
FailureSink = Callable[[dict[str, Any]], None]


def lambda_record(record: dict[str, Any], stream_arn: str, region: str) -> dict[str, Any]:
    """One record from GetRecords -> the record as Lambda puts it in a DynamoDB event."""
    ddb = dict(record["dynamodb"])  # the two levels changed here are copied, not the images
    out = {**record, "dynamodb": ddb}
    out["eventVersion"] = "1.1"
    out["awsRegion"] = region
    out["eventSourceARN"] = stream_arn
    created = ddb.get("ApproximateCreationDateTime")
    if isinstance(created, datetime):
        ddb["ApproximateCreationDateTime"] = int(created.timestamp())
    return out


def failed_index(response: Any, batch: list[dict[str, Any]]) -> int | None:
    """Index of the first record to re-deliver, per ReportBatchItemFailures; None if all passed.

    As Lambda does, an answer naming no known record (or a malformed one) fails the whole batch.
    """
    if not isinstance(response, dict) or not response.get("batchItemFailures"):
        return None
    sequence = {r["dynamodb"]["SequenceNumber"]: i for i, r in enumerate(batch)}
    indexes = []
    for failure in response["batchItemFailures"]:
        ident = failure.get("itemIdentifier") if isinstance(failure, dict) else None
        if ident not in sequence:
            return 0
        indexes.append(sequence[ident])
    return min(indexes)


def failure_record(
    *, stream_arn: str, shard_id: str, sequence: str, function_name: str, attempts: int
) -> dict[str, Any]:
    """What Lambda sends a stream's on-failure destination about a record it gave up on."""
    now = datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    return {
        "requestContext": {
            "functionArn": function_name,
            "condition": "RetryAttemptsExhausted",
            "approximateInvokeCount": attempts,
        },
        "version": "1.0",
        "timestamp": now,
        "DDBStreamBatchInfo": {
            "shardId": shard_id,
            "startSequenceNumber": sequence,
            "endSequenceNumber": sequence,
            "batchSize": 1,
            "streamArn": stream_arn,
        },
    }


class FailureFile:
    """The local stand-in for the on-failure queue: one JSON line per record given up on."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __call__(self, record: dict[str, Any]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        with os.fdopen(fd, "a", encoding="utf-8") as fh:
            fh.write(json.dumps(record, separators=(",", ":")) + "\n")


class StreamPoller:
    """Reads every shard from its end at start; feeds batches, honouring partial failures.

    A record is retried (with the records after it) at most `max_retries` times, then given
    up on: reported to `on_failure` and skipped, so that one poison record never blocks the
    stream. A page that cannot be read is read again READ_TRIES times, then one record at a
    time; the record that cannot be read is reported and skipped the same way.
    """

    def __init__(
        self,
        streams: Any,
        stream_arn: str,
        function: LocalFunction,
        *,
        batch_size: int,
        max_retries: int,
        region: str,
        idle_wait: float = 0.25,
        retry_wait: float = 0.1,
        on_failure: FailureSink | None = None,
    ) -> None:
        self._streams = streams
        self._raw = RawAnswers(streams, "GetRecords")
        self._on_failure = on_failure
        self._arn = stream_arn
        self._function = function
        self._batch_size = batch_size
        self._max_retries = max_retries
        self._region = region
        self._idle_wait = idle_wait
        self._retry_wait = retry_wait
        self._pending: deque[dict[str, Any]] = deque()
        self._attempts: dict[str, int] = {}
        self._after: dict[str, str | None] = {}  # shard id -> last sequence number read
        self._read_failures: dict[str, int] = {}  # shard id -> failed reads in a row
        self._shards: dict[str, str] = {}  # sequence number of a pending record -> shard id
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="stream-poller", daemon=True)

    def position(self) -> None:
        """Start after the last record already in the stream: nothing before now is replayed."""
        shards = self._streams.describe_stream(StreamArn=self._arn)["StreamDescription"]["Shards"]
        for shard in shards:
            shard_id = shard["ShardId"]
            self._after[shard_id] = None
            while True:
                try:
                    if not self._read(shard_id, 1000):
                        break
                except Exception:
                    # A page that does not parse still says where it ends.
                    last = self._raw_sequences()[-1:]
                    if not last:
                        raise
                    self._after[shard_id] = last[0]

    def _read(self, shard_id: str, limit: int) -> list[dict[str, Any]]:
        """Records after the last one seen, through a fresh iterator on every read.

        moto replaces a table object (and its stream shard) with a deep copy when a
        transaction is cancelled, which strands iterators taken before; a position kept
        as a sequence number survives that.
        """
        after = self._after[shard_id]
        kwargs: dict[str, Any] = {"ShardIteratorType": "TRIM_HORIZON"}
        if after is not None:
            kwargs = {"ShardIteratorType": "AFTER_SEQUENCE_NUMBER", "SequenceNumber": after}
        iterator = self._streams.get_shard_iterator(
            StreamArn=self._arn, ShardId=shard_id, **kwargs
        )["ShardIterator"]
        self._raw.forget()
        records = self._streams.get_records(ShardIterator=iterator, Limit=limit)["Records"]
        if records:
            self._after[shard_id] = records[-1]["dynamodb"]["SequenceNumber"]
        return records

    def start(self) -> None:
        self.position()
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=self._function.timeout_s + 5)

    def poll_once(self) -> bool:
        """Top up the pending records, then deliver one batch. False when there was none."""
        if len(self._pending) < self._batch_size:
            self._fetch()
        if not self._pending:
            return False
        self._deliver_batch()
        return True

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                if not self.poll_once():
                    self._stop.wait(self._idle_wait)
            except Exception:
                log.exception("stream poller error; retrying")
                self._stop.wait(1.0)

    def _fetch(self) -> None:
        for shard_id in list(self._after):
            wanted = self._batch_size - len(self._pending)
            if wanted <= 0:
                return
            records = self._read_past_failures(shard_id, wanted)
            for record in records:
                self._shards[record["dynamodb"]["SequenceNumber"]] = shard_id
                self._pending.append(lambda_record(record, self._arn, self._region))

    def _read_past_failures(self, shard_id: str, wanted: int) -> list[dict[str, Any]]:
        """Records of the shard; after READ_TRIES failed reads, one record at a time until
        the unreadable one is found and given up on."""
        one_by_one = self._read_failures.get(shard_id, 0) >= READ_TRIES
        try:
            records = self._read(shard_id, 1 if one_by_one else wanted)
        except Exception:
            failures = self._read_failures[shard_id] = self._read_failures.get(shard_id, 0) + 1
            if one_by_one:
                self._skip_unreadable(shard_id, failures)
            else:
                log.warning("could not read the stream (try %d of %d)", failures, READ_TRIES)
            return []
        if not one_by_one or not records:
            self._read_failures.pop(shard_id, None)
        return records

    def _skip_unreadable(self, shard_id: str, failures: int) -> None:
        """Give up on the record a one-record read could not parse, if the raw answer names
        it; else (the emulator did not answer) keep trying."""
        sequence = next(iter(self._raw_sequences()), None)
        if sequence is None:
            log.exception("could not read the stream (try %d)", failures)
            return
        log.error("stream record %s cannot be read; giving up on it", sequence)
        self._give_up(shard_id, sequence, failures)
        self._after[shard_id] = sequence
        self._read_failures.pop(shard_id, None)

    def _raw_sequences(self) -> list[str]:
        """Sequence numbers of the records in the last GetRecords answer, read raw."""
        answer = self._raw.last() or {}
        records = answer.get("Records")
        found = []
        for record in records if isinstance(records, list) else []:
            inner = record.get("dynamodb") if isinstance(record, dict) else None
            sequence = inner.get("SequenceNumber") if isinstance(inner, dict) else None
            if isinstance(sequence, str):
                found.append(sequence)
        return found

    def _give_up(self, shard_id: str, sequence: str, attempts: int) -> None:
        """Report a record given up on. A report that cannot be written is logged: it must
        not hold the stream up either."""
        if self._on_failure is None:
            return
        record = failure_record(
            stream_arn=self._arn,
            shard_id=shard_id,
            sequence=sequence,
            function_name=self._function.logical_id,
            attempts=attempts,
        )
        try:
            self._on_failure(record)
        except Exception:
            log.exception("could not record the failure of stream record %s", sequence)

    def _deliver_batch(self) -> None:
        batch = [self._pending[i] for i in range(min(self._batch_size, len(self._pending)))]
        try:
            response = self._function.invoke({"Records": batch})
            failed = failed_index(response, batch)
        except Exception:
            log.exception(
                "%s failed on a batch of %d records", self._function.logical_id, len(batch)
            )
            failed = 0
        done = len(batch) if failed is None else failed
        for _ in range(done):
            record = self._pending.popleft()
            self._attempts.pop(record["dynamodb"]["SequenceNumber"], None)
            self._shards.pop(record["dynamodb"]["SequenceNumber"], None)
        if failed is not None:
            self._retry_or_skip(self._pending[0])

    def _retry_or_skip(self, record: dict[str, Any]) -> None:
        seq = record["dynamodb"]["SequenceNumber"]
        attempts = self._attempts.get(seq, 0) + 1
        if attempts > self._max_retries:
            log.error(
                "skipping stream record %s (%s %s) after %d retries",
                seq,
                record["eventName"],
                record["dynamodb"].get("Keys"),
                self._max_retries,
            )
            self._pending.popleft()
            self._attempts.pop(seq, None)
            self._give_up(self._shards.pop(seq, ""), seq, attempts)
            return
        self._attempts[seq] = attempts
        log.warning(
            "%s failed on stream record %s; retry %d of %d",
            self._function.logical_id,
            seq,
            attempts,
            self._max_retries,
        )
        self._stop.wait(min(self._retry_wait * 2**attempts, 5.0))
