"""`python -m bench attribution`: what tracked links add to an inbound message and what
their funnel counters cost per stream record.

A new user's `/start <payload>` of a known click is measured through the real webhook
against a plain `/start`: attribution adds one GetItem (the click) and rides the message's
own transaction (the profile's `source`, the session's `link`); the added write requests
are a budget of none, the added write units are printed. Then each kind of stream record
that is a funnel step goes through tgdesk.attribution.funnel: one TransactWriteItems per
step (its marker, the link's day item, one item per channel / UTM value; a rating adds its
score to the same items); a click reads its visitor's marker of the day first (one GetItem).
"""

from __future__ import annotations

import hashlib
from typing import Any

from bench import inbound
from bench.harness import Budget, fmt, heading, mocked_table, text_update
from bench.meter import DynamoMeter, Usage

ROUNDS = 5
CODE = "bench-spring"
CLICKED_AT = inbound.FIRST_DATE * 1000 - 60_000
ADDED_WRITE_REQUESTS_BUDGET = 0
ADDED_READS_BUDGET = 1


def _click(n: int) -> dict[str, Any]:
    from tgdesk.links.payload import new_payload
    from tgdesk.storage import links

    payload = new_payload()
    click = {
        "payload": payload,
        "click_id": hashlib.sha256(payload.encode()).hexdigest()[:24],
        "code": CODE,
        "project_id": inbound.PROJECT_ID,
        "channel": "google-ads",
        "at": CLICKED_AT + n,
        "ttl": CLICKED_AT // 1000 + 90 * 86_400,
        "utm": {"utm_source": "bench", "utm_campaign": "spring"},
        "device": "mobile",
        "browser": "safari",
        "is_bot": False,
        "country": "DE",
        "address_mode": "hashed",
        "visitor": f"visitor-{n % 2}",
    }
    links.put_click(click)  # type: ignore[arg-type]
    return click


def _first_messages(rounds: int) -> tuple[list[Usage], list[Usage]]:
    """Usage of new users' plain `/start`s and of `/start <payload>`s of known clicks."""
    with mocked_table(), inbound.webhook() as call:
        date = inbound.FIRST_DATE
        call(text_update(1, 600_000_001, "warm-up", date=date))
        clicks = [_click(n) for n in range(rounds)]
        plain: list[Usage] = []
        attributed: list[Usage] = []
        with DynamoMeter() as meter:
            for n in range(rounds):
                call(text_update(10 + n, 600_000_100 + n, "/start", date=date + n))
                plain.append(meter.take())
                text = f"/start {clicks[n]['payload']}"
                call(text_update(100 + n, 600_000_200 + n, text, date=date + n))
                attributed.append(meter.take())
    return plain, attributed


def _stream_steps(rounds: int) -> dict[str, list[Usage]]:
    """Usage of counting each kind of funnel record (tgdesk.attribution.funnel)."""
    from tgdesk.attribution import funnel
    from tgdesk.storage import keys, table

    touch = {
        "code": CODE,
        "channel": "google-ads",
        "utm": {"utm_source": "bench", "utm_campaign": "spring"},
        "click_id": "c",
        "clicked_at": CLICKED_AT,
        "touched_at": CLICKED_AT + 1,
        "country": "DE",
        "device": "mobile",
    }
    usage: dict[str, list[Usage]] = {}
    with mocked_table(), DynamoMeter() as meter:
        for n in range(rounds):
            click = table.get(*keys.click(_click(n)["payload"])) or {}
            meter.take()
            records: dict[str, tuple[str, dict[str, Any], dict[str, Any]]] = {
                "click (new visitor)" if n < 2 else "click (visitor seen)": ("INSERT", {}, click),
                "start": (
                    "MODIFY",
                    {"kind": "telegram_user", "project_id": inbound.PROJECT_ID},
                    {
                        "kind": "telegram_user",
                        "project_id": inbound.PROJECT_ID,
                        "source": {"first": touch, "last": {**touch, "click_id": f"c{n}"}},
                    },
                ),
            }
            session = {
                "kind": "session",
                "session_id": f"s{n}",
                "project_id": inbound.PROJECT_ID,
                "link": touch,
                "status": "unread",
                "first_inbound_at": CLICKED_AT + 1,
                "last_user_msg_at": CLICKED_AT + 1,
            }
            wrote = {
                **session,
                "last_user_msg_at": CLICKED_AT + 2,
                "last_message": {"direction": "in", "text": "hello"},
            }
            answered = {**wrote, "first_reply_at": CLICKED_AT + 3}
            closed = {**answered, "status": "closed", "closed_at": CLICKED_AT + 4}
            records["first message"] = ("MODIFY", session, wrote)
            records["first reply"] = ("MODIFY", wrote, answered)
            records["resolved"] = ("MODIFY", answered, closed)
            rated = {**closed, "rating": {"score": 4, "at": CLICKED_AT + 5}}
            records["rated"] = ("MODIFY", closed, rated)
            records["another record (no step)"] = ("MODIFY", closed, {**closed, "priority": "high"})
            for label, (event, old, new) in records.items():
                funnel.count_change(event, old, new)
                usage.setdefault(label, []).append(meter.take())
                funnel.count_change(event, old, new)  # redelivered: counted before
                usage.setdefault(f"{label}, redelivered", []).append(meter.take())
    return usage


def _mean(samples: list[Usage], what: str) -> float:
    return sum(getattr(s, what) for s in samples) / len(samples)


def run(rounds: int = ROUNDS) -> list[Budget]:
    heading(
        f"Tracked links: DynamoDB per attributed first message and per funnel record ({rounds})"
    )
    plain, attributed = _first_messages(rounds)
    reads = max(s.requests.get("GetItem", 0) for s in attributed) - max(
        s.requests.get("GetItem", 0) for s in plain
    )
    writes = max(s.total_requests for s in attributed) - max(s.total_requests for s in plain)
    print(
        f"  per /start <payload>     requests {max(s.total_requests for s in plain)} ->"
        f" {max(s.total_requests for s in attributed)} (+{writes}: the click's GetItem),"
        f" write units {fmt(_mean(plain, 'estimated_wcu'))} ->"
        f" {fmt(_mean(attributed, 'estimated_wcu'))}"
        f" (+{fmt(_mean(attributed, 'estimated_wcu') - _mean(plain, 'estimated_wcu'))})"
    )
    for label, samples in _stream_steps(rounds).items():
        print(
            f"  per stream record, {label:<38} requests {max(s.total_requests for s in samples)},"
            f" write units {fmt(_mean(samples, 'estimated_wcu'))}"
        )
    return [
        Budget("reads added per attributed /start", reads, ADDED_READS_BUDGET),
        Budget(
            "write requests added per attributed /start",
            writes - reads,
            ADDED_WRITE_REQUESTS_BUDGET,
        ),
    ]
