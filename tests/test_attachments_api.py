"""Files from the agent (tgdesk.attachments) through the API: a presigned upload to S3, then a
media message that becomes the right Bot API method with the file; what is refused before any
upload (Telegram's limits, the project's kinds, `send_files`); exactly once per
client_message_id; risk control on the caption and the file name.

The team (collab_helpers): admin; p1 maria, ana (agents), boss (supervisor); p2 li, chief.
"""

from __future__ import annotations

from typing import Any

import collab_helpers
import pytest
from api_helpers import scan_items
from attachments_support import (
    BUCKET,
    MediaBotApi,
    bot,
    bucket,
    png,
    post_form,
    request_upload,
    send_media,
    upload,
)
from fastapi.testclient import TestClient
from risk_support import create_group, keywords

from tgdesk.attachments import limits
from tgdesk.outbound import delivery

team = collab_helpers.team
__all__ = ["bot", "bucket", "team"]

MB = 1024 * 1024


@pytest.fixture
def maria(team: dict[str, Any]) -> dict[str, Any]:
    return {"headers": team["maria"], "session_id": team["sessions"]["maria"]["session_id"]}


def outbound_messages() -> list[dict[str, Any]]:
    return [i for i in scan_items() if i.get("kind") == "message" and i.get("direction") == "out"]


def test_a_presigned_upload_then_a_send_becomes_send_photo_with_the_file(
    client: TestClient, maria: dict[str, Any], bot: MediaBotApi, bucket: Any
) -> None:
    image = png()
    form = upload(client, maria["headers"], maria["session_id"], image)
    assert form["kind"] == "photo" and form["size"] == len(image)
    # The object key is tgdesk's, under the project and the session; never the file's name.
    key = form["fields"]["key"]
    assert key.startswith("uploads/") and maria["session_id"] in key and "screenshot" not in key
    assert bucket.head_object(Bucket=BUCKET, Key=key)["ContentLength"] == len(image)

    response = send_media(
        client,
        maria["headers"],
        maria["session_id"],
        [form["upload_id"]],
        caption="Here it is",
        client_message_id="m1",
    )

    assert response.status_code == 201, response.text
    message = response.json()
    assert message["type"] == "photo" and message["caption"] == "Here it is"
    assert message["delivery"]["state"] == "sent"
    assert message["text"] is None
    [call] = bot.calls_of("sendPhoto")
    assert call.params["caption"] == "Here it is"
    assert bot.uploaded == [("sendPhoto", "photo", "screenshot.png", image)]
    # Shown like a user's photo: Telegram's file, whose file_id is kept for any later send.
    assert message["media"]["file_id"] == message["attachments"][0]["file_id"]
    assert message["media"]["sizes"]
    stored = [i for i in scan_items() if i.get("kind") == "attachment_upload"]
    assert stored[0]["file_id"] == message["media"]["file_id"]


def test_each_kind_goes_by_its_own_method_and_an_album_by_send_media_group(
    client: TestClient, maria: dict[str, Any], bot: MediaBotApi
) -> None:
    headers, sid = maria["headers"], maria["session_id"]
    pdf = upload(
        client, headers, sid, b"%PDF-1.4 x", name="terms.pdf", content_type="application/pdf"
    )
    voice = upload(client, headers, sid, b"OggS voice", name="note.ogg", content_type="audio/ogg")
    as_file = upload(client, headers, sid, png(), name="scan.png", kind="document")
    assert (pdf["kind"], voice["kind"], as_file["kind"]) == ("document", "voice", "document")

    assert send_media(client, headers, sid, [pdf["upload_id"]]).status_code == 201
    assert send_media(client, headers, sid, [voice["upload_id"]]).status_code == 201
    assert [u[0] for u in bot.uploaded] == ["sendDocument", "sendVoice"]

    photos = [upload(client, headers, sid, png(), name=f"p{i}.png") for i in range(2)]
    response = send_media(client, headers, sid, [p["upload_id"] for p in photos], caption="Both")
    assert response.status_code == 201, response.text
    [call] = bot.calls_of("sendMediaGroup")
    assert [m["media"] for m in call.params["media"]] == ["attach://file0", "attach://file1"]
    assert call.params["media"][0]["caption"] == "Both"
    assert len(response.json()["attachments"]) == 2

    mixed = send_media(client, headers, sid, [as_file["upload_id"], photos[0]["upload_id"]])
    assert mixed.status_code == 422 and mixed.json()["code"] == "attachments_not_an_album"


def test_a_60_mb_file_is_refused_before_upload_with_a_clear_error(
    client: TestClient, maria: dict[str, Any], bot: MediaBotApi
) -> None:
    response = request_upload(
        client,
        maria["headers"],
        maria["session_id"],
        name="film.mp4",
        content_type="video/mp4",
        size=60 * MB,
    )

    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "attachment_too_big"
    assert body["message"] == "A file sent by a bot is at most 50 MB; this one is 60.0 MB."
    assert [i for i in scan_items() if i.get("kind") == "attachment_upload"] == []
    photo = request_upload(
        client,
        maria["headers"],
        maria["session_id"],
        name="big.jpg",
        content_type="image/jpeg",
        size=11 * MB,
    )
    assert photo.status_code == 422 and "photo sent by a bot is at most 10 MB" in photo.text


def test_without_send_files_nothing_is_uploaded_or_sent(
    client: TestClient, team: dict[str, Any], maria: dict[str, Any], bot: MediaBotApi
) -> None:
    form = upload(client, maria["headers"], maria["session_id"], png())
    collab_helpers.narrow_permissions(team["p1"], team["ids"]["maria"], ["reply"])

    refused = request_upload(
        client,
        maria["headers"],
        maria["session_id"],
        name="a.png",
        content_type="image/png",
        size=9,
    )
    assert refused.status_code == 403 and refused.json()["code"] == "permission_denied"
    sent = send_media(client, maria["headers"], maria["session_id"], [form["upload_id"]])
    assert sent.status_code == 403 and "send_files" in sent.json()["message"]
    assert bot.uploaded == [] and outbound_messages() == []


def test_a_retried_client_message_id_sends_once(
    client: TestClient, maria: dict[str, Any], bot: MediaBotApi
) -> None:
    form = upload(client, maria["headers"], maria["session_id"], png())
    args = (client, maria["headers"], maria["session_id"], [form["upload_id"]])

    first = send_media(*args, caption="Once", client_message_id="again")
    second = send_media(*args, caption="Once", client_message_id="again")

    assert (first.status_code, second.status_code) == (201, 200)
    assert second.json()["message_id"] == first.json()["message_id"]
    assert len(bot.calls_of("sendPhoto")) == 1 and len(outbound_messages()) == 1
    other = send_media(*args, caption="Another", client_message_id="again")
    assert other.status_code == 409 and other.json()["code"] == "client_message_id_reused"


def test_a_caption_or_file_name_with_a_blocked_address_is_refused(
    client: TestClient, team: dict[str, Any], maria: dict[str, Any], bot: MediaBotApi
) -> None:
    create_group(client, team["admin"], name="Frozen", action="block", entries=keywords("T9yD"))
    form = upload(client, maria["headers"], maria["session_id"], png())
    named = upload(client, maria["headers"], maria["session_id"], png(), name="pay T9yDqq.png")

    by_caption = send_media(
        client, maria["headers"], maria["session_id"], [form["upload_id"]], caption="to T9yDqq"
    )
    by_name = send_media(client, maria["headers"], maria["session_id"], [named["upload_id"]])

    assert by_caption.status_code == 422 and by_caption.json()["code"] == "risk_blocked"
    assert by_name.status_code == 422 and by_name.json()["code"] == "risk_blocked"
    assert bot.uploaded == [] and outbound_messages() == []


def test_a_file_not_uploaded_yet_or_of_another_session_is_refused(
    client: TestClient, team: dict[str, Any], maria: dict[str, Any], bot: MediaBotApi
) -> None:
    response = request_upload(
        client,
        maria["headers"],
        maria["session_id"],
        name="a.png",
        content_type="image/png",
        size=5,
    )
    pending = response.json()["upload_id"]
    refused = send_media(client, maria["headers"], maria["session_id"], [pending])
    assert refused.status_code == 422 and refused.json()["code"] == "upload_incomplete"

    ana_sid = team["sessions"]["ana"]["session_id"]
    anas = upload(client, team["ana"], ana_sid, png())
    stolen = send_media(client, maria["headers"], maria["session_id"], [anas["upload_id"]])
    assert stolen.status_code == 422 and stolen.json()["code"] == "upload_not_found"
    # Another agent's session is not there at all.
    hidden = request_upload(
        client, maria["headers"], ana_sid, name="a.png", content_type="image/png", size=5
    )
    assert hidden.status_code == 404


def test_a_project_can_allow_only_some_kinds(
    client: TestClient, team: dict[str, Any], maria: dict[str, Any], bot: MediaBotApi
) -> None:
    url = f"/api/projects/{team['p1']}/attachment-settings"
    assert client.get(url, headers=team["boss"]).json()["kinds"] == list(limits.KINDS)
    saved = client.put(url, json={"kinds": ["photo"]}, headers=team["admin"])
    assert saved.status_code == 200 and saved.json()["kinds"] == ["photo"]
    assert client.put(url, json={"kinds": []}, headers=team["boss"]).status_code == 403

    refused = request_upload(
        client,
        maria["headers"],
        maria["session_id"],
        name="terms.pdf",
        content_type="application/pdf",
        size=100,
    )
    assert refused.status_code == 422
    assert refused.json()["code"] == "attachment_kind_not_allowed"
    assert "allowed: photo" in refused.json()["message"]


def test_a_failed_send_is_retried_from_the_bucket_and_sent_once(
    client: TestClient, maria: dict[str, Any], bot: MediaBotApi
) -> None:
    from tgdesk.core import clock

    form = upload(client, maria["headers"], maria["session_id"], png())
    bot.fail("sendPhoto", 500, {"ok": False, "error_code": 500, "description": "Internal"})

    response = send_media(client, maria["headers"], maria["session_id"], [form["upload_id"]])
    assert response.json()["delivery"]["state"] == "retrying"

    clock.set_now_for_tests(response.json()["delivery"]["next_attempt_at"] + 1)
    counts = delivery.run_due_retries()

    assert counts["sent"] == 1
    assert [u[0] for u in bot.uploaded] == ["sendPhoto", "sendPhoto"]
    [stored] = outbound_messages()
    assert stored["delivery"]["state"] == "sent" and stored["media"]["file_id"]


def test_the_form_only_takes_the_declared_size(
    client: TestClient, maria: dict[str, Any], bot: MediaBotApi
) -> None:
    response = request_upload(
        client,
        maria["headers"],
        maria["session_id"],
        name="a.png",
        content_type="image/png",
        size=5,
    )
    form = response.json()
    conditions = form["fields"]
    assert conditions["Content-Type"] == "image/png" and "policy" in conditions
    post_form(form, b"12345")
    sent = send_media(client, maria["headers"], maria["session_id"], [form["upload_id"]])
    assert sent.status_code == 201  # exactly the bytes declared
