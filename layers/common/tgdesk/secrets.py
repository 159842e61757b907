"""A project's bot token and webhook secret, kept in SSM Parameter Store as SecureStrings.

Values are cached in memory for the life of the process: a warm Lambda reads each once.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

from tgdesk.errors import NotFound
from tgdesk.settings import get_settings

BOT_TOKEN = "bot-token"
WEBHOOK_SECRET = "webhook-secret"

_cache: dict[str, str] = {}


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
        _cache[name] = value


def get_bot_token(project_id: str) -> str:
    return _get(parameter_name(project_id, BOT_TOKEN))


def get_webhook_secret(project_id: str) -> str:
    return _get(parameter_name(project_id, WEBHOOK_SECRET))


def delete_project_secrets(project_id: str) -> None:
    names = [parameter_name(project_id, s) for s in (BOT_TOKEN, WEBHOOK_SECRET)]
    client().delete_parameters(Names=names)
    for name in names:
        _cache.pop(name, None)


def _get(name: str) -> str:
    if name not in _cache:
        try:
            resp = client().get_parameter(Name=name, WithDecryption=True)
        except ClientError as err:
            if err.response.get("Error", {}).get("Code") == "ParameterNotFound":
                raise NotFound(
                    "this project has no stored bot credentials; connect its bot again",
                    code="secret_not_found",
                ) from None
            raise
        _cache[name] = resp["Parameter"]["Value"]
    return _cache[name]
