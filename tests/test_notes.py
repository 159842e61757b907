"""Internal notes on a session: who sees them, who edits them, and what the audit keeps."""

from __future__ import annotations

from typing import Any

import pytest
from api_helpers import FakeBotApi, scan_items
from collab_helpers import audit_entries
from fastapi.testclient import TestClient

from tgdesk.accounts.access import Scope
from tgdesk.audit import entries as audit
from tgdesk.core import clock
from tgdesk.core.errors import Conflict
from tgdesk.sessions import notes
from tgdesk.storage import accounts, keys, table
from tgdesk.storage import notes as store

pytest_plugins = ["collab_helpers"]


def notes_url(team: dict[str, Any], owner: str = "maria") -> str:
    return f"/api/sessions/{team['sessions'][owner]['session_id']}/notes"


def test_notes_are_stored_under_the_session_and_listed_oldest_first(
    client: TestClient, team: dict[str, Any], telegram: FakeBotApi
) -> None:
    url = notes_url(team)
    calls_before = len(telegram.calls)
    clock.set_now_for_tests(1_750_000_000_000)
    first = client.post(url, json={"text": "  Refund promised  "}, headers=team["maria"])
    clock.set_now_for_tests(1_750_000_000_500)
    second = client.post(url, json={"text": "Called back"}, headers=team["boss"])
    assert first.status_code == 201, first.text
    assert second.status_code == 201, second.text
    note = first.json()
    assert note["text"] == "Refund promised"
    assert note["personal"] is False
    assert note["author_id"] == team["ids"]["maria"]
    assert note["created_at"] == 1_750_000_000_000
    assert "edited_at" not in note or note["edited_at"] is None

    listed = client.get(url, headers=team["maria"]).json()["items"]
    assert [n["text"] for n in listed] == ["Refund promised", "Called back"]

    session_id = team["sessions"]["maria"]["session_id"]
    stored = [i for i in scan_items() if i.get("kind") == "note"]
    assert {(i["PK"], i["SK"]) for i in stored} == {
        keys.session_note(session_id, 1_750_000_000_000, note["note_id"]),
        keys.session_note(session_id, 1_750_000_000_500, second.json()["note_id"]),
    }
    assert len(telegram.calls) == calls_before  # a note never reaches Telegram


def test_a_personal_note_is_shown_to_its_author_only(
    client: TestClient, team: dict[str, Any]
) -> None:
    url = notes_url(team)
    client.post(url, json={"text": "shared"}, headers=team["maria"])
    client.post(url, json={"text": "my reminder", "personal": True}, headers=team["maria"])
    client.post(url, json={"text": "boss only", "personal": True}, headers=team["boss"])

    def texts(who: dict[str, str]) -> list[str]:
        response = client.get(url, headers=who)
        assert response.status_code == 200, response.text
        return [n["text"] for n in response.json()["items"]]

    assert texts(team["maria"]) == ["shared", "my reminder"]
    assert texts(team["boss"]) == ["shared", "boss only"]
    assert texts(team["admin"]) == ["shared"]


def test_whoever_holds_the_session_later_sees_the_shared_notes(
    client: TestClient, team: dict[str, Any]
) -> None:
    url = notes_url(team)
    client.post(url, json={"text": "VIP customer"}, headers=team["maria"])
    client.post(url, json={"text": "private", "personal": True}, headers=team["maria"])
    assert client.get(url, headers=team["ana"]).status_code == 404

    # The session moves to ana (a transfer, as the routing code writes it).
    session_id = team["sessions"]["maria"]["session_id"]
    table.client().update_item(
        TableName=table.table_name(),
        Key=table.to_item(dict(zip(("PK", "SK"), keys.session(session_id), strict=True))),
        UpdateExpression="SET assignee_id = :a, GSI1PK = :g",
        ExpressionAttributeValues=table.values(
            {":a": team["ids"]["ana"], ":g": keys.assignee_sessions_index(team["ids"]["ana"])}
        ),
    )
    assert [n["text"] for n in client.get(url, headers=team["ana"]).json()["items"]] == [
        "VIP customer"
    ]
    assert client.get(url, headers=team["maria"]).status_code == 404


@pytest.mark.parametrize("who", ["ana", "li", "chief"])
def test_notes_of_a_session_one_may_not_see_answer_404(
    client: TestClient, team: dict[str, Any], who: str
) -> None:
    url = notes_url(team)
    created = client.post(url, json={"text": "secret"}, headers=team["maria"]).json()
    for response in (
        client.get(url, headers=team[who]),
        client.post(url, json={"text": "intrusion"}, headers=team[who]),
        client.patch(f"{url}/{created['note_id']}", json={"text": "x"}, headers=team[who]),
    ):
        assert response.status_code == 404, response.text
        assert response.json()["code"] == "session_not_found"
    assert [n["text"] for n in client.get(url, headers=team["maria"]).json()["items"]] == ["secret"]


def test_only_the_author_edits_a_note_and_edited_at_is_kept(
    client: TestClient, team: dict[str, Any]
) -> None:
    url = notes_url(team)
    clock.set_now_for_tests(1_750_000_000_000)
    note = client.post(url, json={"text": "first"}, headers=team["maria"]).json()
    by_boss = client.patch(f"{url}/{note['note_id']}", json={"text": "no"}, headers=team["boss"])
    assert by_boss.status_code == 403
    assert by_boss.json()["code"] == "not_author"

    clock.set_now_for_tests(1_750_000_060_000)
    edited = client.patch(
        f"{url}/{note['note_id']}", json={"text": "second"}, headers=team["maria"]
    )
    assert edited.status_code == 200, edited.text
    assert edited.json()["text"] == "second"
    assert edited.json()["edited_at"] == 1_750_000_060_000
    assert edited.json()["created_at"] == 1_750_000_000_000
    listed = client.get(url, headers=team["boss"]).json()["items"]
    assert [(n["text"], n["edited_at"]) for n in listed] == [("second", 1_750_000_060_000)]

    missing = client.patch(f"{url}/nosuchnote", json={"text": "x"}, headers=team["maria"])
    assert missing.status_code == 404
    assert missing.json()["code"] == "note_not_found"


def test_someone_elses_personal_note_cannot_be_found_to_edit(
    client: TestClient, team: dict[str, Any]
) -> None:
    url = notes_url(team)
    note = client.post(url, json={"text": "mine", "personal": True}, headers=team["maria"]).json()
    response = client.patch(f"{url}/{note['note_id']}", json={"text": "x"}, headers=team["boss"])
    assert response.status_code == 404
    assert response.json()["code"] == "note_not_found"


def test_an_edit_that_lost_a_race_is_a_conflict(client: TestClient, team: dict[str, Any]) -> None:
    url = notes_url(team)
    note = client.post(url, json={"text": "one"}, headers=team["maria"]).json()
    session_id = team["sessions"]["maria"]["session_id"]
    stale = store.find(session_id, note["note_id"])
    assert stale is not None
    scope = Scope(accounts.get_agent(team["ids"]["maria"]) or {})
    notes.edit(scope, session_id, note["note_id"], "two")
    with pytest.raises(Conflict) as lost:
        store.update_text(stale, "three", 1, audit.entry("note.update", actor_id="x"))
    assert lost.value.code == "note_changed"
    assert store.find(session_id, note["note_id"])["text"] == "two"  # type: ignore[index]


@pytest.mark.parametrize(
    "body",
    [{"text": ""}, {"text": "   "}, {"text": "x" * 4001}, {"personal": True}, {"text": 5}],
)
def test_invalid_notes_are_refused_with_the_field(
    client: TestClient, team: dict[str, Any], body: dict[str, Any]
) -> None:
    response = client.post(notes_url(team), json=body, headers=team["maria"])
    assert response.status_code == 422, response.text
    assert response.json()["field"] == "text"
    assert client.get(notes_url(team), headers=team["maria"]).json()["items"] == []


def test_note_changes_are_audited_without_personal_text(
    client: TestClient, team: dict[str, Any]
) -> None:
    url = notes_url(team)
    shared = client.post(url, json={"text": "shared text"}, headers=team["maria"]).json()
    client.patch(f"{url}/{shared['note_id']}", json={"text": "new text"}, headers=team["maria"])
    personal = client.post(
        url, json={"text": "diary", "personal": True}, headers=team["maria"]
    ).json()

    created = audit_entries(client, team["admin"], "note.create")
    assert [(e["target_id"], e["after"]) for e in created] == [
        (personal["note_id"], {"personal": True, "length": 5}),
        (shared["note_id"], {"personal": False, "text": "shared text"}),
    ]
    assert all(e["actor_id"] == team["ids"]["maria"] for e in created)
    assert all(e["project_id"] == team["p1"] for e in created)
    (updated,) = audit_entries(client, team["admin"], "note.update")
    assert updated["before"] == {"personal": False, "text": "shared text"}
    assert updated["after"] == {"personal": False, "text": "new text"}
    assert updated["details"] == {"session_id": team["sessions"]["maria"]["session_id"]}
