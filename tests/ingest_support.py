"""Helpers shared by the ingest tests: a project with a known webhook secret, the project's
fixture updates, API Gateway HTTP API (payload 2.0) events, and table snapshots."""

from __future__ import annotations

import base64
import copy
import hashlib
import json
from functools import cache
from pathlib import Path
from typing import Any

from conftest import TABLE, lambda_context

from infra.local import cfn
from tgdesk.inbound import ingest
from tgdesk.storage import projects

FIXTURES = Path(__file__).parent / "fixtures" / "updates"
PROJECT_ID = "acme01"
SECRET = "wh-secret-3f9a7c1d2e"
USER_ID = 700100200  # the private-chat user of the fixtures

# Fixtures of private-chat messages, and the message type each must be stored as.
MESSAGE_TYPES = {
    "text_entities": "text",
    "photo_caption": "photo",
    "document": "document",
    "voice": "voice",
    "audio": "audio",
    "video": "video",
    "video_note": "video_note",
    "sticker": "sticker",
    "animation": "animation",
    "location": "location",
    "venue": "venue",
    "contact": "contact",
    "poll": "poll",
    "dice": "dice",
    "forward_origin_channel": "text",
    "forward_legacy_user": "text",
    "forward_legacy_hidden_user": "text",
    "reply": "text",
    "media_group_1": "photo",
    "media_group_2": "photo",
}


def create_project(project_id: str = PROJECT_ID, secret: str = SECRET) -> None:
    ingest.clear_project_cache()
    projects.create_project(
        {
            "project_id": project_id,
            "name": "Acme support",
            "bot_id": 600000001,
            "bot_username": "acme_help_bot",
            "webhook_secret_hash": hashlib.sha256(secret.encode()).hexdigest(),
            "created_by": "agent-admin",
        }
    )


@cache
def _fixture_text(name: str) -> str:
    return (FIXTURES / f"{name}.json").read_text(encoding="utf-8")


def fixture(name: str) -> dict[str, Any]:
    """A fresh copy of tests/fixtures/updates/<name>.json (tests may change it)."""
    return copy.deepcopy(json.loads(_fixture_text(name)))


def fixture_names() -> list[str]:
    return sorted(p.stem for p in FIXTURES.glob("*.json"))


def http_event(
    body: str | bytes | dict[str, Any],
    *,
    project_id: str = PROJECT_ID,
    secret: str | None = SECRET,
    base64_body: bool = False,
) -> dict[str, Any]:
    """The event API Gateway (HTTP API, payload 2.0) gives the webhook function."""
    if isinstance(body, dict):
        body = json.dumps(body, ensure_ascii=False)
    raw = body.encode() if isinstance(body, str) else body
    headers = {
        "content-length": str(len(raw)),
        "content-type": "application/json",
        "host": "abc123.execute-api.us-east-1.amazonaws.com",
        "x-amzn-trace-id": "Root=1-67a1b2c3-0123456789abcdef01234567",
        "x-forwarded-for": "91.108.6.64",
        "x-forwarded-port": "443",
        "x-forwarded-proto": "https",
    }
    if secret is not None:
        headers["x-telegram-bot-api-secret-token"] = secret
    path = f"/telegram/{project_id}"
    return {
        "version": "2.0",
        "routeKey": "POST /telegram/{project_id}",
        "rawPath": path,
        "rawQueryString": "",
        "headers": headers,
        "requestContext": {
            "accountId": "123456789012",
            "apiId": "abc123",
            "domainName": "abc123.execute-api.us-east-1.amazonaws.com",
            "domainPrefix": "abc123",
            "http": {
                "method": "POST",
                "path": path,
                "protocol": "HTTP/1.1",
                "sourceIp": "91.108.6.64",
                "userAgent": "",
            },
            "requestId": "Fq1bXgkYIAMEVYw=",
            "routeKey": "POST /telegram/{project_id}",
            "stage": "$default",
            "time": "01/Jan/2026:00:00:00 +0000",
            "timeEpoch": 1767225600000,
        },
        "pathParameters": {"project_id": project_id},
        "body": base64.b64encode(raw).decode() if base64_body else raw.decode(),
        "isBase64Encoded": base64_body,
    }


def call_webhook(event: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    response = cfn.load_handler("WebhookFunction")(event, lambda_context())
    return response["statusCode"], json.loads(response["body"])


def send(update: dict[str, Any] | str, **kwargs: Any) -> tuple[int, dict[str, Any]]:
    """POST one update (a dict, or a fixture name) to the webhook like Telegram does."""
    body = fixture(update) if isinstance(update, str) else update
    return call_webhook(http_event(body, **kwargs))


def snapshot(ddb: Any) -> list[dict[str, Any]]:
    """Every item of the table, in a stable order, to compare before and after."""
    items: list[dict[str, Any]] = []
    kwargs: dict[str, Any] = {"TableName": TABLE}
    while True:
        page = ddb.scan(**kwargs)
        items.extend(page["Items"])
        if "LastEvaluatedKey" not in page:
            break
        kwargs["ExclusiveStartKey"] = page["LastEvaluatedKey"]
    return sorted(items, key=lambda i: (i["PK"]["S"], i["SK"]["S"]))
