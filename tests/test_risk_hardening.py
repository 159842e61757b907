"""Risk control under hostile input: what a trigger stores and answers stays bounded however
many times a text matches, audit and trigger reads honour their limit, a cancelled send
records only what the server itself finds, and no exported CSV cell starts a formula.

The team (collab_helpers): admin; p1 maria, ana (agents), boss (supervisor); p2 li, chief.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

import collab_helpers
import pytest
from api_helpers import FakeBotApi, scan_items
from fastapi.testclient import TestClient
from risk_support import create_group, keywords, triggers

from tgdesk.audit import entries as audit
from tgdesk.core import clock, csv_safe
from tgdesk.risk import checks as risk_checks
from tgdesk.risk import report as risk_report
from tgdesk.storage import keys, table

team = collab_helpers.team

LONG_NAME = "Wallet and exchange address monitoring of every region, all projects, all hours"
MANY = "zq " * 1365  # 4,095 characters: 1,365 hits of `zq`


def audit_items(action: str = risk_checks.TRIGGER) -> list[dict[str, Any]]:
    return [i for i in scan_items() if i.get("kind") == "audit" and i.get("action") == action]


def item_bytes(item: dict[str, Any]) -> int:
    return len(json.dumps(item, ensure_ascii=False, default=str).encode())


def reply(client: TestClient, team: dict[str, Any], text: str, **extra: Any) -> Any:
    sid = team["sessions"]["maria"]["session_id"]
    return client.post(
        f"/api/sessions/{sid}/messages", json={"text": text, **extra}, headers=team["maria"]
    )


def cancel(client: TestClient, team: dict[str, Any], body: Any, who: str = "maria") -> Any:
    sid = team["sessions"]["maria"]["session_id"]
    return client.post(f"/api/sessions/{sid}/risk-cancel", json=body, headers=team[who])


# -- 1. bounded matches -----------------------------------------------------------------------
@pytest.mark.parametrize(("action", "status"), [("confirm", 409), ("block", 422)])
def test_a_reply_matching_thousands_of_times_answers_and_stores_a_bounded_report(
    client: TestClient,
    team: dict[str, Any],
    telegram: FakeBotApi,
    action: str,
    status: int,
) -> None:
    first = create_group(
        client, team["admin"], name=LONG_NAME, action=action, entries=keywords("zq")
    )
    second = create_group(client, team["admin"], name=LONG_NAME[::-1], entries=keywords("zq"))

    response = reply(client, team, MANY)

    assert response.status_code == status, response.text[:300]
    body = response.json()
    assert body["match_count"] == 2 * 1365
    assert 0 < len(body["matches"]) <= risk_report.MAX_REPORTED_MATCHES
    # Both groups are in the report, however many hits came first.
    assert {m["group_id"] for m in body["matches"]} == {first["group_id"], second["group_id"]}
    assert len(response.content) < 32_000
    [item] = audit_items()
    assert item_bytes(item) < 32_000
    assert item["details"]["match_count"] == 2 * 1365
    assert sorted(item["details"]["group_ids"]) == sorted([first["group_id"], second["group_id"]])
    if action == "confirm":
        sent = reply(client, team, MANY, confirm_risk=True)
        assert sent.status_code == 201, sent.text[:300]
        assert all(item_bytes(i) < 32_000 for i in audit_items())
        assert len(telegram.calls_of("sendMessage")) == 1


def test_a_flagged_user_message_stores_a_bounded_report(
    client: TestClient, team: dict[str, Any]
) -> None:
    from api_helpers import put_inbound_message

    create_group(client, team["admin"], name=LONG_NAME, entries=keywords("zq"))
    create_group(client, team["admin"], name=LONG_NAME[::-1], entries=keywords("zq"))
    session = team["sessions"]["maria"]
    message = put_inbound_message(session, MANY, at=session["opened_at"] + 5)
    image = next(i for i in scan_items() if i.get("message_id") == message["message_id"])

    assert risk_checks.flag_inbound(image) is True

    stored = next(i for i in scan_items() if i.get("message_id") == message["message_id"])
    assert 0 < len(stored["risk"]) <= risk_report.MAX_REPORTED_MATCHES
    [entry] = audit_items()
    assert entry["details"]["match_count"] == 2 * 1365
    assert item_bytes(entry) < 32_000


def test_a_long_matched_text_is_cut_in_the_report() -> None:
    long_match = {
        "group_id": "g",
        "group_name": "G",
        "action": "confirm",
        "entry": "x",
        "kind": "keyword",
        "start": 0,
        "end": 5000,
        "matched": "y" * 5000,
    }
    report = risk_report.report([long_match])
    [kept] = report.matches
    assert len(kept["matched"]) <= risk_report.MATCHED_MAX_LENGTH
    assert kept["matched"].endswith("…")
    assert report.count == 1


def test_a_group_with_a_thousand_allowed_addresses_is_audited_small(
    client: TestClient, team: dict[str, Any]
) -> None:
    allowed = [f"T{i:04d}" + "x" * 123 for i in range(1000)]
    group = create_group(client, team["admin"], allowed=allowed)
    changed = client.patch(
        f"/api/risk/groups/{group['group_id']}",
        json={"allowed": allowed[::-1]},
        headers=team["admin"],
    )
    assert changed.status_code == 200, changed.text[:300]

    [update] = audit_items("risk.group.update")
    assert item_bytes(update) < 32_000
    assert update["before"]["allowed_count"] == update["after"]["allowed_count"] == 1000
    assert update["after"]["allowed"][:1] == [allowed[-1]]


# -- 2. reads honour their limit --------------------------------------------------------------
@pytest.fixture
def scanned() -> Iterator[list[int]]:
    """The number of items DynamoDB evaluated for each Query the code sends."""
    counts: list[int] = []

    def count(parsed: dict[str, Any], **_: Any) -> None:
        counts.append(int(parsed.get("ScannedCount", 0)))

    events = table.client().meta.events
    events.register("after-call.dynamodb.Query", count)
    yield counts
    events.unregister("after-call.dynamodb.Query", count)


def seed_entries(team: dict[str, Any], action: str, count: int) -> None:
    """`count` entries newer than everything the team's set-up wrote."""
    start = clock.now_ms() + 60_000
    for i in range(count):
        clock.set_now_for_tests(start + i)
        audit.record(
            action,
            actor_id=team["ids"]["maria"],
            project_id=team["p1"],
            target_type="session",
            target_id=team["sessions"]["maria"]["session_id"],
            details={"outcome": "blocked", "matches": [], "group_ids": []},
        )
    clock.set_now_for_tests(None)


def test_the_audit_log_reads_no_more_than_its_limit(
    client: TestClient, team: dict[str, Any], scanned: list[int]
) -> None:
    seed_entries(team, "session.transfer", 40)
    scanned.clear()

    response = client.get(
        "/api/audit", params={"limit": 5, "project_id": team["p1"]}, headers=team["admin"]
    )

    assert response.status_code == 200
    assert len(response.json()["items"]) == 5
    # a project's entries are spread over PROJECT_AUDIT_SHARDS partitions, each read at most a page
    assert sum(scanned) <= 6 * keys.PROJECT_AUDIT_SHARDS, scanned
    scanned.clear()
    following = client.get(
        "/api/audit",
        params={"limit": 5, "project_id": team["p1"], "cursor": response.json()["next_cursor"]},
        headers=team["admin"],
    )
    assert len(following.json()["items"]) == 5
    assert sum(scanned) <= 6 * keys.PROJECT_AUDIT_SHARDS, scanned


def test_the_trigger_log_reads_no_more_than_its_limit(
    client: TestClient, team: dict[str, Any], scanned: list[int]
) -> None:
    seed_entries(team, risk_checks.TRIGGER, 40)
    scanned.clear()

    response = client.get("/api/risk/triggers", params={"limit": 5}, headers=team["admin"])

    assert response.status_code == 200
    assert len(response.json()["items"]) == 5
    # the whole log's index is sharded: each shard is read for at most a page
    assert sum(scanned) <= 6 * keys.AUDIT_SHARDS, scanned


def test_an_oversized_trigger_written_earlier_is_read_bounded(
    client: TestClient, team: dict[str, Any]
) -> None:
    match = {
        "group_id": "g1",
        "group_name": "G",
        "action": "confirm",
        "entry": "zq",
        "kind": "keyword",
        "start": 0,
        "end": 4096,
        "matched": "z" * 4096,
    }
    audit.record(
        risk_checks.TRIGGER,
        actor_id=team["ids"]["maria"],
        project_id=team["p1"],
        target_type="session",
        target_id="s1",
        details={"outcome": "cancelled", "matches": [match] * 60, "group_ids": ["g1"]},
    )

    for url in ("/api/audit", "/api/risk/triggers"):
        response = client.get(url, params={"limit": 5}, headers=team["admin"])
        assert response.status_code == 200
        details = response.json()["items"][0]["details"]
        assert len(details["matches"]) <= risk_report.MAX_REPORTED_MATCHES
        assert details["match_count"] == 60
        assert len(response.content) < 32_000, url


# -- 3. a cancelled send records what the server finds ----------------------------------------
def test_a_cancel_records_the_servers_matches_not_the_clients(
    client: TestClient, team: dict[str, Any]
) -> None:
    group = create_group(client, team["admin"], name="Wallets", entries=keywords("T9yD"))
    forged = {
        "group_id": "forged",
        "group_name": "Forged group",
        "action": "block",
        "entry": "planted",
        "kind": "keyword",
        "start": 0,
        "end": 4,
        "matched": "=HYPERLINK(evil)" + "x" * 4080,
    }
    text = "pay T9yD now"

    # What a client once could send: 100 matches of 4,096 characters, of its own making.
    response = cancel(client, team, {"text": text, "matches": [forged] * 100})

    assert response.status_code == 204, response.text
    [entry] = triggers(client, team["admin"])
    details = entry["details"]
    assert details["outcome"] == "cancelled"
    assert details["matches"] == [
        {
            "group_id": group["group_id"],
            "group_name": "Wallets",
            "action": "confirm",
            "entry": "T9yD",
            "kind": "keyword",
            "start": 4,
            "end": 8,
            "matched": "T9yD",
        }
    ]
    assert details["group_ids"] == [group["group_id"]]
    assert details["match_count"] == 1


def test_a_cancel_without_a_match_records_nothing(client: TestClient, team: dict[str, Any]) -> None:
    create_group(client, team["admin"], name="Wallets", entries=keywords("T9yD"))
    forged = {"group_id": "g", "entry": "x", "kind": "keyword", "start": 0, "end": 1}

    clean = cancel(client, team, {"text": "hello there", "matches": [forged]})

    assert clean.status_code == 422, clean.text
    assert clean.json()["code"] == "no_risk_match"
    assert clean.json()["field"] == "text"
    assert audit_items() == []


def test_a_cancel_of_a_blocked_text_records_nothing(
    client: TestClient, team: dict[str, Any]
) -> None:
    create_group(client, team["admin"], name="Frozen", action="block", entries=keywords("T9yD"))

    response = cancel(client, team, {"text": "pay T9yD now"})

    assert response.status_code == 422, response.text
    assert response.json()["code"] == "no_risk_match"
    assert audit_items() == []


def test_a_malformed_cancel_is_refused_with_its_field(
    client: TestClient, team: dict[str, Any]
) -> None:
    no_action = {"group_id": "g1", "entry": "T9yD", "kind": "keyword", "start": 0, "end": 4}

    response = cancel(client, team, {"matches": [no_action]})

    assert response.status_code == 422, response.text
    assert response.json()["field"] == "text"
    assert audit_items() == []


def test_a_cancel_of_a_huge_text_stays_bounded(client: TestClient, team: dict[str, Any]) -> None:
    create_group(client, team["admin"], name=LONG_NAME, entries=keywords("zq"))

    response = cancel(client, team, {"text": MANY})

    assert response.status_code == 204, response.text
    [item] = audit_items()
    assert item["details"]["match_count"] == 1365
    assert item_bytes(item) < 32_000
    outsider = cancel(client, team, {"text": MANY}, who="li")
    assert outsider.status_code == 404


# -- 4. CSV cells never start a formula -------------------------------------------------------
@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("'=1", "''=1"),  # so that reading it back gives the same text
        ("plain", "plain"),
        ("'quoted", "'quoted"),
        (42, "42"),
        (None, ""),
    ],
)
def test_a_csv_cell_is_text_a_spreadsheet_does_not_run(value: Any, cell: str) -> None:
    assert csv_safe.cell(value) == cell
    if isinstance(value, str):
        assert csv_safe.uncell(cell) == value


def test_the_entries_export_escapes_formulas_and_round_trips(
    client: TestClient, team: dict[str, Any]
) -> None:
    values = ["=HYPERLINK(x)", "+cmd", "-2+3", "@SUM(A1)", "'=quoted", "plain"]
    group = create_group(client, team["admin"], entries=keywords(*values))
    url = f"/api/risk/groups/{group['group_id']}/entries.csv"

    exported = client.get(url, headers=team["admin"])

    rows = list(csv.reader(io.StringIO(exported.text)))
    assert [r[0] for r in rows[1:]] == [
        "'=HYPERLINK(x)",
        "'+cmd",
        "'-2+3",
        "'@SUM(A1)",
        "''=quoted",
        "plain",
    ]
    reimported = client.put(
        url,
        content=exported.content,
        headers={**team["admin"], "content-type": "text/csv"},
    )
    assert reimported.status_code == 200, reimported.text
    again = client.get(f"/api/risk/groups/{group['group_id']}", headers=team["admin"])
    assert [e["value"] for e in again.json()["entries"]] == values


def test_the_trigger_log_export_escapes_tabs_and_carriage_returns(
    client: TestClient, team: dict[str, Any]
) -> None:
    match = {
        "group_id": "g1",
        "group_name": "\r=cmd",
        "action": "confirm",
        "entry": "x",
        "kind": "keyword",
        "start": 0,
        "end": 1,
        "matched": "\t=1+1",
    }
    audit.record(
        risk_checks.TRIGGER,
        actor_id=team["ids"]["maria"],
        project_id=team["p1"],
        target_type="session",
        target_id="s1",
        details={"outcome": "cancelled", "matches": [match], "group_ids": ["g1"]},
    )

    exported = client.get("/api/risk/triggers.csv", headers=team["admin"])

    [row] = list(csv.DictReader(io.StringIO(exported.text, newline="")))
    assert row["groups"] == "'\r=cmd"
    assert row["matched"] == "'\t=1+1"
