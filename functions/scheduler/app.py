"""Time-driven jobs. EventBridge invokes this with the schedule's constant Input as the event,
e.g. `{"job": "deliveries"}`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from aws_lambda_powertools import Logger
from aws_lambda_powertools.logging.utils import copy_config_to_registered_loggers

from tgdesk.core import metrics
from tgdesk.outbound import delivery
from tgdesk.sessions import lifecycle

logger = Logger()
copy_config_to_registered_loggers(source_logger=logger, include={"tgdesk"})

JOBS: dict[str, Callable[[], dict[str, int]]] = {
    "deliveries": delivery.run_due_retries,
    "timers": lifecycle.run_due_timers,
}


@logger.inject_lambda_context(clear_state=True)
@metrics.log_metrics
def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    name = event.get("job") if isinstance(event, dict) else None
    job = JOBS.get(name or "")
    if job is None:
        # A misconfigured schedule: fail loudly so the invocation shows up as an error.
        raise ValueError(f"unknown job {name!r}; known jobs: {', '.join(sorted(JOBS))}")
    counts = job()
    logger.info("job done", extra={"job": name, **counts})
    return {"job": name, **counts}
