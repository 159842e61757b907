"""(a) Cold import of each function's handler module, as a ratio to `import boto3` alone.

Each measurement is a fresh interpreter that imports the module the way Lambda does: `app`
from the function's own directory, with the shared layer on sys.path. Rounds interleave
the baseline and every function so drift on a busy machine hits them alike; the ratio
printed is the median over rounds of (function / baseline in the same round).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bench.harness import Budget, fmt, heading, median, offline_env
from infra.local import cfn

ROUNDS = 7
WEBHOOK_BUDGET = 1.6  # x boto3 alone; a timing, so reported and flagged, never enforced
LAYER = cfn.ROOT / "layers" / "common"
BASELINE = "boto3"

_PROBE = """
import sys, time
sys.path[:0] = {paths!r}
start = time.perf_counter()
import {module}
print(time.perf_counter() - start)
"""


def import_seconds(module: str, paths: list[Path]) -> float:
    code = _PROBE.format(paths=[str(p) for p in paths], module=module)
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=paths[0] if paths else cfn.ROOT,
        env=offline_env(),
        timeout=120,
    )
    if done.returncode != 0:
        raise RuntimeError(f"importing {module} from {paths[:1]} failed:\n{done.stderr}")
    return float(done.stdout.strip().splitlines()[-1])


def targets() -> dict[str, tuple[str, list[Path]]]:
    """Label -> (module, sys.path entries): the baseline, then each function of the template."""
    out: dict[str, tuple[str, list[Path]]] = {BASELINE: ("boto3", [])}
    for fn in sorted(cfn.functions().values(), key=lambda f: f.code_dir.name):
        module = fn.handler.rsplit(".", 1)[0]
        out[fn.code_dir.name] = (module, [fn.code_dir, LAYER])
    return out


def run(rounds: int = ROUNDS) -> list[Budget]:
    heading(f"cold import vs `import boto3` (median of {rounds} interleaved rounds)")
    plan = targets()
    for module, paths in plan.values():  # compile bytecode once, outside the measurement
        import_seconds(module, paths)
    ratios: dict[str, list[float]] = {label: [] for label in plan if label != BASELINE}
    baseline: list[float] = []
    for _ in range(rounds):
        base = import_seconds(*plan[BASELINE])
        baseline.append(base)
        for label in ratios:
            ratios[label].append(import_seconds(*plan[label]) / base)
    print(f"  boto3 alone: {median(baseline) * 1000:.0f} ms")
    for label, values in ratios.items():
        ratio = median(values)
        note = ""
        if label == "webhook":
            within = "within" if ratio <= WEBHOOK_BUDGET else "OVER"
            note = f"  ({within} the webhook's {fmt(WEBHOOK_BUDGET)}x budget; timing: not enforced)"
        print(f"  {label:<10} {ratio:5.2f}x{note}")
    return []
