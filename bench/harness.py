"""What every bench section shares: a moto table built from the template, the Lambda
context and event shapes the handlers receive, and report formatting."""

from __future__ import annotations

import os
import statistics
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from infra.local import cfn

TABLE = "tgdesk-bench"
REGION = "us-east-1"

_ENV = {
    "AWS_ACCESS_KEY_ID": "bench",
    "AWS_SECRET_ACCESS_KEY": "bench",
    "AWS_DEFAULT_REGION": REGION,
    "TGDESK_TABLE": TABLE,
    "TGDESK_SECRETS_PREFIX": "/tgdesk/bench",
    "TGDESK_TELEGRAM_API_URL": "https://telegram.invalid",
    "POWERTOOLS_SERVICE_NAME": "tgdesk-bench",
    "POWERTOOLS_LOG_LEVEL": "ERROR",
    "POWERTOOLS_METRICS_DISABLED": "true",  # the figures are printed here, not as EMF lines
    "TGDESK_ADMIN_USERNAME": "bench-admin",
    "TGDESK_ADMIN_PASSWORD": "bench-admin-password-not-secret",
}
_DROPPED_ENV = ("AWS_PROFILE", "AWS_ENDPOINT_URL", "AWS_SESSION_TOKEN")


def offline_env() -> dict[str, str]:
    """The process environment with fake credentials: nothing here may reach AWS."""
    env = {k: v for k, v in os.environ.items() if k not in _DROPPED_ENV}
    env.update(_ENV)
    return env


@contextmanager
def mocked_table(*, stream: bool = True) -> Iterator[None]:
    """moto in-process (DynamoDB with the table from infra/template.yaml, and SSM).

    `stream=False` leaves the table's stream off: moto deep-copies a table, stream records
    included, on every transaction, so a growing stream makes each write slower than the
    last and a latency figure would measure moto rather than the handler.
    """
    import boto3
    from moto import mock_aws

    saved = dict(os.environ)
    os.environ.clear()
    os.environ.update(offline_env())
    try:
        with mock_aws():
            ddb = boto3.client("dynamodb", region_name=REGION)
            if stream:
                cfn.create_table(ddb, TABLE)
            else:
                kwargs = cfn.create_table_kwargs(TABLE)
                kwargs.pop("StreamSpecification", None)
                ddb.create_table(**kwargs)
            _forget_process_state()
            yield
    finally:
        _forget_process_state()
        os.environ.clear()
        os.environ.update(saved)


def _forget_process_state() -> None:
    """Drop what tgdesk caches per process (clients, secrets, projects) between sections."""
    from tgdesk.core import secrets
    from tgdesk.inbound import ingest
    from tgdesk.storage import table

    table.reset()
    secrets.reset()
    ingest.clear_project_cache()


class LambdaContext:
    function_name = "bench"
    function_version = "$LATEST"
    memory_limit_in_mb = 512
    invoked_function_arn = f"arn:aws:lambda:{REGION}:123456789012:function:bench"
    aws_request_id = "bench-request"

    @staticmethod
    def get_remaining_time_in_millis() -> int:
        return 30_000


def http_event(
    method: str,
    path: str,
    route_key: str,
    *,
    path_parameters: dict[str, str],
    body: str = "",
    headers: dict[str, str] | None = None,
    time_epoch_ms: int = 1_718_000_000_000,
) -> dict[str, Any]:
    """An API Gateway HTTP API event, payload format 2.0."""
    all_headers = {
        "content-length": str(len(body.encode())),
        "content-type": "application/json",
        "host": "a1b2c3d4e5.execute-api.us-east-1.amazonaws.com",
        "x-forwarded-for": "91.108.6.64",
        "x-forwarded-port": "443",
        "x-forwarded-proto": "https",
        **(headers or {}),
    }
    return {
        "version": "2.0",
        "routeKey": route_key,
        "rawPath": path,
        "rawQueryString": "",
        "headers": all_headers,
        "requestContext": {
            "accountId": "123456789012",
            "apiId": "a1b2c3d4e5",
            "domainName": all_headers["host"],
            "domainPrefix": "a1b2c3d4e5",
            "http": {
                "method": method,
                "path": path,
                "protocol": "HTTP/1.1",
                "sourceIp": all_headers["x-forwarded-for"],
                "userAgent": "bench",
            },
            "requestId": "bench-request",
            "routeKey": route_key,
            "stage": "$default",
            "time": "10/Jun/2024:06:13:20 +0000",
            "timeEpoch": time_epoch_ms,
        },
        "pathParameters": path_parameters,
        "body": body,
        "isBase64Encoded": False,
    }


@dataclass
class Budget:
    """A count the code must stay within; `python -m bench` fails when one is exceeded."""

    name: str
    measured: float
    limit: float

    @property
    def exceeded(self) -> bool:
        return self.measured > self.limit

    def line(self) -> str:
        verdict = "OVER BUDGET" if self.exceeded else "within budget"
        return f"{self.name}: {fmt(self.measured)} (budget <= {fmt(self.limit)}) {verdict}"


def fmt(value: float) -> str:
    return f"{value:g}" if float(value).is_integer() else f"{value:.2f}"


def percentile(samples: list[float], pct: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(samples)
    rank = max(1, -(-len(ordered) * pct // 100))
    return ordered[int(rank) - 1]


def median(samples: list[float]) -> float:
    return statistics.median(samples)


def heading(title: str) -> None:
    print(f"\n== {title}")


def text_update(update_id: int, user_id: int, text: str, *, date: int) -> dict[str, Any]:
    """A private-chat text message update, as the Bot API sends it."""
    user = {
        "id": user_id,
        "is_bot": False,
        "first_name": "Bench",
        "last_name": f"User {user_id}",
        "username": f"bench_user_{user_id}",
        "language_code": "en",
    }
    chat = {k: user[k] for k in ("id", "first_name", "last_name", "username")}
    return {
        "update_id": update_id,
        "message": {
            "message_id": update_id,
            "from": user,
            "chat": {**chat, "type": "private"},
            "date": date,
            "text": text,
        },
    }
