"""(e) Chaos: the fault-injection suite of tests/chaos, longer and with any seed.

`python -m bench chaos [--seed N] [--runs R] [--ops M] [--rates dynamodb=0.06,...]` runs R
runs of M operations each, seeds N, N+1, ... (a random N, printed, when none is given): the
random workload through the real handlers against moto while DynamoDB, Lambda, stream and
Telegram faults are injected (at the suite's rates, or the ones given), recovery, then the
promises checked. It prints runs, seeds, operations and faults by kind, and every invariant
violation with the seed and the operations that led to it, and the command that replays
that run exactly.

Budget (the exit status): no invariant violation.
"""

from __future__ import annotations

import argparse
import logging
import random
import sys
from collections import Counter
from pathlib import Path

from bench.harness import Budget, heading

_TESTS = str(Path(__file__).resolve().parents[1] / "tests")
DEFAULT_RUNS = 5
DEFAULT_OPS = 400

_options = argparse.Namespace(
    chaos_seed=None, chaos_runs=DEFAULT_RUNS, chaos_ops=DEFAULT_OPS, chaos_rates=""
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("chaos")
    group.add_argument("--seed", dest="chaos_seed", type=int, help="first seed (random if absent)")
    group.add_argument("--runs", dest="chaos_runs", type=int, default=DEFAULT_RUNS)
    group.add_argument("--ops", dest="chaos_ops", type=int, default=DEFAULT_OPS)
    group.add_argument(
        "--rates",
        dest="chaos_rates",
        default="",
        help="fault chances, e.g. dynamodb=0.06,death_after_write=0.04,telegram=0.35,"
        "stream_half_way=0.5 (the others keep their defaults)",
    )


def configure(args: argparse.Namespace) -> None:
    global _options
    _options = args


def run() -> list[Budget]:
    if _TESTS not in sys.path:
        sys.path.insert(0, _TESTS)  # the suite's modules and the fake Bot API they build on
    from chaos.faults import Rates
    from chaos.run import run as chaos_run

    rates = Rates.parse(_options.chaos_rates)

    logging.disable(logging.CRITICAL)  # the injected faults are logged by the thousand
    first = _options.chaos_seed
    if first is None:
        first = random.SystemRandom().randrange(1, 1_000_000)
    seeds = [first + i for i in range(_options.chaos_runs)]
    heading(f"chaos: {len(seeds)} run(s) of {_options.chaos_ops} operations, seeds {seeds}")
    print(f"  fault rates: {rates.option()}")
    operations: Counter[str] = Counter()
    faults: Counter[str] = Counter()
    violations = 0
    try:
        for seed in seeds:
            result = chaos_run(seed, _options.chaos_ops, rates)
            operations += result.operations
            faults += result.faults
            violations += len(result.violations)
            print(
                f"  seed {seed}: {sum(result.faults.values())} faults, "
                f"{len(result.violations)} violation(s), {result.dead_letters} stream record(s) "
                f"dead-lettered, {result.seconds:.1f} s"
            )
            if result.violations:
                print("\n".join(f"    {line}" for line in result.failure().splitlines()))
    finally:
        logging.disable(logging.NOTSET)
    print(f"  runs: {len(seeds)}, seeds: {seeds[0]}..{seeds[-1]}")
    print(f"  operations: {sum(operations.values())}")
    for name, count in sorted(operations.items()):
        print(f"    {name}: {count}")
    print(f"  faults injected: {sum(faults.values())}")
    for name, count in sorted(faults.items()):
        print(f"    {name}: {count}")
    print(f"  invariant violations: {violations}")
    return [Budget("chaos invariant violations", violations, 0)]
