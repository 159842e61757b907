"""The sandbox Telegram takes an agent's files as Telegram does (multipart sendPhoto...,
sendMediaGroup for an album) and shows them to its user: a photo in place, a file as a link."""

from __future__ import annotations

import json
from typing import Any

from attachments_support import png

from tests.test_local_sandbox import ALICE, api, sandbox

__all__ = ["sandbox"]


def test_an_album_is_one_message_per_file_sharing_a_group(sandbox: Any) -> None:
    client, bot, _ = sandbox
    media = [
        {"type": "photo", "media": "attach://file0", "caption": "both"},
        {"type": "document", "media": "attach://file1"},
    ]
    refused = api(client, bot, "sendMediaGroup", data={"chat_id": str(ALICE), "media": "[]"})
    assert refused.status_code == 400

    response = api(
        client,
        bot,
        "sendMediaGroup",
        data={"chat_id": str(ALICE), "media": json.dumps(media)},
        files={
            "file0": ("shot.png", png(), "image/png"),
            "file1": ("terms.pdf", b"%PDF-1.4", "application/pdf"),
        },
    )

    photo, document = response.json()["result"]
    assert photo["caption"] == "both" and "caption" not in document
    assert photo["media_group_id"] == document["media_group_id"]
    assert document["document"]["file_name"] == "terms.pdf"
    assert [m["message_id"] for m in bot.sent(ALICE)] == [
        photo["message_id"],
        document["message_id"],
    ]


def test_the_page_shows_a_sent_photo_in_place_and_a_file_only_as_a_download(sandbox: Any) -> None:
    client, bot, _ = sandbox
    image = png()
    sent = api(
        client,
        bot,
        "sendPhoto",
        data={"chat_id": str(ALICE)},
        files={"photo": ("shot.png", image, "image/png")},
    ).json()["result"]
    page = client.get(f"/sandbox/media/{sent['photo'][-1]['file_id']}")
    assert page.content == image and page.headers["content-type"] == "image/png"

    html = api(
        client,
        bot,
        "sendDocument",
        data={"chat_id": str(ALICE)},
        files={"document": ("page.html", b"<script>1</script>", "text/html")},
    ).json()["result"]
    download = client.get(f"/sandbox/media/{html['document']['file_id']}")
    assert download.headers["content-type"] == "application/octet-stream"
    assert download.headers["content-disposition"] == "attachment"
    assert client.get("/sandbox/media/nothing").status_code == 404
