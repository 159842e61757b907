"""Percentiles merged from log buckets stay within the stated error of the exact ones."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from tgdesk.stats import buckets

DAY_MS = 86_400_000
durations = st.integers(min_value=1_000, max_value=30 * DAY_MS)
quantiles = st.sampled_from([0.5, 0.9, 0.01, 0.25, 0.75, 0.99, 1.0])


def exact(values: list[int], q: float) -> int:
    """The nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(1, math.ceil(q * len(ordered))) - 1]


def counts_of(values: list[int]) -> dict[int, int]:
    out: dict[int, int] = {}
    for ms in values:
        out[buckets.bucket_of(ms)] = out.get(buckets.bucket_of(ms), 0) + 1
    return out


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(durations, min_size=0, max_size=40), min_size=1, max_size=6), quantiles)
def test_merged_percentiles_are_within_the_stated_error(days: list[list[int]], q: float) -> None:
    merged = buckets.merge(*(counts_of(day) for day in days))
    values = [ms for day in days for ms in day]
    estimate = buckets.percentile(merged, q)
    if not values:
        assert estimate is None
        return
    true = exact(values, q)
    assert estimate is not None
    assert abs(estimate - true) <= buckets.RELATIVE_ERROR * true


@given(st.lists(st.integers(min_value=0, max_value=999), min_size=1, max_size=20))
def test_below_a_second_the_error_is_at_most_half_a_second(values: list[int]) -> None:
    estimate = buckets.percentile(counts_of(values), 0.5)
    assert estimate is not None and abs(estimate - exact(values, 0.5)) <= 500


def test_the_bounds_grow_by_the_ratio_from_a_second_past_thirty_days() -> None:
    assert buckets.BOUNDS[0] == 1_000 and buckets.BOUNDS[-1] >= 30 * DAY_MS
    assert buckets.bucket_of(999) == 0 and buckets.bucket_of(1_000) == 1
    assert buckets.bucket_of(10**12) == buckets.LAST
    assert buckets.counter("first_response", 1_000) == "first_response.b01"


def test_bucket_counters_are_read_back_from_a_row() -> None:
    row = {"first_response.b03": 2, "first_response.b10": 1, "resolution.b03": 7, "new": 1}
    assert buckets.of(row, "first_response") == {3: 2, 10: 1}
    assert buckets.percentile({}, 0.5) is None
