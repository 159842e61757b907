"""An agent's files sent to a session's user: the reply, and the Bot API call its delivery makes.

`reply` checks what it sends (the holder with `send_files`, uploads of this agent and session
that S3 holds as declared, an album Telegram takes, a caption within 1024 characters) and puts
the caption and every file name through risk control, then hands the message to
tgdesk.outbound.delivery, which stores it, sends it once per `client_message_id` and retries
it as any reply. `send_media` is what that delivery calls: sendPhoto, sendDocument,
sendAudio, sendVideo or sendVoice for one file, sendMediaGroup for an album, each file
uploaded from S3 (multipart) unless Telegram already has it (its file_id is kept once sent).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from tgdesk.accounts import access
from tgdesk.attachments import limits, uploads
from tgdesk.outbound import delivery
from tgdesk.risk import checks as risk_checks
from tgdesk.storage import attachments as store
from tgdesk.storage.records.attachment import Upload
from tgdesk.storage.records.session import Session
from tgdesk.telegram import client as telegram
from tgdesk.telegram.updates import normalize_message

log = logging.getLogger(__name__)

METHODS = {
    "photo": "sendPhoto",
    "document": "sendDocument",
    "audio": "sendAudio",
    "video": "sendVideo",
    "voice": "sendVoice",
}
ALBUM_METHOD = "sendMediaGroup"


def reply(
    scope: access.Scope,
    session: Session,
    *,
    upload_ids: Sequence[str],
    caption: str = "",
    client_message_id: str | None = None,
    confirm_risk: bool = False,
) -> tuple[dict[str, Any], bool]:
    """Record an agent's files (one, or an album) with a caption and try to send them at
    once. Returns (message, created) as tgdesk.outbound.delivery.reply does."""
    limits.require_may_send(scope, dict(session))
    text = limits.check_caption(caption)
    files = uploads.for_sending(scope, dict(session), upload_ids)
    limits.check_album([f["file_kind"] for f in files])
    checked = "\n".join([text, *(f["file_name"] for f in files)]).strip()
    matches = risk_checks.check_outbound(scope.agent_id, session, checked, confirmed=confirm_risk)
    return delivery.reply_with_media(
        scope.agent_id,
        session,
        media_fields(text, files),
        client_message_id,
        risk_matches=matches,
    )


def media_fields(caption: str, files: Sequence[Upload]) -> dict[str, Any]:
    """What a media message stores before it is sent: its type (the first file's kind), the
    caption, the files to send and, until Telegram answers, the first file's name and size
    as its `media` (the console shows a card for it)."""
    attachments = [
        {
            "upload_id": f["upload_id"],
            "kind": f["file_kind"],
            "object_key": f["object_key"],
            "file_name": f["file_name"],
            "mime_type": f["content_type"],
            "file_size": f["size"],
            **({"file_id": f["file_id"]} if f.get("file_id") else {}),
        }
        for f in files
    ]
    first = attachments[0]
    fields: dict[str, Any] = {
        "type": first["kind"],
        "attachments": attachments,
        "media": {k: first[k] for k in ("file_name", "mime_type", "file_size")},
    }
    if caption:
        fields["caption"] = caption
    return fields


# -- the Bot API call of a media message (tgdesk.outbound.delivery._call_bot_api) ---------------
def send_media(api: telegram.BotApi, message: dict[str, Any]) -> dict[str, Any]:
    """Send a media message's files; returns the first Telegram message's id and, under
    delivery.SENT_FIELDS, the `media` and `attachments` (with file_ids) the message keeps."""
    attachments: list[dict[str, Any]] = message["attachments"]
    caption = message.get("caption")
    chat_id = message["tg_user_id"]
    if len(attachments) == 1:
        sent = [_send_one(api, chat_id, attachments[0], caption)]
    else:
        sent = _send_album(api, chat_id, attachments, caption)
    kept = [_with_file_id(a, m) for a, m in zip(attachments, sent, strict=False)]
    for before, after in zip(attachments, kept, strict=False):
        if after.get("file_id") and not before.get("file_id"):
            _remember(after)
    first = normalize_message(sent[0]) if sent else {}
    fields: dict[str, Any] = {"attachments": kept}
    if first.get("media"):
        fields["media"] = first["media"]
    return {"message_id": sent[0]["message_id"], delivery.SENT_FIELDS: fields}


def _send_one(
    api: telegram.BotApi, chat_id: int, attachment: dict[str, Any], caption: str | None
) -> dict[str, Any]:
    kind = attachment["kind"]
    params: dict[str, Any] = {"chat_id": chat_id}
    if caption:
        params["caption"] = caption
    if attachment.get("file_id"):
        sent: dict[str, Any] = api.call(METHODS[kind], {**params, kind: attachment["file_id"]})
        return sent
    files = {kind: _file(attachment)}
    result: dict[str, Any] = api.call_with_files(METHODS[kind], params, files)
    return result


def _send_album(
    api: telegram.BotApi, chat_id: int, attachments: list[dict[str, Any]], caption: str | None
) -> list[dict[str, Any]]:
    media: list[dict[str, Any]] = []
    files: dict[str, tuple[str, bytes, str]] = {}
    for index, attachment in enumerate(attachments):
        item: dict[str, Any] = {"type": attachment["kind"]}
        if attachment.get("file_id"):
            item["media"] = attachment["file_id"]
        else:
            name = f"file{index}"
            files[name] = _file(attachment)
            item["media"] = f"attach://{name}"
        if index == 0 and caption:
            item["caption"] = caption
        media.append(item)
    params = {"chat_id": chat_id, "media": media}
    result = (
        api.call_with_files(ALBUM_METHOD, params, files)
        if files
        else api.call(ALBUM_METHOD, params)
    )
    return list(result) if isinstance(result, list) else [result]


def _file(attachment: dict[str, Any]) -> tuple[str, bytes, str]:
    return attachment["file_name"], uploads.read(attachment), attachment["mime_type"]


def _with_file_id(attachment: dict[str, Any], sent: dict[str, Any]) -> dict[str, Any]:
    """The attachment with Telegram's id of its file (a photo's largest size)."""
    found = sent.get(attachment["kind"])
    if isinstance(found, list) and found:  # a photo: its sizes
        found = max(found, key=lambda s: int(s.get("width", 0)) * int(s.get("height", 0)))
    file_id = found.get("file_id") if isinstance(found, dict) else None
    return {**attachment, "file_id": file_id} if file_id else dict(attachment)


def _remember(attachment: dict[str, Any]) -> None:
    """Keep the file_id on the upload, so that sending it again uploads nothing. Best effort:
    the message itself keeps it too."""
    try:
        store.keep_file_id(attachment["upload_id"], attachment["file_id"])
    except Exception:
        log.warning("the file id of an upload could not be kept", exc_info=True)
