"""EventBridge schedules: each function's `rate(...)` events, fired on a timer."""

from __future__ import annotations

import logging
import threading
import time
import uuid
from dataclasses import dataclass
from typing import Any

from infra.local import cfn
from infra.local.config import ACCOUNT_ID, REGION
from infra.local.lambdas import LocalFunction

log = logging.getLogger("tgdesk.local.schedules")


def scheduled_event(rule_name: str, input_: dict[str, Any] | None) -> dict[str, Any]:
    """What the target receives: the rule's constant Input when set, else the Scheduled Event."""
    if input_:
        return dict(input_)
    return {
        "version": "0",
        "id": str(uuid.uuid4()),
        "detail-type": "Scheduled Event",
        "source": "aws.events",
        "account": ACCOUNT_ID,
        "time": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "region": REGION,
        "resources": [f"arn:aws:events:{REGION}:{ACCOUNT_ID}:rule/{rule_name}"],
        "detail": {},
    }


@dataclass(frozen=True)
class Schedule:
    function: str
    every_s: float
    input: dict[str, Any]

    @property
    def rule_name(self) -> str:
        """Names the job too: one function runs several (the scheduler's `{"job": ...}`)."""
        job = self.input.get("job") if self.input else None
        return "-".join(filter(None, (self.function, job, f"every-{self.every_s:g}s")))


def schedules_from_template(every_override: float | None) -> list[Schedule]:
    return [
        Schedule(fn.logical_id, every_override or seconds, input_)
        for fn in cfn.functions().values()
        for seconds, input_ in fn.schedules
    ]


class ScheduleTimer:
    """One thread per schedule; a slow run delays the next one instead of overlapping it."""

    def __init__(self, schedules: list[Schedule], functions: dict[str, LocalFunction]) -> None:
        self._schedules = schedules
        self._functions = functions
        self._stop = threading.Event()
        self._threads = [
            threading.Thread(target=self._run, args=(s,), name=s.rule_name, daemon=True)
            for s in schedules
        ]

    def start(self) -> None:
        for thread in self._threads:
            thread.start()

    def stop(self) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=10)

    def _run(self, schedule: Schedule) -> None:
        function = self._functions[schedule.function]
        next_at = time.monotonic() + schedule.every_s
        while not self._stop.wait(max(0.0, next_at - time.monotonic())):
            next_at += schedule.every_s
            try:
                function.invoke(scheduled_event(schedule.rule_name, schedule.input))
            except Exception:
                log.exception("%s failed on its schedule", schedule.rule_name)
            next_at = max(next_at, time.monotonic())
