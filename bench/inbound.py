"""Inbound messages through the webhook function (POST /telegram/{project_id}) against moto.

The project item is read once per container and cached, so a warm-up message from a
user opens the session and loads the cache; the messages that follow are the steady
state every chat lives in.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from bench.harness import LambdaContext, http_event
from infra.local import cfn

PROJECT_ID = "bench01"
SECRET = "bench-webhook-secret-5d1c"
SECRET_HEADER = "x-telegram-bot-api-secret-token"
FIRST_DATE = 1_718_000_000  # Telegram dates are epoch seconds

Webhook = Callable[[dict[str, Any]], dict[str, Any]]


def create_project() -> None:
    from tgdesk.inbound import ingest
    from tgdesk.storage import projects

    ingest.clear_project_cache()
    projects.create_project(
        {
            "project_id": PROJECT_ID,
            "name": "Bench support",
            "bot_id": 600000002,
            "bot_username": "bench_help_bot",
            "webhook_secret_hash": hashlib.sha256(SECRET.encode()).hexdigest(),
            "created_by": "bench",
        }
    )


def webhook_event(update: dict[str, Any]) -> dict[str, Any]:
    return http_event(
        "POST",
        f"/telegram/{PROJECT_ID}",
        "POST /telegram/{project_id}",
        path_parameters={"project_id": PROJECT_ID},
        body=json.dumps(update),
        headers={SECRET_HEADER: SECRET},
    )


@contextmanager
def webhook() -> Iterator[Webhook]:
    """The webhook handler, on a table that already holds the bench project."""
    create_project()
    handler = cfn.load_handler("WebhookFunction")
    context = LambdaContext()

    def call(update: dict[str, Any]) -> dict[str, Any]:
        response = handler(webhook_event(update), context)
        if response.get("statusCode") != 200:
            raise RuntimeError(f"the webhook answered {response.get('statusCode')}: {response}")
        return response

    yield call
