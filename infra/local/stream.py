"""The table's stream, delivered to a function as Lambda's event source mapping does.

moto's records differ from what Lambda delivers: no `eventSourceARN`, eventVersion "1.0",
a fixed awsRegion, and (through boto3) a datetime for ApproximateCreationDateTime where
Lambda sends epoch seconds as a number. `lambda_record` reshapes them.
"""

from __future__ import annotations

import copy
import logging
import threading
from collections import deque
from datetime import datetime
from typing import Any

from infra.local.lambdas import LocalFunction

log = logging.getLogger("tgdesk.local.stream")


def lambda_record(record: dict[str, Any], stream_arn: str, region: str) -> dict[str, Any]:
    """One record from GetRecords -> the record as Lambda puts it in a DynamoDB event."""
    out = copy.deepcopy(record)
    out["eventVersion"] = "1.1"
    out["awsRegion"] = region
    out["eventSourceARN"] = stream_arn
    ddb = out["dynamodb"]
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


class StreamPoller:
    """Reads every shard from its end at start; feeds batches, honouring partial failures.

    A record is retried (with the records after it) at most `max_retries` times, then logged
    and skipped so that one poison record never blocks the stream.
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
    ) -> None:
        self._streams = streams
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
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="stream-poller", daemon=True)

    def position(self) -> None:
        """Start after the last record already in the stream: nothing before now is replayed."""
        shards = self._streams.describe_stream(StreamArn=self._arn)["StreamDescription"]["Shards"]
        for shard in shards:
            shard_id = shard["ShardId"]
            self._after[shard_id] = None
            while records := self._read(shard_id, 1000):
                self._after[shard_id] = records[-1]["dynamodb"]["SequenceNumber"]

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
        for shard_id in self._after:
            records = self._read(shard_id, self._batch_size - len(self._pending))
            self._pending.extend(lambda_record(r, self._arn, self._region) for r in records)

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
