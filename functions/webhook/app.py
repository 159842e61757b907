"""Telegram webhook: POST /telegram/{project_id} (API Gateway HTTP API, payload 2.0).

Thin on purpose: it turns the event into a call to tgdesk.inbound.ingest and the outcome into an
HTTP answer. It imports nothing heavy and talks to DynamoDB only, so cold starts stay short.
"""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any

from tgdesk.core import correlation, metrics
from tgdesk.core.errors import Conflict, NotFound, Unauthorized
from tgdesk.core.logs import function_logger
from tgdesk.inbound import ingest

SECRET_HEADER = "x-telegram-bot-api-secret-token"

logger = function_logger()


@logger.inject_lambda_context(log_event=False, clear_state=True)
@metrics.log_metrics
def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    project_id = (event.get("pathParameters") or {}).get("project_id") or ""
    secret = (event.get("headers") or {}).get(SECRET_HEADER)
    logger.append_keys(project_id=project_id)
    try:
        outcome = ingest.handle_update(project_id, secret, _body(event))
    except (NotFound, Unauthorized) as err:
        metrics.update_received("refused")
        logger.warning("webhook request refused", extra={"code": err.code})
        return _answer(err.status, {"code": err.code, "message": err.message})
    except Conflict as err:
        # Telegram redelivers after the pause it is asked for; the write will find calm then.
        metrics.update_received("unavailable")
        logger.warning("update not stored yet", extra={"code": err.code})
        return _answer(503, {"code": err.code, "message": err.message}, retry_after=1)
    metrics.update_received(outcome.result)
    if outcome.update_id is not None:
        # The same id is stored on the session and message it wrote, so routing, pushes and
        # replies log it too.
        logger.set_correlation_id(correlation.of_update(project_id, outcome.update_id))
    logger.info(
        "update handled",
        extra={"outcome": outcome.result, "update_id": outcome.update_id, "kind": outcome.kind},
    )
    # A Bot API call Telegram makes with the response (an answer in a group), else a plain ok.
    return _answer(200, outcome.answer or {"ok": True})


def _body(event: dict[str, Any]) -> str | bytes:
    body = event.get("body") or ""
    if not event.get("isBase64Encoded"):
        return body
    try:
        return base64.b64decode(body, validate=True)
    except (binascii.Error, ValueError):
        return body  # kept as received: it becomes a dead letter


def _answer(
    status: int, payload: dict[str, Any], *, retry_after: int | None = None
) -> dict[str, Any]:
    headers = {"content-type": "application/json"}
    if retry_after is not None:
        headers["retry-after"] = str(retry_after)
    return {"statusCode": status, "headers": headers, "body": json.dumps(payload)}
