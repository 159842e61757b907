"""Measured budgets of tgdesk, run with `python -m bench` (or `make bench`).

Counts (DynamoDB requests per message) are budgets: exceeding one exits non-zero. Times
(import cost, latency) are printed as ratios and percentiles for information only, since
wall time on a shared machine is noise.
"""

import sys
from pathlib import Path

# The shared layer, on the path as Lambda puts it (/opt/python) for every function.
_LAYER = str(Path(__file__).resolve().parents[1] / "layers" / "common")
if _LAYER not in sys.path:
    sys.path.insert(0, _LAYER)
