"""The figures an operator watches, as CloudWatch embedded metrics (EMF).

Metrics are printed in the function's log at the end of each invocation (`log_metrics` on
the handler) and CloudWatch turns the line into metrics: no request is made, nothing waits.
Every metric name lives here; domain code calls the named functions below.

One dimension only, `service`, so an alarm names each metric exactly; outcomes and states
are part of the metric name rather than dimensions, because every metric printed in one
line shares that line's dimensions. The namespace is POWERTOOLS_METRICS_NAMESPACE (the
template sets it per stack), `tgdesk` by default.

Importing this costs the webhook nothing measurable: `aws_lambda_powertools` (imported
for its Logger anyway) already imports its metrics package.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from typing import Any, TypeVar

from aws_lambda_powertools.metrics import Metrics, MetricUnit

NAMESPACE_ENV = "POWERTOOLS_METRICS_NAMESPACE"
DEFAULT_NAMESPACE = "tgdesk"

# What can become of a Telegram update at the webhook (tgdesk.inbound.ingest's results, and the
# answers given before ingest decides: refused, unavailable).
UPDATE_OUTCOMES = ("stored", "duplicate", "ignored", "dead_letter", "refused", "unavailable")
DELIVERY_STATES = ("sent", "retrying", "failed")

# Metric names the template's alarms and dashboard use (infra/template.yaml).
SESSIONS_ROUTED = "SessionsRouted"
SESSIONS_QUEUED = "SessionsQueued"
SESSIONS_DEQUEUED = "SessionsDequeued"
PUSH_FAILURES = "PushFailures"
SCHEDULER_LAG = "SchedulerLagSeconds"

_metrics = Metrics(
    namespace=os.environ.get(NAMESPACE_ENV, DEFAULT_NAMESPACE),
    service=os.environ.get("POWERTOOLS_SERVICE_NAME", "tgdesk"),
)

F = TypeVar("F", bound=Callable[..., Any])


def _camel(word: str) -> str:
    return "".join(part.capitalize() for part in word.split("_"))


def update_metric(outcome: str) -> str:
    """`UpdatesStored`, `UpdatesDeadLetter`...: one metric per outcome."""
    if outcome not in UPDATE_OUTCOMES:
        raise ValueError(f"unknown update outcome {outcome!r}")
    return f"Updates{_camel(outcome)}"


def delivery_metric(state: str) -> str:
    """`DeliveriesSent`, `DeliveriesRetrying`, `DeliveriesFailed`."""
    if state not in DELIVERY_STATES:
        raise ValueError(f"unknown delivery state {state!r}")
    return f"Deliveries{_camel(state)}"


def risk_metric(outcome: str) -> str:
    """`RiskBlocked`, `RiskConfirmationRequired`, `RiskFlagged`..."""
    return f"Risk{_camel(outcome)}"


def job_metric(job: str) -> str:
    """Due items a scheduler job found: `SchedulerDueDeliveries`, `SchedulerDueAutoclose`..."""
    return f"SchedulerDue{_camel(job)}"


def _count(name: str, value: int = 1) -> None:
    _metrics.add_metric(name=name, unit=MetricUnit.Count, value=value)


# -- what domain code reports -----------------------------------------------------------------
def update_received(outcome: str) -> None:
    """One webhook request and what became of it (`dead_letter`: a body kept as a dead
    letter, not an update or refused by the table)."""
    _count(update_metric(outcome))


def session_routed() -> None:
    """A session got an agent (assigned or kept) from the stream or a queue."""
    _count(SESSIONS_ROUTED)


def session_queued() -> None:
    """A session nobody could take yet went to its project's queue."""
    _count(SESSIONS_QUEUED)


def sessions_dequeued(n: int) -> None:
    """Waiting sessions that got an agent when a queue drained."""
    if n:
        _count(SESSIONS_DEQUEUED, n)


def delivery(state: str) -> None:
    """A reply's send attempt ended `sent`, `retrying` or `failed`."""
    if state in DELIVERY_STATES:
        _count(delivery_metric(state))


def risk_trigger(outcome: str) -> None:
    """A risk-control trigger, by outcome (blocked, confirmation_required, ...)."""
    _count(risk_metric(outcome))


def push_failed(n: int = 1) -> None:
    """Frames that could not be pushed to a console (not counting stale connections)."""
    if n:
        _count(PUSH_FAILURES, n)


def scheduler_job(job: str, *, due: int, oldest_due_at: int | None, now: int) -> None:
    """A scheduler job's due items and its lag: how long the oldest of them had been due
    (0 when nothing was due). A lag that grows means the job cannot keep up."""
    _count(job_metric(job), due)
    lag_ms = max(0, now - oldest_due_at) if oldest_due_at is not None else 0
    _metrics.add_metric(name=SCHEDULER_LAG, unit=MetricUnit.Seconds, value=lag_ms / 1000)


# -- handlers ---------------------------------------------------------------------------------
def log_metrics(handler: F) -> F:
    """Print what the invocation counted as one EMF line when it ends (even when it raises).
    An invocation that counted nothing prints nothing."""

    @functools.wraps(handler)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return handler(*args, **kwargs)
        finally:
            flush()

    return wrapper  # type: ignore[return-value]


def flush() -> None:
    if _metrics.metric_set:
        _metrics.flush_metrics()


def clear() -> None:
    """Forget what was counted and not printed (tests)."""
    _metrics.clear_metrics()
