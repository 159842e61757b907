"""The table's stream -> routing.

- a new unassigned session (INSERT) is routed;
- a reopened session (MODIFY, closed -> open) stays with its agent while they are still
  eligible (a member in the project's agent scope, enabled), online or not, else it is
  routed again;
- a session nobody can take yet is marked `queued_at` and waits in the project's queue;
- an agent whose load dropped, whose capacity grew or who came online (MODIFY of the agent
  item) lets the queues of their projects drain, oldest first;
- every change an agent should see is pushed to the consoles that may see it
  (tgdesk.realtime.fanout);
- a user's new message is checked by risk control (tgdesk.risk.checks);
- a session's opening sets its unresolved timer, and a user's new message is matched
  against the project's escalation triggers (tgdesk.triggers.stream);
- a resolved session is surveyed, and a rating's thanks sent (tgdesk.surveys.stream);
- a user's message gets the bot's own answers that are due: the welcome, the off-hours
  answer, an FAQ answer (tgdesk.autoreplies.answering);
- a user's message in another language than the agents' is translated once, where the
  project turned translation on (tgdesk.translation.inbound);
- a tracked link's funnel steps (a click, a start, a linked session's first message, first
  reply, close) are counted once each (tgdesk.attribution.funnel).
- the statistics counters add what each change counts, once per record (tgdesk.stats.stream).

Records arrive in order, in batches, with partial-failure reporting: a record that fails is
reported alone, and the stream redelivers from it, so every step here is idempotent.
"""

from __future__ import annotations

from typing import Any

from aws_lambda_powertools.utilities.batch import (
    BatchProcessor,
    EventType,
    process_partial_response,
)
from aws_lambda_powertools.utilities.data_classes.dynamo_db_stream_event import (
    DynamoDBRecord,
    DynamoDBRecordEventName,
)

from tgdesk.attribution import funnel
from tgdesk.autoreplies import answering as autoreplies
from tgdesk.core import correlation, metrics
from tgdesk.core.logs import function_logger
from tgdesk.realtime import fanout as realtime
from tgdesk.risk import checks as risk_checks
from tgdesk.routing import service as routing_service
from tgdesk.routing.policy import REOPENED, ROUTED, Outcome, SessionToRoute
from tgdesk.stats import stream as stats
from tgdesk.surveys import stream as surveys
from tgdesk.tasks import following as task_following
from tgdesk.translation import inbound as translation
from tgdesk.triggers import stream as triggers

# tgdesk's own lines (pushes, risk checks) carry the same keys, the correlation id among them.
logger = function_logger()
processor = BatchProcessor(event_type=EventType.DynamoDBStreams)

_DYNAMODB_SERVICE = "dynamodb.amazonaws.com"
QUEUED_PER_FREED_SLOT = 1


def is_ttl_expiry(record: DynamoDBRecord) -> bool:
    """TTL deletions are REMOVE records made by the DynamoDB service itself."""
    identity = record.user_identity or {}
    return (
        record.event_name is DynamoDBRecordEventName.REMOVE
        and identity.get("type") == "Service"
        and identity.get("principalId") == _DYNAMODB_SERVICE
    )


def _int_or_none(value: Any) -> int | None:
    """Stream images carry numbers as Decimal; keys and arithmetic want ints."""
    return int(value) if value is not None else None


def session_to_route(record: DynamoDBRecord) -> SessionToRoute | None:
    """What to route for a session record: a new unassigned one, or a reopened one."""
    if record.dynamodb is None:
        return None
    new = record.dynamodb.new_image
    if new.get("kind") != "session" or new.get("status") == "closed":
        return None
    if record.event_name is DynamoDBRecordEventName.INSERT and "assignee_id" not in new:
        return SessionToRoute(
            session_id=new["session_id"],
            project_id=new["project_id"],
            tg_user_id=_int_or_none(new.get("tg_user_id")),
        )
    old = record.dynamodb.old_image
    if record.event_name is DynamoDBRecordEventName.MODIFY and old.get("status") == "closed":
        assignee = new.get("assignee_id")
        return SessionToRoute(
            session_id=new["session_id"],
            project_id=new["project_id"],
            tg_user_id=_int_or_none(new.get("tg_user_id")),
            how=REOPENED if assignee else ROUTED,
            from_agent_id=assignee,
            keep_if_eligible=bool(assignee),
            since=_int_or_none(new.get("reopened_at")),
        )
    return None


def freed_slots(record: DynamoDBRecord) -> int:
    """How many queued sessions an agent item change may let through (0: none)."""
    if record.event_name is not DynamoDBRecordEventName.MODIFY or record.dynamodb is None:
        return 0
    new, old = record.dynamodb.new_image, record.dynamodb.old_image
    if new.get("kind") != "agent" or new.get("disabled"):
        return 0
    dropped = int(old.get("open_sessions", 0)) - int(new.get("open_sessions", 0))
    if dropped > 0:
        return dropped
    limit_new, limit_old = new.get("max_open_sessions"), old.get("max_open_sessions")
    if limit_old is not None and (limit_new is None or int(limit_new) > int(limit_old)):
        return int(limit_new) - int(limit_old) if limit_new is not None else 1
    if new.get("presence") == "online" and old.get("presence") != "online":
        return 1
    return 0


def handle_record(record: DynamoDBRecord) -> None:
    if is_ttl_expiry(record):
        return
    # The Telegram update that made this change, when it carries one (tgdesk.core.correlation).
    image = record.dynamodb.new_image if record.dynamodb is not None else {}
    logger.set_correlation_id(correlation.of_item(image))
    if record.dynamodb is not None and record.event_name is not None:
        dynamodb = record.dynamodb
        funnel.count_change(record.event_name.name, dynamodb.old_image, dynamodb.new_image)
        stats.count_change(
            record.event_id or "", record.event_name.name, dynamodb.old_image, dynamodb.new_image
        )
    if record.event_name is DynamoDBRecordEventName.INSERT and record.dynamodb is not None:
        # A user's new message is checked by risk control (flagged, never held up).
        risk_checks.flag_inbound(record.dynamodb.new_image)
    if record.dynamodb is not None and record.event_name is not None:
        # Escalation triggers (off unless the project turned them on).
        dynamodb = record.dynamodb
        triggers.on_change(record.event_name.name, dynamodb.old_image, dynamodb.new_image)
        # Satisfaction surveys: a resolved session is surveyed; the thanks for a rating sent.
        surveys.on_change(record.event_name.name, dynamodb.old_image, dynamodb.new_image)
        # The bot's own answers: welcome, off hours, FAQ (off unless the project turned them on).
        autoreplies.on_change(record.event_name.name, dynamodb.old_image, dynamodb.new_image)
        # A user's message in another language than the agents' is translated once.
        translation.on_change(record.event_name.name, dynamodb.old_image, dynamodb.new_image)
        # A task without a named owner follows its session's holder (tgdesk.tasks).
        task_following.on_session_change(dynamodb.old_image, dynamodb.new_image)
    slots = freed_slots(record)
    if slots:
        agent_id = record.dynamodb.new_image["agent_id"]  # type: ignore[union-attr]
        drained = routing_service.drain_queues_of(agent_id, limit=slots * QUEUED_PER_FREED_SLOT)
        for project_id, n in drained:
            if n:
                metrics.sessions_dequeued(n)
                logger.info("queue drained", extra={"project_id": project_id, "assigned": n})
        return
    session = session_to_route(record)
    if session is None:
        return
    fields = {"session_id": session.session_id, "project_id": session.project_id}
    try:
        result = routing_service.route_arrival(session)
    except Exception:
        logger.exception("routing failed", extra=fields)
        raise
    fields.update(outcome=result.outcome.value, attempts=result.attempts, how=session.how)
    if result.outcome in (Outcome.ASSIGNED, Outcome.KEPT):
        metrics.session_routed()
        logger.info("session assigned", extra={**fields, "agent_id": result.agent_id})
    elif result.outcome is Outcome.NO_ELIGIBLE_AGENT:
        metrics.session_queued()
        logger.warning("no agent with room: the session waits in the queue", extra=fields)
    else:
        logger.info("session already routed", extra=fields)


@logger.inject_lambda_context
@metrics.log_metrics
def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    response = process_partial_response(
        event=event, record_handler=handle_record, processor=processor, context=context
    )
    logger.set_correlation_id(None)
    # Consoles hear of every change in the batch; pushing never fails the batch, and a
    # frame pushed again when the stream redelivers changes nothing in a console.
    realtime.publish_from_stream(event.get("Records", []))
    return response
