"""Risk groups through the API: administrators manage them (entries pasted in bulk, CSV
import and export, a size limit), supervisors read those of their projects, every change is
audited and moves the version that a process's cached matcher is keyed on; and the trigger
log with its filters and CSV export.

The team (collab_helpers): admin; p1 maria, ana (agents), boss (supervisor); p2 li, chief.
"""

from __future__ import annotations

import csv
import io
from typing import Any

import collab_helpers
import pytest
from fastapi.testclient import TestClient
from risk_support import TRC20, create_group, keywords, triggers

from tgdesk.audit import entries as audit
from tgdesk.core.errors import Conflict
from tgdesk.risk import groups as risk_groups
from tgdesk.storage import risk as risk_store

team = collab_helpers.team


def test_an_admin_creates_reads_and_lists_a_group(client: TestClient, team: dict[str, Any]) -> None:
    before = risk_store.current_version()
    made = create_group(
        client,
        team["admin"],
        name="  Wallet   address monitoring ",
        action="block",
        project_ids=[team["p1"]],
        allowed=[TRC20, f" {TRC20} "],
        entries=[*keywords("T9yD", "t9yd"), {"value": "trc20", "kind": "trc20"}],
    )
    assert made["name"] == "Wallet address monitoring"
    assert made["allowed"] == [TRC20]
    assert made["entries"] == [
        {"value": "T9yD", "kind": "keyword"},
        {"value": "trc20", "kind": "trc20"},
    ]
    assert made["entry_count"] == 2
    assert risk_store.current_version() == made["version"] != before

    got = client.get(f"/api/risk/groups/{made['group_id']}", headers=team["admin"])
    assert got.status_code == 200 and got.json() == made
    listed = client.get("/api/risk/groups", headers=team["admin"]).json()["items"]
    assert [g["group_id"] for g in listed] == [made["group_id"]]
    assert "entries" not in listed[0] and listed[0]["entry_count"] == 2

    [entry] = collab_helpers.audit_entries(client, team["admin"], "risk.group.create")
    assert entry["target_id"] == made["group_id"]
    assert entry["after"]["entry_count"] == 2 and "entries" not in entry["after"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"name": "x", "action": "warn"}, "action"),
        ({"name": " ", "action": "block"}, "name"),
        ({"name": "x", "action": "block", "project_ids": ["nope"]}, "project_ids"),
        (
            {"name": "x", "action": "block", "entries": [{"value": "a", "kind": "keyword"}]},
            "entries",
        ),
        (
            {"name": "x", "action": "block", "entries": [{"value": "x", "kind": "eth"}]},
            "entries.0.kind",
        ),
    ],
)
def test_invalid_groups_are_refused(
    client: TestClient, team: dict[str, Any], body: dict[str, Any], field: str
) -> None:
    response = client.post("/api/risk/groups", json=body, headers=team["admin"])
    assert response.status_code == 422, response.text
    assert response.json()["field"] == field
    assert client.get("/api/risk/groups", headers=team["admin"]).json()["items"] == []


def test_bulk_paste_counts_added_duplicates_and_invalid_lines(
    client: TestClient, team: dict[str, Any]
) -> None:
    group = create_group(client, team["admin"], entries=keywords("T9yD"))
    text = "\n".join(
        [
            "scam-coin.example",  # 1 added
            "",  # blank: skipped, still numbered
            "Ｔ９ｙＤ",  # 3 duplicate of T9yD (full-width)
            "detector:trc20",  # 4 added
            "DETECTOR:TRC20",  # 5 duplicate
            "detector:doge",  # 6 invalid: no such detector
            "x",  # 7 invalid: one character
            "y" * 201,  # 8 invalid: too long
            "SCAM-COIN.example  ",  # 9 duplicate (case, spaces)
        ]
    )
    url = f"/api/risk/groups/{group['group_id']}/entries:bulk"
    response = client.post(url, json={"text": text}, headers=team["admin"])
    assert response.status_code == 200, response.text
    assert response.json() == {
        "added": 2,
        "duplicates": 3,
        "invalid": 3,
        "invalid_lines": [6, 7, 8],
    }
    stored = client.get(f"/api/risk/groups/{group['group_id']}", headers=team["admin"]).json()
    assert stored["entries"] == [
        {"value": "T9yD", "kind": "keyword"},
        {"value": "scam-coin.example", "kind": "keyword"},
        {"value": "trc20", "kind": "trc20"},
    ]
    assert stored["version"] != group["version"]

    again = client.post(url, json={"text": "t9yd"}, headers=team["admin"])
    assert again.json()["duplicates"] == 1
    unchanged = client.get(f"/api/risk/groups/{group['group_id']}", headers=team["admin"]).json()
    assert unchanged["version"] == stored["version"]  # nothing added: nothing written


def test_thousands_of_entries_fit_and_an_oversized_group_is_refused(
    client: TestClient, team: dict[str, Any]
) -> None:
    group = create_group(client, team["admin"])
    url = f"/api/risk/groups/{group['group_id']}/entries:bulk"
    five_thousand = "\n".join(f"T{n:05d}fragment" for n in range(5000))
    assert (
        client.post(url, json={"text": five_thousand}, headers=team["admin"]).json()["added"]
        == 5000
    )

    too_much = "\n".join(f"{n:06d}" + "z" * 150 for n in range(2000))
    response = client.post(url, json={"text": too_much}, headers=team["admin"])
    assert response.status_code == 422
    assert response.json()["code"] == "group_too_large"
    stored = client.get(f"/api/risk/groups/{group['group_id']}", headers=team["admin"]).json()
    assert stored["entry_count"] == 5000


def test_entries_round_trip_through_csv(client: TestClient, team: dict[str, Any]) -> None:
    group = create_group(
        client,
        team["admin"],
        entries=[*keywords("T9yD", 'say "hi", then'), {"value": "btc", "kind": "btc"}],
    )
    url = f"/api/risk/groups/{group['group_id']}/entries.csv"
    exported = client.get(url, headers=team["admin"])
    assert exported.status_code == 200
    assert exported.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(exported.text)))
    assert rows == [
        ["value", "kind"],
        ["T9yD", "keyword"],
        ['say "hi", then', "keyword"],
        ["btc", "btc"],
    ]

    upload = "\ufeffvalue,kind\r\nnew-one,\r\nNEW-ONE,keyword\r\n,erc20\r\nq,keyword\r\n"
    response = client.put(
        url, content=upload.encode(), headers={**team["admin"], "content-type": "text/csv"}
    )
    assert response.status_code == 200, response.text
    assert response.json() == {"added": 2, "duplicates": 1, "invalid": 1, "invalid_lines": [5]}
    after = client.get(url, headers=team["admin"]).text
    assert list(csv.reader(io.StringIO(after))) == [
        ["value", "kind"],
        ["new-one", "keyword"],
        ["erc20", "erc20"],
    ]

    bad = client.put(
        url, content=b"entry\r\nx\r\n", headers={**team["admin"], "content-type": "text/csv"}
    )
    assert bad.status_code == 422 and bad.json()["code"] == "invalid_csv"


def test_patch_changes_only_what_is_sent_and_delete_removes(
    client: TestClient, team: dict[str, Any]
) -> None:
    group = create_group(client, team["admin"], project_ids=[team["p1"]], entries=keywords("abc"))
    url = f"/api/risk/groups/{group['group_id']}"
    renamed = client.patch(url, json={"name": "Competitors"}, headers=team["admin"]).json()
    assert (renamed["name"], renamed["project_ids"], renamed["entry_count"]) == (
        "Competitors",
        [team["p1"]],
        1,
    )
    everywhere = client.patch(url, json={"project_ids": None}, headers=team["admin"]).json()
    assert everywhere["project_ids"] is None and everywhere["name"] == "Competitors"
    same = client.patch(url, json={"name": "Competitors"}, headers=team["admin"]).json()
    assert same["version"] == everywhere["version"]  # nothing changed: nothing written

    version = risk_store.current_version()
    assert client.delete(url, headers=team["admin"]).status_code == 204
    assert client.get(url, headers=team["admin"]).json()["code"] == "risk_group_not_found"
    assert risk_store.current_version() != version
    assert client.delete(url, headers=team["admin"]).status_code == 404


def test_a_stale_write_loses(client: TestClient, team: dict[str, Any]) -> None:
    group = create_group(client, team["admin"])
    client.patch(
        f"/api/risk/groups/{group['group_id']}", json={"name": "Newer"}, headers=team["admin"]
    )
    stale = {**group, "name": "Older", "version": "stale-write"}
    stale.pop("entry_count")
    with pytest.raises(Conflict) as lost:
        risk_store.replace_group(
            stale,
            seen_version=group["version"],
            entry=audit.entry("risk.group.update", actor_id=team["ids"]["boss"]),
        )
    assert lost.value.code == "risk_group_changed"


def test_supervisors_read_the_groups_of_their_projects_only(
    client: TestClient, team: dict[str, Any]
) -> None:
    everywhere = create_group(client, team["admin"], name="Abuse")
    p1_only = create_group(client, team["admin"], name="P1 wallets", project_ids=[team["p1"]])
    p2_only = create_group(client, team["admin"], name="P2 wallets", project_ids=[team["p2"]])

    seen = client.get("/api/risk/groups", headers=team["boss"]).json()["items"]
    assert [g["group_id"] for g in seen] == [everywhere["group_id"], p1_only["group_id"]]
    hidden = client.get(f"/api/risk/groups/{p2_only['group_id']}", headers=team["boss"])
    assert hidden.status_code == 404
    csv_hidden = client.get(
        f"/api/risk/groups/{p2_only['group_id']}/entries.csv", headers=team["boss"]
    )
    assert csv_hidden.status_code == 404

    refused = client.patch(
        f"/api/risk/groups/{p1_only['group_id']}", json={"name": "mine"}, headers=team["boss"]
    )
    assert refused.status_code == 403 and refused.json()["code"] == "admin_only"
    agent = client.get("/api/risk/groups", headers=team["maria"])
    assert agent.status_code == 403 and agent.json()["code"] == "supervisor_only"


def test_the_matcher_follows_every_change(client: TestClient, team: dict[str, Any]) -> None:
    group = create_group(client, team["admin"], project_ids=[team["p1"]], entries=keywords("abcd"))
    assert [m.entry for m in risk_groups.matcher_for(team["p1"]).scan("xx ABCD")] == ["abcd"]
    assert risk_groups.matcher_for(team["p2"]).scan("xx ABCD") == []
    client.patch(
        f"/api/risk/groups/{group['group_id']}",
        json={"entries": keywords("efgh")},
        headers=team["admin"],
    )
    assert risk_groups.matcher_for(team["p1"]).scan("xx ABCD") == []
    assert [m.entry for m in risk_groups.matcher_for(team["p1"]).scan("efgh")] == ["efgh"]


# -- the trigger log ------------------------------------------------------------------------
def _reply(client: TestClient, team: dict[str, Any], who: str, text: str, **extra: Any) -> int:
    session = team["sessions"][who]
    response = client.post(
        f"/api/sessions/{session['session_id']}/messages",
        json={"text": text, **extra},
        headers=team[who],
    )
    return response.status_code


def test_the_trigger_log_filters_and_exports(client: TestClient, team: dict[str, Any]) -> None:
    wallets = create_group(client, team["admin"], name="Wallets", entries=keywords("T9yD"))
    abuse = create_group(
        client, team["admin"], name="Abuse", action="block", entries=keywords("=idiot")
    )
    assert _reply(client, team, "maria", "pay T9yD") == 409
    assert _reply(client, team, "maria", "pay T9yD", confirm_risk=True) == 201
    assert _reply(client, team, "ana", "you =idiot") == 422
    assert _reply(client, team, "li", "T9yD in p2") == 409

    admin, maria_id = team["admin"], team["ids"]["maria"]
    assert len(triggers(client, admin)) == 4
    assert [t["details"]["outcome"] for t in triggers(client, admin, agent_id=maria_id)] == [
        "confirmed_sent",
        "confirmation_required",
    ]
    by_group = triggers(client, admin, group_id=abuse["group_id"])
    assert [t["details"]["outcome"] for t in by_group] == ["blocked"]
    assert len(triggers(client, admin, group_id=wallets["group_id"])) == 3
    assert len(triggers(client, admin, project_id=team["p2"])) == 1
    newest = triggers(client, admin)[0]["at"]
    assert len(triggers(client, admin, since=newest)) >= 1
    assert triggers(client, admin, until=0) == []

    # Supervisors read their projects' triggers only; agents none.
    assert len(triggers(client, team["boss"])) == 3
    assert len(triggers(client, team["chief"])) == 1
    cross = client.get(
        "/api/risk/triggers", params={"project_id": team["p1"]}, headers=team["chief"]
    )
    assert cross.status_code == 404
    agent = client.get("/api/risk/triggers", headers=team["maria"])
    assert agent.status_code == 403

    exported = client.get(
        "/api/risk/triggers.csv", params={"project_id": team["p1"]}, headers=admin
    )
    assert exported.status_code == 200 and exported.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(exported.text)))
    assert [r["outcome"] for r in rows] == ["blocked", "confirmed_sent", "confirmation_required"]
    assert rows[0]["groups"] == "Abuse"
    assert rows[0]["matched"] == "'=idiot"  # a spreadsheet shows it as text, not a formula
    assert rows[1]["agent_id"] == maria_id
