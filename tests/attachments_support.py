"""Agents' files in tests (tgdesk.attachments): the uploads bucket in moto, a fake Bot API that
takes multipart uploads as Telegram does, and the console's two steps (presigned upload, send).
"""

from __future__ import annotations

import struct
import time
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import boto3
import pytest
import requests
from api_helpers import API_BASE, FakeBotApi
from fastapi.testclient import TestClient

from infra.local.sandbox.params import parse_params
from tgdesk.attachments import limits, uploads
from tgdesk.telegram import client as telegram

BUCKET = "tgdesk-uploads-test"
MEDIA_KINDS = {
    "sendPhoto": "photo",
    "sendDocument": "document",
    "sendAudio": "audio",
    "sendVideo": "video",
    "sendVoice": "voice",
}


def png(width: int = 2, height: int = 1) -> bytes:
    """A real (tiny) PNG image."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    rows = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


@dataclass
class MediaBotApi(FakeBotApi):
    """FakeBotApi that also answers the media methods, multipart or by file_id; `uploaded`
    holds every file part received as (method, part name, file name, bytes)."""

    uploaded: list[tuple[str, str, str, bytes]] = field(default_factory=list)

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:
        content_type = request.headers.get("Content-Type", "")
        if not content_type.startswith("multipart/form-data"):
            return super().send(request, **kwargs)
        body = request.body if isinstance(request.body, bytes) else b""
        params, files = parse_params("", content_type, body)
        method = (request.url or "").rsplit("/", 1)[1]
        for name, upload in files.items():
            self.uploaded.append((method, name, upload.filename, upload.data))
        # Hand the rest to FakeBotApi as the JSON body it reads (files named attach://...).
        params = {**params, **{name: f"attach://{name}" for name in files}}
        request.body = _json(params)
        return super().send(request, **kwargs)

    def _result(self, bot: dict[str, Any], method: str, params: dict[str, Any]) -> Any:
        if method in MEDIA_KINDS:
            return self._message(bot, params, MEDIA_KINDS[method], params[MEDIA_KINDS[method]])
        if method == "sendMediaGroup":
            media = params["media"]
            items = media if isinstance(media, list) else _loads(media)
            return [self._message(bot, params, i["type"], i["media"]) for i in items]
        return super()._result(bot, method, params)

    def _message(self, bot: dict[str, Any], params: dict[str, Any], kind: str, ref: str) -> Any:
        self.next_message_id += 1
        file_id = ref if not ref.startswith("attach://") else f"FILE{self.next_message_id}"
        file = {"file_id": file_id, "file_unique_id": f"U{file_id}", "file_size": 4}
        message: dict[str, Any] = {
            "message_id": self.next_message_id,
            "from": bot,
            "chat": {"id": int(params["chat_id"]), "first_name": "Alice", "type": "private"},
            "date": int(time.time()),
        }
        if kind == "photo":
            message["photo"] = [{**file, "width": 2, "height": 1}]
        else:
            message[kind] = {**file, "mime_type": "application/octet-stream"}
        if params.get("caption"):
            message["caption"] = params["caption"]
        return message


def _json(params: dict[str, Any]) -> bytes:
    import json

    decoded = {k: _loads(v) if k in ("media", "reply_markup") else v for k, v in params.items()}
    return json.dumps(decoded).encode()


def _loads(value: Any) -> Any:
    import json

    return json.loads(value) if isinstance(value, str) else value


@pytest.fixture
def bucket(aws: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """The uploads bucket in moto; a fresh S3 client and fresh project settings."""
    monkeypatch.setenv("TGDESK_UPLOADS_BUCKET", BUCKET)
    from tgdesk.core.settings import get_settings

    get_settings.cache_clear()
    s3 = boto3.client("s3", region_name="us-east-1")
    s3.create_bucket(Bucket=BUCKET)
    uploads.reset()
    limits.forget()
    yield s3
    uploads.reset()
    get_settings.cache_clear()


@pytest.fixture
def bot(client: TestClient, bucket: Any) -> MediaBotApi:
    """Every Bot API call answered by MediaBotApi (mounted over the plain fake)."""
    fake = MediaBotApi()
    telegram.http_session().mount(f"{API_BASE}/", fake)
    return fake


def request_upload(
    client: TestClient,
    headers: dict[str, str],
    session_id: str,
    *,
    name: str,
    content_type: str,
    size: int,
    **extra: Any,
) -> Any:
    return client.post(
        f"/api/sessions/{session_id}/uploads",
        json={"file_name": name, "content_type": content_type, "size": size, **extra},
        headers=headers,
    )


def post_form(form: dict[str, Any], data: bytes) -> None:
    """What the browser does with the form: S3 (moto) takes the file."""
    response = requests.post(
        form["url"], data=form["fields"], files={"file": ("blob", data)}, timeout=10
    )
    assert response.status_code in (200, 201, 204), response.text


def upload(
    client: TestClient,
    headers: dict[str, str],
    session_id: str,
    data: bytes,
    *,
    name: str = "screenshot.png",
    content_type: str = "image/png",
    **extra: Any,
) -> dict[str, Any]:
    """Both steps of an upload; returns the form the API gave."""
    response = request_upload(
        client, headers, session_id, name=name, content_type=content_type, size=len(data), **extra
    )
    assert response.status_code == 201, response.text
    form = response.json()
    post_form(form, data)
    return dict(form)


def send_media(
    client: TestClient,
    headers: dict[str, str],
    session_id: str,
    upload_ids: list[str],
    **extra: Any,
) -> Any:
    return client.post(
        f"/api/sessions/{session_id}/media-messages",
        json={"uploads": upload_ids, **extra},
        headers=headers,
    )
