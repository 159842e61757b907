"""A Telegram user's data on request: export (JSON, paged) and erasure, by administrators.

The user writes through the real webhook function (fixture updates, an edit, a risk trigger);
an agent answers and notes, an admin tags them, a supervisor searches their history. Then the
data is exported and erased, and the table is scanned for whatever of them is left.
"""

from __future__ import annotations

import json
from typing import Any

import lifecycle_fixtures
import pytest
from api_helpers import scan_items
from fastapi.testclient import TestClient
from ingest_support import PROJECT_ID, USER_ID, send
from lifecycle_support import assign, open_session_id, open_sessions_of, user_writes
from risk_support import create_group, keywords

from tgdesk.core import clock
from tgdesk.privacy import user_data

# The desk of lifecycle_fixtures: the ingest project at T0, maria, boss and li.
aws, desk = lifecycle_fixtures.aws, lifecycle_fixtures.desk

OTHER_USER = USER_ID + 1
USER_URL = f"/api/projects/{PROJECT_ID}/users/{USER_ID}"
# What the user, and agents about the user, wrote: none of it may survive an erasure.
CONTENT = (
    "Lovelace",
    "ada_l",
    "two weeks late",
    "acme.example",
    "VIP customer",
    "On it, Ada",
    "refund",
    "call Ada back on Monday",
)


@pytest.fixture
def seeded(client: TestClient, desk: dict[str, Any]) -> dict[str, Any]:
    create_group(client, desk["admin"], name="Refunds", action="block", entries=keywords("refund"))
    for update in ("text_entities", "edited_message", "photo_caption"):
        status, body = send(update)
        assert status == 200, body
    sid = open_session_id()
    assign(sid, desk["maria"])
    as_maria = desk["as_maria"]
    replied = client.post(
        f"/api/sessions/{sid}/messages",
        json={"text": "On it, Ada", "client_message_id": "reply-1"},
        headers=as_maria,
    )
    assert replied.status_code == 201, replied.text
    blocked = client.post(  # a risk trigger: its audit entry quotes the match
        f"/api/sessions/{sid}/messages", json={"text": "No refund, sorry"}, headers=as_maria
    )
    assert blocked.json()["code"] == "risk_blocked", blocked.text
    noted = client.post(
        f"/api/sessions/{sid}/notes",
        json={"text": "VIP customer", "personal": False},
        headers=as_maria,
    )
    assert noted.status_code == 201, noted.text
    promised = client.post(  # a promise: its copy sits in the owner's own list
        f"/api/sessions/{sid}/tasks",
        json={"kind": "promise", "due_at": clock.now_ms() + 3_600_000, "note": CONTENT[-1]},
        headers=as_maria,
    )
    assert promised.status_code == 201, promised.text
    tag = client.post(
        f"/api/projects/{PROJECT_ID}/tags",
        json={"name": "vip", "colour": "#e5484d"},
        headers=desk["admin"],
    ).json()
    tagged = client.put(
        f"{USER_URL}/tags", json={"tag_ids": [tag["tag_id"]]}, headers=desk["admin"]
    )
    assert tagged.status_code == 200, tagged.text
    searched = client.get(
        f"{USER_URL}/messages", params={"q": "two weeks late"}, headers=desk["as_boss"]
    )
    assert searched.status_code == 200, searched.text
    user_writes("a different person", user=OTHER_USER)
    return {"sid": sid, "tag": tag}


def export_all(client: TestClient, headers: dict[str, str]) -> list[dict[str, Any]]:
    pages, cursor = [], None
    while True:
        params = {"cursor": cursor} if cursor else {}
        response = client.get(f"{USER_URL}/export", params=params, headers=headers)
        assert response.status_code == 200, response.text
        pages.append(response.json())
        cursor = pages[-1]["next_cursor"]
        if not cursor:
            return pages


def erase(client: TestClient, headers: dict[str, str], confirm: int = USER_ID) -> Any:
    return client.post(f"{USER_URL}/erase", json={"confirm_tg_user_id": confirm}, headers=headers)


def erase_fully(client: TestClient, headers: dict[str, str]) -> tuple[int, dict[str, Any]]:
    """Call the erasure until it answers 200; returns how many calls it took and the end."""
    for calls in range(1, 200):
        response = erase(client, headers)
        assert response.status_code in (200, 202), response.text
        if response.status_code == 200:
            return calls, response.json()
    raise AssertionError("the erasure never finished")


def admin_id(client: TestClient, desk: dict[str, Any]) -> str:
    return client.get("/api/me", headers=desk["admin"]).json()["agent_id"]


def mentions(item: dict[str, Any], *values: str) -> bool:
    text = json.dumps(item, ensure_ascii=False, default=str)
    return any(v in text for v in values)


def of_other_user(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [i for i in items if mentions(i, str(OTHER_USER)) and i.get("kind") != "audit"]


# -- export -------------------------------------------------------------------------------------
def test_export_returns_everything_seeded(
    client: TestClient, desk: dict[str, Any], seeded: dict[str, Any]
) -> None:
    [page] = export_all(client, desk["admin"])

    assert page["format"] == user_data.EXPORT_FORMAT
    assert page["profile"]["last_name"] == "Lovelace"
    assert [t["name"] for t in page["tags"]] == ["vip"]
    assert [s["session_id"] for s in page["sessions"]] == [seeded["sid"]]
    assert [n["text"] for n in page["notes"]] == ["VIP customer"]
    assert len(page["reply_claims"]) == 1
    by_direction = {m["direction"]: m for m in page["messages"] if m["type"] == "text"}
    edited = by_direction["in"]
    assert "two weeks late" in edited["text"] and "is late" in edited["edits"][0]["text"]
    assert json.loads(edited["raw"])["message_id"] == 11
    assert by_direction["out"]["delivery"]["attempts"] == 1  # with its state and reason
    assert any(m["type"] == "photo" for m in page["messages"])
    assert page["message_refs"]
    assert not mentions(page, str(OTHER_USER))


def test_another_agents_personal_note_is_not_exported(
    client: TestClient, desk: dict[str, Any], seeded: dict[str, Any]
) -> None:
    personal = client.post(
        f"/api/sessions/{seeded['sid']}/notes",
        json={"text": "maria's own reminder", "personal": True},
        headers=desk["as_maria"],
    )
    assert personal.status_code == 201, personal.text

    [page] = export_all(client, desk["admin"])

    assert [n["text"] for n in page["notes"]] == ["VIP customer"]
    assert not mentions(page, "maria's own reminder")


def test_a_long_history_exports_in_bounded_pages(
    client: TestClient, desk: dict[str, Any], seeded: dict[str, Any], monkeypatch: Any
) -> None:
    [whole] = export_all(client, desk["admin"])
    monkeypatch.setattr(user_data, "EXPORT_MAX_ITEMS", 2)

    pages = export_all(client, desk["admin"])

    assert len(pages) > 3
    sections = [*user_data.SECTIONS]
    assert all(sum(len(p[s]) for s in sections) + bool(p["profile"]) <= 2 for p in pages)
    for section in sections:
        assert [x for p in pages for x in p[section]] == whole[section], section
    assert pages[0]["profile"] == whole["profile"]


def test_an_export_page_stays_within_its_byte_budget(
    client: TestClient, desk: dict[str, Any], seeded: dict[str, Any], monkeypatch: Any
) -> None:
    for n in range(6):
        user_writes(f"message {n}: " + "x" * 1500)
    monkeypatch.setattr(user_data, "EXPORT_MAX_BYTES", 4000)

    pages = export_all(client, desk["admin"])

    texts = [m.get("text") for p in pages for m in p["messages"]]
    assert sum(1 for t in texts if t and t.startswith("message ")) == 6
    for page in pages:
        items = [x for s in user_data.SECTIONS for x in page[s]]
        size = len(json.dumps(items, ensure_ascii=False, separators=(",", ":")).encode())
        assert size <= 4000 or len(items) == 1, size


def test_a_bad_cursor_is_refused(client: TestClient, desk: dict[str, Any], seeded: Any) -> None:
    response = client.get(f"{USER_URL}/export", params={"cursor": "e30"}, headers=desk["admin"])
    assert (response.status_code, response.json()["code"]) == (422, "invalid_cursor")


@pytest.mark.parametrize("who", ["as_maria", "as_boss", "as_li"])
def test_only_administrators_export_or_erase(
    client: TestClient, desk: dict[str, Any], seeded: Any, who: str
) -> None:
    for response in (client.get(f"{USER_URL}/export", headers=desk[who]), erase(client, desk[who])):
        assert (response.status_code, response.json()["code"]) == (403, "admin_only")
        assert "Lovelace" not in response.text


# -- erasure -----------------------------------------------------------------------------------
def test_erasure_needs_the_user_id_repeated(
    client: TestClient, desk: dict[str, Any], seeded: Any
) -> None:
    response = erase(client, desk["admin"], confirm=USER_ID + 7)
    assert (response.status_code, response.json()["code"]) == (422, "erasure_not_confirmed")
    assert client.get(USER_URL, headers=desk["admin"]).status_code == 200


def test_erasure_removes_every_item_of_the_user(
    client: TestClient, desk: dict[str, Any], seeded: dict[str, Any]
) -> None:
    other_before = of_other_user(scan_items())
    assert open_sessions_of(desk["maria"]) == 1

    response = erase(client, desk["admin"])

    assert response.status_code == 200, response.text
    done = response.json()
    assert done["phase"] == "done" and done["items_erased"] >= 8
    assert done["audit_entries_redacted"] >= 3  # the trigger, the note, the search
    left = [
        i for i in scan_items() if mentions(i, str(USER_ID), seeded["sid"]) and i["kind"] != "audit"
    ]
    assert [i["kind"] for i in left] == ["erasure"]
    audit = [i for i in scan_items() if i["kind"] == "audit"]
    assert not [a for a in audit if mentions(a, *CONTENT)]
    [erased] = [a for a in audit if a["action"] == "user.erase"]
    assert erased["target_id"] == str(USER_ID) and erased["actor_id"] == admin_id(client, desk)
    assert erased["details"]["items_erased"] == done["items_erased"]
    assert open_sessions_of(desk["maria"]) == 0
    assert of_other_user(scan_items()) == other_before
    assert client.get(USER_URL, headers=desk["admin"]).status_code == 404


def test_a_take_over_reason_is_blanked_and_the_new_holder_unloaded(
    client: TestClient, desk: dict[str, Any], seeded: dict[str, Any]
) -> None:
    taken = client.post(
        f"/api/sessions/{seeded['sid']}/take-over",
        json={"reason": "Ada Lovelace threatens a chargeback"},
        headers=desk["as_boss"],
    )
    assert taken.status_code == 200, taken.text
    assert (open_sessions_of(desk["boss"]), open_sessions_of(desk["maria"])) == (1, 0)

    erase(client, desk["admin"]).raise_for_status()

    audit = [i for i in scan_items() if i["kind"] == "audit"]
    assert not [a for a in audit if mentions(a, "chargeback")]
    assert (open_sessions_of(desk["boss"]), open_sessions_of(desk["maria"])) == (0, 0)


def test_erasing_again_changes_nothing(
    client: TestClient, desk: dict[str, Any], seeded: Any
) -> None:
    first = erase(client, desk["admin"]).json()
    before = scan_items()

    again = erase(client, desk["admin"])

    assert again.status_code == 200 and again.json() == first
    assert scan_items() == before


def test_a_long_history_erases_across_calls(
    client: TestClient, desk: dict[str, Any], seeded: Any, monkeypatch: Any
) -> None:
    for n in range(12):
        user_writes(f"message {n} of a long story")
    monkeypatch.setattr(user_data, "ERASE_BATCH", 5)
    monkeypatch.setattr(user_data, "AUDIT_READS", 4)

    calls, done = erase_fully(client, desk["admin"])

    assert calls > 6
    assert done["items_erased"] > 30
    left = [i for i in scan_items() if mentions(i, str(USER_ID)) and i["kind"] != "audit"]
    assert [i["kind"] for i in left] == ["erasure"]
    assert open_sessions_of(desk["maria"]) == 0
    assert len([i for i in scan_items() if i.get("action") == "user.erase"]) == 1


@pytest.mark.parametrize("calls_before", [1, 2])
def test_what_the_user_writes_during_an_erasure_is_erased_too(
    client: TestClient, desk: dict[str, Any], seeded: Any, monkeypatch: Any, calls_before: int
) -> None:
    monkeypatch.setattr(user_data, "ERASE_BATCH", 4)
    for _ in range(calls_before):
        assert erase(client, desk["admin"]).status_code == 202

    user_writes("wait, one more thing")
    erase_fully(client, desk["admin"])

    left = [i for i in scan_items() if mentions(i, str(USER_ID)) and i["kind"] != "audit"]
    assert [i["kind"] for i in left] == ["erasure"]
    assert open_sessions_of(desk["maria"]) == 0


def test_a_user_who_writes_after_the_erasure_is_a_new_user(
    client: TestClient, desk: dict[str, Any], seeded: Any
) -> None:
    erase(client, desk["admin"]).raise_for_status()

    user_writes("hello again")

    [page] = export_all(client, desk["admin"])
    assert [m["text"] for m in page["messages"]] == ["hello again"]
    assert page["notes"] == [] and page["tags"] == []
    again = erase(client, desk["admin"])
    assert again.status_code == 200 and again.json()["items_erased"] < 10
