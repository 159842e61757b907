"""Logarithmic time buckets: percentiles of any range merged from per-day counts.

A duration (ms) falls into one of a fixed set of buckets: bucket 0 holds 0 to 1 s, bucket
i (1..LAST) holds [BOUNDS[i-1], BOUNDS[i]) where the bounds grow by RATIO (1.25) from 1 s
until they pass 30 days, and bucket LAST + 1 holds everything longer. Counts of the same
bucket add up over days, agents, ... so a range's percentile needs only the summed counts.

A percentile is the nearest-rank one (the value at rank ceil(q * n) of the sorted
durations): the bucket that holds that rank is found exactly, and its representative value
(the harmonic mean of its bounds, which balances the error up and down) is within
RELATIVE_ERROR of every duration in it. So for durations from 1 s to 30 days the estimate
is within RELATIVE_ERROR (1/9 plus integer rounding) of the exact percentile; below 1 s it
is 500 ms (at most 500 ms off), above 30 days the 30 days bound (a floor).
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Mapping

RATIO = 1.25
FIRST_BOUND_MS = 1_000
LAST_BOUND_MS = 30 * 86_400_000
# BOUNDS[i] is the upper (exclusive) bound of bucket i; the last one is at least 30 days.
BOUNDS: tuple[int, ...] = tuple(
    math.ceil(FIRST_BOUND_MS * RATIO**i)
    for i in range(math.ceil(math.log(LAST_BOUND_MS / FIRST_BOUND_MS, RATIO)) + 1)
)
LAST = len(BOUNDS)  # the overflow bucket's index: durations of BOUNDS[-1] or more
# (hi - lo) / (hi + lo) for hi / lo = RATIO is 1/9; the integer bounds and the rounding of
# the representative add well under 0.1 % on top.
RELATIVE_ERROR = 0.112


def bucket_of(ms: int) -> int:
    """The bucket of a duration in ms (negative durations count as 0)."""
    return bisect_right(BOUNDS, max(0, ms))


def counter(name: str, ms: int) -> str:
    """The counter of `name`'s bucket that `ms` falls into (`first_response.b07`)."""
    return f"{name}.b{bucket_of(ms):02d}"


def representative(bucket: int) -> int:
    """The value (ms) a bucket stands for."""
    if bucket <= 0:
        return FIRST_BOUND_MS // 2
    if bucket >= LAST:
        return BOUNDS[-1]
    lo, hi = BOUNDS[bucket - 1], BOUNDS[bucket] - 1  # the bucket's smallest and largest ms
    return round(2 * lo * hi / (lo + hi))


def percentile(counts: Mapping[int, int], q: float) -> int | None:
    """The `q` (0 < q <= 1) percentile (ms) of the durations counted per bucket; None
    without any."""
    if not 0 < q <= 1:
        raise ValueError("q must be in (0, 1]")
    total = sum(n for n in counts.values() if n > 0)
    if total == 0:
        return None
    rank = max(1, math.ceil(q * total))
    seen = 0
    for bucket in sorted(counts):
        seen += max(0, counts[bucket])
        if seen >= rank:
            return representative(bucket)
    raise AssertionError("unreachable: the ranks add up to the total")


def of(counters: Mapping[str, int], name: str) -> dict[int, int]:
    """The bucket counts of `name` among a row's counters (`{name}.b{NN}` -> count)."""
    prefix = f"{name}.b"
    return {
        int(key[len(prefix) :]): int(value)
        for key, value in counters.items()
        if key.startswith(prefix) and key[len(prefix) :].isdigit()
    }


def merge(*rows: Mapping[int, int]) -> dict[int, int]:
    """Bucket counts added up (several days, agents, ...)."""
    out: dict[int, int] = {}
    for row in rows:
        for bucket, n in row.items():
            out[bucket] = out.get(bucket, 0) + n
    return out
