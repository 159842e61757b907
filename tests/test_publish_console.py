"""Publishing the console to a deployed stack, against moto's S3, CloudFront and CloudFormation."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import boto3
import pytest

from infra import publish_console


@pytest.fixture
def dist(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "assets").mkdir()
    (tmp_path / "index.html").write_text("<!doctype html><title>tgdesk</title>")
    (tmp_path / "assets" / "index-abc123.js").write_text("console.log(1)")
    monkeypatch.setattr(publish_console, "DIST", tmp_path)
    return tmp_path


def test_files_get_their_type_and_caching_and_index_is_invalidated(
    aws: Any, dist: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    s3 = boto3.client("s3", region_name="us-east-1")
    s3.create_bucket(Bucket="console-bucket")
    invalidations: list[dict[str, Any]] = []

    class FakeCloudFront:
        def create_invalidation(self, **kwargs: Any) -> None:
            invalidations.append(kwargs)

    real_client = boto3.client
    monkeypatch.setattr(
        publish_console.boto3,
        "client",
        lambda name, **kw: FakeCloudFront() if name == "cloudfront" else real_client(name, **kw),
    )
    monkeypatch.setattr(
        publish_console,
        "stack_outputs",
        lambda stack: {
            "ConsoleBucketName": "console-bucket",
            "ConsoleDistributionId": "E123",
            "ConsoleUrl": "https://d1.cloudfront.net",
        },
    )

    assert publish_console.publish("tgdesk") == "https://d1.cloudfront.net"

    index = s3.head_object(Bucket="console-bucket", Key="index.html")
    asset = s3.head_object(Bucket="console-bucket", Key="assets/index-abc123.js")
    assert (index["ContentType"], index["CacheControl"]) == ("text/html", "no-cache")
    assert asset["ContentType"] in ("text/javascript", "application/javascript")
    assert "immutable" in asset["CacheControl"]
    assert invalidations[0]["InvalidationBatch"]["Paths"]["Items"] == ["/index.html"]


def test_a_missing_build_says_what_to_do(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(publish_console, "DIST", tmp_path)
    with pytest.raises(SystemExit, match="build the console first"):
        publish_console.publish("tgdesk")
