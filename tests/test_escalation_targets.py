"""An escalation's own, stricter targets: refused when looser than the policy, told to the
user, kept on the ticket; the session's clocks use them from the escalation on (pure, with a
controlled `now`); and the supervisors' ticket list with each session's clocks and the
`breach` filter."""

from __future__ import annotations

from typing import Any

import pytest
import test_escalation_api as escalation_api
from api_helpers import scheduler_handler
from conftest import lambda_context
from fastapi.testclient import TestClient

from tgdesk.audit import entries as audit
from tgdesk.core import clock, secrets
from tgdesk.sla import clocks, policies
from tgdesk.storage import keys, table
from tgdesk.storage import sla as sla_store

MINUTE = 60_000
T0 = 1_767_000_000_000
case, team = escalation_api.case, escalation_api.team
escalate, sent_texts = escalation_api.escalate, escalation_api.sent_texts
HIGH = policies.effective("p", {"enabled": True})  # high: 30 min first response, 4 h resolution


def escalated_session(**targets: int) -> dict[str, Any]:
    return {
        "status": "unread",
        "priority": "high",
        "opened_at": T0,
        "waiting_since": T0,
        "ticket": {"number": 1, "level": "l2", "emotion": "calm", "targets": targets},
    }


def due_times(session: dict[str, Any], now: int) -> dict[str, int | None]:
    return {c.clock: c.due_at for c in clocks.running(session, HIGH, now)}


def test_without_targets_the_policy_counts() -> None:
    session = escalated_session()
    assert due_times(session, T0) == {
        "first_response": T0 + 30 * MINUTE,
        "resolution": T0 + 240 * MINUTE,
    }


def test_a_running_clock_is_due_the_escalations_target_after_it() -> None:
    session = escalated_session(
        first_response_minutes=10, resolution_minutes=60, since=T0 + 5 * MINUTE
    )
    now = T0 + 16 * MINUTE
    assert due_times(session, now) == {
        "first_response": T0 + 15 * MINUTE,
        "resolution": T0 + 65 * MINUTE,
    }
    [response, _] = clocks.running(session, HIGH, now)
    assert response.stage_due(now) == clocks.BREACH and response.remaining_ms == -MINUTE


def test_never_later_than_the_policy() -> None:
    session = escalated_session(first_response_minutes=25, since=T0 + 20 * MINUTE)
    assert due_times(session, T0)["first_response"] == T0 + 30 * MINUTE


def test_a_pause_before_the_escalation_is_not_counted() -> None:
    session = escalated_session(first_response_minutes=10, since=T0 + 5 * MINUTE)
    session["sla"] = {"pauses": [[T0 + MINUTE, T0 + 3 * MINUTE]]}
    assert due_times(session, T0 + 6 * MINUTE)["first_response"] == T0 + 15 * MINUTE


def test_a_clock_started_after_the_escalation_has_its_target_alone() -> None:
    session = escalated_session(resolution_minutes=60, since=T0 + 5 * MINUTE)
    session["reopened_at"] = T0 + 2 * 60 * MINUTE
    assert due_times(session, T0 + 121 * MINUTE)["resolution"] == T0 + 180 * MINUTE


# -- through the API -------------------------------------------------------------------------
def test_a_looser_target_is_refused(client: TestClient, case: dict[str, Any]) -> None:
    for field, minutes in (("first_response_minutes", 31), ("resolution_minutes", 241)):
        refused = escalate(
            client,
            case,
            "maria",
            level="l2",
            to={"group_id": case["group"]},
            priority="high",
            **{field: minutes},
        )
        assert refused.status_code == 422, refused.text
        assert (refused.json()["code"], refused.json()["field"]) == (
            "target_looser_than_policy",
            field,
        )


def test_the_ticket_keeps_its_targets_and_the_user_is_told_them(
    client: TestClient,
    case: dict[str, Any],
    telegram: Any,
) -> None:
    clock.set_now_for_tests(T0)
    try:
        made = escalate(
            client,
            case,
            "maria",
            level="l2",
            to={"group_id": case["group"]},
            priority="high",
            first_response_minutes=10,
            resolution_minutes=60,
        )
    finally:
        clock.set_now_for_tests(None)
    assert made.status_code == 201, made.text
    wanted = {"first_response_minutes": 10, "resolution_minutes": 60, "since": T0}
    assert made.json()["targets"] == wanted
    [text] = sent_texts(telegram)
    assert "10 minutes" in text
    session = table.get(*keys.session(case["sid"]))
    assert session is not None and session["ticket"]["targets"] == wanted
    again = escalate(client, case, "ana", level="l3", to={"supervisors": True})
    assert again.status_code == 201, again.text
    assert again.json()["targets"] == wanted  # a re-escalation without targets keeps them


def test_the_ticket_list_shows_clocks_and_filters_by_breach(
    client: TestClient,
    case: dict[str, Any],
) -> None:
    other = case["sessions"]["ana"]["session_id"]
    escalate(client, case, "maria", level="l2", to={"group_id": case["group"]})
    client.post(
        f"/api/sessions/{other}/escalations",
        json={"level": "l3", "to": {"supervisors": True}},
        headers=case["ana"],
    )
    now = T0 + 60 * MINUTE
    for sid, due_at in ((case["sid"], now - MINUTE), (other, now + MINUTE)):
        started = int(table.get(*keys.session(sid))["opened_at"])  # type: ignore[index]
        shown = {
            "clock": "resolution",
            "started_at": started,
            "target_ms": 5,
            "due_at": due_at,
            "warn_at": due_at,
            "paused": False,
            "remaining_ms": 5,
        }
        pk, sk = keys.session(sid)
        table.client().update_item(  # the scheduler's snapshot of the running clocks
            TableName=table.table_name(),
            Key=table.to_item({"PK": pk, "SK": sk}),
            UpdateExpression="SET sla = :sla",
            ExpressionAttributeValues=table.values({":sla": {"clocks": [shown]}}),
        )

    def listed(**query: Any) -> list[dict[str, Any]]:
        answer = client.get(
            "/api/tickets", params={"project_id": case["p1"], **query}, headers=case["boss"]
        )
        assert answer.status_code == 200, answer.text
        return answer.json()["items"]

    clock.set_now_for_tests(now)
    try:
        assert [t["session_id"] for t in listed(breach=True)] == [case["sid"]]
        assert [t["session_id"] for t in listed(breach=False)] == [other]
        rows = listed()
    finally:
        clock.set_now_for_tests(None)
    assert {t["session_id"]: t["sla"]["due_at"] for t in rows} == {
        case["sid"]: now - MINUTE,
        other: now + MINUTE,
    }


@pytest.mark.parametrize("minutes", [0, 90 * 24 * 60 + 1])
def test_targets_are_bounded(client: TestClient, case: dict[str, Any], minutes: int) -> None:
    refused = escalate(
        client,
        case,
        "maria",
        level="l2",
        to={"group_id": case["group"]},
        first_response_minutes=minutes,
    )
    assert refused.status_code == 422


def test_the_scheduler_breaches_at_the_escalations_target(
    client: TestClient, case: dict[str, Any]
) -> None:
    settings = policies.validated(case["p1"], {"enabled": True})
    entry = audit.entry("sla.settings", actor_id=audit.SYSTEM, project_id=case["p1"])
    assert sla_store.save_settings(settings, read_updated_at=None, entry=entry)
    pk, sk = keys.session(case["sid"])
    table.client().update_item(  # a tracked project's session carries its clocks
        TableName=table.table_name(),
        Key=table.to_item({"PK": pk, "SK": sk}),
        UpdateExpression="SET sla = :sla",
        ExpressionAttributeValues=table.values({":sla": {"warnings": 0, "breaches": 0}}),
    )
    opened = int(case["sessions"]["maria"]["opened_at"])
    secrets.reset()
    handler = scheduler_handler()

    def run_at(moment: int) -> dict[str, Any]:
        clock.set_now_for_tests(moment)
        return handler({"job": "sla"}, lambda_context())

    try:
        clock.set_now_for_tests(opened + 5 * MINUTE)
        made = escalate(
            client,
            case,
            "maria",
            level="l2",
            to={"group_id": case["group"]},
            priority="high",
            resolution_minutes=60,
            notify_user=False,
        )
        assert made.status_code == 201, made.text
        run_at(opened + 6 * MINUTE)  # the first look computes the due times
        events = lambda: (table.get(pk, sk) or {}).get("sla", {}).get("events", [])  # noqa: E731
        shown = table.get(pk, sk)["sla"]["clocks"]  # type: ignore[index]
        [resolution] = [c for c in shown if c["clock"] == "resolution"]
        assert resolution["due_at"] == opened + 65 * MINUTE  # not the policy's 4 hours
        run_at(opened + 64 * MINUTE)
        assert [(e["clock"], e["stage"]) for e in events()] == [("resolution", "warning")]
        run_at(opened + 65 * MINUTE)
        run_at(opened + 66 * MINUTE)
        assert [(e["clock"], e["stage"]) for e in events()] == [
            ("resolution", "warning"),
            ("resolution", "breach"),
        ]
    finally:
        clock.set_now_for_tests(None)
