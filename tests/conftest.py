"""Shared fixtures: a moto DynamoDB (and SSM) with the table built from the template, and the
console API in front of it with a fake Bot API."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import boto3
import pytest
from api_helpers import FakeBotApi, api_module, configure_admin, fake_bot_api
from fastapi.testclient import TestClient
from moto import mock_aws

from infra.local import cfn
from tgdesk.accounts import agents
from tgdesk.core import clock
from tgdesk.storage import table

TABLE = "tgdesk-test"
SAMPLES = Path(__file__).resolve().parents[1].parent / "shared" / "telegram-samples"


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No test ever reaches AWS: fake credentials and a fixed region."""
    for name in ("AWS_PROFILE", "AWS_ENDPOINT_URL", "AWS_SESSION_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    monkeypatch.setenv("TGDESK_TABLE", TABLE)
    monkeypatch.setenv("TGDESK_SECRETS_PREFIX", "/tgdesk/test")
    monkeypatch.setenv("TGDESK_TELEGRAM_API_URL", "https://telegram.invalid")
    monkeypatch.setenv("POWERTOOLS_SERVICE_NAME", "tgdesk-test")
    table.reset()
    yield
    clock.set_now_for_tests(None)
    table.reset()


@pytest.fixture
def aws() -> Iterator[Any]:
    """moto in-process, with the table created from infra/template.yaml. Yields the client."""
    with mock_aws():
        ddb = boto3.client("dynamodb", region_name="us-east-1")
        cfn.create_table(ddb, TABLE)
        table.reset()
        yield ddb


@pytest.fixture
def telegram(aws: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeBotApi]:
    """The admin account bootstrapped, and every Bot API call answered by a fake."""
    configure_admin(monkeypatch)
    agents.bootstrap_admin()
    with fake_bot_api() as fake:
        yield fake


@pytest.fixture
def client(telegram: FakeBotApi) -> Iterator[TestClient]:
    """The console API (functions/api) in a test client."""
    with TestClient(api_module().app) as test_client:
        yield test_client


def lambda_context() -> Any:
    class Context:
        function_name = "test"
        memory_limit_in_mb = 512
        invoked_function_arn = "arn:aws:lambda:us-east-1:123456789012:function:test"
        aws_request_id = "req-1"

        @staticmethod
        def get_remaining_time_in_millis() -> int:
            return 30_000

    return Context()


def telegram_samples() -> list[Path]:
    """Real updates from ../shared/telegram-samples, when that folder is beside the clone."""
    if not SAMPLES.is_dir() or os.environ.get("TGDESK_SKIP_SAMPLES"):
        return []
    return sorted(SAMPLES.glob("*.json"))
