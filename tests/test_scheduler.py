"""The scheduler function: EventBridge's constant Input is the event it receives."""

from __future__ import annotations

import json
from typing import Any

import pytest
from api_helpers import scheduler_handler
from conftest import lambda_context
from routing_support import PROJECT, add_agent, new_session, put, stored_session

from infra.local import cfn
from tgdesk.core import metrics, secrets
from tgdesk.storage import projects


@pytest.fixture
def handler(aws: Any) -> Any:
    secrets.reset()
    return scheduler_handler()


def test_the_template_schedules_the_deliveries_job() -> None:
    schedules = cfn.functions()["SchedulerFunction"].schedules
    assert (60, {"job": "deliveries"}) in schedules


def test_the_template_runs_the_session_timers_every_minute() -> None:
    schedules = cfn.functions()["SchedulerFunction"].schedules
    assert (60, {"job": "timers"}) in schedules


def test_the_template_drains_the_queues_every_minute() -> None:
    schedules = cfn.functions()["SchedulerFunction"].schedules
    assert (60, {"job": "queues"}) in schedules


def test_timers_job_with_nothing_due_returns_zero_counts(handler: Any) -> None:
    assert handler({"job": "timers"}, lambda_context()) == {
        "job": "timers",
        "due": 0,
        "closed": 0,
        "moved": 0,
        "skipped": 0,
        "dropped": 0,
        "returns_due": 0,
        "returned": 0,
        "returns_dropped": 0,
        "returns_postponed": 0,
        "returns_stopped": 0,
        "unresolved_due": 0,
        "unresolved_fired": 0,
        "unresolved_moved": 0,
        "unresolved_dropped": 0,
        "unresolved_skipped": 0,
        "tasks_due": 0,
        "tasks_reminded": 0,
        "tasks_skipped": 0,
        "shift_reminders": 0,
        "shift_ends": 0,
        "shift_skipped": 0,
        "handover_reminders": 0,
    }


def test_queues_job_with_no_project_returns_zero_counts(handler: Any) -> None:
    assert handler({"job": "queues"}, lambda_context()) == {
        "job": "queues",
        "projects": 0,
        "dequeued": 0,
    }


def test_the_queues_job_drains_a_waiting_session_and_the_timers_job_does_not(
    handler: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    projects.create_project({"project_id": PROJECT, "name": "Support", "created_by": "admin"})
    put(new_session("s-waiting"))  # in the project's queue: nobody was there to take it
    add_agent("maria")

    assert handler({"job": "timers"}, lambda_context())["job"] == "timers"
    assert stored_session("s-waiting").get("assignee_id") is None
    capsys.readouterr()

    assert handler({"job": "queues"}, lambda_context()) == {
        "job": "queues",
        "projects": 1,
        "dequeued": 1,
    }
    assert stored_session("s-waiting")["assignee_id"] == "maria"
    (line,) = [m for m in map(json.loads, _json_lines(capsys.readouterr().out)) if "_aws" in m]
    assert line[metrics.SESSIONS_DEQUEUED] in (1.0, [1.0])  # one value, listed or not


def _json_lines(out: str) -> list[str]:
    return [line for line in out.splitlines() if line.startswith("{")]


def test_deliveries_job_with_nothing_due_returns_zero_counts(handler: Any) -> None:
    assert handler({"job": "deliveries"}, lambda_context()) == {
        "job": "deliveries",
        "due": 0,
        "claimed": 0,
        "sent": 0,
        "retrying": 0,
        "failed": 0,
        "sending": 0,
    }


def test_a_schedule_without_input_is_a_loud_error(handler: Any) -> None:
    # What EventBridge sends when a rule has no constant Input.
    event = {
        "version": "0",
        "id": "53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa",
        "detail-type": "Scheduled Event",
        "source": "aws.events",
        "account": "123456789012",
        "time": "2026-11-23T05:00:00Z",
        "region": "us-east-1",
        "resources": ["arn:aws:events:us-east-1:123456789012:rule/tgdesk-DeliveryRetries"],
        "detail": {},
    }
    with pytest.raises(ValueError, match="unknown job None"):
        handler(event, lambda_context())
    with pytest.raises(ValueError, match="unknown job 'reports'"):
        handler({"job": "reports"}, lambda_context())
