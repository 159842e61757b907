"""Media through the API: the right file of each kind, its headers, who may fetch it, the
size limits, Telegram's failures, and binary bodies through the real Lambda handler."""

from __future__ import annotations

import base64
import json
from typing import Any

import collab_helpers
import pytest
from api_helpers import BOT_TOKEN, FakeBotApi, all_logs, api_module, http_event
from conftest import lambda_context, telegram_samples
from fastapi.testclient import TestClient
from ingest_support import fixture

from tgdesk.core import secrets
from tgdesk.core.errors import TgdeskError
from tgdesk.inbound import ingest, media
from tgdesk.storage import conversations, keys, session_messages, table
from tgdesk.telegram.updates import InboundMessage, decode_update

team = collab_helpers.team

USER = 700100200  # the user of tests/fixtures/updates
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9"
OGG = b"OggS\x00\x02\x00\x00\x00\x00\x00\x00\x00\x00\x91\xa6\x12\x00\x00\x00\x00\x00"
FILE_TOO_BIG = {"ok": False, "error_code": 400, "description": "Bad Request: file is too big"}


# -- arranging --------------------------------------------------------------------------
def receive(project_id: str, update: dict[str, Any]) -> dict[str, Any]:
    """Deliver one Telegram update through the webhook's code; returns the stored message."""
    ingest.clear_project_cache()
    secret = secrets.get_webhook_secret(project_id)
    outcome = ingest.handle_update(project_id, secret, json.dumps(update))
    assert outcome.result == "stored", outcome
    session_id = conversations.get_user(project_id, USER)["open_session_id"]
    messages, _ = conversations.list_session_messages(
        conversations.get_session(session_id), limit=200
    )
    return messages[-1]


def assign(session_id: str, agent_id: str) -> None:
    """Give the session to an agent, as routing records it (docs/data-model.md)."""
    pk, sk = keys.session(session_id)
    table.client().update_item(
        TableName=table.table_name(),
        Key=table.to_item({"PK": pk, "SK": sk}),
        UpdateExpression="SET assignee_id = :a, GSI1PK = :g",
        ExpressionAttributeValues=table.values(
            {":a": agent_id, ":g": keys.assignee_sessions_index(agent_id)}
        ),
    )


def serve(fake: FakeBotApi, file_path: str, content: bytes, file_size: int | None = None) -> None:
    """Telegram's next getFile answer points at `file_path`, which holds `content`."""
    result = {"file_id": "ignored", "file_unique_id": "AgADx", "file_path": file_path}
    result["file_size"] = len(content) if file_size is None else file_size
    fake.fail("getFile", 200, {"ok": True, "result": result})
    fake.files[file_path] = content


@pytest.fixture
def chat(team: dict[str, Any]) -> dict[str, Any]:
    """maria holds a session of the fixtures' user with one message of every media kind."""
    p1 = team["p1"]
    names = ("photo_caption", "document", "voice", "audio", "video", "video_note", "sticker")
    messages = {name: receive(p1, fixture(name)) for name in names}
    messages["text"] = receive(p1, fixture("text_entities"))
    session_id = messages["text"]["session_id"]
    assign(session_id, team["ids"]["maria"])
    return {**team, "session_id": session_id, "messages": messages}


def media_url(chat: dict[str, Any], name: str) -> str:
    message_id = chat["messages"][name]["message_id"]
    return f"/api/sessions/{chat['session_id']}/messages/{message_id}/media"


# -- which file, and how it is served ---------------------------------------------------
def test_a_photo_is_served_at_full_size_with_safe_headers(
    client: TestClient, chat: dict[str, Any], telegram: FakeBotApi
) -> None:
    serve(telegram, "photos/file_7.jpg", JPEG)
    response = client.get(media_url(chat, "photo_caption"), headers=chat["maria"])
    assert response.status_code == 200, response.text
    assert response.content == JPEG
    assert response.headers["content-type"] == "image/jpeg"
    assert response.headers["cache-control"] == "private, max-age=3600"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["content-disposition"].startswith("inline;")
    assert telegram.calls_of("getFile")[-1].params == {"file_id": "AgACAgIAAxkBAAMMphotoL"}
    assert telegram.calls_of("download")[-1].params == {"file_path": "photos/file_7.jpg"}


def test_a_photo_thumbnail_is_the_smallest_size_320_px_or_more(
    client: TestClient, chat: dict[str, Any], telegram: FakeBotApi
) -> None:
    serve(telegram, "photos/file_8.jpg", JPEG)
    url = media_url(chat, "photo_caption")
    response = client.get(url, params={"size": "thumb"}, headers=chat["maria"])
    assert response.status_code == 200, response.text
    assert telegram.calls_of("getFile")[-1].params == {"file_id": "AgACAgIAAxkBAAMMphotoM"}
    invalid = client.get(url, params={"size": "huge"}, headers=chat["maria"])
    assert invalid.status_code == 422
    assert invalid.json()["field"] == "size"


def test_a_document_downloads_under_its_own_name_and_previews_by_its_thumbnail(
    client: TestClient, chat: dict[str, Any], telegram: FakeBotApi
) -> None:
    serve(telegram, "documents/file_3.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    response = client.get(media_url(chat, "document"), headers=chat["maria"])
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/pdf"
    assert response.headers["content-disposition"] == (
        "attachment; filename=\"invoice-17.pdf\"; filename*=UTF-8''invoice-17.pdf"
    )
    serve(telegram, "thumbnails/file_4.jpg", JPEG)
    thumb = client.get(media_url(chat, "document"), params={"size": "thumb"}, headers=chat["maria"])
    assert thumb.status_code == 200
    assert thumb.headers["content-type"] == "image/jpeg"
    assert thumb.headers["content-disposition"].startswith("inline;")
    assert telegram.calls_of("getFile")[-1].params == {"file_id": "AAMCAgADthumb"}


@pytest.mark.parametrize(
    ("name", "file_path", "content_type"),
    [
        ("voice", "voice/file_5.oga", "audio/ogg"),
        ("audio", "music/file_6.mp3", "audio/mpeg"),
        ("video", "videos/file_7.mp4", "video/mp4"),
        ("video_note", "video_notes/file_8.mp4", "video/mp4"),
        ("sticker", "stickers/file_9.webp", "image/webp"),
    ],
)
def test_voice_audio_video_and_stickers_play_in_place(
    client: TestClient,
    chat: dict[str, Any],
    telegram: FakeBotApi,
    name: str,
    file_path: str,
    content_type: str,
) -> None:
    serve(telegram, file_path, OGG)
    response = client.get(media_url(chat, name), headers=chat["maria"])
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == content_type
    assert response.headers["content-disposition"].startswith("inline;")
    assert (
        telegram.calls_of("getFile")[-1].params["file_id"]
        == chat["messages"][name]["media"]["file_id"]
    )


def test_thumbnails_of_other_kinds(
    client: TestClient, chat: dict[str, Any], telegram: FakeBotApi
) -> None:
    serve(telegram, "thumbnails/file_1.jpg", JPEG)
    note = client.get(
        media_url(chat, "video_note"), params={"size": "thumb"}, headers=chat["maria"]
    )
    assert note.status_code == 200
    assert telegram.calls_of("getFile")[-1].params == {"file_id": "AAMCAgADvnthumb"}
    # A sticker without a thumbnail is small enough to stand for one itself.
    serve(telegram, "stickers/file_2.webp", b"RIFF\x00\x00\x00\x00WEBPVP8 ")
    sticker = client.get(
        media_url(chat, "sticker"), params={"size": "thumb"}, headers=chat["maria"]
    )
    assert sticker.status_code == 200
    assert sticker.headers["content-type"] == "image/webp"
    # A video with no thumbnail has no preview image.
    calls = len(telegram.calls)
    video = client.get(media_url(chat, "video"), params={"size": "thumb"}, headers=chat["maria"])
    assert (video.status_code, video.json()["code"]) == (404, "no_media")
    assert len(telegram.calls) == calls


def test_a_message_without_a_file_is_no_media(
    client: TestClient, chat: dict[str, Any], telegram: FakeBotApi
) -> None:
    response = client.get(media_url(chat, "text"), headers=chat["maria"])
    assert (response.status_code, response.json()["code"]) == (404, "no_media")
    assert telegram.calls_of("getFile") == []


# -- who may fetch it -----------------------------------------------------------------
def test_only_those_who_may_see_the_session_get_its_files(
    client: TestClient, chat: dict[str, Any], telegram: FakeBotApi
) -> None:
    url = media_url(chat, "photo_caption")
    for outsider in ("ana", "li", "chief"):
        response = client.get(url, headers=chat[outsider])
        assert (response.status_code, response.json()["code"]) == (404, "session_not_found")
    assert telegram.calls_of("getFile") == []
    for holder in ("maria", "boss", "admin"):
        serve(telegram, "photos/file_1.jpg", JPEG)
        assert client.get(url, headers=chat[holder]).status_code == 200, holder
    assert client.get(url).status_code == 401


def test_a_message_must_belong_to_the_session_in_the_path(
    client: TestClient, chat: dict[str, Any]
) -> None:
    other = chat["sessions"]["maria"]["session_id"]  # maria's other session
    message_id = chat["messages"]["photo_caption"]["message_id"]
    for session_id, mid in ((other, message_id), (chat["session_id"], "not-a-message-id")):
        response = client.get(
            f"/api/sessions/{session_id}/messages/{mid}/media", headers=chat["maria"]
        )
        assert (response.status_code, response.json()["code"]) == (404, "message_not_found")


def test_finding_a_message_reads_backwards_from_its_ids_time(chat: dict[str, Any]) -> None:
    session = conversations.get_session(chat["session_id"])
    for stored in chat["messages"].values():
        found = session_messages.find(session, stored["message_id"])
        assert found is not None and found["message_id"] == stored["message_id"]
        assert session_messages.id_time(stored["message_id"]) >= stored["created_at"]
    assert session_messages.find(session, "0" * 26) is None
    assert session_messages.id_time("0" * 25 + "I") is None


# -- limits and failures ----------------------------------------------------------------
def test_files_over_the_limits_are_refused_with_413(
    client: TestClient, team: dict[str, Any], telegram: FakeBotApi
) -> None:
    update = fixture("video")
    update["message"]["video"]["file_size"] = 25 * 1024 * 1024
    big = receive(team["p1"], update)
    assign(big["session_id"], team["ids"]["maria"])
    url = f"/api/sessions/{big['session_id']}/messages/{big['message_id']}/media"
    response = client.get(url, headers=team["maria"])
    assert (response.status_code, response.json()["code"]) == (413, "file_too_big")
    assert "20 MB" in response.json()["message"]
    assert telegram.calls_of("getFile") == []
    # Telegram's own refusal, and a file too big for a Lambda answer.
    update = fixture("document")
    update["update_id"] += 1
    update["message"]["message_id"] += 100
    doc = receive(team["p1"], update)
    doc_url = f"/api/sessions/{doc['session_id']}/messages/{doc['message_id']}/media"
    telegram.fail("getFile", 400, FILE_TOO_BIG)
    refused = client.get(doc_url, headers=team["maria"])
    assert (refused.status_code, refused.json()["code"]) == (413, "file_too_big")
    serve(telegram, "documents/big.pdf", b"x", file_size=media.RESPONSE_LIMIT + 1)
    too_big = client.get(doc_url, headers=team["maria"])
    assert (too_big.status_code, too_big.json()["code"]) == (413, "file_too_big")
    assert telegram.calls_of("download") == []


@pytest.mark.parametrize(
    ("failure", "retry_after"),
    [
        ((500, {"ok": False, "error_code": 500, "description": "Internal Server Error"}), None),
        (
            (
                429,
                {
                    "ok": False,
                    "error_code": 429,
                    "description": "Too Many Requests: retry after 7",
                    "parameters": {"retry_after": 7},
                },
            ),
            "7",
        ),
        (
            (400, {"ok": False, "error_code": 400, "description": "Bad Request: invalid file_id"}),
            None,
        ),
    ],
)
def test_telegram_failures_are_502_and_never_show_the_token(
    client: TestClient,
    chat: dict[str, Any],
    telegram: FakeBotApi,
    caplog: pytest.LogCaptureFixture,
    failure: tuple[int, dict[str, Any]],
    retry_after: str | None,
) -> None:
    telegram.fail("getFile", *failure)
    with all_logs(caplog):
        response = client.get(media_url(chat, "voice"), headers=chat["maria"])
    assert (response.status_code, response.json()["code"]) == (502, "telegram_unavailable")
    assert response.headers.get("retry-after") == retry_after
    assert BOT_TOKEN not in response.text
    assert BOT_TOKEN.split(":")[1] not in caplog.text


def test_a_failed_download_or_no_connection_is_502(
    client: TestClient, chat: dict[str, Any], telegram: FakeBotApi, caplog: pytest.LogCaptureFixture
) -> None:
    url = media_url(chat, "voice")
    fake_result = {"file_id": "x", "file_unique_id": "y", "file_path": "voice/gone.oga"}
    telegram.fail("getFile", 200, {"ok": True, "result": fake_result})
    with all_logs(caplog):
        gone = client.get(url, headers=chat["maria"])
        telegram.break_connection("getFile")
        offline = client.get(url, headers=chat["maria"])
    for response in (gone, offline):
        assert (response.status_code, response.json()["code"]) == (502, "telegram_unavailable")
        assert BOT_TOKEN not in response.text
    assert BOT_TOKEN.split(":")[1] not in caplog.text


# -- the real handler -------------------------------------------------------------------
def test_binary_bodies_leave_the_lambda_base64_encoded(
    chat: dict[str, Any], telegram: FakeBotApi
) -> None:
    handler = api_module().handler
    token = chat["maria"]["Authorization"].removeprefix("Bearer ")
    serve(telegram, "photos/file_9.jpg", JPEG)
    path = media_url(chat, "photo_caption")
    answer = handler(http_event("GET", path, token=token, query="size=thumb"), lambda_context())
    assert answer["statusCode"] == 200, answer
    assert answer["isBase64Encoded"] is True
    assert base64.b64decode(answer["body"]) == JPEG
    assert answer["headers"]["content-type"] == "image/jpeg"
    assert answer["headers"]["x-content-type-options"] == "nosniff"
    # A text document passes through unchanged too.
    serve(telegram, "documents/file_1.txt", "héllo".encode())
    doc = handler(http_event("GET", media_url(chat, "document"), token=token), lambda_context())
    body = doc["body"]
    raw = base64.b64decode(body) if doc["isBase64Encoded"] else body.encode()
    assert raw == "héllo".encode()
    assert doc["headers"]["content-disposition"].startswith("attachment;")


# -- content types and file names -------------------------------------------------------
def ref(kind: str, mime_type: str | None, file_name: str | None = None) -> media.FileRef:
    return media.FileRef(kind, "id", 10, mime_type, file_name, thumbnail=False)


def test_declared_types_are_trusted_only_where_they_fit_the_kind() -> None:
    assert media.content_type_of(ref("video", "text/html"), "videos/a.mp4") == "video/mp4"
    assert media.content_type_of(ref("voice", "image/svg+xml")) == "audio/ogg"
    assert media.content_type_of(ref("sticker", None), "stickers/a.tgs") == (
        "application/x-tgsticker"
    )
    assert media.content_type_of(ref("document", "Text/HTML; charset=x")) == "text/html"
    assert media.content_type_of(ref("document", "not a type"), "documents/a") == (
        "application/octet-stream"
    )
    # Whatever a document declares, it is downloaded, never rendered as a page of ours.
    html = ref("document", "text/html", "<b>x</b>.html")
    assert media.disposition_of(html, "text/html").startswith("attachment;")
    svg = ref("photo", None)
    assert media.disposition_of(svg, "image/svg+xml").startswith("attachment;")


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("invoice.pdf", "invoice.pdf"),
        ("../../etc/passwd", "_.._etc_passwd"),
        ('a"b\r\nc<d>.txt', "a_bc_d_.txt"),
        ("  .hidden  ", "hidden"),
        ("отчёт 2024.xlsx", "отчёт 2024.xlsx"),
        ("x" * 300 + ".pdf", "x" * 116 + ".pdf"),
        ("\u202e\u0000", ""),
        (None, ""),
    ],
)
def test_file_names_are_sanitised(name: str | None, safe: str) -> None:
    assert media.safe_file_name(name) == safe


def test_the_disposition_header_carries_unicode_names_safely() -> None:
    header = media.disposition_of(ref("document", None, 'счёт "1".pdf'), "application/pdf")
    assert header == (
        "attachment; filename=\"____ _1_.pdf\"; filename*=UTF-8''%D1%81%D1%87%D1%91%D1%82%20_1_.pdf"
    )
    assert media.disposition_of(ref("voice", None), "audio/ogg", "voice/file_1.oga") == (
        "inline; filename=\"voice.oga\"; filename*=UTF-8''voice.oga"
    )


def test_real_updates_name_a_file_that_is_in_the_update() -> None:
    """Every media message among the real samples resolves to a file_id Telegram sent."""
    checked = 0
    for path in telegram_samples():
        update = decode_update(path.read_text(encoding="utf-8"))
        if not isinstance(update, InboundMessage) or "media" not in update.message:
            continue
        message = update.message
        sent = json.dumps(message["raw"])
        for size in media.Size:
            try:
                chosen = media.file_of(message, size)
            except TgdeskError as err:
                assert err.code == "no_media" and size is media.Size.THUMB
                continue
            assert chosen.file_id in sent
        checked += 1
    if not telegram_samples():
        pytest.skip("the shared Telegram samples are not beside this clone")
    assert checked >= 3
