"""(c) Webhook handler latency in-process against moto, for information only.

1,000 text updates: in rounds of 100 (ten users writing ten messages each, interleaved),
so every user's first message opens a session and the rest land in it. moto deep-copies
the whole table on every transaction, so each round starts on a fresh table (with its
stream off, see bench.harness.mocked_table): otherwise the figures would grow with the
table and measure moto instead of the handler. They still include moto's own cost, so
only their shape matters.
"""

from __future__ import annotations

import time

from bench import inbound
from bench.harness import Budget, heading, mocked_table, percentile, text_update

ROUNDS = 10
USERS = 10
PER_USER = 10


def run() -> list[Budget]:
    total = ROUNDS * USERS * PER_USER
    heading(f"webhook handler latency in-process against moto ({total} updates)")
    samples: list[float] = []
    update_id = 0
    for _ in range(ROUNDS):
        with mocked_table(stream=False), inbound.webhook() as call:
            for n in range(USERS * PER_USER):
                update_id += 1
                user = 600_000_000 + n % USERS
                update = text_update(update_id, user, f"m{n}", date=inbound.FIRST_DATE + n)
                start = time.perf_counter()
                call(update)
                samples.append((time.perf_counter() - start) * 1000)
    p50, p99 = percentile(samples, 50), percentile(samples, 99)
    print(f"  p50 {p50:.1f} ms   p99 {p99:.1f} ms   (p99/p50 {p99 / p50:.1f}x; not enforced)")
    return []
