"""A project's bot token and webhook secret, kept in SSM Parameter Store as SecureStrings.

Values are cached in memory for CACHE_SECONDS: a warm Lambda reads each about once a
minute, and a replaced token reaches every container within that time.
"""

from __future__ import annotations

import time
from functools import lru_cache
from typing import Any

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

from tgdesk.core.errors import NotFound
from tgdesk.core.settings import get_settings

BOT_TOKEN = "bot-token"
WEBHOOK_SECRET = "webhook-secret"

CACHE_SECONDS = 60.0

_cache: dict[str, tuple[float, str]] = {}


@lru_cache(maxsize=1)
def client() -> Any:
    """The SSM client, created on first use. `AWS_ENDPOINT_URL` points it at moto locally."""
    return boto3.client(
        "ssm",
        config=Config(
            retries={"max_attempts": 4, "mode": "standard"}, connect_timeout=2, read_timeout=5
        ),
    )


def reset() -> None:
    """Forget the client and every cached value (tests switch endpoints)."""
    client.cache_clear()
    _cache.clear()


def parameter_name(project_id: str, secret: str) -> str:
    return f"{get_settings().secrets_prefix}/projects/{project_id}/{secret}"


def put_project_secrets(project_id: str, *, bot_token: str, webhook_secret: str) -> None:
    for secret, value in ((BOT_TOKEN, bot_token), (WEBHOOK_SECRET, webhook_secret)):
        name = parameter_name(project_id, secret)
        client().put_parameter(Name=name, Value=value, Type="SecureString", Overwrite=True)
        _cache[name] = (time.monotonic() + CACHE_SECONDS, value)


def replace_project_secrets(project_id: str, *, bot_token: str, webhook_secret: str) -> None:
    """New values for an existing project's secrets. The old parameters are deleted first,
    not overwritten: SSM keeps every overwritten version in the parameter's history, and
    the old token must not stay anywhere. Readers missing the parameter for that moment
    get `secret_not_found` once and read again later."""
    delete_project_secrets(project_id)
    put_project_secrets(project_id, bot_token=bot_token, webhook_secret=webhook_secret)


def get_bot_token(project_id: str, *, fresh: bool = False) -> str:
    """The project's bot token; `fresh` reads past the cache (Telegram refused the cached
    one: it may have been replaced within the last CACHE_SECONDS)."""
    name = parameter_name(project_id, BOT_TOKEN)
    if fresh:
        _cache.pop(name, None)
    return _get(name)


def get_webhook_secret(project_id: str) -> str:
    return _get(parameter_name(project_id, WEBHOOK_SECRET))


def delete_project_secrets(project_id: str) -> None:
    names = [parameter_name(project_id, s) for s in (BOT_TOKEN, WEBHOOK_SECRET)]
    client().delete_parameters(Names=names)
    for name in names:
        _cache.pop(name, None)


def _get(name: str) -> str:
    cached = _cache.get(name)
    if cached is None or cached[0] <= time.monotonic():
        try:
            resp = client().get_parameter(Name=name, WithDecryption=True)
        except ClientError as err:
            if err.response.get("Error", {}).get("Code") == "ParameterNotFound":
                raise NotFound(
                    "this project has no stored bot credentials; connect its bot again",
                    code="secret_not_found",
                ) from None
            raise
        cached = _cache[name] = (time.monotonic() + CACHE_SECONDS, resp["Parameter"]["Value"])
    return cached[1]
