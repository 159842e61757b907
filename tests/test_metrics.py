"""What an operator watches: EMF metric lines printed by the handlers, and the correlation
id that follows a Telegram update from the webhook to the assign function's log."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator
from typing import Any

import pytest
from api_helpers import (
    FakeBotApi,
    agent_login,
    bot_api_error,
    create_agent,
    create_project,
    login,
    put_session,
    scheduler_handler,
)
from aws_lambda_powertools.logging.formatter import LambdaPowertoolsFormatter
from conftest import lambda_context
from fastapi.testclient import TestClient
from ingest_support import PROJECT_ID, USER_ID, fixture, http_event, send
from ingest_support import create_project as create_webhook_project
from routing_support import stream_event, stream_record

from infra.local import cfn
from tgdesk.core import clock, metrics
from tgdesk.storage import conversations, keys, table

T0 = 1_790_000_000_000


@pytest.fixture(autouse=True)
def _fresh() -> None:
    clock.set_now_for_tests(T0)
    metrics.clear()


def stdout_lines(capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    lines = []
    for line in capsys.readouterr().out.splitlines():
        try:
            lines.append(json.loads(line))
        except ValueError:
            continue
    return [line for line in lines if isinstance(line, dict)]


def emf(capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    """The EMF lines printed: each has `_aws.CloudWatchMetrics` and the values at top level."""
    return [line for line in stdout_lines(capsys) if "_aws" in line]


def metric_names(line: dict[str, Any]) -> set[str]:
    (directive,) = line["_aws"]["CloudWatchMetrics"]
    assert directive["Namespace"] == metrics.DEFAULT_NAMESPACE
    assert directive["Dimensions"] == [["service"]]
    return {m["Name"] for m in directive["Metrics"]}


def values(line: dict[str, Any], name: str) -> list[float]:
    """A metric's values in a line (one value, or a list when it was counted more than once)."""
    value = line[name]
    return value if isinstance(value, list) else [value]


# -- the webhook ------------------------------------------------------------------------------
def test_a_stored_update_prints_one_emf_line_with_its_outcome(
    aws: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    create_webhook_project()
    capsys.readouterr()
    assert send("voice")[0] == 200
    (line,) = emf(capsys)
    assert metric_names(line) == {"UpdatesStored"}
    assert values(line, "UpdatesStored") == [1.0]


def test_a_duplicate_and_a_refused_update_are_counted_as_such(
    aws: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    create_webhook_project()
    send("voice")
    capsys.readouterr()
    send("voice")
    (line,) = emf(capsys)
    assert metric_names(line) == {"UpdatesDuplicate"}
    call = cfn.load_handler("WebhookFunction")
    assert call(http_event(fixture("voice"), secret="wrong"), lambda_context())["statusCode"] == 401
    (line,) = emf(capsys)
    assert metric_names(line) == {"UpdatesRefused"}


def test_an_unknown_outcome_is_a_programming_error() -> None:
    with pytest.raises(ValueError):
        metrics.update_received("lost")


# -- deliveries and the scheduler -------------------------------------------------------------
def test_a_failed_retry_and_the_schedulers_lag_are_printed(
    client: TestClient, telegram: FakeBotApi, capsys: pytest.CaptureFixture[str]
) -> None:
    admin = login(client)
    project_id = create_project(client, admin)["project_id"]
    maria = create_agent(client, admin, "maria")
    client.post(
        f"/api/projects/{project_id}/members", json={"agent_id": maria["agent_id"]}, headers=admin
    )
    session = put_session(project_id, 4242, assignee_id=maria["agent_id"], opened_at=T0)
    telegram.fail("sendMessage", *bot_api_error("rate_limited"))  # retry_after 7 s
    sent = client.post(
        f"/api/sessions/{session['session_id']}/messages",
        json={"text": "Hello!"},
        headers=agent_login(client, "maria"),
    )
    assert sent.json()["delivery"]["state"] == "retrying"
    metrics.clear()  # the API's own line is not what this test looks at
    capsys.readouterr()

    clock.set_now_for_tests(T0 + 67_000)  # due at T0 + 7 s: 60 s late
    telegram.fail("sendMessage", *bot_api_error("bot_blocked"))
    counts = scheduler_handler()({"job": "deliveries"}, lambda_context())
    assert counts["failed"] == 1
    (line,) = emf(capsys)
    assert {"DeliveriesFailed", "SchedulerDueDeliveries", "SchedulerLagSeconds"} <= metric_names(
        line
    )
    assert values(line, "DeliveriesFailed") == [1.0]
    assert values(line, "SchedulerDueDeliveries") == [1.0]
    assert values(line, "SchedulerLagSeconds") == [60.0]


def test_a_job_with_nothing_due_reports_no_lag(aws: Any) -> None:
    metrics.scheduler_job("deliveries", due=0, oldest_due_at=None, now=T0)
    metrics.scheduler_job("returns", due=1, oldest_due_at=T0 + 5, now=T0)  # clock skew: 0
    assert metrics._metrics.metric_set["SchedulerLagSeconds"]["Value"] == [0.0, 0.0]


# -- the correlation id -----------------------------------------------------------------------
@pytest.fixture
def function_log() -> Iterator[io.StringIO]:
    """What the functions' Powertools loggers write at INFO. Their handlers hold the stream they
    were created with, which capsys does not see, and belong to whichever service name and
    level were set when each function was first loaded in this process: every Powertools
    handler is redirected, and its logger opened to INFO, for the test."""
    buffer = io.StringIO()
    loggers = [logging.getLogger(name) for name in list(logging.root.manager.loggerDict)]
    powertools = {
        logger: [
            handler
            for handler in logger.handlers
            if isinstance(handler, logging.StreamHandler)
            and isinstance(handler.formatter, LambdaPowertoolsFormatter)
        ]
        for logger in loggers
    }
    levels = {logger: logger.level for logger, handlers in powertools.items() if handlers}
    shared = {h for handlers in powertools.values() for h in handlers}  # copied to many loggers
    streams = {handler: handler.setStream(buffer) for handler in shared}
    for logger in levels:
        logger.setLevel(logging.INFO)
    yield buffer
    for handler, stream in streams.items():
        handler.setStream(stream)
    for logger, level in levels.items():
        logger.setLevel(level)


def json_lines(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines() if line.startswith("{")]


def test_the_update_id_follows_the_session_into_the_assign_functions_log(
    aws: Any, capsys: pytest.CaptureFixture[str], function_log: io.StringIO
) -> None:
    create_webhook_project()
    update = fixture("voice")
    send(update)
    expected = f"{PROJECT_ID}:{update['update_id']}"
    webhook_lines = json_lines(function_log.getvalue())
    (handled,) = [line for line in webhook_lines if line["message"] == "update handled"]
    assert handled["correlation_id"] == expected

    user = conversations.get_user(PROJECT_ID, USER_ID)
    assert user is not None
    session = table.get(*keys.session(user["open_session_id"]))
    assert session is not None and session["correlation_id"] == expected

    capsys.readouterr()
    function_log.seek(0)
    function_log.truncate()
    assign = cfn.load_handler("AssignFunction")
    assign(stream_event(stream_record("INSERT", new=session)), lambda_context())
    lines = json_lines(function_log.getvalue())
    routed = [line for line in lines if line.get("session_id") == session["session_id"]]
    assert routed and all(line.get("correlation_id") == expected for line in routed)
    (line,) = emf(capsys)
    assert metric_names(line) == {"SessionsQueued"}  # nobody to take it yet


def test_a_reply_logs_the_correlation_id_of_the_update_its_session_took_in(
    client: TestClient, function_log: io.StringIO
) -> None:
    admin = login(client)
    project_id = create_project(client, admin)["project_id"]
    maria = create_agent(client, admin, "maria")
    client.post(
        f"/api/projects/{project_id}/members", json={"agent_id": maria["agent_id"]}, headers=admin
    )
    session = put_session(project_id, 4242, assignee_id=maria["agent_id"], opened_at=T0)
    expected = f"{project_id}:917"
    pk, sk = keys.session(session["session_id"])
    table.client().update_item(
        TableName=table.table_name(),
        Key=table.to_item({"PK": pk, "SK": sk}),
        UpdateExpression="SET correlation_id = :c",
        ExpressionAttributeValues=table.values({":c": expected}),
    )
    sent = client.post(
        f"/api/sessions/{session['session_id']}/messages",
        json={"text": "Hello!"},
        headers=agent_login(client, "maria"),
    )
    assert sent.json()["delivery"]["state"] == "sent"
    (line,) = [x for x in json_lines(function_log.getvalue()) if x["message"] == "delivery"]
    assert line["correlation_id"] == expected
