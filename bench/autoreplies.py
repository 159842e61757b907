"""`python -m bench autoreplies`: what the bot's own answers add to the stream's work per
inbound message (tgdesk.autoreplies.answering, called by the assign function for each
record).

A user's messages are written through the webhook and every stream record they make goes
through the answering step. With the welcome, the off-hours answer (business hours around
the clock: the team is there) and FAQ rules all on, a message that matches no rule costs no
request: the settings come from the container's cache and what is due is told from the
records' images. A new user's first message (the welcome) and a message that matches a
rule (its answer with buttons) each write one transaction and record the send; those counts
are budgets too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bench import inbound, outbound
from bench.harness import REGION, TABLE, Budget, heading, mocked_table, text_update
from bench.meter import DynamoMeter, Usage

ROUNDS = 10
USER_ID, NEW_USER_ID = 500_000_007, 500_000_008
NONE_BUDGET = 0
# The answer's transaction and its send recorded (delivery: 4 requests today), + 1 spare.
WELCOME_BUDGET = 5
FAQ_BUDGET = 5
AROUND_THE_CLOCK = {
    day: [["00:00", "24:00"]] for day in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
}


def _turn_on(project_id: str) -> None:
    from tgdesk.audit import entries as audit
    from tgdesk.autoreplies import off_hours, settings
    from tgdesk.sla import policies
    from tgdesk.storage import autoreplies as store
    from tgdesk.storage import sla as sla_store

    wanted = {
        "welcome": {"enabled": True},
        "off_hours": {"enabled": True},
        "faq": [{"phrases": ["withdrawal time", "reset password"], "answer": "Within a day."}],
    }
    saved = settings.validated(project_id, wanted)
    saved["updated_at"] = 1
    entry = audit.entry("autoreplies.settings", actor_id=audit.SYSTEM, project_id=project_id)
    assert store.save_settings(saved, read_updated_at=None, entry=entry)
    sla = policies.validated(project_id, {"business_hours": AROUND_THE_CLOCK})
    sla["updated_at"] = 1
    sla_entry = audit.entry("sla.settings", actor_id=audit.SYSTEM, project_id=project_id)
    assert sla_store.save_settings(sla, read_updated_at=None, entry=sla_entry)
    settings.forget()
    off_hours.forget()
    settings.current(project_id)  # the stream's container has read them once
    off_hours.calendar_of(project_id)


class _Stream:
    """The table's stream records since the last read, as plain images."""

    def __init__(self) -> None:
        import boto3

        self.streams = boto3.client("dynamodbstreams", region_name=REGION)
        ddb = boto3.client("dynamodb", region_name=REGION)
        arn = ddb.describe_table(TableName=TABLE)["Table"]["LatestStreamArn"]
        shards = self.streams.describe_stream(StreamArn=arn)["StreamDescription"]["Shards"]
        self.iterators = [
            self.streams.get_shard_iterator(
                StreamArn=arn, ShardId=s["ShardId"], ShardIteratorType="LATEST"
            )["ShardIterator"]
            for s in shards
        ]

    def records(self) -> list[tuple[str, dict[str, Any], dict[str, Any]]]:
        from boto3.dynamodb.types import TypeDeserializer

        plain = TypeDeserializer()
        out = []
        for i, iterator in enumerate(self.iterators):
            page = self.streams.get_records(ShardIterator=iterator)
            self.iterators[i] = page["NextShardIterator"]
            for record in page["Records"]:
                images = record["dynamodb"]
                old, new = images.get("OldImage", {}), images.get("NewImage", {})
                out.append(
                    (
                        record["eventName"],
                        {k: plain.deserialize(v) for k, v in old.items()},
                        {k: plain.deserialize(v) for k, v in new.items()},
                    )
                )
        return out


def _answered(
    call: Callable[[dict[str, Any]], Any], tap: _Stream, update: dict[str, Any]
) -> tuple[Usage, list[str]]:
    """The webhook stores `update`; the answering step takes its records, metered."""
    from tgdesk.autoreplies import answering

    call(update)
    records = tap.records()
    sent: list[str] = []
    with DynamoMeter() as meter:
        for event_name, old, new in records:
            sent += answering.on_change(event_name, old, new)
        return meter.take(), sent


def run(rounds: int = ROUNDS) -> list[Budget]:
    heading(
        f"The bot's own answers: DynamoDB requests the stream adds per inbound message ({rounds})"
    )
    with mocked_table(), inbound.webhook() as call, outbound.stub_telegram():
        _turn_on(inbound.PROJECT_ID)
        tap = _Stream()
        date = inbound.FIRST_DATE
        welcome, first = _answered(call, tap, text_update(1, USER_ID, "hello", date=date))
        quiet = [
            _answered(call, tap, text_update(2 + n, USER_ID, f"where is my parcel {n}?", date=date))
            for n in range(rounds)
        ]
        faq, answered = _answered(
            call, tap, text_update(100, USER_ID, "What is the withdrawal time?", date=date)
        )
        _, again = _answered(call, tap, text_update(101, NEW_USER_ID, "hi", date=date))
    if first != ["welcome"] or answered != ["faq"] or again != ["welcome"]:
        raise RuntimeError(f"the bot did not answer as set: {first}, {answered}, {again}")
    if any(sent for _, sent in quiet):
        raise RuntimeError("the bot answered a message that matches no rule")
    worst = max(u.total_requests for u, _ in quiet)
    print(f"  every answer on, no rule matches:  {worst} requests per message")
    print(f"  a first message, with the welcome: {welcome.total_requests} requests")
    print(f"  a message with an FAQ answer:      {faq.total_requests} requests")
    return [
        Budget("requests per message matching no rule", worst, NONE_BUDGET),
        Budget("requests for a welcome", welcome.total_requests, WELCOME_BUDGET),
        Budget("requests for an FAQ answer", faq.total_requests, FAQ_BUDGET),
    ]
