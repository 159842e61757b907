"""Project settings, members' permissions and agent groups, through the API."""

from __future__ import annotations

from typing import Any

import collab_helpers
from fastapi.testclient import TestClient

from tgdesk.accounts import access
from tgdesk.storage import accounts, projects
from tgdesk.team import groups as team_groups
from tgdesk.team import settings as team_settings

# The two-project team (collab_helpers): admin; p1 maria, ana, boss; p2 li, chief.
team = collab_helpers.team


def audit_of(client: TestClient, admin: dict[str, str], action: str) -> list[dict[str, Any]]:
    response = client.get("/api/audit", params={"action": action}, headers=admin)
    assert response.status_code == 200, response.text
    return response.json()["items"]


# -- settings ---------------------------------------------------------------------------
def test_settings_show_their_defaults(client: TestClient, team: dict[str, Any]) -> None:
    project = client.get(f"/api/projects/{team['p1']}", headers=team["maria"]).json()
    assert project["routing"] == {
        "mode": "round_robin",
        "return_after_minutes": None,
        "sticky_returning_users": True,
        "max_returns": 3,
    }
    assert project["agent_scope"] == "all"
    assert (project["auto_close_after_hours"], project["reopen_within_days"]) == (24, 7)
    assert (
        team_settings.project_settings(projects.get_project(team["p1"]) or {})["routing"]
        == (project["routing"])
    )


def test_a_supervisor_changes_settings_with_an_audit_entry(
    client: TestClient, team: dict[str, Any]
) -> None:
    p1, ids = team["p1"], team["ids"]
    response = client.patch(
        f"/api/projects/{p1}",
        json={
            "name": "Support EU",
            "routing": {"mode": "online_first", "return_after_minutes": 30},
            "agent_scope": [ids["maria"], ids["maria"], ids["ana"]],
            "auto_close_after_hours": 48,
            "reopen_within_days": 0,
        },
        headers=team["boss"],
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["name"] == "Support EU"
    assert body["routing"] == {
        "mode": "online_first",
        "return_after_minutes": 30,
        "sticky_returning_users": True,
        "max_returns": 3,
    }
    assert body["agent_scope"] == [ids["maria"], ids["ana"]]
    assert (body["auto_close_after_hours"], body["reopen_within_days"]) == (48, 0)
    assert (projects.get_project(p1) or {})["agent_scope"] == [ids["maria"], ids["ana"]]

    [entry] = audit_of(client, team["admin"], "project.settings")
    assert entry["actor_id"] == ids["boss"] and entry["project_id"] == p1
    assert entry["before"]["routing"]["mode"] == "round_robin"
    assert entry["after"]["routing"]["mode"] == "online_first"
    assert entry["before"]["name"] == "Support" and entry["after"]["name"] == "Support EU"

    # Turning the return timer off again removes it; a partial routing keeps the rest.
    again = client.patch(
        f"/api/projects/{p1}",
        json={"routing": {"return_after_minutes": None}},
        headers=team["boss"],
    ).json()
    assert again["routing"]["mode"] == "online_first"
    assert again["routing"]["return_after_minutes"] is None
    assert "return_after_minutes" not in (projects.get_project(p1) or {})["routing"]


def test_settings_are_validated(client: TestClient, team: dict[str, Any]) -> None:
    url = f"/api/projects/{team['p1']}"
    cases = [
        ({"routing": {"mode": "random"}}, "routing.mode"),
        ({"agent_scope": [team["ids"]["li"]]}, "agent_scope"),  # not a member of p1
        ({"agent_scope": []}, "agent_scope"),
        ({"auto_close_after_hours": 0}, "auto_close_after_hours"),
        ({"reopen_within_days": 400}, "reopen_within_days"),
        ({"colour": "red"}, "colour"),
    ]
    for body, field in cases:
        response = client.patch(url, json=body, headers=team["boss"])
        assert response.status_code == 422, (body, response.text)
        assert response.json()["field"] == field
    assert audit_of(client, team["admin"], "project.settings") == []


def test_only_supervisors_of_the_project_change_settings(
    client: TestClient, team: dict[str, Any]
) -> None:
    url = f"/api/projects/{team['p1']}"
    agent = client.patch(url, json={"name": "Mine"}, headers=team["maria"])
    assert agent.status_code == 403 and agent.json()["code"] == "supervisor_only"
    other = client.patch(url, json={"name": "Mine"}, headers=team["chief"])
    assert other.status_code == 404 and other.json()["code"] == "project_not_found"
    assert client.patch(url, json={"name": "Ours"}, headers=team["admin"]).status_code == 200


def test_project_agents_list_is_for_members(client: TestClient, team: dict[str, Any]) -> None:
    url = f"/api/projects/{team['p1']}/agents"
    listed = client.get(url, headers=team["maria"])
    assert listed.status_code == 200
    assert {a["username"] for a in listed.json()["items"]} == {"admin", "maria", "ana", "boss"}
    assert set(listed.json()["items"][0]) == {
        "agent_id",
        "username",
        "display_name",
        "role",
        "disabled",
        "presence",
        "open_sessions",
        "max_open_sessions",
    }
    assert client.get(url, headers=team["li"]).status_code == 404


# -- permissions ------------------------------------------------------------------------
def test_a_supervisor_narrows_a_members_permissions(
    client: TestClient, team: dict[str, Any]
) -> None:
    p1, maria = team["p1"], team["ids"]["maria"]
    url = f"/api/projects/{p1}/members/{maria}"
    narrowed = client.put(url, json={"permissions": ["transfer", "reply"]}, headers=team["boss"])
    assert narrowed.status_code == 200, narrowed.text
    assert narrowed.json()["permissions"] == ["reply", "transfer"]
    members = client.get(f"/api/projects/{p1}/members", headers=team["boss"]).json()["items"]
    assert next(m for m in members if m["agent_id"] == maria)["permissions"] == [
        "reply",
        "transfer",
    ]
    scope = access.Scope(accounts.get_agent(maria) or {})
    assert scope.has_permission(p1, "reply") and not scope.has_permission(p1, "export")

    restored = client.put(url, json={"permissions": None}, headers=team["boss"])
    assert restored.json()["permissions"] is None
    assert access.Scope(accounts.get_agent(maria) or {}).has_permission(p1, "export")

    entries = audit_of(client, team["admin"], "member.permissions")
    assert [e["after"].get("permissions") for e in entries] == [None, ["reply", "transfer"]]
    assert entries[0]["before"]["permissions"] == ["reply", "transfer"]


def test_permissions_are_checked(client: TestClient, team: dict[str, Any]) -> None:
    p1, ids = team["p1"], team["ids"]
    url = f"/api/projects/{p1}/members/{ids['maria']}"
    bad = client.put(url, json={"permissions": ["fly"]}, headers=team["boss"])
    assert bad.status_code == 422 and bad.json()["field"] == "permissions.0"
    by_agent = client.put(url, json={"permissions": []}, headers=team["ana"])
    assert by_agent.status_code == 403
    by_other_project = client.put(url, json={"permissions": []}, headers=team["chief"])
    assert by_other_project.status_code == 404
    stranger = client.put(
        f"/api/projects/{p1}/members/{ids['li']}", json={"permissions": []}, headers=team["boss"]
    )
    assert stranger.status_code == 404 and stranger.json()["code"] == "member_not_found"


# -- groups -----------------------------------------------------------------------------
def test_groups_crud(client: TestClient, team: dict[str, Any]) -> None:
    p1, ids = team["p1"], team["ids"]
    base = f"/api/projects/{p1}/groups"
    created = client.post(
        base, json={"name": "L2 support", "agent_ids": [ids["maria"]]}, headers=team["boss"]
    )
    assert created.status_code == 201, created.text
    group = created.json()
    gid = group["group_id"]
    assert group["agent_ids"] == [ids["maria"]] and group["created_by"] == ids["boss"]

    listed = client.get(base, headers=team["ana"]).json()["items"]
    assert [g["name"] for g in listed] == ["L2 support"]
    changed = client.patch(
        f"{base}/{gid}",
        json={"name": "L2", "agent_ids": [ids["ana"], ids["maria"]]},
        headers=team["boss"],
    )
    assert changed.status_code == 200 and changed.json()["name"] == "L2"
    shown = client.get(f"{base}/{gid}", headers=team["maria"]).json()
    assert shown["agent_ids"] == [ids["ana"], ids["maria"]]

    assert client.delete(f"{base}/{gid}", headers=team["boss"]).status_code == 204
    gone = client.get(f"{base}/{gid}", headers=team["boss"])
    assert gone.status_code == 404 and gone.json()["code"] == "group_not_found"
    actions = [e["action"] for e in client.get("/api/audit", headers=team["admin"]).json()["items"]]
    assert {"group.create", "group.update", "group.delete"} <= set(actions)


def test_groups_hold_members_only_and_supervisors_manage_them(
    client: TestClient, team: dict[str, Any]
) -> None:
    base = f"/api/projects/{team['p1']}/groups"
    stranger = client.post(
        base, json={"name": "Mixed", "agent_ids": [team["ids"]["li"]]}, headers=team["boss"]
    )
    assert stranger.status_code == 422 and stranger.json()["code"] == "not_a_member"
    by_agent = client.post(base, json={"name": "Mine"}, headers=team["maria"])
    assert by_agent.status_code == 403
    by_other = client.post(base, json={"name": "Theirs"}, headers=team["chief"])
    assert by_other.status_code == 404
    assert client.get(base, headers=team["li"]).status_code == 404


def test_a_stale_group_edit_is_refused(client: TestClient, team: dict[str, Any]) -> None:
    p1, boss = team["p1"], access.Scope(accounts.get_agent(team["ids"]["boss"]) or {})
    group = team_groups.create_group(boss, p1, "Finance", [])
    team_groups.update_group(boss, p1, group["group_id"], name="Billing")
    from tgdesk.core.errors import Conflict
    from tgdesk.storage import groups

    try:
        groups.update_group(
            p1,
            group["group_id"],
            {"name": "Late", "updated_at": group["updated_at"] + 5},
            seen_updated_at=group["updated_at"],
            audit_entry={"entry_id": "x", "at": 1, "action": "group.update", "actor_id": "t"},
        )
        raise AssertionError("the stale write must lose")
    except Conflict as lost:
        assert lost.code == "group_changed"
    assert team_groups.get_group(boss, p1, group["group_id"])["name"] == "Billing"
