"""Quick replies through the API: who manages which library, hidden is 404, placeholders
filled for the session's user, uses counted, bounds."""

from __future__ import annotations

from typing import Any

import collab_helpers
import pytest
from fastapi.testclient import TestClient

from tgdesk.storage import keys, table
from tgdesk.storage.records import quick_reply as record

# The two-project team (collab_helpers): admin; p1 maria, ana, boss; p2 li, chief.
team = collab_helpers.team

REFUND = {
    "title": "Refund policy",
    "texts": {
        "en": "Hi {first_name}, {agent_name} here. Refunds take 5 days; we answer "
        "{sla_first_response}. Ticket: {ticket}",
        "zh": "{first_name}，您好！退款需要 5 天。",
    },
}


def _create(client: TestClient, path: str, headers: Any, body: Any = None) -> dict[str, Any]:
    made = client.post(path, json=body or REFUND, headers=headers)
    assert made.status_code == 201, made.text
    return made.json()


def _set_user(session: dict[str, Any], user: dict[str, str]) -> None:
    table.client().update_item(
        TableName=table.table_name(),
        Key=table.to_item(
            dict(zip(("PK", "SK"), keys.session(session["session_id"]), strict=True))
        ),
        UpdateExpression="SET #u = :u",
        ExpressionAttributeNames={"#u": "user"},
        ExpressionAttributeValues=table.values({":u": user}),
    )


def test_supervisors_manage_the_projects_library_and_agents_read_it(
    client: TestClient, team: dict[str, Any]
) -> None:
    path = f"/api/projects/{team['p1']}/quick-replies"
    reply = _create(client, path, team["boss"])
    assert reply["owner"] == "project" and reply["uses"] == 0 and reply["version"] == 1

    listed = client.get(path, headers=team["ana"])
    assert [r["title"] for r in listed.json()["items"]] == ["Refund policy"]
    one = f"{path}/{reply['reply_id']}"
    changed = {**REFUND, "version": 1}
    for method, body in (("POST", REFUND), ("PUT", changed), ("DELETE", None)):
        target = path if method == "POST" else one
        refused = client.request(method, target, json=body, headers=team["ana"])
        assert refused.status_code == 403, (method, refused.text)
        assert refused.json()["code"] == "supervisor_only"
    # Another project's people do not even see that the library exists.
    for caller in ("li", "chief"):
        assert client.get(path, headers=team[caller]).json()["code"] == "project_not_found"
        assert client.put(one, json=changed, headers=team[caller]).status_code == 404

    renamed = client.put(one, json={**changed, "title": "Refunds"}, headers=team["boss"])
    assert renamed.status_code == 200, renamed.text
    assert renamed.json()["version"] == 2
    stale = client.put(one, json=changed, headers=team["boss"])
    assert stale.status_code == 409 and stale.json()["code"] == "quick_reply_changed"
    unversioned = client.put(one, json=REFUND, headers=team["boss"])  # no version: overwrites
    assert unversioned.status_code == 200 and unversioned.json()["version"] == 3
    assert client.delete(one, headers=team["admin"]).status_code == 204
    assert client.get(path, headers=team["boss"]).json()["items"] == []


def test_personal_replies_are_their_agents_alone(client: TestClient, team: dict[str, Any]) -> None:
    mine = _create(client, "/api/me/quick-replies", team["maria"])
    assert mine["owner"] == "agent"
    assert len(client.get("/api/me/quick-replies", headers=team["maria"]).json()["items"]) == 1
    assert client.get("/api/me/quick-replies", headers=team["ana"]).json()["items"] == []
    theirs = f"/api/me/quick-replies/{mine['reply_id']}"
    assert client.put(theirs, json={**REFUND, "version": 1}, headers=team["ana"]).status_code == 404
    assert client.delete(theirs, headers=team["boss"]).status_code == 404
    # Usable in maria's session beside the project's, and never by another agent.
    session_id = team["sessions"]["maria"]["session_id"]
    project = _create(client, f"/api/projects/{team['p1']}/quick-replies", team["boss"])
    usable = client.get(f"/api/sessions/{session_id}/quick-replies", headers=team["maria"])
    assert [r["reply_id"] for r in usable.json()["items"]] == [
        project["reply_id"],
        mine["reply_id"],
    ]
    ana_session = team["sessions"]["ana"]["session_id"]
    foreign = f"/api/sessions/{ana_session}/quick-replies/{mine['reply_id']}/filled"
    assert client.post(foreign, headers=team["ana"]).json()["code"] == "quick_reply_not_found"


def test_a_session_out_of_reach_is_not_found(client: TestClient, team: dict[str, Any]) -> None:
    reply = _create(client, f"/api/projects/{team['p1']}/quick-replies", team["boss"])
    session_id = team["sessions"]["maria"]["session_id"]
    for caller in ("ana", "li", "chief"):
        for method, path in (
            ("GET", f"/api/sessions/{session_id}/quick-replies"),
            ("POST", f"/api/sessions/{session_id}/quick-replies/{reply['reply_id']}/filled"),
        ):
            answer = client.request(method, path, headers=team[caller])
            assert answer.status_code == 404, (caller, path)
            assert "Refund" not in answer.text


def test_inserting_fills_the_placeholders_in_the_users_language(
    client: TestClient, team: dict[str, Any]
) -> None:
    reply = _create(client, f"/api/projects/{team['p1']}/quick-replies", team["boss"])
    session = team["sessions"]["maria"]
    path = f"/api/sessions/{session['session_id']}/quick-replies/{reply['reply_id']}/filled"

    filled = client.post(path, headers=team["maria"]).json()
    assert filled["language"] == "en"
    # The default policy's medium first response is 2 hours; no ticket yet: left for the agent.
    assert filled["text"] == (
        "Hi Alice, maria here. Refunds take 5 days; we answer within 2 hours. Ticket: {ticket}"
    )
    assert filled["unfilled"] == ["{ticket}"]

    _set_user(session, {"first_name": "小明", "language_code": "zh-hans"})
    assert client.post(path, headers=team["maria"]).json()["text"] == "小明，您好！退款需要 5 天。"
    _set_user(session, {"language_code": "ru"})  # no Russian text: English, no name
    filled = client.post(path, headers=team["maria"]).json()
    assert filled["language"] == "en" and filled["text"].startswith("Hi there, maria here.")


def test_each_insert_counts_and_unused_replies_show_none(
    client: TestClient, team: dict[str, Any]
) -> None:
    path = f"/api/projects/{team['p1']}/quick-replies"
    used = _create(client, path, team["boss"])
    _create(client, path, team["boss"], {"title": "Never", "texts": {"en": "Unused"}})
    session_id = team["sessions"]["maria"]["session_id"]
    insert = f"/api/sessions/{session_id}/quick-replies/{used['reply_id']}/filled"
    for _ in range(3):
        assert client.post(insert, headers=team["maria"]).status_code == 200
    counts = {
        r["title"]: (r["uses"], r["last_used_at"])
        for r in client.get(path, headers=team["boss"]).json()["items"]
    }
    assert counts["Never"] == (0, None)
    assert counts["Refund policy"][0] == 3 and counts["Refund policy"][1] is not None


@pytest.mark.parametrize(
    ("texts", "code"),
    [
        ({"en": "x" * 4097}, "quick_reply_too_long"),
        ({"en": "Dear {firstname}"}, "unknown_placeholder"),
        ({"de": "Hallo"}, "unknown_language"),
        ({"en": "  "}, "invalid_quick_reply"),
    ],
)
def test_texts_are_checked(
    client: TestClient, team: dict[str, Any], texts: dict[str, str], code: str
) -> None:
    refused = client.post(
        "/api/me/quick-replies", json={"title": "t", "texts": texts}, headers=team["maria"]
    )
    assert refused.status_code == 422 and refused.json()["code"] == code


def test_a_library_holds_a_bounded_number_of_replies(
    client: TestClient, team: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(record, "MAX_PER_AGENT", 2)
    made = [_create(client, "/api/me/quick-replies", team["maria"]) for _ in range(2)]
    full = client.post("/api/me/quick-replies", json=REFUND, headers=team["maria"])
    assert full.status_code == 409 and full.json()["code"] == "quick_replies_full"
    gone = client.delete(f"/api/me/quick-replies/{made[0]['reply_id']}", headers=team["maria"])
    assert gone.status_code == 204
    _create(client, "/api/me/quick-replies", team["maria"])
    # Another agent's library is counted apart.
    _create(client, "/api/me/quick-replies", team["ana"])
