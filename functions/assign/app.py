"""The table's stream -> routing of new sessions.

Records arrive in order, in batches, with partial-failure reporting: a record that fails is
reported alone, and the stream redelivers from it, so every step here is idempotent.
"""

from __future__ import annotations

from typing import Any

from aws_lambda_powertools import Logger
from aws_lambda_powertools.utilities.batch import (
    BatchProcessor,
    EventType,
    process_partial_response,
)
from aws_lambda_powertools.utilities.data_classes.dynamo_db_stream_event import (
    DynamoDBRecord,
    DynamoDBRecordEventName,
)

from tgdesk import clock
from tgdesk.routing import Outcome, RoundRobin, Router, SessionToRoute, route
from tgdesk.storage.assignments import DynamoRoutingStore

logger = Logger()
processor = BatchProcessor(event_type=EventType.DynamoDBStreams)
store = DynamoRoutingStore()
router: Router = RoundRobin()

_DYNAMODB_SERVICE = "dynamodb.amazonaws.com"


def is_ttl_expiry(record: DynamoDBRecord) -> bool:
    """TTL deletions are REMOVE records made by the DynamoDB service itself."""
    identity = record.user_identity or {}
    return (
        record.event_name is DynamoDBRecordEventName.REMOVE
        and identity.get("type") == "Service"
        and identity.get("principalId") == _DYNAMODB_SERVICE
    )


def new_unassigned_session(record: DynamoDBRecord) -> SessionToRoute | None:
    if record.event_name is not DynamoDBRecordEventName.INSERT or record.dynamodb is None:
        return None
    image = record.dynamodb.new_image
    if image.get("kind") != "session" or "assignee_id" in image or image.get("status") == "closed":
        return None
    return SessionToRoute(
        session_id=image["session_id"],
        project_id=image["project_id"],
        priority=image.get("priority", "medium"),
    )


def handle_record(record: DynamoDBRecord) -> None:
    if is_ttl_expiry(record):
        return
    session = new_unassigned_session(record)
    if session is None:
        return
    fields = {"session_id": session.session_id, "project_id": session.project_id}
    try:
        result = route(session, store, router, clock.now_ms)
    except Exception:
        logger.exception("routing failed", extra=fields)
        raise
    fields.update(outcome=result.outcome.value, attempts=result.attempts)
    if result.outcome is Outcome.ASSIGNED:
        logger.info("session assigned", extra={**fields, "agent_id": result.agent_id})
    elif result.outcome is Outcome.NO_ELIGIBLE_AGENT:
        logger.warning("no eligible agent: the session stays in the queue", extra=fields)
    else:
        logger.info("session already routed", extra=fields)


@logger.inject_lambda_context
def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    return process_partial_response(
        event=event, record_handler=handle_record, processor=processor, context=context
    )
