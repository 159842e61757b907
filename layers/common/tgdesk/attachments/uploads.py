"""Uploads straight from the browser to S3, through a short-lived presigned POST.

A Lambda request is capped at 6 MB, so the API never holds a file: it checks what the console
declares (kind, size, the project's rules) and hands out a form that S3 accepts only for that
object key (tgdesk's own, under the project and the session), that content type and exactly
that many bytes, for UPLOAD_SECONDS. Before a file is sent, the object S3 holds is checked
again (`stored_object`): the size and type it really has, not the ones declared.
The uploads bucket expires every object after a day (infra/template.yaml), and the upload's
item goes with it (TTL).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

from tgdesk.accounts import access
from tgdesk.attachments import limits
from tgdesk.core import ids
from tgdesk.core.clock import now_ms
from tgdesk.core.errors import InvalidInput
from tgdesk.core.settings import get_settings
from tgdesk.inbound.media import safe_file_name
from tgdesk.storage import attachments as store
from tgdesk.storage.records.attachment import Upload

UPLOAD_SECONDS = 300  # how long the presigned form is good for
KEEP_SECONDS = 24 * 3600  # the bucket's lifecycle rule: uploads expire after a day
SEND_WITHIN_MS = (KEEP_SECONDS - 3600) * 1000  # an older upload may be gone when sent


@dataclass(frozen=True, slots=True)
class UploadForm:
    """What the browser posts: `fields` first, then the file as `file`, to `url`."""

    upload: Upload
    url: str
    fields: dict[str, str]


@lru_cache(maxsize=1)
def s3() -> Any:
    """The S3 client, made on first use (the API's other routes never import it). Deployed,
    presigned forms name the bucket's regional host, which the console's CSP allows; locally
    `AWS_ENDPOINT_URL` points it at the local stack's moto, whose forms the browser posts to."""
    local = bool(os.environ.get("AWS_ENDPOINT_URL"))
    addressing: Any = (
        {"addressing_style": "path"}
        if local
        else {"addressing_style": "virtual", "us_east_1_regional_endpoint": "regional"}
    )
    return boto3.client(
        "s3",
        config=Config(
            signature_version="s3v4",
            s3=addressing,
            retries={"max_attempts": 3, "mode": "standard"},
            connect_timeout=2,
            read_timeout=20,
        ),
    )


def reset() -> None:
    """Forget the cached client (tests switch endpoints)."""
    s3.cache_clear()


def bucket() -> str:
    return get_settings().uploads_bucket


def object_key(project_id: str, session_id: str, upload_id: str) -> str:
    return f"uploads/{project_id}/{session_id}/{upload_id}"


def start(
    scope: access.Scope,
    session: dict[str, Any],
    *,
    file_name: str,
    content_type: str,
    size: int,
    kind: str | None = None,
) -> UploadForm:
    """Check a file the agent wants to send and hand out its presigned upload form.
    Refused before any byte is uploaded: not the holder or no `send_files` (see limits),
    a kind the project does not allow, or more than Telegram takes."""
    limits.require_may_send(scope, session)
    mime = limits.content_type_of(content_type)
    file_kind = limits.kind_of(mime, kind)
    limits.check_file(session["project_id"], file_kind, size)
    name = safe_file_name(file_name) or file_kind
    now = now_ms()
    upload_id = ids.sortable_id()
    upload: Upload = {
        "upload_id": upload_id,
        "project_id": session["project_id"],
        "session_id": session["session_id"],
        "agent_id": scope.agent_id,
        "object_key": object_key(session["project_id"], session["session_id"], upload_id),
        "file_kind": file_kind,
        "file_name": name,
        "content_type": mime,
        "size": size,
        "created_at": now,
        "expires_at": now + UPLOAD_SECONDS * 1000,
        "ttl": now // 1000 + KEEP_SECONDS,
    }
    form = s3().generate_presigned_post(
        Bucket=bucket(),
        Key=upload["object_key"],
        Fields={"Content-Type": mime},
        Conditions=[{"Content-Type": mime}, ["content-length-range", size, size]],
        ExpiresIn=UPLOAD_SECONDS,
    )
    store.put_upload(upload)
    return UploadForm(upload=upload, url=form["url"], fields=dict(form["fields"]))


def for_sending(
    scope: access.Scope, session: dict[str, Any], upload_ids: Sequence[str]
) -> list[Upload]:
    """The agent's uploads for this session, in the order given, each one in the bucket with
    the size and type it was declared with (InvalidInput otherwise: nothing is sent)."""
    if len(set(upload_ids)) != len(upload_ids):
        raise InvalidInput("An upload is listed twice.", code="upload_repeated", field="uploads")
    found = store.get_uploads(upload_ids)
    uploads: list[Upload] = []
    for upload_id in upload_ids:
        upload = found.get(upload_id)
        if (
            upload is None
            or upload["session_id"] != session["session_id"]
            or upload["agent_id"] != scope.agent_id
            or now_ms() - upload["created_at"] > SEND_WITHIN_MS
        ):
            raise InvalidInput(
                "This upload is unknown or has expired; attach the file again.",
                code="upload_not_found",
                field="uploads",
                upload_id=upload_id,
            )
        if not upload.get("file_id"):
            _check_stored(upload)
        uploads.append(upload)
    return uploads


def _check_stored(upload: Upload) -> None:
    """The object is in the bucket, exactly as declared (the form's conditions hold in S3;
    this also holds where they are not enforced)."""
    try:
        head = s3().head_object(Bucket=bucket(), Key=upload["object_key"])
    except ClientError as err:
        status = err.response.get("ResponseMetadata", {}).get("HTTPStatusCode")
        if status in (403, 404):
            raise InvalidInput(
                "This file has not finished uploading; wait for it, or attach it again.",
                code="upload_incomplete",
                field="uploads",
                upload_id=upload["upload_id"],
            ) from None
        raise
    size = int(head.get("ContentLength", -1))
    stored_type = limits.content_type_of(str(head.get("ContentType", "")))
    if size != upload["size"] or stored_type != upload["content_type"]:
        raise InvalidInput(
            "The uploaded file is not the one declared; attach it again.",
            code="upload_mismatch",
            field="uploads",
            upload_id=upload["upload_id"],
        )
    limits.check_file(upload["project_id"], upload["file_kind"], size)


def read(upload: Upload | dict[str, Any]) -> bytes:
    """The uploaded file's bytes (at most limits.FILE_LIMIT), for the Bot API."""
    found = s3().get_object(Bucket=bucket(), Key=upload["object_key"])
    body: bytes = found["Body"].read(limits.FILE_LIMIT + 1)
    return body
