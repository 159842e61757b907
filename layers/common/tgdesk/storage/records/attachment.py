"""Files agents send (tgdesk.attachments): an upload, and a project's attachment settings.

Upload: PK `UPLOAD#{upload_id}`, SK `UPLOAD`; expires (TTL) a day after it was made, as its
object in the uploads bucket does. `file_id` is Telegram's id of the file once it was sent,
so that sending it again never uploads it again.
AttachmentSettings: PK `PROJECT#{project_id}`, SK `ATTACHMENTS` (absent: every kind allowed).
"""

from __future__ import annotations

from typing import Any, Literal, TypedDict, cast

from tgdesk.storage import keys, table

UPLOAD_KIND = "attachment_upload"
SETTINGS_KIND = "project_attachments"

Kind = Literal["photo", "document", "audio", "video", "voice"]


class Upload(TypedDict, total=False):
    upload_id: str
    project_id: str
    session_id: str
    agent_id: str
    object_key: str  # in the uploads bucket; made by tgdesk, never chosen by the browser
    file_kind: Kind  # how it is sent: sendPhoto, sendDocument...
    file_name: str
    content_type: str
    size: int
    created_at: int
    expires_at: int  # the presigned upload's end
    ttl: int  # epoch seconds: the item goes with its object
    file_id: str  # Telegram's, once sent


class AttachmentSettings(TypedDict, total=False):
    project_id: str
    kinds: list[Kind]  # the kinds agents may send
    updated_at: int
    updated_by: str


def upload_key(upload_id: str) -> tuple[str, str]:
    return keys.attachment_upload(upload_id)


def upload_to_item(upload: Upload) -> dict[str, Any]:
    pk, sk = upload_key(upload["upload_id"])
    return {"PK": pk, "SK": sk, "kind": UPLOAD_KIND, **upload}


def upload_from_item(item: dict[str, Any]) -> Upload:
    out = table.strip_keys(item)
    out.pop("kind", None)
    return cast(Upload, out)


def settings_key(project_id: str) -> tuple[str, str]:
    return keys.project_attachments(project_id)


def settings_to_item(settings: AttachmentSettings) -> dict[str, Any]:
    pk, sk = settings_key(settings["project_id"])
    return {"PK": pk, "SK": sk, "kind": SETTINGS_KIND, **settings}


def settings_from_item(item: dict[str, Any]) -> AttachmentSettings:
    out = table.strip_keys(item)
    out.pop("kind", None)
    return cast(AttachmentSettings, out)
