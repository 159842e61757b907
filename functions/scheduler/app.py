"""Time-driven jobs. EventBridge invokes this with the schedule's constant Input as the event,
e.g. `{"job": "deliveries"}`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tgdesk.core import metrics
from tgdesk.core.clock import now_ms
from tgdesk.core.logs import function_logger
from tgdesk.exports import jobs as export_jobs
from tgdesk.outbound import delivery
from tgdesk.routing import jobs as routing_jobs
from tgdesk.sessions import lifecycle
from tgdesk.shifts import jobs as shift_jobs
from tgdesk.sla import jobs as sla_jobs
from tgdesk.surveys import return_visits as survey_timers
from tgdesk.tasks import reminders as task_reminders
from tgdesk.triggers import jobs as trigger_jobs

logger = function_logger()


def run_due_timers() -> dict[str, int]:
    """Sessions' due timers: auto-close (`due`, `closed`, `moved`, `skipped`, `dropped`), then
    `return` (`returns_due`, `returned`, `returns_dropped`, ...), then the escalation
    triggers' `unresolved` (`unresolved_due`, `unresolved_fired`, ...), then the reminders
    of due tasks (`tasks_due`, `tasks_reminded`, `tasks_skipped`), then surveys held for
    quiet hours (`survey_due`, `survey_sent`, ...) and return visits (`visit_due`, ...), then
    shifts' reminders and ends and unacknowledged handovers (`shift_reminders`, ...)."""
    now = now_ms()
    return (
        lifecycle.run_due_timers(now)
        | routing_jobs.run_due_returns(now)
        | trigger_jobs.run_due_unresolved(now)
        | task_reminders.run_due_tasks(now)
        | survey_timers.run_due(now)
        | shift_jobs.run_due(now)
    )


JOBS: dict[str, Callable[[], dict[str, int]]] = {
    "deliveries": delivery.run_due_retries,
    "timers": run_due_timers,
    "queues": routing_jobs.drain_queues,
    # SLA clocks: warnings and breaches (`sla_due`, `sla_warned`, `sla_breached`, ...)
    "sla": sla_jobs.run_due_clocks,
    # project exports and retention backfills, a bounded step each (`exports_due`, ...)
    "exports": export_jobs.run_due,
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
