"""Upload the built console (frontend/dist) to a deployed stack's bucket.

`make publish-console [STACK=tgdesk]` after `sam deploy`: reads the stack's outputs, uploads
every file with its content type (hashed assets cached for a year, index.html never), and
invalidates index.html on CloudFront so agents get the new console at once.
"""

from __future__ import annotations

import argparse
import mimetypes
import sys
import time
from pathlib import Path

import boto3

DIST = Path(__file__).resolve().parents[1] / "frontend" / "dist"
IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"


def stack_outputs(stack: str) -> dict[str, str]:
    described = boto3.client("cloudformation").describe_stacks(StackName=stack)["Stacks"][0]
    return {o["OutputKey"]: o["OutputValue"] for o in described.get("Outputs", [])}


def cache_control(relative: str) -> str:
    return IMMUTABLE if relative.startswith("assets/") else REVALIDATE


def publish(stack: str) -> str:
    if not (DIST / "index.html").is_file():
        raise SystemExit("frontend/dist is missing: build the console first (make console)")
    outputs = stack_outputs(stack)
    bucket, distribution = outputs["ConsoleBucketName"], outputs["ConsoleDistributionId"]
    s3 = boto3.client("s3")
    for path in sorted(p for p in DIST.rglob("*") if p.is_file()):
        relative = path.relative_to(DIST).as_posix()
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        s3.upload_file(
            str(path),
            bucket,
            relative,
            ExtraArgs={"ContentType": content_type, "CacheControl": cache_control(relative)},
        )
        print(f"  {relative}")
    boto3.client("cloudfront").create_invalidation(
        DistributionId=distribution,
        InvalidationBatch={
            "Paths": {"Quantity": 1, "Items": ["/index.html"]},
            "CallerReference": f"tgdesk-{time.time_ns()}",
        },
    )
    return outputs["ConsoleUrl"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--stack", default="tgdesk", help="the CloudFormation stack name")
    url = publish(parser.parse_args(argv).stack)
    print(f"the console is at {url}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
