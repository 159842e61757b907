"""The system under test in one process: moto (DynamoDB with the template's table, and
SSM), the real handlers of the webhook, API, assign and scheduler functions, the table's
stream delivered to the assign function as Lambda's event source mapping does, and the
fake Bot API. Callers see what the outside world sees: status codes, or no answer at all.
"""

from __future__ import annotations

import json
import os
import random
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import boto3
from api_helpers import API_BASE, http_event
from moto import mock_aws
from moto.core import DEFAULT_ACCOUNT_ID as ACCOUNT
from moto.dynamodb.models import DynamoDBBackend, dynamodb_backends

from infra.local import cfn, moto_transactions
from infra.local.stream import failed_index, lambda_record
from tgdesk.accounts import passwords
from tgdesk.core import clock, ids, secrets
from tgdesk.inbound import ingest
from tgdesk.links import clicks as link_clicks
from tgdesk.risk import matcher as risk_matcher
from tgdesk.stats import days as stats_days
from tgdesk.storage import risk as risk_storage
from tgdesk.storage import table
from tgdesk.team import feature_settings
from tgdesk.telegram import client as telegram_client

from .faults import STREAM_WHOLE, Faults, FlakyBotApi, LambdaDied

TABLE = "tgdesk-chaos"
REGION = "us-east-1"
ENV = {
    "AWS_ACCESS_KEY_ID": "chaos",
    "AWS_SECRET_ACCESS_KEY": "chaos",
    "AWS_DEFAULT_REGION": REGION,
    "TGDESK_TABLE": TABLE,
    "TGDESK_SECRETS_PREFIX": "/tgdesk/chaos",
    "TGDESK_TELEGRAM_API_URL": API_BASE,
    "POWERTOOLS_SERVICE_NAME": "tgdesk-chaos",
    "POWERTOOLS_LOG_LEVEL": "CRITICAL",
    "POWERTOOLS_METRICS_DISABLED": "true",
    "TGDESK_ADMIN_USERNAME": "admin",
    "TGDESK_ADMIN_PASSWORD": "chaos-admin-password-1",
}
_DROPPED_ENV = ("AWS_PROFILE", "AWS_ENDPOINT_URL", "AWS_SESSION_TOKEN")
# The template's event source mapping of the assign function.
BATCH_SIZE = 50
MAX_RETRY_ATTEMPTS = 10
NO_ANSWER = 0  # the status a caller "gets" when the function died before answering


class _Context:
    function_name = "chaos"
    function_version = "$LATEST"
    memory_limit_in_mb = 512
    invoked_function_arn = f"arn:aws:lambda:{REGION}:123456789012:function:chaos"
    aws_request_id = "chaos-request"

    @staticmethod
    def get_remaining_time_in_millis() -> int:
        return 30_000


class _SeededSecrets:
    """tgdesk.core.ids draws from `secrets`; a seeded stand-in makes ids (and so the order of
    items made in one millisecond) the same on every replay of a seed."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng

    def randbits(self, k: int) -> int:
        return self._rng.getrandbits(k)

    def choice(self, seq: Any) -> Any:
        return self._rng.choice(seq)


@dataclass
class Stream:
    """The table's stream, read from moto's shard itself: the records are the ones
    GetRecords answers (reshaped by infra.local.stream.lambda_record, as the local stack
    does), without moto's response serialiser, which costs milliseconds per record."""

    arn: str
    read: int = 0  # records of the shard read so far
    pending: deque[dict[str, Any]] = field(default_factory=deque)
    attempts: dict[str, int] = field(default_factory=dict)
    dead_letters: list[dict[str, Any]] = field(default_factory=list)

    def fetch(self) -> None:
        shard = dynamodb_backends[ACCOUNT][REGION].get_table(TABLE).stream_shard
        fresh = shard.items[self.read :]
        for position, record in enumerate(fresh, start=self.read):
            shaped = lambda_record(record.to_json(), self.arn, REGION)
            # moto draws a random eventID; what tgdesk derives from it (the statistics'
            # write shard) must replay with the seed, so the record's place stands for it.
            shaped["eventID"] = f"{position:032x}"
            self.pending.append(shaped)
        self.read += len(fresh)


@dataclass
class World:
    faults: Faults
    telegram: FlakyBotApi
    stream: Stream
    webhook_fn: Any
    api_fn: Any
    assign_fn: Any
    scheduler_fn: Any

    # -- the functions, as their callers see them -----------------------------------------
    def webhook(self, project_id: str, secret: str, update: dict[str, Any]) -> int:
        """Telegram's POST; the status it gets (NO_ANSWER if the function died)."""
        event = {
            "version": "2.0",
            "routeKey": "POST /telegram/{project_id}",
            "rawPath": f"/telegram/{project_id}",
            "headers": {
                "content-type": "application/json",
                "x-telegram-bot-api-secret-token": secret,
            },
            "requestContext": {"http": {"method": "POST", "sourceIp": "91.108.6.64"}},
            "pathParameters": {"project_id": project_id},
            "body": json.dumps(update, ensure_ascii=False),
            "isBase64Encoded": False,
        }
        try:
            return int(self.webhook_fn(event, _Context())["statusCode"])
        except LambdaDied:
            return NO_ANSWER
        except Exception:
            return 500  # an unhandled error: API Gateway answers 500

    def api(
        self, method: str, path: str, body: Any = None, *, token: str | None = None
    ) -> tuple[int, Any]:
        """A console's request through API Gateway; (status, JSON body or text). A function
        that dies is answered 500 by Mangum, as the gateway answers an error."""
        event = http_event(method, path, body=body, token=token)
        try:
            response = self.api_fn(event, _Context())
        except LambdaDied:
            return NO_ANSWER, None
        text = response.get("body") or ""
        try:
            return int(response["statusCode"]), json.loads(text) if text else None
        except ValueError:
            return int(response["statusCode"]), text

    def scheduler(self, job: str) -> bool:
        """One EventBridge invocation; False when it failed (the next one tries again)."""
        try:
            self.scheduler_fn({"job": job}, _Context())
        except (LambdaDied, Exception):
            return False
        return True

    def pump(self, *, batches: int | None = None) -> int:
        """Deliver the stream's records to the assign function, as many batches as asked
        (None: until none is left). A failed record is delivered again with the ones after
        it; a batch whose first record failed every retry goes to the dead-letter queue.
        Returns how many batches were delivered."""
        delivered = 0
        while batches is None or delivered < batches:
            with self.faults.off():
                self.stream.fetch()
            if not self.stream.pending:
                break
            pending = self.stream.pending
            batch = [pending[i] for i in range(min(BATCH_SIZE, len(pending)))]
            delivered += 1
            try:
                failed = failed_index(self.assign_fn({"Records": batch}, _Context()), batch)
            except (LambdaDied, Exception):
                self.faults.injected[STREAM_WHOLE] += 1
                self.faults.trail.append(STREAM_WHOLE)
                failed = 0
            done = len(batch) if failed is None else failed
            for _ in range(done):
                pending.popleft()
            if failed is None:
                continue
            head = batch[failed]["dynamodb"]["SequenceNumber"]
            self.stream.attempts[head] = self.stream.attempts.get(head, 0) + 1
            if self.stream.attempts[head] > MAX_RETRY_ATTEMPTS:
                self.stream.dead_letters.append(pending.popleft())
        return delivered

    def sessions(self) -> list[dict[str, Any]]:
        """Every session item as stored now, read from moto's table itself: a console's
        view for picking what to act on, which must neither cost a Query per operation
        (moto answers one by sorting the whole table) nor meet an injected fault."""
        partitions = dynamodb_backends[ACCOUNT][REGION].get_table(TABLE).items
        found = []
        for hash_key, items in partitions.items():
            if str(hash_key.value).startswith("SESSION#"):
                found += [
                    table.from_item(item.to_json()["Attributes"]) or {}
                    for range_key, item in items.items()
                    if range_key.value == "SESSION"
                ]
        return found

    def drained(self) -> bool:
        with self.faults.off():
            self.stream.fetch()
        return not self.stream.pending


@contextmanager
def world(seed: int) -> Iterator[World]:
    """A fresh system: moto in-process, nothing reaching AWS or Telegram."""
    saved_env = dict(os.environ)
    stock_transactions = DynamoDBBackend.transact_write_items
    saved_secrets = ids.secrets
    saved_cost = passwords._SCRYPT_N
    os.environ.clear()
    os.environ.update({k: v for k, v in saved_env.items() if k not in _DROPPED_ENV})
    os.environ.update(ENV)
    # moto's own transactions copy the whole table (its stream included) each time.
    moto_transactions.install()
    ids.secrets = _SeededSecrets(random.Random(f"{seed}:ids"))  # type: ignore[assignment]
    ids._last_ms, ids._last_random = -1, 0
    # Password hashing is not what is tried here; the cost is stored with each hash.
    passwords._SCRYPT_N = 2**10
    faults = Faults()
    fake = FlakyBotApi(faults=faults)
    session = telegram_client.http_session()
    try:
        with mock_aws():
            ddb = boto3.client("dynamodb", region_name=REGION)
            cfn.create_table(ddb, TABLE)
            _forget_process_state()
            arn = ddb.describe_table(TableName=TABLE)["Table"]["LatestStreamArn"]
            faults.install(table.client())
            session.mount(f"{API_BASE}/", fake)
            yield World(
                faults=faults,
                telegram=fake,
                stream=Stream(arn),
                webhook_fn=cfn.load_handler("WebhookFunction"),
                api_fn=cfn.load_handler("ApiFunction"),
                assign_fn=cfn.load_handler("AssignFunction"),
                scheduler_fn=cfn.load_handler("SchedulerFunction"),
            )
    finally:
        faults.uninstall()
        session.adapters.pop(f"{API_BASE}/", None)
        DynamoDBBackend.transact_write_items = stock_transactions  # type: ignore[method-assign]
        ids.secrets = saved_secrets  # type: ignore[assignment]
        passwords._SCRYPT_N = saved_cost
        clock.set_now_for_tests(None)
        _forget_process_state()
        os.environ.clear()
        os.environ.update(saved_env)


def _forget_process_state() -> None:
    """Every per-container cache starts empty, so that a seed's run sends the same requests
    (and meets the same faults) whatever ran before it in this process."""
    table.reset()
    secrets.reset()
    ingest.clear_project_cache()
    feature_settings.forget_all()
    risk_storage.forget_version()
    risk_matcher.clear_cache()
    stats_days.forget()
    link_clicks.forget_cached_links()
