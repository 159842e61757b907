"""(b) DynamoDB requests and write capacity per message, through the real handlers.

Inbound: a text message to an already open session, through the webhook function.
Outbound: an agent's reply through the API, Telegram stubbed. Both request counts are
budgets. Capacity is printed for both (bench.meter explains how it is priced).
"""

from __future__ import annotations

from bench import inbound, outbound
from bench.harness import Budget, fmt, heading, mocked_table, text_update
from bench.meter import DynamoMeter, Usage

INBOUND_REQUEST_BUDGET = 4
REPLY_REQUEST_BUDGET = 5
MESSAGES = 20
USER_ID = 500_000_001


def run_inbound(messages: int = MESSAGES) -> list[Budget]:
    heading(f"DynamoDB per inbound text message to an open session ({messages} messages)")
    with mocked_table(), inbound.webhook() as call, DynamoMeter() as meter:
        for n in range(2):  # opens the session and warms the container's project cache
            call(text_update(n + 1, USER_ID, "hello", date=inbound.FIRST_DATE + n))
        meter.take()
        samples = []
        for n in range(2, messages + 2):
            call(text_update(n + 1, USER_ID, f"message {n}", date=inbound.FIRST_DATE + n))
            samples.append(meter.take())
    report(samples, "message")
    worst = max(s.total_requests for s in samples)
    return [Budget("requests per inbound message", worst, INBOUND_REQUEST_BUDGET)]


def report(samples: list[Usage], unit: str) -> None:
    worst = max(samples, key=lambda s: s.total_requests)
    ops = ", ".join(f"{op} x{count}" for op, count in sorted(worst.requests.items()))
    mean_wcu = sum(s.estimated_wcu for s in samples) / len(samples)
    mean_reported = sum(s.reported_units for s in samples) / len(samples)
    print(f"  requests (worst {unit}): {worst.total_requests}  [{ops}]")
    print(
        f"  write capacity: {fmt(mean_wcu)} WCU per {unit} by DynamoDB's pricing rules"
        f" (moto itself reports {fmt(mean_reported)} units)"
    )


def run_outbound(replies: int = MESSAGES) -> list[Budget]:
    heading(f"DynamoDB per outbound reply, POST /api/sessions/{{sid}}/messages ({replies})")
    with mocked_table(), inbound.webhook() as call, outbound.stub_telegram() as telegram_calls:
        call(text_update(1, USER_ID, "hello", date=inbound.FIRST_DATE))
        session_id = outbound.open_session_id(inbound.PROJECT_ID, USER_ID)
        api = outbound.console_holding(session_id)
        with DynamoMeter() as meter:
            for n in range(2):  # warms the container (admin bootstrap, bot token)
                api.reply(session_id, f"warm-up {n}")
            meter.take()
            samples = []
            for n in range(replies):
                api.reply(session_id, f"reply {n}")
                samples.append(meter.take())
    report(samples, "reply")
    print(f"  Telegram calls: {len(telegram_calls)} for {replies + 2} replies (stubbed)")
    worst = max(s.total_requests for s in samples)
    return [Budget("requests per reply", worst, REPLY_REQUEST_BUDGET)]
