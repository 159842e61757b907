"""One chaos run: set up, the random workload under faults, recovery, the checks."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from . import invariants
from .faults import Rates
from .workload import Outside, Workload
from .world import World, world


@dataclass
class Result:
    seed: int
    ops: int
    operations: Counter[str] = field(default_factory=Counter)
    faults: Counter[str] = field(default_factory=Counter)
    answers: Counter[str] = field(default_factory=Counter)
    violations: list[str] = field(default_factory=list)
    log: list[str] = field(default_factory=list)
    dead_letters: int = 0
    seconds: float = 0.0
    after: Any = None  # what `after` returned
    rates: Rates = field(default_factory=Rates)

    def failure(self, tail: int = 60) -> str:
        """What a failing run prints: the seed to replay, what broke, the last operations."""
        rates = "" if self.rates == Rates() else f" --rates {self.rates.option()}"
        lines = [
            f"chaos seed {self.seed} ({self.ops} operations) broke {len(self.violations)} "
            f"promise(s); replay: .venv/bin/python -m bench chaos --seed {self.seed} "
            f"--ops {self.ops} --runs 1{rates}",
            *(f"  violation: {v}" for v in self.violations[:30]),
            f"  faults: {dict(self.faults)}",
            f"  last {tail} operations:",
            *(f"    {line}" for line in self.log[-tail:]),
        ]
        return "\n".join(lines)


def run(
    seed: int,
    ops: int,
    rates: Rates | None = None,
    *,
    after: Callable[[World, Outside], Any] | None = None,
) -> Result:
    """`after`, if given, runs once the checks are done, with the system still up."""
    started = time.perf_counter()
    result = Result(seed, ops, rates=rates or Rates())
    with world(seed) as system:
        system.faults.rates = result.rates
        load = Workload(system, seed)
        load.setup()
        load.run(ops)
        load.recover()
        result.violations = invariants.check(system, load.out)
        result.operations = load.out.ops
        result.faults = system.faults.injected
        result.answers = load.out.answers
        result.log = load.out.log
        result.dead_letters = len(system.stream.dead_letters)
        if after is not None:
            result.after = after(system, load.out)
    result.seconds = time.perf_counter() - started
    return result
