"""The uploads bucket (tgdesk.attachments) in the local moto, which the browser posts agents'
files to as it posts them to S3 when deployed: created at every start (moto keeps no objects
across runs, and an upload lives minutes before it is sent) with CORS for the console's origin,
as the template's UploadsBucket has it.
"""

from __future__ import annotations

from typing import Any

from botocore.exceptions import ClientError


def ensure_uploads_bucket(s3: Any, name: str, console_origin: str) -> None:
    try:
        s3.create_bucket(Bucket=name)
    except ClientError as err:
        if err.response.get("Error", {}).get("Code") not in (
            "BucketAlreadyOwnedByYou",
            "BucketAlreadyExists",
        ):
            raise
    s3.put_bucket_cors(
        Bucket=name,
        CORSConfiguration={
            "CORSRules": [
                {
                    "AllowedOrigins": [console_origin],
                    "AllowedMethods": ["POST"],
                    "AllowedHeaders": ["*"],
                    "MaxAgeSeconds": 3600,
                }
            ]
        },
    )
