"""The audit log API: who reads which entries, filters and paging, and that it is read only."""

from __future__ import annotations

import random
from typing import Any

import pytest
from api_helpers import scan_items
from fastapi.testclient import TestClient

from tgdesk.audit import entries as audit
from tgdesk.core import clock
from tgdesk.storage import audit_feed, scroll
from tgdesk.storage import keys as table_keys

pytest_plugins = ["collab_helpers"]

T0 = 1_760_000_000_000


def seed(team: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Entries in both projects and one that concerns no project, one millisecond apart."""
    made: dict[str, list[dict[str, Any]]] = {"p1": [], "p2": [], "none": []}
    plan = [
        ("p1", "session.transfer", "boss"),
        ("p2", "session.transfer", "chief"),
        ("p1", "tag.create", "boss"),
        (None, "agent.create", "admin"),
        ("p1", "session.transfer", "maria"),
        ("p2", "tag.create", "chief"),
        ("p1", "note.create", "maria"),
    ]
    for i, (project, action, actor) in enumerate(plan):
        clock.set_now_for_tests(T0 + i)
        actor_id = team["ids"].get(actor, "admin")
        entry = audit.record(
            action,
            actor_id=actor_id,
            project_id=team[project] if project else None,
            target_type="session",
            target_id=f"s{i}",
            before={"i": i - 1},
            after={"i": i},
        )
        made[project or "none"].append(entry)
    clock.set_now_for_tests(None)
    return made


def listed(
    client: TestClient, headers: dict[str, str], **params: Any
) -> tuple[list[str], dict[str, Any]]:
    bounds = {"since": T0, "until": T0 + 100}
    response = client.get("/api/audit", params={**bounds, **params}, headers=headers)
    assert response.status_code == 200, response.text
    body = response.json()
    return [e["target_id"] for e in body["items"]], body


def test_admins_read_everything_newest_first(client: TestClient, team: dict[str, Any]) -> None:
    seed(team)
    ids, body = listed(client, team["admin"], until=T0 + 6)
    assert ids == ["s6", "s5", "s4", "s3", "s2", "s1", "s0"]
    first = body["items"][0]
    assert first["action"] == "note.create"
    assert (first["before"], first["after"]) == ({"i": 5}, {"i": 6})
    assert first["project_id"] == team["p1"]
    assert first["at"] == T0 + 6

    assert listed(client, team["admin"], project_id=team["p2"])[0] == ["s5", "s1"]
    assert listed(client, team["admin"], action="session.transfer")[0] == ["s4", "s1", "s0"]
    assert listed(client, team["admin"], actor_id=team["ids"]["maria"])[0] == ["s6", "s4"]
    assert listed(client, team["admin"], action="session.transfer", actor_id=team["ids"]["boss"])[
        0
    ] == ["s0"]
    assert listed(client, team["admin"], since=T0 + 2, until=T0 + 4)[0] == ["s4", "s3", "s2"]


def test_supervisors_read_only_the_projects_they_supervise(
    client: TestClient, team: dict[str, Any]
) -> None:
    seed(team)
    assert listed(client, team["boss"])[0] == ["s6", "s4", "s2", "s0"]
    assert listed(client, team["boss"], project_id=team["p1"])[0] == ["s6", "s4", "s2", "s0"]
    assert listed(client, team["chief"])[0] == ["s5", "s1"]
    for who, project in (("boss", "p2"), ("chief", "p1")):
        response = client.get("/api/audit", params={"project_id": team[project]}, headers=team[who])
        assert response.status_code == 404
        assert response.json()["code"] == "project_not_found"


def test_a_supervisor_of_several_projects_pages_through_them_merged(
    client: TestClient, team: dict[str, Any]
) -> None:
    add = client.post(
        f"/api/projects/{team['p2']}/members",
        json={"agent_id": team["ids"]["boss"]},
        headers=team["admin"],
    )
    assert add.status_code == 201
    seed(team)
    pages, cursor = [], None
    while True:
        params = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        ids, body = listed(client, team["boss"], **params)
        pages.append(ids)
        cursor = body["next_cursor"]
        if not cursor:
            break
    assert [i for page in pages for i in page] == ["s6", "s5", "s4", "s2", "s1", "s0"]
    assert all(len(page) <= 2 for page in pages)


@pytest.mark.parametrize("who", ["maria", "li"])
def test_agents_read_no_audit(client: TestClient, team: dict[str, Any], who: str) -> None:
    seed(team)
    for params in ({}, {"project_id": team["p1"]}, {"project_id": team["p2"]}):
        response = client.get("/api/audit", params=params, headers=team[who])
        assert response.status_code == 403
        assert response.json()["code"] == "supervisor_only"


@pytest.mark.parametrize("method", ["PUT", "PATCH", "DELETE", "POST"])
def test_no_route_edits_or_deletes_an_entry(
    client: TestClient, team: dict[str, Any], method: str
) -> None:
    made = seed(team)
    before = sorted((i["PK"], i["SK"], repr(i)) for i in scan_items() if i.get("kind") == "audit")
    entry = made["p1"][0]
    for path in ("/api/audit", f"/api/audit/{entry['entry_id']}", f"/api/audit/{team['p1']}"):
        response = client.request(
            method, path, json={"action": "forged", "after": None}, headers=team["admin"]
        )
        assert response.status_code in (404, 405), (method, path, response.status_code)
        assert response.json()["code"] in ("not_found", "method_not_allowed")
    after = sorted((i["PK"], i["SK"], repr(i)) for i in scan_items() if i.get("kind") == "audit")
    assert after == before


@pytest.mark.parametrize(
    "params",
    [{"cursor": "%%%"}, {"cursor": "U0VTU0lPTiNhYmM"}, {"limit": 0}, {"limit": 201}, {"since": -1}],
)
def test_invalid_parameters_are_refused(
    client: TestClient, team: dict[str, Any], params: dict[str, Any]
) -> None:
    response = client.get("/api/audit", params=params, headers=team["admin"])
    assert response.status_code == 422
    assert response.json()["field"] in ("cursor", "limit", "since")


def test_filtered_keyset_paging_never_skips_or_repeats(aws: Any) -> None:
    """Entries spread over three projects with random actions; every combination of page
    size, Query size and read budget, followed to the end, yields exactly the matches."""
    rng = random.Random(7)
    projects = ["pa", "pb", "pc"]
    everything = []
    for i in range(60):
        clock.set_now_for_tests(T0 + i * 3 + rng.randrange(3))
        everything.append(
            audit.record(
                rng.choice(["x", "y", "y", "y"]), actor_id="a", project_id=rng.choice(projects)
            )
        )
    clock.set_now_for_tests(None)
    expected = [
        e["entry_id"]
        for e in sorted(everything, key=lambda e: (e["at"], e["entry_id"]), reverse=True)
        if e["action"] == "x"
    ]
    partitions = [
        scroll.Partition(shard) for p in projects for shard in table_keys.project_audit_shards(p)
    ]
    for limit, page_size, max_pages in [(1, 1, 1), (3, 2, 1), (5, 4, 2), (50, 100, 5), (2, 7, 3)]:
        seen: list[str] = []
        before = None
        for _ in range(500):
            items, before = scroll.newest(
                partitions,
                low="0",
                high="~",
                limit=limit,
                before=before,
                equals={"action": "x"},
                page_size=page_size,
                max_pages=max_pages,
            )
            assert len(items) <= limit
            seen.extend(i["entry_id"] for i in items)
            if before is None:
                break
        assert seen == expected, (limit, page_size, max_pages)


def test_the_whole_log_pages_in_order_across_its_shards(aws: Any) -> None:
    """Entries of every project land on several GSI1 shards; the view of everything merges
    them: followed to the end at any page size, every entry once, newest first."""
    rng = random.Random(11)
    everything = []
    for i in range(40):
        clock.set_now_for_tests(T0 + i * 2 + rng.randrange(2))
        project = rng.choice(["pa", "pb", None])
        everything.append(audit.record("x", actor_id="a", project_id=project))
    clock.set_now_for_tests(None)
    shards = {table_keys.audit_index(e["entry_id"]) for e in everything}
    assert len(shards) > 1 and shards <= set(table_keys.audit_shards())
    expected = [e["entry_id"] for e in sorted(everything, key=lambda e: (e["at"], e["entry_id"]))][
        ::-1
    ]
    for limit in (1, 3, 7, 40, 100):
        seen: list[str] = []
        cursor = None
        for _ in range(100):
            items, cursor = audit_feed.entries(None, limit=limit, cursor=cursor)
            assert len(items) <= limit
            seen.extend(i["entry_id"] for i in items)
            if cursor is None:
                break
        assert seen == expected, limit


def test_a_projects_log_pages_in_order_across_its_shards(aws: Any) -> None:
    """A project's entries land on several table partitions; its log merges them: followed
    to the end at any page size, every entry of the project once, newest first."""
    rng = random.Random(12)
    everything = []
    for i in range(30):
        clock.set_now_for_tests(T0 + i * 2 + rng.randrange(2))
        everything.append(audit.record("x", actor_id="a", project_id=rng.choice(["pa", "pb"])))
    clock.set_now_for_tests(None)
    ours = [e for e in everything if e["project_id"] == "pa"]
    shards = {table_keys.audit_entry("pa", e["at"], e["entry_id"])[0] for e in ours}
    assert len(shards) > 1 and shards <= set(table_keys.project_audit_shards("pa"))
    expected = [e["entry_id"] for e in sorted(ours, key=lambda e: (e["at"], e["entry_id"]))][::-1]
    for limit in (1, 3, 7, 40):
        seen: list[str] = []
        cursor = None
        for _ in range(100):
            items, cursor = audit_feed.entries(["pa"], limit=limit, cursor=cursor)
            assert len(items) <= limit
            seen.extend(i["entry_id"] for i in items)
            if cursor is None:
                break
        assert seen == expected, limit
