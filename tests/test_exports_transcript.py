"""A session's transcript (tgdesk.exports.transcript): Markdown, CSV and JSON with the
agents' names, notes only when asked, attachments as links to the console's media route;
who may export it, its audit entry, and the bound on its size."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest
from api_helpers import put_inbound_message
from collab_helpers import audit_entries, narrow_permissions, team  # noqa: F401
from fastapi.testclient import TestClient

from tgdesk.core import ids
from tgdesk.exports import transcript
from tgdesk.storage import keys, table

FORMULA = '=HYPERLINK("https://evil.example","click")'


def put_reply(session: dict[str, Any], agent_id: str, text: str, *, at: int) -> None:
    """An agent's reply, stored as outbound.delivery stores it (sent)."""
    message_id = ids.sortable_id()
    pk, sk = keys.message(session["project_id"], session["tg_user_id"], at, message_id)
    item = {
        "PK": pk,
        "SK": sk,
        "kind": "message",
        "message_id": message_id,
        "project_id": session["project_id"],
        "tg_user_id": session["tg_user_id"],
        "session_id": session["session_id"],
        "direction": "out",
        "type": "text",
        "text": text,
        "created_at": at,
        "sender_agent_id": agent_id,
        "delivery": {"state": "sent", "attempts": 1},
    }
    table.client().put_item(TableName=table.table_name(), Item=table.to_item(item))


def rename(session: dict[str, Any], first_name: str) -> None:
    table.client().update_item(
        TableName=table.table_name(),
        Key=table.to_item(
            dict(zip(("PK", "SK"), keys.session(session["session_id"]), strict=True))
        ),
        UpdateExpression="SET #u.first_name = :n",
        ExpressionAttributeNames={"#u": "user"},
        ExpressionAttributeValues=table.values({":n": first_name}),
    )


@pytest.fixture
def chat(client: TestClient, team: dict[str, Any]) -> dict[str, Any]:  # noqa: F811
    """maria's session: the user 王小明 writes, sends a photo; maria (named 玛丽亚) answers
    with a formula-like text; boss writes a shared note, maria a personal one."""
    session = team["sessions"]["maria"]
    rename(session, "王小明")
    renamed = client.patch(
        f"/api/agents/{team['ids']['maria']}",
        json={"display_name": "玛丽亚"},
        headers=team["admin"],
    )
    assert renamed.status_code == 200, renamed.text
    at = session["opened_at"]
    put_inbound_message(session, "你好，我的订单在哪里？", at=at + 1000)
    photo = put_inbound_message(
        session,
        at=at + 2000,
        photo={"file_id": "AgAC", "file_unique_id": "u1", "width": 90, "height": 90},
        caption="截图",
    )
    put_reply(session, team["ids"]["maria"], FORMULA, at=at + 3000)
    for who, text, personal in (("boss", "VIP 客户", False), ("maria", "my own reminder", True)):
        made = client.post(
            f"/api/sessions/{session['session_id']}/notes",
            json={"text": text, "personal": personal},
            headers=team[who],
        )
        assert made.status_code == 201, made.text
    return {**team, "sid": session["session_id"], "photo_id": photo["message_id"]}


def get(client: TestClient, chat: dict[str, Any], who: str, **params: Any) -> Any:
    return client.get(f"/api/sessions/{chat['sid']}/transcript", params=params, headers=chat[who])


def test_markdown_names_the_user_and_the_agent_and_links_the_photo(
    client: TestClient, chat: dict[str, Any]
) -> None:
    response = get(client, chat, "maria")
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/markdown")
    assert "attachment" in response.headers["content-disposition"]
    text = response.text
    assert "# Transcript: 王小明 \\(@alice\\)" in text
    assert "你好，我的订单在哪里？" in text
    assert "玛丽亚" in text
    link = f"/api/sessions/{chat['sid']}/messages/{chat['photo_id']}/media"
    assert link in text
    assert "AgAC" not in text  # the file itself (its Telegram id) is never in a transcript
    assert "VIP" not in text  # notes only when asked


def test_csv_is_formula_safe_with_a_bom_and_notes_when_asked(
    client: TestClient, chat: dict[str, Any]
) -> None:
    response = get(client, chat, "maria", format="csv", notes="true")
    assert response.status_code == 200, response.text
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(body.lstrip("\ufeff"))))
    assert rows[0] == list(transcript.CSV_HEADER)
    by_text = {row[4]: row for row in rows[1:]}
    assert by_text["'" + FORMULA][2] == "玛丽亚"  # run as text by a spreadsheet
    assert by_text["你好，我的订单在哪里？"][2] == "王小明 (@alice)"
    assert by_text["截图"][5].endswith(f"/messages/{chat['photo_id']}/media")
    assert by_text["VIP 客户"][1] == "note"
    assert by_text["my own reminder"][3] == "personal note"  # maria's own note: hers to read


def test_json_keeps_order_and_leaves_out_notes_others_may_not_read(
    client: TestClient, chat: dict[str, Any]
) -> None:
    response = get(client, chat, "boss", format="json", notes="true")
    assert response.status_code == 200, response.text
    document = json.loads(response.text)
    assert document["session"]["session_id"] == chat["sid"]
    assert document["session"]["user"] == "王小明 (@alice)"
    items = document["items"]
    assert [i["kind"] for i in items][:3] == ["in", "in", "out"]
    assert items[2]["text"] == FORMULA  # JSON holds the text as it is
    texts = [i["text"] for i in items]
    assert "VIP 客户" in texts
    assert "my own reminder" not in texts  # maria's personal note is not boss's to read
    assert items == sorted(items, key=lambda i: i["at"])


def test_who_may_export(client: TestClient, chat: dict[str, Any]) -> None:
    assert get(client, chat, "admin").status_code == 200
    assert get(client, chat, "boss").status_code == 200
    for outsider in ("ana", "li", "chief"):  # hidden is 404
        response = get(client, chat, outsider)
        assert response.status_code == 404, (outsider, response.text)
        assert response.json()["code"] == "session_not_found"
    narrow_permissions(chat["p1"], chat["ids"]["maria"], ["reply"])
    refused = get(client, chat, "maria")
    assert refused.status_code == 403
    assert refused.json()["code"] == "permission_denied"


def test_every_export_is_audited(client: TestClient, chat: dict[str, Any]) -> None:
    get(client, chat, "maria", format="csv")
    get(client, chat, "boss", format="json", notes="true")
    found = audit_entries(client, chat["admin"], "session.export")
    assert {(e["actor_id"], e["details"]["format"], e["details"]["notes"]) for e in found} == {
        (chat["ids"]["maria"], "csv", False),
        (chat["ids"]["boss"], "json", True),
    }
    assert all(e["target_id"] == chat["sid"] for e in found)


def test_a_session_too_long_for_a_response_is_refused(
    client: TestClient, chat: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(transcript, "MAX_MESSAGES", 2)
    response = get(client, chat, "maria")
    assert response.status_code == 413
    assert response.json()["code"] == "transcript_too_large"
    monkeypatch.setattr(transcript, "MAX_MESSAGES", 5000)
    monkeypatch.setattr(transcript, "MAX_BYTES", 100)
    assert get(client, chat, "maria", format="json").status_code == 413
    assert audit_entries(client, chat["admin"], "session.export") == []


def test_an_unknown_format_is_invalid_input(client: TestClient, chat: dict[str, Any]) -> None:
    assert get(client, chat, "maria", format="pdf").status_code == 422
