"""Escalation triggers, against moto: the settings API (admins edit, supervisors read), the
manager phrases in three languages and the keywords matched in the assign function's stream
(each fires once, redelivered records change nothing), the unresolved timer evaluated by the
scheduler with a controlled clock (once under overlapping runs), and a trigger that escalates
on its own to a group.

The team (collab_helpers): admin; p1 maria, ana (agents), boss (supervisor); p2 li, chief.
"""

from __future__ import annotations

from typing import Any

import collab_helpers
import pytest
from api_helpers import put_inbound_message
from collab_helpers import audit_entries
from conftest import lambda_context
from fastapi.testclient import TestClient
from realtime_support import StreamTap

from infra.local import cfn
from tgdesk.core import clock
from tgdesk.storage import keys, table
from tgdesk.storage import triggers as trigger_store
from tgdesk.triggers import jobs, stream

team = collab_helpers.team
MINUTE = 60_000


@pytest.fixture
def tap(aws: Any, team: dict[str, Any]) -> StreamTap:
    return StreamTap(aws)


def assign(records: list[dict[str, Any]]) -> dict[str, Any]:
    return cfn.load_handler("AssignFunction")({"Records": records}, lambda_context())


def url(team: dict[str, Any], project: str = "p1") -> str:
    return f"/api/projects/{team[project]}/escalation-triggers"


def turn_on(client: TestClient, team: dict[str, Any], **wanted: Any) -> dict[str, Any]:
    response = client.put(url(team), json=wanted, headers=team["admin"])
    assert response.status_code == 200, response.text
    return response.json()


def suggestions(client: TestClient, team: dict[str, Any], who: str = "maria") -> list[dict]:
    sid = team["sessions"]["maria"]["session_id"]
    response = client.get(f"/api/sessions/{sid}/escalation-suggestions", headers=team[who])
    assert response.status_code == 200, response.text
    return response.json()["items"]


def session_tags(session: dict[str, Any]) -> list[str]:
    found = table.get(*keys.session(session["session_id"]), consistent=True) or {}
    return list(found.get("tags", []))


def write(session: dict[str, Any], text: str) -> dict[str, Any]:
    clock.set_now_for_tests(clock.now_ms() + 1_000)
    return put_inbound_message(session, text, at=clock.now_ms())


# -- settings ---------------------------------------------------------------------------------
def test_supervisors_read_the_defaults_and_only_admins_change_them(
    client: TestClient, team: dict[str, Any]
) -> None:
    read = client.get(url(team), headers=team["boss"])
    assert read.status_code == 200, read.text
    body = read.json()
    assert not any(body[t]["enabled"] for t in ("unresolved", "manager", "keyword"))
    assert sorted(body["manager"]["phrases"]) == ["en", "ru", "zh"]
    assert "refund" in body["keyword"]["keywords"]
    assert client.get(url(team), headers=team["maria"]).status_code == 403
    assert client.get(url(team), headers=team["chief"]).status_code == 404

    refused = client.put(url(team), json={"keyword": {"enabled": True}}, headers=team["boss"])
    assert (refused.status_code, refused.json()["code"]) == (403, "admin_only")

    saved = turn_on(client, team, keyword={"enabled": True, "keywords": ["refund", "Refund "]})
    assert saved["keyword"] == {"enabled": True, "keywords": ["refund"], "escalate": None}
    assert saved["updated_by"]
    [entry] = audit_entries(client, team["admin"], "triggers.settings")
    assert entry["after"]["keyword"]["enabled"] is True

    stale = client.put(url(team), json={"updated_at": 1}, headers=team["admin"])
    assert (stale.status_code, stale.json()["code"]) == (409, "triggers_changed")
    for bad in (
        {"unresolved": {"minutes": 0}},
        {"manager": {"times": 99}},
        {"manager": {"phrases": {"not a language": ["x"]}}},
        {"keyword": {"keywords": [""]}},
        {"keyword": {"escalate": {"group_id": "nope", "level": "l2"}}},
    ):
        response = client.put(url(team), json=bad, headers=team["admin"])
        assert response.status_code == 422, (bad, response.text)


# -- the stream -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "first, second",
    [
        ("Can I speak to your MANAGER?", "I want to complain, get me a supervisor"),
        ("我要投诉", "请让你们经理来"),
        ("Позовите руководителя", "Я напишу жалобу"),
    ],
    ids=["en", "zh", "ru"],
)
def test_asking_for_a_manager_twice_suggests_escalating_once(
    client: TestClient, team: dict[str, Any], tap: StreamTap, first: str, second: str
) -> None:
    turn_on(client, team, manager={"enabled": True, "times": 2})
    session = team["sessions"]["maria"]
    tap.records()

    write(session, first)
    write(session, "and where is my parcel?")  # matches nothing: not counted
    assert assign(tap.records()) == {"batchItemFailures": []}
    assert suggestions(client, team) == []
    assert (trigger_store.get_state(session["session_id"]) or {})["manager_count"] == 1

    write(session, second)
    records = tap.records()
    assert assign(records) == {"batchItemFailures": []}

    [made] = suggestions(client, team)
    assert (made["trigger"], made["count"]) == ("manager", 2)
    assert made["reason"] == "the user asked for a manager 2 times"
    catalog = client.get(f"/api/projects/{team['p1']}/tags", headers=team["boss"]).json()["items"]
    [tag] = [t for t in catalog if t["name"] == "escalation suggested"]
    assert session_tags(session) == [tag["tag_id"]]
    [entry] = audit_entries(client, team["admin"], "trigger.fired")
    assert (entry["actor_id"], entry["details"]["trigger"]) == ("system", "manager")

    # Redelivered, and asked a third time: nothing fires again.
    assert assign(records) == {"batchItemFailures": []}
    write(session, first)
    assign(tap.records())
    assert len(audit_entries(client, team["admin"], "trigger.fired")) == 1
    assert len(suggestions(client, team)) == 1
    assert (trigger_store.get_state(session["session_id"]) or {})["manager_count"] == 3


def test_a_keyword_fires_on_normalised_text_once_and_redelivery_counts_nothing(
    client: TestClient, team: dict[str, Any], tap: StreamTap
) -> None:
    turn_on(client, team, keyword={"enabled": True}, manager={"enabled": True, "times": 2})
    session = team["sessions"]["maria"]
    tap.records()
    write(session, "my account was un-hackable, I thought")  # "hack" alone is no keyword
    write(session, "my account was ＨＡＣ\u200bＫＥＤ, I need a manager")
    records = tap.records()

    assert assign(records) == {"batchItemFailures": []}
    assert assign(records) == {"batchItemFailures": []}  # the stream redelivers the batch

    [made] = suggestions(client, team)
    assert (made["trigger"], made["keyword"]) == ("keyword", "hacked")
    assert (trigger_store.get_state(session["session_id"]) or {})["manager_count"] == 1
    assert len(audit_entries(client, team["admin"], "trigger.fired")) == 1
    # Anybody who may not see the session gets 404.
    sid = session["session_id"]
    for who in ("ana", "chief"):
        answer = client.get(f"/api/sessions/{sid}/escalation-suggestions", headers=team[who])
        assert answer.status_code == 404


def test_nothing_is_written_when_no_trigger_is_on_or_nothing_matches(
    client: TestClient, team: dict[str, Any], tap: StreamTap
) -> None:
    session = team["sessions"]["maria"]
    tap.records()
    write(session, "I want a refund from your manager")
    assign(tap.records())
    turn_on(client, team, keyword={"enabled": True})
    write(session, "hello there")
    assign(tap.records())
    assert trigger_store.get_state(session["session_id"]) is None
    assert session_tags(session) == []


# -- the scheduler ----------------------------------------------------------------------------
def open_session(team: dict[str, Any]) -> dict[str, Any]:
    """maria's session as its opening's stream record shows it."""
    session = team["sessions"]["maria"]
    stream.on_change("INSERT", {}, session)
    return session


def timer_of(session: dict[str, Any]) -> dict[str, Any] | None:
    return table.get(
        *keys.session_timer(session["session_id"], keys.UNRESOLVED_TIMER), consistent=True
    )


def test_an_unresolved_session_fires_once_under_overlapping_runs(
    client: TestClient, team: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    turn_on(client, team, unresolved={"enabled": True, "minutes": 30})
    session = open_session(team)
    due_at = session["opened_at"] + 30 * MINUTE
    assert (timer_of(session) or {})["due_at"] == due_at

    clock.set_now_for_tests(due_at - 1)
    assert jobs.run_due_unresolved()["unresolved_due"] == 0

    # Run B reads the session's triggers, then run A does all its work, then B writes.
    clock.set_now_for_tests(due_at + 5_000)
    [timer] = list(jobs.sessions.each_due_timer(keys.UNRESOLVED_TIMER, due_at + 5_000, most=10))
    original = trigger_store.get_state
    outcomes: list[str] = []

    def read_then_let_run_a_finish(session_id: str) -> Any:
        found = original(session_id)
        monkeypatch.setattr(trigger_store, "get_state", original)
        outcomes.append(jobs.evaluate(timer, due_at + 5_000))  # run A
        return found

    monkeypatch.setattr(trigger_store, "get_state", read_then_let_run_a_finish)
    outcomes.append(jobs.evaluate(timer, due_at + 5_000))  # run B
    assert outcomes == ["fired", "skipped"]
    assert jobs.run_due_unresolved()["unresolved_due"] == 0  # the timer went with the fire

    [made] = suggestions(client, team)
    assert (made["trigger"], made["minutes"]) == ("unresolved", 30)
    assert len(audit_entries(client, team["admin"], "trigger.fired")) == 1
    assert len(session_tags(session)) == 1


def test_closing_clears_the_timer_and_a_turned_off_trigger_drops_it(
    client: TestClient, team: dict[str, Any]
) -> None:
    turn_on(client, team, unresolved={"enabled": True, "minutes": 5})
    session = open_session(team)
    sid = session["session_id"]
    assert client.post(f"/api/sessions/{sid}/close", headers=team["maria"]).status_code == 200
    assert timer_of(session) is None

    other = team["sessions"]["ana"]
    stream.on_change("INSERT", {}, other)
    turn_on(client, team, unresolved={"enabled": False})
    clock.set_now_for_tests(other["opened_at"] + 6 * MINUTE)
    counts = jobs.run_due_unresolved()
    assert (counts["unresolved_due"], counts["unresolved_dropped"]) == (1, 1)
    assert trigger_store.get_state(other["session_id"]) is None


# -- escalating on its own --------------------------------------------------------------------
def test_a_trigger_escalates_on_its_own_to_its_group(
    client: TestClient, team: dict[str, Any], tap: StreamTap, telegram: Any
) -> None:
    group = client.post(
        f"/api/projects/{team['p1']}/groups",
        json={"name": "L2 support", "agent_ids": [team["ids"]["ana"]]},
        headers=team["boss"],
    ).json()
    turn_on(
        client,
        team,
        keyword={"enabled": True, "escalate": {"group_id": group["group_id"], "level": "l2"}},
    )
    session = team["sessions"]["maria"]
    tap.records()
    write(session, "I will ask my bank for a chargeback")
    assert assign(tap.records()) == {"batchItemFailures": []}

    sid = session["session_id"]
    ticket = client.get(f"/api/sessions/{sid}/ticket", headers=team["boss"])
    assert ticket.status_code == 200, ticket.text
    body = ticket.json()
    assert (body["level"], body["assignee_id"]) == ("l2", team["ids"]["ana"])
    [hop] = body["hops"]
    assert hop["by"] == "system"
    assert hop["reason"] == 'Trigger: the user wrote "chargeback"'
    assert any(f"#{body['number']}" in c.params["text"] for c in telegram.calls_of("sendMessage"))
    [made] = suggestions(client, team, who="ana")
    assert made["trigger"] == "keyword"
