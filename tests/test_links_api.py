"""The links API: creating, listing, editing and deleting a project's tracked links, their
clicks for the export, and the project's click settings; who may do what."""

from __future__ import annotations

from typing import Any

import pytest
from api_helpers import (
    agent_login,
    create_agent,
    create_project,
    login,
    scan_items,
)
from conftest import lambda_context
from fastapi.testclient import TestClient

from infra.local import cfn
from tgdesk.core import clock
from tgdesk.core.errors import Conflict
from tgdesk.links import clicks as click_module
from tgdesk.storage import links as store
from tgdesk.storage.records.audit_entry import entry as audit_entry

NOW = clock.now_ms()  # the logins' clock, within their lifetime


@pytest.fixture
def team(client: TestClient) -> dict[str, Any]:
    """A project with supervisor sue and agent maria as members; outsider supervisor olga."""
    admin = login(client)
    project = create_project(client, admin)
    pid = project["project_id"]
    people: dict[str, Any] = {"admin": admin, "project_id": pid, "project": project}
    for name, role in (("sue", "supervisor"), ("maria", "agent"), ("olga", "supervisor")):
        agent = create_agent(client, admin, name, role)
        if name != "olga":
            client.post(
                f"/api/projects/{pid}/members", json={"agent_id": agent["agent_id"]}, headers=admin
            )
        people[f"{name}_id"] = agent["agent_id"]
        people[name] = agent_login(client, name)
    return people


def new_link(client: TestClient, team: dict[str, Any], **fields: Any) -> Any:
    body = {"project_id": team["project_id"], "name": "Spring promo", **fields}
    return client.post("/api/links", json=body, headers=team["sue"])


def click(code: str, query: str = "", user_agent: str = "Mozilla/5.0 (iPhone) Safari/604.1") -> Any:
    click_module.forget_cached_links()
    event = {
        "version": "2.0",
        "rawPath": f"/l/{code}",
        "rawQueryString": query,
        "headers": {"user-agent": user_agent},
        "requestContext": {"http": {"method": "GET", "sourceIp": "203.0.113.7"}},
        "pathParameters": {"code": code},
    }
    return cfn.load_handler("RedirectFunction")(event, lambda_context())


def test_a_supervisor_creates_a_link_with_its_short_url(
    client: TestClient, team: dict[str, Any]
) -> None:
    made = new_link(client, team, code="spring-24", channel="google-ads", utm={"utm_source": "g"})

    assert made.status_code == 201, made.text
    body = made.json()
    assert body["code"] == "spring-24" and body["channel"] == "google-ads"
    assert body["short_url"].endswith("/l/spring-24")
    assert body["enabled"] is True and body["utm"] == {"utm_source": "g"}
    assert "click_settings" not in body and "visitor_salt" not in made.text
    audit = [i for i in scan_items() if i.get("action") == "link.create"]
    assert len(audit) == 1 and audit[0]["target_id"] == "spring-24"


def test_a_generated_code_and_a_taken_code(client: TestClient, team: dict[str, Any]) -> None:
    generated = new_link(client, team).json()["code"]
    assert click_module.CODE.fullmatch(generated)

    again = new_link(client, team, code=generated)
    assert again.status_code == 409 and again.json()["code"] == "link_code_taken"


@pytest.mark.parametrize("code", ["ab", "x" * 33, "has space", "semi;colon", "ünï"])
def test_a_malformed_code_is_refused(client: TestClient, team: dict[str, Any], code: str) -> None:
    assert new_link(client, team, code=code).status_code == 422


def test_the_short_url_follows_the_configured_base(
    client: TestClient, team: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TGDESK_LINKS_BASE_URL", "https://go.example.com/l/")
    assert new_link(client, team, code="based").json()["short_url"] == (
        "https://go.example.com/l/based"
    )


def test_list_edit_and_delete(client: TestClient, team: dict[str, Any]) -> None:
    pid = team["project_id"]
    new_link(client, team, code="first")
    new_link(client, team, code="second", note="for X")

    listed = client.get(f"/api/links?project_id={pid}", headers=team["sue"]).json()["items"]
    assert [x["code"] for x in listed] == ["second", "first"]

    changed = client.patch(
        "/api/links/second", json={"enabled": False, "note": None}, headers=team["sue"]
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["enabled"] is False and changed.json()["note"] is None
    assert click("second")["statusCode"] == 404

    assert client.delete("/api/links/first", headers=team["sue"]).status_code == 204
    assert client.get("/api/links/first", headers=team["sue"]).status_code == 404
    assert click("first")["statusCode"] == 404
    listed = client.get(f"/api/links?project_id={pid}", headers=team["sue"]).json()["items"]
    assert [x["code"] for x in listed] == ["second"]
    # the code of a deleted link is never given again
    assert new_link(client, team, code="first").status_code == 409
    actions = sorted(i["action"] for i in scan_items() if str(i.get("action")).startswith("link."))
    assert actions == ["link.create", "link.create", "link.delete", "link.update"]


def test_routing_targets_are_the_projects_own(client: TestClient, team: dict[str, Any]) -> None:
    pid = team["project_id"]
    group = client.post(
        f"/api/projects/{pid}/groups",
        json={"name": "Chinese", "agent_ids": [team["maria_id"]]},
        headers=team["sue"],
    ).json()

    to_group = new_link(client, team, code="zh-link", target_group_id=group["group_id"])
    assert to_group.status_code == 201 and to_group.json()["target_group_id"] == group["group_id"]
    assert new_link(client, team, target_group_id="nope").status_code == 422
    assert new_link(client, team, target_agent_ids=[team["olga_id"]]).status_code == 422
    both = new_link(
        client, team, target_group_id=group["group_id"], target_agent_ids=[team["maria_id"]]
    )
    assert both.status_code == 422

    to_agents = client.patch(
        "/api/links/zh-link", json={"target_agent_ids": [team["maria_id"]]}, headers=team["sue"]
    ).json()
    assert to_agents["target_agent_ids"] == [team["maria_id"]]
    assert to_agents["target_group_id"] is None


def test_an_edit_from_a_stale_read_is_refused(client: TestClient, team: dict[str, Any]) -> None:
    new_link(client, team, code="racy")
    read = store.get_link("racy")
    assert read is not None
    client.patch("/api/links/racy", json={"name": "Renamed"}, headers=team["sue"])

    entry = audit_entry("link.update", actor_id=team["sue_id"], project_id=team["project_id"])
    with pytest.raises(Conflict) as refused:
        store.update_link(
            "racy", {"name": "Other"}, [], seen_updated_at=read["updated_at"], audit_entry=entry
        )
    assert refused.value.code == "link_changed"
    assert client.get("/api/links/racy", headers=team["sue"]).json()["name"] == "Renamed"


def test_only_the_projects_admins_and_supervisors_see_links(
    client: TestClient, team: dict[str, Any]
) -> None:
    pid = team["project_id"]
    new_link(client, team, code="hidden")
    for outsider in ("maria", "olga"):  # a member agent, a supervisor of no such project
        headers = team[outsider]
        assert client.get("/api/links/hidden", headers=headers).status_code == 404
        assert client.get(f"/api/links?project_id={pid}", headers=headers).status_code == 404
        assert (
            client.patch("/api/links/hidden", json={"name": "x"}, headers=headers).status_code
            == 404
        )
        assert client.delete("/api/links/hidden", headers=headers).status_code == 404
        assert client.get("/api/links/hidden/clicks", headers=headers).status_code == 404
        made = client.post("/api/links", json={"project_id": pid, "name": "x"}, headers=headers)
        assert made.status_code == 404
        assert client.get(f"/api/projects/{pid}/link-settings", headers=headers).status_code == 404
    assert client.get("/api/links/hidden", headers=team["admin"]).status_code == 200
    nowhere = client.post(
        "/api/links", json={"project_id": "nope", "name": "x"}, headers=team["admin"]
    )
    assert nowhere.status_code == 404


def test_clicks_newest_first_in_pages(client: TestClient, team: dict[str, Any]) -> None:
    new_link(client, team, code="paged")
    for n in range(7):
        clock.set_now_for_tests(NOW + n * 1000)
        assert click("paged", f"utm_source=s{n}")["statusCode"] == 302

    seen: list[str] = []
    cursor = None
    while True:
        url = "/api/links/paged/clicks?limit=3" + (f"&cursor={cursor}" if cursor else "")
        page = client.get(url, headers=team["sue"]).json()
        assert "items" in page, page
        seen += [c["utm"]["utm_source"] for c in page["items"]]
        assert all("payload" not in c for c in page["items"])
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == [f"s{n}" for n in reversed(range(7))]
    assert client.get("/api/links/paged/clicks?cursor=junk", headers=team["sue"]).status_code == 422


def test_click_settings_default_and_change(client: TestClient, team: dict[str, Any]) -> None:
    pid = team["project_id"]
    new_link(client, team, code="privy")
    url = f"/api/projects/{pid}/link-settings"

    assert client.get(url, headers=team["sue"]).json() == {
        "address_mode": "hashed",
        "retention_days": 90,
    }
    changed = client.put(
        url, json={"address_mode": "truncated", "retention_days": 30}, headers=team["sue"]
    )
    assert changed.status_code == 200 and changed.json()["address_mode"] == "truncated"
    assert client.put(url, json={"address_mode": "exact"}, headers=team["sue"]).status_code == 422

    clock.set_now_for_tests(NOW)
    click("privy")
    stored = [i for i in scan_items() if i.get("kind") == "click"][0]
    assert stored["address"] == "203.0.113.0/24" and stored["address_mode"] == "truncated"
    assert stored["ttl"] == NOW // 1000 + 30 * 86_400
    assert any(i.get("action") == "links.settings" for i in scan_items())


def test_fields_are_validated(client: TestClient, team: dict[str, Any]) -> None:
    assert new_link(client, team, language="zh-CN").json()["language"] == "zh-CN"
    for bad in (
        {"language": "not a tag"},
        {"utm": {"utm_source": "x" * 201}},
        {"utm": {"gclid": "x"}},
        {"name": ""},
        {"name": "x" * 81},
        {"note": "x" * 1001},
        {"enabled": "maybe"},
    ):
        assert new_link(client, team, **bad).status_code == 422, bad


def test_a_deleted_link_cannot_be_edited_or_listed(
    client: TestClient, team: dict[str, Any]
) -> None:
    new_link(client, team, code="bygone")
    click("bygone")
    client.delete("/api/links/bygone", headers=team["sue"])

    assert (
        client.patch("/api/links/bygone", json={"name": "x"}, headers=team["sue"]).status_code
        == 404
    )
    assert client.delete("/api/links/bygone", headers=team["sue"]).status_code == 404
    assert client.get("/api/links/bygone/clicks", headers=team["sue"]).status_code == 404
