"""A project export (tgdesk.exports.project_export): started by an administrator, written to
S3 (moto) by several runs of the scheduler's `exports` job, its progress read meanwhile, and
a presigned link whose content is the JSON Lines file."""

from __future__ import annotations

import json
from typing import Any

import boto3
import moto.s3.models
import pytest
import requests
from api_helpers import put_inbound_message, put_session, scheduler_handler
from collab_helpers import audit_entries, team  # noqa: F401
from conftest import lambda_context
from fastapi.testclient import TestClient

from tgdesk.exports import project_export
from tgdesk.storage import export_files
from tgdesk.storage import exports as store

BUCKET = "tgdesk-exports-test"
HOUR = 3600 * 1000


@pytest.fixture
def bucket(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setenv(export_files.BUCKET_VARIABLE, BUCKET)
    s3 = boto3.client("s3", region_name="us-east-1")
    s3.create_bucket(Bucket=BUCKET)
    return s3


@pytest.fixture
def chats(team: dict[str, Any]) -> dict[str, Any]:  # noqa: F811
    """Five sessions of p1 with three messages each (one outside the range), one of p2."""
    base = team["sessions"]["maria"]["opened_at"]
    made = []
    for n in range(5):
        session = put_session(team["p1"], 3000 + n, opened_at=base + n * 1000)
        for m in range(3):
            put_inbound_message(session, f"消息 {n}.{m}", at=base + n * 1000 + m + 1)
        made.append(session)
    old = put_session(team["p1"], 3999, opened_at=base - 48 * HOUR)
    put_inbound_message(old, "too old", at=base - 48 * HOUR + 1)
    other = put_session(team["p2"], 4000, opened_at=base)
    put_inbound_message(other, "another project", at=base + 1)
    return {**team, "made": made, "base": base}


def run_exports() -> dict[str, Any]:
    return scheduler_handler()({"job": "exports"}, lambda_context())


def start(client: TestClient, chats: dict[str, Any], who: str = "admin") -> Any:
    body = {"from_at": chats["base"] - HOUR, "to_at": chats["base"] + HOUR}
    return client.post(f"/api/projects/{chats['p1']}/exports", json=body, headers=chats[who])


def export_lines(client: TestClient, chats: dict[str, Any], job_id: str) -> list[dict[str, Any]]:
    runs = 0
    while True:
        job = client.get(f"/api/projects/{chats['p1']}/exports/{job_id}", headers=chats["admin"])
        assert job.status_code == 200, job.text
        if job.json()["state"] != "running":
            break
        counts = run_exports()
        assert counts["exports_advanced"] == 1, counts
        runs += 1
        assert runs < 100
    done = job.json()
    assert done["state"] == "done", done
    assert runs > 2  # written over several runs
    assert done["download_expires_in"] == project_export.LINK_SECONDS
    downloaded = requests.get(done["download_url"], timeout=10)
    assert downloaded.status_code == 200
    assert done["bytes"] == len(downloaded.content)
    return [json.loads(line) for line in downloaded.content.decode("utf-8").splitlines()]


def check_file(lines: list[dict[str, Any]], chats: dict[str, Any]) -> None:
    sessions = [x for x in lines if x["record"] == "session"]
    messages = [x for x in lines if x["record"] == "message"]
    made = {s["session_id"] for s in chats["made"]} | {chats["sessions"]["maria"]["session_id"]}
    made |= {chats["sessions"]["ana"]["session_id"]}
    assert {s["session_id"] for s in sessions} == made  # not the old one, not p2's
    assert len(sessions) == len(made)  # each once
    assert sorted(m["text"] for m in messages) == sorted(
        f"消息 {n}.{m}" for n in range(5) for m in range(3)
    )
    # every message follows its session's line
    current = None
    for line in lines:
        if line["record"] == "session":
            current = line["session_id"]
        else:
            assert line["session_id"] == current


def test_an_export_is_written_over_several_runs_and_downloaded(
    client: TestClient, chats: dict[str, Any], bucket: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(project_export, "READS_PER_RUN", 3)
    started = start(client, chats)
    assert started.status_code == 202, started.text
    job = started.json()
    assert (job["state"], job["sessions"], job["download_url"]) == ("running", 0, None)
    run_exports()
    progress = client.get(
        f"/api/projects/{chats['p1']}/exports/{job['job_id']}", headers=chats["admin"]
    ).json()
    assert progress["state"] == "running" and progress["sessions"] >= 1
    check_file(export_lines(client, chats, job["job_id"]), chats)
    listed = client.get(f"/api/projects/{chats['p1']}/exports", headers=chats["admin"])
    assert [j["job_id"] for j in listed.json()["items"]] == [job["job_id"]]
    (entry,) = audit_entries(client, chats["admin"], "project.export")
    assert entry["target_id"] == job["job_id"]
    assert run_exports()["exports_due"] == 0  # done: out of the due index


def test_a_large_export_goes_up_in_parts(
    client: TestClient, chats: dict[str, Any], bucket: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Parts of at least the least part size (made small here, in S3 and moto alike)."""
    monkeypatch.setattr(project_export, "READS_PER_RUN", 3)
    monkeypatch.setattr(export_files, "MIN_PART_BYTES", 600)
    monkeypatch.setattr(moto.s3.models, "S3_UPLOAD_PART_MIN_SIZE", 600)
    job = start(client, chats).json()
    check_file(export_lines(client, chats, job["job_id"]), chats)
    stored = client.get(
        f"/api/projects/{chats['p1']}/exports/{job['job_id']}", headers=chats["admin"]
    )
    assert stored.status_code == 200
    assert len(store.get(chats["p1"], job["job_id"])["parts"]) > 1  # type: ignore[index]
    keys = [o["Key"] for o in bucket.list_objects_v2(Bucket=BUCKET).get("Contents", [])]
    assert keys == [f"projects/{chats['p1']}/{job['job_id']}.jsonl"]  # no pending object left


def test_a_run_that_lost_its_record_writes_nothing_twice(
    client: TestClient, chats: dict[str, Any], bucket: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A run whose step was not recorded (it stopped, or another run was first) leaves more in
    the pending object than the job knows of: the next run reads only what the job recorded."""
    monkeypatch.setattr(project_export, "READS_PER_RUN", 3)
    job = start(client, chats).json()
    real_advance = store.advance
    monkeypatch.setattr(store, "advance", lambda before, after: False)
    assert run_exports()["exports_lost"] == 1
    monkeypatch.setattr(store, "advance", real_advance)
    check_file(export_lines(client, chats, job["job_id"]), chats)


def test_only_administrators_export_a_project(
    client: TestClient, chats: dict[str, Any], bucket: Any
) -> None:
    for who in ("boss", "maria", "chief"):
        refused = start(client, chats, who)
        assert refused.status_code == 403, (who, refused.text)
        assert refused.json()["code"] == "admin_only"
    too_long = client.post(
        f"/api/projects/{chats['p1']}/exports",
        json={"from_at": 0, "to_at": 400 * 24 * HOUR},
        headers=chats["admin"],
    )
    assert too_long.status_code == 422
    unknown = client.get(
        f"/api/projects/{chats['p1']}/exports/01h00000000000000000000000", headers=chats["admin"]
    )
    assert unknown.status_code == 404
