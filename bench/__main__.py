"""`python -m bench [section ...]`: every default section when none is named; `burst`
(minutes long: it starts the local stack) and `chaos` (fault injection; `--seed`, `--runs`,
`--ops`) run only when named.

Exits non-zero when a count budget is exceeded or a section cannot run; timings never
decide the exit status, except as a ratio of two taken side by side in the same run (risk,
local-index).
"""

from __future__ import annotations

import argparse
import sys
import traceback
from collections.abc import Callable

from bench import (
    attribution,
    autoreplies,
    burst,
    chaos,
    console,
    cost,
    costs,
    imports,
    latency,
    local_index,
    redirect,
    risk,
    routing,
    scale,
    sla,
    stats,
    stats_report,
    surveys,
    triggers,
)
from bench.harness import Budget

SECTIONS: dict[str, Callable[[], list[Budget]]] = {
    "imports": imports.run,
    "inbound": costs.run_inbound,
    "outbound": costs.run_outbound,
    "routing": routing.run,
    "latency": latency.run,
    "console": console.run,
    "risk": risk.run,
    "scale": scale.run,
    "cost": cost.run,
    "sla": sla.run,
    "local-index": local_index.run,
    "redirect": redirect.run,
    "attribution": attribution.run,
    "triggers": triggers.run,
    "surveys": surveys.run,
    "autoreplies": autoreplies.run,
    "stats": stats.run,
    "stats-report": stats_report.run,
}
ON_REQUEST: dict[str, Callable[[], list[Budget]]] = {"burst": burst.run, "chaos": chaos.run}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    available = SECTIONS | ON_REQUEST
    parser.add_argument("sections", nargs="*", metavar="section", help=", ".join(available))
    chaos.add_arguments(parser)
    args = parser.parse_args(argv)
    chaos.configure(args)
    chosen = args.sections or list(SECTIONS)
    unknown = [name for name in chosen if name not in available]
    if unknown:
        parser.error(f"unknown section(s) {', '.join(unknown)}; choose from {', '.join(available)}")
    budgets: list[Budget] = []
    broken: list[str] = []
    for name in chosen:
        try:
            budgets.extend(available[name]())
        except Exception:
            traceback.print_exc()
            broken.append(name)
    print("\n== budgets")
    for budget in budgets:
        print(f"  {budget.line()}")
    if not budgets and not broken:
        print("  (the sections run have no count budget)")
    for name in broken:
        print(f"  section {name!r} could not run (see the error above)")
    return 1 if broken or any(b.exceeded for b in budgets) else 0


if __name__ == "__main__":
    sys.exit(main())
