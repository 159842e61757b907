"""The figures the console shows, from counters summed over days: pure.

Counts are the counters themselves (tgdesk.stats.counters); medians and 90th percentiles
are merged from the time buckets (tgdesk.stats.buckets, within its RELATIVE_ERROR);
averages are sums over counts; rates are quotients, null when the denominator is 0.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from tgdesk.stats import buckets
from tgdesk.stats import counters as c

RATE_DIGITS = 4  # rates and ratios: 0.1234
MEAN_DIGITS = 2  # replies per session, average rating


def summed(counts: Iterable[Mapping[str, int]]) -> Counter[str]:
    """Counters (of days, or of values) added together, bucket counters included."""
    total: Counter[str] = Counter()
    for one in counts:
        total.update({name: int(value) for name, value in one.items()})
    return total


def figures(counts: Mapping[str, int], *, with_presence: bool = False) -> dict[str, Any]:
    """Every figure of one row from its summed counters. `with_presence`: the counters are
    one agent's, whose time per presence is shown (otherwise it is null)."""

    def n(name: str) -> int:
        return int(counts.get(name, 0))

    sessions: dict[str, Any] = {name: n(name) for name in c.SESSIONS}
    sessions["reopen_rate"] = ratio(n(c.REOPENED), n(c.CLOSED))
    sessions["escalation_ratio"] = ratio(n(c.ESCALATED), n(c.NEW))
    return {
        "sessions": sessions,
        "first_response_ms": percentiles(counts, c.FIRST_RESPONSE),
        "resolution_ms": percentiles(counts, c.RESOLUTION),
        "handling_ms": average(counts, c.HANDLING),
        "active_ms": average(counts, c.ACTIVE),
        "messages": {
            "in": n(c.MESSAGES_IN),
            "out": n(c.MESSAGES_OUT),
            "bot": n(c.MESSAGES_BOT),
            "replies_per_session": ratio(n(c.MESSAGES_OUT), n(c.HANDLED), MEAN_DIGITS),
        },
        "sla": {clock: sla_clock(counts, clock) for clock in c.SLA_CLOCKS},
        "satisfaction": {
            "surveyed": n(c.SURVEYED),
            "rated": n(c.RATED),
            "average": ratio(n(c.RATING_SUM), n(c.RATED), MEAN_DIGITS),
            "distribution": [n(c.rating(score)) for score in range(1, 6)],
            "response_rate": ratio(n(c.RATED), n(c.SURVEYED)),
        },
        "presence_ms": (
            {state: n(name) for state, name in c.PRESENCE_COUNTER.items()}
            if with_presence
            else None
        ),
    }


def ratio(numerator: int, denominator: int, digits: int = RATE_DIGITS) -> float | None:
    return round(numerator / denominator, digits) if denominator > 0 else None


def percentiles(counts: Mapping[str, int], measure: str) -> dict[str, Any]:
    """The median and 90th percentile of a measure's time buckets, and how many it holds."""
    histogram = buckets.of(counts, measure)
    return {
        "median": buckets.percentile(histogram, 0.5),
        "p90": buckets.percentile(histogram, 0.9),
        "count": int(counts.get(c.count_of(measure), 0)),
    }


def average(counts: Mapping[str, int], measure: str) -> dict[str, Any]:
    """A measure's mean in whole ms (its sum over its count)."""
    count = int(counts.get(c.count_of(measure), 0))
    total = int(counts.get(c.sum_of(measure), 0))
    return {"average": round(total / count) if count > 0 else None, "count": count}


def sla_clock(counts: Mapping[str, int], clock: str) -> dict[str, Any]:
    met, warned, breached = (int(counts.get(c.sla(clock, o), 0)) for o in c.SLA_OUTCOMES)
    return {
        "met": met,
        "warned": warned,
        "breached": breached,
        "attainment": ratio(met, met + breached),
    }
