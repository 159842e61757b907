"""`python -m bench stats-report`: what GET /api/stats reads to answer 90 days of a project
that has a year of counters.

A year of counter items (tgdesk.storage.stats) is written straight to the table: every day
up to the bench's today, for the whole project and AGENTS agents, in every shard (the most
items a day can hold, whatever the traffic). Then the last 90 days are asked for through
tgdesk.stats.report, per day and per agent, as an administrator. Each request's DynamoDB
requests and the items its Queries read are counted, against the bound docs/scale.md
states; its time is printed, never a budget.
"""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from bench.harness import Budget, heading, mocked_table

PROJECT_ID = "bench-stats"
AGENTS = tuple(f"bench-agent-{n}" for n in range(5))
SEEDED_DAYS = 365
RANGE_DAYS = 90
TODAY = dt.date(2026, 6, 30)
NOON_MS = int(dt.datetime(2026, 6, 30, 12, tzinfo=dt.UTC).timestamp() * 1000)
MONTH_SPAN_DAYS = 60  # a range's whole months reach at most this far past its days


def _counters(day: int) -> dict[str, int]:
    """A busy day's counters in one shard: every kind, a spread of time buckets."""
    from tgdesk.stats import buckets
    from tgdesk.stats import counters as c

    plain = {name: 3 + day % 7 for name in c.PLAIN}
    times = {
        buckets.counter(measure, ms): 1 + (day + n) % 3
        for measure in c.BUCKETED
        for n, ms in enumerate(range(5_000, 3_600_000, 240_000))
    }
    return plain | times


def _seed() -> int:
    """Every day's items of the project and of each agent, in every shard; how many."""
    from tgdesk.storage import keys, table
    from tgdesk.storage.records import stats_day

    items: list[dict[str, Any]] = []
    for back in range(SEEDED_DAYS):
        day = (TODAY - dt.timedelta(days=back)).isoformat()
        for dimension, value in (("project", PROJECT_ID), *(("agent", a) for a in AGENTS)):
            for shard in range(keys.STATS_SHARDS):
                pk, sk = stats_day.key(PROJECT_ID, dimension, value, day, shard)
                described = stats_day.descriptive(PROJECT_ID, dimension, value, day)
                items.append({"PK": pk, "SK": sk, **described, **_counters(back + shard)})
    for start in range(0, len(items), 25):
        request = {
            table.table_name(): [
                {"PutRequest": {"Item": table.to_item(item)}} for item in items[start : start + 25]
            ]
        }
        while request:
            request = table.client().batch_write_item(RequestItems=request).get("UnprocessedItems")
    return len(items)


def _project() -> None:
    """The project item (the report checks the project exists); the agents' rows are
    labelled with their ids, as agents that no longer exist are."""
    from tgdesk.storage import projects

    projects.create_project(
        {"project_id": PROJECT_ID, "name": "Bench statistics", "bot_id": 600000009}
    )


@contextmanager
def _reads() -> Iterator[Counter[str]]:
    """Requests by operation and, under "items", what the Queries read."""
    from tgdesk.storage import table

    seen: Counter[str] = Counter()

    def after(parsed: dict[str, Any], model: Any, **_: Any) -> None:
        seen[model.name] += 1
        if model.name == "Query":
            seen["items"] += int(parsed.get("ScannedCount", parsed.get("Count", 0)))

    events = table.client().meta.events
    events.register("after-call.dynamodb", after)
    try:
        yield seen
    finally:
        events.unregister("after-call.dynamodb", after)


def _ask(by: str) -> tuple[Counter[str], float, int]:
    """The report of the last RANGE_DAYS days by `by`: reads, seconds, rows."""
    from tgdesk.accounts import access
    from tgdesk.core.domain import Role
    from tgdesk.stats import report

    scope = access.Scope({"agent_id": "bench-admin", "role": Role.ADMIN})
    first = (TODAY - dt.timedelta(days=RANGE_DAYS - 1)).isoformat()
    with _reads() as seen:
        started = time.perf_counter()
        answer = report.project_report(
            scope, PROJECT_ID, first=first, last=TODAY.isoformat(), by=by
        )
        seconds = time.perf_counter() - started
    return seen, seconds, len(answer["rows"])


def run() -> list[Budget]:
    from tgdesk.core.clock import set_now_for_tests
    from tgdesk.storage import keys

    heading(
        f"Statistics: GET /api/stats of {RANGE_DAYS} days, a year of counters seeded "
        f"({len(AGENTS)} agents, {keys.STATS_SHARDS} shards a day)"
    )
    shards = keys.STATS_SHARDS
    per_day_bound = 2 * RANGE_DAYS * shards  # the range and the period before, one value
    per_agent_bound = per_day_bound + len(AGENTS) * (RANGE_DAYS + MONTH_SPAN_DAYS) * shards
    budgets: list[Budget] = []
    set_now_for_tests(NOON_MS)
    try:
        with mocked_table(stream=False):
            _project()
            seeded = _seed()
            print(f"  seeded                   {seeded} counter items")
            for by, bound in (("day", per_day_bound), ("agent", per_agent_bound)):
                seen, seconds, rows = _ask(by)
                requests = {k: v for k, v in sorted(seen.items()) if k != "items"}
                print(
                    f"  by={by:<6} {rows:>3} rows    items read {seen['items']}"
                    f" (bound {bound}), requests {requests}, {seconds * 1000:.0f} ms (moto)"
                )
                budgets.append(
                    Budget(f"items read, {RANGE_DAYS} days by {by}", seen["items"], bound)
                )
    finally:
        set_now_for_tests(None)
    return budgets
