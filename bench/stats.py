"""`python -m bench stats`: what the statistics counters add per inbound message, per
reply, per close (and per new session), on the stream.

Each kind of session change goes through tgdesk.stats.stream as the assign function hands
it over: ONE TransactWriteItems per stream record (its marker, put if absent, and one ADD
per dimension item: project, holder, link, channel, each tag, and the priority unless it is
the default one, as here: derived on read), whatever it counts;
a redelivered record is that one request, cancelled by its marker. The project's settings
(time zone, SLA switch) are read once per container every few minutes, so they are read
here before measuring. The message's own INSERT record counts nothing (its session's
MODIFY does), so an inbound message adds one request to the stream's work. Write units grow
with the items' size: the busy day's project item is measured after a day of counts.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from bench.harness import Budget, fmt, heading, mocked_table
from bench.meter import DynamoMeter, Usage

ROUNDS = 5
PROJECT_ID = "bench-stats"
AT = 1_767_268_800_000  # 2026-01-01 12:00 UTC
REQUESTS_PER_RECORD_BUDGET = 1  # one transaction per counted stream record
BUSY_DAY_SESSIONS = 100  # sessions counted on the day before the measured ones


def _session(n: int) -> dict[str, Any]:
    return {
        "kind": "session",
        "session_id": f"s{n}",
        "project_id": PROJECT_ID,
        "status": "unread",
        "priority": "medium",
        "assignee_id": f"agent-{n % 3}",
        "assigned_at": AT + 1,
        "tags": ["billing", "vip"],
        "link": {"code": "spring", "channel": "google-ads"},
        "opened_at": AT,
        "first_inbound_at": AT,
        "last_user_msg_at": AT,
        "last_message": {"direction": "in", "type": "text", "text": "hi", "at": AT},
    }


def _changes(n: int) -> dict[str, tuple[str, dict[str, Any], dict[str, Any]]]:
    """(event, old, new) of each measured kind of record of session `n`."""
    opened = _session(n)
    wrote = {
        **opened,
        "last_user_msg_at": AT + 10_000 + n,
        "last_message": {"direction": "in", "type": "text", "text": "more", "at": AT + 10_000},
    }
    reply = {"direction": "out", "type": "text", "text": "hello", "at": AT + 60_000 + n}
    answered = {**wrote, "first_reply_at": reply["at"], "last_message": reply}
    asked = {**answered, "waiting_since": AT + 70_000, "last_message": {**reply, "at": AT + 70_000}}
    again = {**asked, "last_message": {**reply, "direction": "out", "at": AT + 80_000 + n}}
    again.pop("waiting_since")
    closed = {**again, "status": "closed", "closed_at": AT + 90_000 + n, "closed_by": "agent-0"}
    return {
        "new session (its first message)": ("INSERT", {}, opened),
        "inbound message": ("MODIFY", opened, wrote),
        "first reply": ("MODIFY", wrote, answered),
        "later reply": ("MODIFY", asked, again),
        "close": ("MODIFY", again, closed),
        "no counted change (a note's count)": ("MODIFY", closed, {**closed, "notes": 1}),
    }


def _busy_day() -> None:
    """A day of counts before the measured one, so the items hold a realistic set of
    counters (buckets of many first responses and resolutions)."""
    from tgdesk.stats import stream

    for n in range(BUSY_DAY_SESSIONS):
        for label, (event, old, new) in _changes(10_000 + n).items():
            spread = (n * 7_919) % 3_000_000  # first responses and resolutions of all lengths
            shifted = _shifted(old, spread), _shifted(new, spread * 5)
            stream.count_change(f"busy-{n}-{label}", event, *shifted)


def _shifted(image: dict[str, Any], ms: int) -> dict[str, Any]:
    out = dict(image)
    for name in ("first_reply_at", "closed_at"):
        if name in out:
            out[name] = out[name] + ms
    return out


@contextmanager
def _transactions_copy_only_their_items() -> Iterator[None]:
    """moto copies the whole table per transaction; the local stack's patch copies only the
    items one names (the same answers), so a day of counts takes seconds. Undone after."""
    from moto.dynamodb.models import DynamoDBBackend

    from infra.local import moto_transactions

    stock = DynamoDBBackend.transact_write_items
    moto_transactions.install()
    try:
        yield
    finally:
        DynamoDBBackend.transact_write_items = stock  # type: ignore[method-assign]


def _measured(rounds: int) -> dict[str, list[Usage]]:
    from tgdesk.core import clock
    from tgdesk.stats import days, stream

    clock.set_now_for_tests(AT)
    usage: dict[str, list[Usage]] = {}
    with mocked_table(), _transactions_copy_only_their_items(), DynamoMeter() as meter:
        days.forget()
        days.of(PROJECT_ID)  # read once per container every few minutes
        _busy_day()
        meter.take()
        for n in range(rounds):
            for label, (event, old, new) in _changes(n).items():
                stream.count_change(f"e{n}-{label}", event, old, new)
                usage.setdefault(label, []).append(meter.take())
                stream.count_change(f"e{n}-{label}", event, old, new)
                usage.setdefault(f"{label}, redelivered", []).append(meter.take())
    return usage


def _mean(samples: list[Usage], what: str) -> float:
    return sum(getattr(s, what) for s in samples) / len(samples)


def run(rounds: int = ROUNDS) -> list[Budget]:
    heading(f"Statistics counters: DynamoDB per counted stream record ({rounds})")
    usage = _measured(rounds)
    for label, samples in usage.items():
        print(
            f"  {label:<48} requests {max(s.total_requests for s in samples)},"
            f" write units {fmt(_mean(samples, 'estimated_wcu'))}"
        )
    most = max(max(s.total_requests for s in samples) for samples in usage.values())
    return [Budget("statistics requests per stream record", most, REQUESTS_PER_RECORD_BUDGET)]
