"""A project export's file in the exports bucket (S3, `TGDESK_EXPORTS_BUCKET`).

The file is one multipart upload written over several scheduler runs. S3 takes parts of at
least 5 MiB (but the last), so what a run produced goes to a `pending` object under the
export's key until it, with what came after, makes a part; the last run uploads the rest as
the last part and completes the upload. Writing a part or the pending object again with the
same content replaces it: a run that lost the race to record its progress did no harm.
The bucket expires objects (and abandoned uploads) after a few days (infra/template.yaml).
"""

from __future__ import annotations

import os
from typing import Any

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

MIN_PART_BYTES = 5 * 1024 * 1024  # S3's least size of a part that is not the last
BUCKET_VARIABLE = "TGDESK_EXPORTS_BUCKET"


def client() -> Any:
    return boto3.client(
        "s3",
        config=Config(
            retries={"max_attempts": 4, "mode": "standard"},
            signature_version="s3v4",
        ),
    )


def bucket() -> str:
    name = os.environ.get(BUCKET_VARIABLE, "")
    if not name:
        raise RuntimeError(f"{BUCKET_VARIABLE} is not set: exports have nowhere to go")
    return name


def start_upload(object_key: str) -> str:
    made = client().create_multipart_upload(
        Bucket=bucket(),
        Key=object_key,
        ContentType="application/x-ndjson; charset=utf-8",
        ServerSideEncryption="AES256",
    )
    return str(made["UploadId"])


def pending(object_key: str) -> bytes:
    """What earlier runs wrote that is not a part yet (empty when nothing)."""
    try:
        found = client().get_object(Bucket=bucket(), Key=_pending_key(object_key))
    except ClientError as err:
        if err.response.get("Error", {}).get("Code") in ("NoSuchKey", "404"):
            return b""
        raise
    return bytes(found["Body"].read())


def keep_pending(object_key: str, data: bytes) -> None:
    client().put_object(
        Bucket=bucket(), Key=_pending_key(object_key), Body=data, ServerSideEncryption="AES256"
    )


def upload_part(object_key: str, upload_id: str, number: int, data: bytes) -> str:
    """Part `number` of the upload; its ETag."""
    sent = client().upload_part(
        Bucket=bucket(), Key=object_key, UploadId=upload_id, PartNumber=number, Body=data
    )
    return str(sent["ETag"])


def complete(object_key: str, upload_id: str, parts: list[dict[str, Any]]) -> None:
    client().complete_multipart_upload(
        Bucket=bucket(),
        Key=object_key,
        UploadId=upload_id,
        MultipartUpload={
            "Parts": [{"PartNumber": int(p["number"]), "ETag": p["etag"]} for p in parts]
        },
    )
    client().delete_object(Bucket=bucket(), Key=_pending_key(object_key))


def download_url(object_key: str, filename: str, *, seconds: int) -> str:
    """A link that downloads the file for `seconds`, without a login (S3 checks its
    signature): the console shows it only to administrators."""
    return str(
        client().generate_presigned_url(
            "get_object",
            Params={
                "Bucket": bucket(),
                "Key": object_key,
                "ResponseContentDisposition": f'attachment; filename="{filename}"',
            },
            ExpiresIn=seconds,
        )
    )


def _pending_key(object_key: str) -> str:
    return f"{object_key}.pending"


def keep_whole(object_key: str, data: bytes) -> None:
    """A file small enough for one request (no part was written): put as it is."""
    client().put_object(
        Bucket=bucket(),
        Key=object_key,
        Body=data,
        ContentType="application/x-ndjson; charset=utf-8",
        ServerSideEncryption="AES256",
    )
    client().delete_object(Bucket=bucket(), Key=_pending_key(object_key))
