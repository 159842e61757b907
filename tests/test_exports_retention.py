"""Retention (tgdesk.exports.retention, tgdesk.storage.retention): with a project's
`retention_days`, a new message and its session get their `ttl` where they are written (no
request added), and changing the setting rewrites `ttl` on what is stored through the
scheduler's `exports` job, in bounded runs. Audit entries and counters keep no `ttl`."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from api_helpers import put_inbound_message, put_session, scan_items, scheduler_handler
from collab_helpers import audit_entries, team  # noqa: F401
from conftest import lambda_context
from fastapi.testclient import TestClient
from ingest_support import PROJECT_ID, USER_ID, create_project, send

from tgdesk.core import clock
from tgdesk.exports import retention
from tgdesk.storage import retention as stored
from tgdesk.storage import table
from tgdesk.storage.records import audit_entry

DAY_S = 24 * 3600
NOW = 1_780_000_000_000


@pytest.fixture
def requests(aws: Any) -> Iterator[list[str]]:
    """Names of the DynamoDB operations sent from here on."""
    seen: list[str] = []

    def record(model: Any, **_: Any) -> None:
        seen.append(model.name)

    events = table.client().meta.events
    events.register("before-call.dynamodb", record)
    yield seen
    events.unregister("before-call.dynamodb", record)


def items_of(kind: str, project_id: str | None = None) -> list[dict[str, Any]]:
    return [
        i
        for i in scan_items()
        if i.get("kind") == kind and (project_id is None or i.get("project_id") == project_id)
    ]


def keep_for(project_id: str, days: int | None) -> None:
    entry = audit_entry.entry("project.retention", actor_id="test", project_id=project_id)
    stored.set_project_days(project_id, days, entry=entry)


def test_a_users_message_and_its_session_expire_after_the_projects_retention(
    requests: list[str],
) -> None:
    create_project()
    keep_for(PROJECT_ID, 40)
    clock.set_now_for_tests(NOW)
    status, _ = send("text_entities")
    assert status == 200
    (message,) = items_of("message")
    (session,) = items_of("session")
    assert message["ttl"] == NOW // 1000 + 40 * DAY_S
    assert (session["ttl"], session["retention_days"]) == (NOW // 1000 + 40 * DAY_S, 40)
    # a second message moves the session's expiry on, reading and writing what it did before
    requests.clear()
    clock.set_now_for_tests(NOW + 5000)
    update = {"update_id": 900001, "message": {"message_id": 77, "date": NOW // 1000 + 5}}
    update["message"] |= {
        "from": {"id": USER_ID, "is_bot": False, "first_name": "Ann"},
        "chat": {"id": USER_ID, "type": "private", "first_name": "Ann"},
        "text": "again",
    }
    assert send(update)[0] == 200
    assert requests == ["GetItem", "TransactWriteItems"]  # the project item was cached
    (session,) = items_of("session")
    assert session["ttl"] == (NOW + 5000) // 1000 + 40 * DAY_S


def test_without_retention_nothing_expires(aws: Any) -> None:
    create_project()
    send("text_entities")
    assert all("ttl" not in i for i in items_of("message") + items_of("session"))


def test_a_reply_expires_with_its_session_at_no_extra_request(
    client: TestClient,
    team: dict[str, Any],  # noqa: F811
    requests: list[str],
) -> None:
    session = team["sessions"]["maria"]
    assert stored.apply_to_session(session, 45)
    url = f"/api/sessions/{session['session_id']}/messages"
    client.post(url, json={"text": "warm-up", "client_message_id": "w1"}, headers=team["maria"])
    requests.clear()
    clock.set_now_for_tests(NOW)
    sent = client.post(
        url, json={"text": "Hello", "client_message_id": "c1"}, headers=team["maria"]
    )
    assert sent.status_code == 201, sent.text
    assert len(requests) <= 5, requests  # tests/test_reply_requests.py: five
    reply = next(m for m in items_of("message") if m.get("text") == "Hello")
    assert reply["ttl"] == NOW // 1000 + 45 * DAY_S
    (stored_session,) = [s for s in items_of("session") if s["session_id"] == session["session_id"]]
    assert stored_session["ttl"] == NOW // 1000 + 45 * DAY_S


def run_until_done(monkeypatch: pytest.MonkeyPatch) -> int:
    """Runs of the `exports` job, once the backfill's start has come, until none is due."""
    monkeypatch.setattr(retention, "READS_PER_RUN", 2)
    clock.set_now_for_tests(clock.now_ms() + retention.BACKFILL_DELAY_MS)
    runs = 0
    while True:
        counts = scheduler_handler()({"job": "exports"}, lambda_context())
        if counts["exports_due"] == 0:
            return runs
        runs += 1
        assert runs < 100


def test_changing_the_setting_backfills_what_is_stored(
    client: TestClient,
    team: dict[str, Any],  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    p1, admin = team["p1"], team["admin"]
    for session in team["sessions"].values():
        for n in range(3):
            put_inbound_message(session, f"m{n}", at=session["opened_at"] + n + 1)
    changed = client.put(
        f"/api/projects/{p1}/retention", json={"retention_days": 60}, headers=admin
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["retention_days"] == 60
    assert changed.json()["backfill"]["state"] == "running"
    # not before every container's cached project item has the new setting
    assert scheduler_handler()({"job": "exports"}, lambda_context())["exports_due"] == 0
    assert run_until_done(monkeypatch) > 1  # bounded runs
    for item in items_of("session", p1):
        assert item["retention_days"] == 60
        assert item["ttl"] == item["last_activity_at"] // 1000 + 60 * DAY_S
    for item in items_of("message", p1):
        assert item["ttl"] == item["created_at"] // 1000 + 60 * DAY_S
    others = items_of("session", team["p2"]) + items_of("message", team["p2"])
    assert others and all("ttl" not in i for i in others)
    assert all("ttl" not in i for i in items_of("audit"))  # the audit log stays
    after = client.get(f"/api/projects/{p1}/retention", headers=admin).json()
    assert after["backfill"] is None
    # turned off: the ttl comes off again
    client.put(f"/api/projects/{p1}/retention", json={"retention_days": None}, headers=admin)
    run_until_done(monkeypatch)
    assert all("ttl" not in i for i in items_of("session", p1) + items_of("message", p1))
    entries = audit_entries(client, admin, "project.retention")
    assert [(e["after"] or {}).get("retention_days") for e in entries] == [None, 60]


def test_a_newer_setting_ends_the_backfill_still_running(
    client: TestClient,
    team: dict[str, Any],  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    p1, admin = team["p1"], team["admin"]
    client.put(f"/api/projects/{p1}/retention", json={"retention_days": 60}, headers=admin)
    client.put(f"/api/projects/{p1}/retention", json={"retention_days": 90}, headers=admin)
    run_until_done(monkeypatch)
    assert {s["retention_days"] for s in items_of("session", p1)} == {90}


def test_the_setting_is_bounded_and_for_administrators(
    client: TestClient,
    team: dict[str, Any],  # noqa: F811
) -> None:
    p1 = team["p1"]
    url = f"/api/projects/{p1}/retention"
    least = client.get(url, headers=team["admin"]).json()["least_days"]
    assert least == max(retention.MIN_DAYS, 7 + 1 + 1)  # reopen window and auto-close, by default
    short = client.put(url, json={"retention_days": least - 1}, headers=team["admin"])
    assert short.status_code == 422
    assert short.json()["code"] == "invalid_retention"
    for who in ("boss", "maria"):
        refused = client.put(url, json={"retention_days": 60}, headers=team[who])
        assert refused.status_code == 403
    put_session(p1, 5555)
    assert all("ttl" not in s for s in items_of("session", p1))
