"""A background job over one project's sessions: a project export or a retention backfill.

One item per job under its project (`PROJECT#{p}`, `EXPORTJOB#{created}#{id}`), newest last.
While it has work left it sits in the sharded due index (GSI2 `TIMER#export_job#{n}`, by
`due_at`) that the scheduler's `exports` job reads; finishing or failing takes it out.

Each scheduler run advances a job by a bounded step from `cursor` (the session list's cursor,
the session being written and its messages' cursor) and writes its progress (`sessions`,
`messages`, `bytes`), conditioned on the `step` it read: two runs never both advance it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, NotRequired, TypedDict, cast

from tgdesk.storage import keys, table

KIND = "export_job"
TIMER = "export_job"  # GSI2 `TIMER#export_job#{n}`: jobs with work left
JobKind = Literal["project_export", "retention"]
State = Literal["running", "done", "failed"]
PROJECT_EXPORT: JobKind = "project_export"  # a project's sessions as JSON Lines in S3
RETENTION: JobKind = "retention"  # `ttl` set on (or taken off) a project's sessions and messages
RUNNING: State = "running"
DONE: State = "done"
FAILED: State = "failed"


class ExportCursor(TypedDict, total=False):
    sessions: str  # the session list's cursor (tgdesk.storage.session_list)
    listed: bool  # the session list is read to its end
    pending: list[str]  # ids of the last page's sessions not done yet
    messages: str  # the messages' cursor within pending[0]
    started: bool  # pending[0] itself is done (only its messages are left)


class ExportJob(TypedDict):
    job_id: str
    project_id: str
    job: JobKind
    state: State
    created_at: int
    created_by: str
    updated_at: int
    step: int  # runs that advanced it; each write is conditioned on the one read
    sessions: int  # sessions written (or updated) so far
    messages: int  # messages written (or updated) so far
    from_at: NotRequired[int]  # a project export's range of last activity (epoch ms)
    to_at: NotRequired[int]
    retention_days: NotRequired[int]  # a backfill's setting (absent: take `ttl` off)
    cursor: NotRequired[ExportCursor]
    due_at: NotRequired[int]  # while running: when the scheduler takes it next
    # a project export's file: the S3 key, its multipart upload and the parts written
    object_key: NotRequired[str]
    upload_id: NotRequired[str]
    parts: NotRequired[list[dict[str, Any]]]  # {number, etag}
    bytes: NotRequired[int]
    pending_bytes: NotRequired[int]  # of the pending object, what belongs to the file
    finished_at: NotRequired[int]
    error: NotRequired[str]
    failures: NotRequired[int]  # runs in a row that failed; FAILED after a few


def key(project_id: str, created_at: int, job_id: str) -> tuple[str, str]:
    return keys.export_job(project_id, created_at, job_id)


def to_item(job: ExportJob) -> dict[str, Any]:
    pk, sk = key(job["project_id"], job["created_at"], job["job_id"])
    item: dict[str, Any] = {"PK": pk, "SK": sk, **job, "kind": KIND}
    if job["state"] == RUNNING and job.get("due_at") is not None:
        item["GSI2PK"] = keys.timers_index(TIMER, job["job_id"])
        item["GSI2SK"] = keys.timer_sort_key(job["due_at"], job["job_id"])
    return item


def from_item(item: Mapping[str, Any]) -> ExportJob:
    found = table.strip_keys(dict(item))
    found.pop("kind", None)
    return cast(ExportJob, found)
