"""The tag catalog of a project, and tags on sessions and Telegram users."""

from __future__ import annotations

from typing import Any

import pytest
from api_helpers import scan_items
from collab_helpers import MARIA_USER, audit_entries, narrow_permissions, put_profile
from fastapi.testclient import TestClient

from tgdesk.audit import entries as audit
from tgdesk.core.errors import Conflict
from tgdesk.storage import conversations, keys
from tgdesk.storage import tags as store

pytest_plugins = ["collab_helpers"]


def tags_url(team: dict[str, Any], project: str = "p1") -> str:
    return f"/api/projects/{team[project]}/tags"


def make_tag(
    client: TestClient, team: dict[str, Any], name: str, colour: str = "#E5484D"
) -> dict[str, Any]:
    response = client.post(
        tags_url(team), json={"name": name, "colour": colour}, headers=team["boss"]
    )
    assert response.status_code == 201, response.text
    return response.json()


def session_tags_url(team: dict[str, Any], owner: str = "maria") -> str:
    return f"/api/sessions/{team['sessions'][owner]['session_id']}/tags"


def test_supervisors_manage_the_catalog_and_members_read_it(
    client: TestClient, team: dict[str, Any]
) -> None:
    refund = make_tag(client, team, "Refund")
    assert refund["colour"] == "#e5484d"
    assert refund["created_by"] == team["ids"]["boss"]
    make_tag(client, team, "  angry   customer ", "#00ff00")

    listed = client.get(tags_url(team), headers=team["maria"])
    assert listed.status_code == 200
    assert [t["name"] for t in listed.json()["items"]] == ["angry customer", "Refund"]

    by_agent = client.post(
        tags_url(team), json={"name": "x", "colour": "#000000"}, headers=team["maria"]
    )
    assert by_agent.status_code == 403
    assert by_agent.json()["code"] == "supervisor_only"

    renamed = client.patch(
        f"{tags_url(team)}/{refund['tag_id']}",
        json={"name": "Refunds", "colour": "#111111"},
        headers=team["boss"],
    )
    assert renamed.status_code == 200, renamed.text
    assert (renamed.json()["name"], renamed.json()["colour"]) == ("Refunds", "#111111")
    # The old name is free again, the new one is taken.
    make_tag(client, team, "refund")
    taken = client.post(
        tags_url(team), json={"name": "REFUNDS", "colour": "#000000"}, headers=team["boss"]
    )
    assert taken.status_code == 409
    assert taken.json()["code"] == "tag_name_taken"

    deleted = client.delete(f"{tags_url(team)}/{refund['tag_id']}", headers=team["admin"])
    assert deleted.status_code == 204
    assert "Refunds" not in [
        t["name"] for t in client.get(tags_url(team), headers=team["maria"]).json()["items"]
    ]
    make_tag(client, team, "Refunds")  # its name claim went with it
    again = client.delete(f"{tags_url(team)}/{refund['tag_id']}", headers=team["admin"])
    assert again.status_code == 404
    assert again.json()["code"] == "tag_not_found"


@pytest.mark.parametrize(
    ("first", "second"),
    [("VIP", "vip"), ("Straße", "STRASSE"), ("ｆｕｌｌ", "full"), ("two  words", "Two Words")],
)
def test_tag_names_are_unique_whatever_case_or_unicode_form(
    client: TestClient, team: dict[str, Any], first: str, second: str
) -> None:
    make_tag(client, team, first)
    response = client.post(
        tags_url(team), json={"name": second, "colour": "#000000"}, headers=team["boss"]
    )
    assert response.status_code == 409
    assert response.json()["field"] == "name"
    claims = [i for i in scan_items() if i.get("kind") == "tag_name"]
    assert len(claims) == 1


def test_renaming_onto_a_taken_name_changes_nothing(
    client: TestClient, team: dict[str, Any]
) -> None:
    make_tag(client, team, "Billing")
    other = make_tag(client, team, "Shipping")
    response = client.patch(
        f"{tags_url(team)}/{other['tag_id']}", json={"name": "billing"}, headers=team["boss"]
    )
    assert response.status_code == 409
    names = [t["name"] for t in client.get(tags_url(team), headers=team["boss"]).json()["items"]]
    assert names == ["Billing", "Shipping"]
    claims = sorted(i["SK"] for i in scan_items() if i.get("kind") == "tag_name")
    assert claims == ["TAGNAME#billing", "TAGNAME#shipping"]


def test_the_same_name_may_exist_in_two_projects(client: TestClient, team: dict[str, Any]) -> None:
    make_tag(client, team, "VIP")
    response = client.post(
        tags_url(team, "p2"), json={"name": "VIP", "colour": "#000000"}, headers=team["chief"]
    )
    assert response.status_code == 201, response.text


@pytest.mark.parametrize(
    "body",
    [
        {"name": "", "colour": "#000000"},
        {"name": "x" * 41, "colour": "#000000"},
        {"name": "ok", "colour": "red"},
        {"name": "ok", "colour": "#12345"},
        {"name": "ok"},
    ],
)
def test_invalid_tags_are_refused(
    client: TestClient, team: dict[str, Any], body: dict[str, Any]
) -> None:
    response = client.post(tags_url(team), json=body, headers=team["boss"])
    assert response.status_code == 422
    assert response.json()["field"] in ("name", "colour")


@pytest.mark.parametrize("who", ["li", "chief"])
def test_another_projects_catalog_is_404(
    client: TestClient, team: dict[str, Any], who: str
) -> None:
    tag = make_tag(client, team, "VIP")
    url = tags_url(team)
    for response in (
        client.get(url, headers=team[who]),
        client.post(url, json={"name": "x", "colour": "#000000"}, headers=team[who]),
        client.patch(f"{url}/{tag['tag_id']}", json={"name": "y"}, headers=team[who]),
        client.delete(f"{url}/{tag['tag_id']}", headers=team[who]),
    ):
        assert response.status_code == 404, response.text
        assert response.json()["code"] == "project_not_found"


def test_tags_on_a_session_are_replaced_conditionally_and_audited(
    client: TestClient, team: dict[str, Any]
) -> None:
    vip = make_tag(client, team, "VIP")
    refund = make_tag(client, team, "Refund")
    url = session_tags_url(team)
    response = client.put(
        url,
        json={"tag_ids": [vip["tag_id"], refund["tag_id"], vip["tag_id"]]},
        headers=team["maria"],
    )
    assert response.status_code == 200, response.text
    assert [t["name"] for t in response.json()["items"]] == ["VIP", "Refund"]
    session_id = team["sessions"]["maria"]["session_id"]
    assert conversations.get_session(session_id)["tags"] == [vip["tag_id"], refund["tag_id"]]  # type: ignore[index]

    cleared = client.put(url, json={"tag_ids": []}, headers=team["boss"])
    assert cleared.status_code == 200
    assert "tags" not in conversations.get_session(session_id)  # type: ignore[operator]

    entries = audit_entries(client, team["admin"], "session.tags")
    assert [(e["before"], e["after"], e["actor_id"]) for e in entries] == [
        ([vip["tag_id"], refund["tag_id"]], [], team["ids"]["boss"]),
        ([], [vip["tag_id"], refund["tag_id"]], team["ids"]["maria"]),
    ]
    assert all(e["target_id"] == session_id and e["project_id"] == team["p1"] for e in entries)

    # A write based on tags read before another change loses.
    with pytest.raises(Conflict) as lost:
        store.set_on_session(
            team["p1"],
            session_id,
            [vip["tag_id"]],
            [refund["tag_id"]],
            audit.entry("session.tags", actor_id="x"),
        )
    assert lost.value.code == "tags_changed"


def test_only_tags_of_the_sessions_project_can_be_applied(
    client: TestClient, team: dict[str, Any]
) -> None:
    foreign = client.post(
        tags_url(team, "p2"),
        json={"name": "Sales lead", "colour": "#000000"},
        headers=team["chief"],
    ).json()
    response = client.put(
        session_tags_url(team), json={"tag_ids": [foreign["tag_id"]]}, headers=team["maria"]
    )
    assert response.status_code == 422
    assert response.json()["code"] == "unknown_tag"
    session_id = team["sessions"]["maria"]["session_id"]
    assert "tags" not in conversations.get_session(session_id)  # type: ignore[operator]


def test_tagging_needs_the_edit_tags_permission(client: TestClient, team: dict[str, Any]) -> None:
    vip = make_tag(client, team, "VIP")
    narrow_permissions(team["p1"], team["ids"]["maria"], ["reply", "transfer"])
    body = {"tag_ids": [vip["tag_id"]]}
    on_session = client.put(session_tags_url(team), json=body, headers=team["maria"])
    assert on_session.status_code == 403
    assert on_session.json()["code"] == "permission_denied"
    user_url = f"/api/projects/{team['p1']}/users/{MARIA_USER}/tags"
    on_user = client.put(user_url, json=body, headers=team["maria"])
    assert on_user.status_code == 403

    narrow_permissions(team["p1"], team["ids"]["maria"], ["edit_tags"])
    assert client.put(session_tags_url(team), json=body, headers=team["maria"]).status_code == 200


@pytest.mark.parametrize("who", ["ana", "li", "chief"])
def test_tagging_a_session_one_may_not_see_is_404(
    client: TestClient, team: dict[str, Any], who: str
) -> None:
    vip = make_tag(client, team, "VIP")
    response = client.put(
        session_tags_url(team), json={"tag_ids": [vip["tag_id"]]}, headers=team[who]
    )
    assert response.status_code == 404
    assert response.json()["code"] == "session_not_found"


def test_tags_on_a_user_are_stored_on_the_profile_and_shown_with_it(
    client: TestClient, team: dict[str, Any]
) -> None:
    vip = make_tag(client, team, "VIP")
    late = make_tag(client, team, "Late payer")
    url = f"/api/projects/{team['p1']}/users/{MARIA_USER}"
    response = client.put(
        f"{url}/tags", json={"tag_ids": [late["tag_id"], vip["tag_id"]]}, headers=team["maria"]
    )
    assert response.status_code == 200, response.text
    profile = conversations.get_user(team["p1"], MARIA_USER) or {}
    assert profile["tags"] == [late["tag_id"], vip["tag_id"]]
    shown = client.get(url, headers=team["boss"]).json()
    assert [t["name"] for t in shown["tags"]] == ["Late payer", "VIP"]

    # A deleted tag disappears from the profile view.
    client.delete(f"{tags_url(team)}/{late['tag_id']}", headers=team["boss"])
    assert [t["name"] for t in client.get(url, headers=team["boss"]).json()["tags"]] == ["VIP"]

    removed, entry = audit_entries(client, team["admin"], "user.tags")
    assert entry["target_type"] == "tg_user"
    assert entry["target_id"] == str(MARIA_USER)
    assert entry["after"] == [late["tag_id"], vip["tag_id"]]
    assert (removed["after"], removed["details"]) == (
        [vip["tag_id"]],
        {"tag_deleted": late["tag_id"]},
    )

    other_agent = client.put(f"{url}/tags", json={"tag_ids": []}, headers=team["ana"])
    assert other_agent.status_code == 404
    assert other_agent.json()["code"] == "user_not_found"


def test_catalog_changes_are_audited(client: TestClient, team: dict[str, Any]) -> None:
    tag = make_tag(client, team, "VIP", "#aaaaaa")
    client.patch(
        f"{tags_url(team)}/{tag['tag_id']}", json={"colour": "#bbbbbb"}, headers=team["boss"]
    )
    client.delete(f"{tags_url(team)}/{tag['tag_id']}", headers=team["boss"])
    created = audit_entries(client, team["admin"], "tag.create")
    updated = audit_entries(client, team["admin"], "tag.update")
    removed = audit_entries(client, team["admin"], "tag.delete")
    assert created[0]["after"] == {"name": "VIP", "colour": "#aaaaaa"}
    assert (updated[0]["before"]["colour"], updated[0]["after"]["colour"]) == ("#aaaaaa", "#bbbbbb")
    assert removed[0]["before"] == {"name": "VIP", "colour": "#bbbbbb"}
    assert {e["target_id"] for e in (*created, *updated, *removed)} == {tag["tag_id"]}
    keys_left = [
        i for i in scan_items() if i.get("SK", "").startswith(("TAG#", "TAGNAME#", "TAGSWEEP#"))
    ]
    assert keys_left == []
    assert keys.TAG_PREFIX == "TAG#"


def test_deleting_a_tag_takes_it_off_every_session_and_user(
    client: TestClient, team: dict[str, Any]
) -> None:
    gone = make_tag(client, team, "Refund")
    kept = make_tag(client, team, "VIP")
    both = {"tag_ids": [gone["tag_id"], kept["tag_id"]]}
    for owner in ("maria", "ana"):
        put = client.put(session_tags_url(team, owner), json=both, headers=team["boss"])
        assert put.status_code == 200, put.text
    user_url = f"/api/projects/{team['p1']}/users/{MARIA_USER}"
    assert client.put(f"{user_url}/tags", json=both, headers=team["boss"]).status_code == 200

    deleted = client.delete(f"{tags_url(team)}/{gone['tag_id']}", headers=team["boss"])
    assert deleted.status_code == 204
    for owner in ("maria", "ana"):
        session_id = team["sessions"][owner]["session_id"]
        shown = client.get(f"/api/sessions/{session_id}", headers=team["boss"]).json()
        assert shown["tags"] == [kept["tag_id"]], owner
    listed = client.get("/api/sessions", params={"tag": gone["tag_id"]}, headers=team["boss"])
    assert listed.json()["items"] == []
    profile = conversations.get_user(team["p1"], MARIA_USER) or {}
    assert profile["tags"] == [kept["tag_id"]]
    assert [t["tag_id"] for t in client.get(user_url, headers=team["boss"]).json()["tags"]] == [
        kept["tag_id"]
    ]

    # Each carrier's change is audited as the deleting supervisor's, naming the tag.
    swept = [
        e
        for action in ("session.tags", "user.tags")
        for e in audit_entries(client, team["admin"], action)
        if (e.get("details") or {}).get("tag_deleted") == gone["tag_id"]
    ]
    assert len(swept) == 3
    assert {e["actor_id"] for e in swept} == {team["ids"]["boss"]}
    assert all(e["after"] == [kept["tag_id"]] for e in swept)
    assert [i for i in scan_items() if i.get("SK", "").startswith("TAGSWEEP#")] == []


def test_a_large_sweep_goes_on_with_later_requests(
    client: TestClient, team: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    from tgdesk.sessions import tags

    gone = make_tag(client, team, "Refund")
    for owner in ("maria", "ana"):
        client.put(
            session_tags_url(team, owner), json={"tag_ids": [gone["tag_id"]]}, headers=team["boss"]
        )
    monkeypatch.setattr(tags, "SWEEP_PAGE_SIZE", 1)
    monkeypatch.setattr(tags, "SWEEP_PAGES_PER_REQUEST", 1)
    assert (
        client.delete(f"{tags_url(team)}/{gone['tag_id']}", headers=team["boss"]).status_code == 204
    )

    def carriers() -> int:
        return sum(
            gone["tag_id"]
            in (conversations.get_session(team["sessions"][o]["session_id"]) or {}).get("tags", [])
            for o in ("maria", "ana")
        )

    assert carriers() == 1  # one page per request: the delete did the first one
    reads = 0
    while [i for i in scan_items() if i.get("SK", "").startswith("TAGSWEEP#")]:
        assert client.get(tags_url(team), headers=team["maria"]).status_code == 200
        reads += 1
        assert reads < 10
    assert carriers() == 0


def test_a_sweep_pages_through_every_user_shard_meeting_each_carrier_once(
    client: TestClient, team: dict[str, Any]
) -> None:
    gone = make_tag(client, team, "Refund")
    users = [3001 + n for n in range(12)]
    for n, user in enumerate(users):
        put_profile(team["p1"], user, {"session_id": f"s-{user}", "opened_at": 1_000 + n})
        url = f"/api/projects/{team['p1']}/users/{user}/tags"
        assert client.put(url, json={"tag_ids": [gone["tag_id"]]}, headers=team["boss"]).is_success
    profiles = [conversations.get_user(team["p1"], u) or {} for u in users]
    shards = {keys.project_users_index(team["p1"], u) for u in users}
    assert len(shards) > 1 and shards <= set(keys.project_users_shards(team["p1"]))
    assert all(p.get("tags") == [gone["tag_id"]] for p in profiles)

    sweep = {"project_id": team["p1"], "phase": "users", "tag_id": gone["tag_id"]}
    met: list[dict[str, Any]] = []
    while True:
        page, cursor = store.carriers(sweep, limit=2)
        met += page
        if cursor is None:
            break
        sweep["cursor"] = cursor
    assert sorted(i["tg_user_id"] for i in met) == users  # every carrier, once
    for shard in shards:  # each shard oldest first
        seen = [i["GSI1SK"] for i in met if i["GSI1PK"] == shard]
        assert seen == sorted(seen)

    assert client.delete(f"{tags_url(team)}/{gone['tag_id']}", headers=team["boss"]).is_success
    assert all(
        gone["tag_id"] not in (conversations.get_user(team["p1"], u) or {}).get("tags", [])
        for u in users
    )


def test_a_deleted_tag_cannot_come_back_and_a_stale_console_is_not_refused(
    client: TestClient, team: dict[str, Any]
) -> None:
    gone = make_tag(client, team, "Refund")
    kept = make_tag(client, team, "VIP")
    session_id = team["sessions"]["maria"]["session_id"]
    client.put(session_tags_url(team), json={"tag_ids": [gone["tag_id"]]}, headers=team["maria"])
    session = conversations.get_session(session_id) or {}

    # A write that read the catalog before the delete loses (its tag no longer exists).
    client.delete(f"{tags_url(team)}/{gone['tag_id']}", headers=team["boss"])
    with pytest.raises(Conflict):
        store.set_on_session(
            team["p1"],
            session_id,
            [],
            [kept["tag_id"], gone["tag_id"]],
            audit.entry("session.tags", actor_id="x"),
        )
    assert session["tags"] == [gone["tag_id"]]

    # A console that still shows the deleted tag sends it back with a new one: the new one
    # is set, the deleted one dropped. An id the session never carried is still refused.
    stale = {"tag_ids": [gone["tag_id"], kept["tag_id"]]}
    _put_tags_raw(session_id, [gone["tag_id"]])  # as if the sweep had not reached it yet
    response = client.put(session_tags_url(team), json=stale, headers=team["maria"])
    assert response.status_code == 200, response.text
    assert [t["tag_id"] for t in response.json()["items"]] == [kept["tag_id"]]
    assert (conversations.get_session(session_id) or {})["tags"] == [kept["tag_id"]]
    refused = client.put(session_tags_url(team), json=stale, headers=team["maria"])
    assert refused.status_code == 422 and refused.json()["code"] == "unknown_tag"


def _put_tags_raw(session_id: str, tag_ids: list[str]) -> None:
    from tgdesk.storage import table

    pk, sk = keys.session(session_id)
    table.client().update_item(
        TableName=table.table_name(),
        Key=table.to_item({"PK": pk, "SK": sk}),
        UpdateExpression="SET tags = :t",
        ExpressionAttributeValues=table.values({":t": tag_ids}),
    )
