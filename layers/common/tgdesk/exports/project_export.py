"""An administrator's export of a project's sessions as one JSON Lines file in S3.

The sessions whose last activity lies in the chosen range (at most MAX_RANGE_DAYS), each as a
`{"record": "session", ...}` line followed by its messages' `{"record": "message", ...}`
lines (what the console shows of them; attachments are file ids, not files). The scheduler's
`exports` job writes it in bounded steps (tgdesk.exports.walk): each run reads at most
READS_PER_RUN pages and adds what it wrote to the file in S3 (tgdesk.storage.export_files),
recording the cursor and the counts (`sessions`, `messages`, `bytes`) the console shows as
progress. Once done, the console gets a download link valid for LINK_SECONDS; the bucket
deletes the file after a few days. Nothing of it passes through an API response but the link.
"""

from __future__ import annotations

import json
from typing import Any

from tgdesk.accounts.access import Scope
from tgdesk.audit import entries
from tgdesk.core import ids
from tgdesk.core.clock import now_ms
from tgdesk.core.errors import Forbidden, InvalidInput, NotFound
from tgdesk.exports import walk
from tgdesk.storage import export_files, projects
from tgdesk.storage import exports as store
from tgdesk.storage.records import export_job as record
from tgdesk.storage.records import message as message_record
from tgdesk.storage.records import session as session_record
from tgdesk.storage.records.export_job import ExportJob
from tgdesk.storage.records.message import Message
from tgdesk.storage.records.session import Session

DAY_MS = 24 * 3600 * 1000
MAX_RANGE_DAYS = 366
READS_PER_RUN = 60  # pages of sessions or messages one scheduler run reads for one export
MESSAGES_PAGE = 200
MAX_RUN_BYTES = 16 * 1024 * 1024  # a run stops adding once it wrote this much
LINK_SECONDS = 3600


def start(
    scope: Scope, project_id: str, from_at: int, to_at: int, *, source_ip: str | None = None
) -> ExportJob:
    """Start exporting the project's sessions active in [from_at, to_at]; audited."""
    require_admin(scope, project_id)
    if to_at < from_at or to_at - from_at > MAX_RANGE_DAYS * DAY_MS:
        raise InvalidInput(
            f"the range runs forwards and spans at most {MAX_RANGE_DAYS} days",
            code="invalid_export_range",
            field="to",
        )
    now = now_ms()
    job_id = ids.sortable_id()
    job: ExportJob = {
        "job_id": job_id,
        "project_id": project_id,
        "job": record.PROJECT_EXPORT,
        "state": record.RUNNING,
        # The id's own time, which `store.get` keys the job by: ids stay monotonic in a
        # process, so after a later id the id's time can run ahead of the clock.
        "created_at": store.created_at_of(job_id),
        "created_by": scope.agent_id,
        "updated_at": now,
        "step": 0,
        "sessions": 0,
        "messages": 0,
        "bytes": 0,
        "from_at": from_at,
        "to_at": to_at,
        "cursor": {},
        "due_at": now,
        "object_key": f"projects/{project_id}/{job_id}.jsonl",
        "parts": [],
    }
    entry = entries.entry(
        "project.export",
        actor_id=scope.agent_id,
        project_id=project_id,
        target_type="export",
        target_id=job_id,
        details={"from": from_at, "to": to_at},
        source_ip=source_ip,
    )
    store.create(job, entry=entry)
    return job


def get(scope: Scope, project_id: str, job_id: str) -> dict[str, Any]:
    """An export with its progress; a finished one with its download link."""
    require_admin(scope, project_id)
    job = store.get(project_id, job_id)
    if job is None or job["job"] != record.PROJECT_EXPORT:
        raise NotFound("no such export", code="export_not_found")
    return view(job)


def recent(scope: Scope, project_id: str) -> list[dict[str, Any]]:
    require_admin(scope, project_id)
    return [view(j) for j in store.latest(project_id) if j["job"] == record.PROJECT_EXPORT]


def view(job: ExportJob) -> dict[str, Any]:
    shown: dict[str, Any] = {
        name: job.get(name)
        for name in (
            "job_id",
            "project_id",
            "state",
            "created_at",
            "created_by",
            "updated_at",
            "from_at",
            "to_at",
            "sessions",
            "messages",
            "bytes",
            "finished_at",
            "error",
        )
    }
    shown["download_url"] = None
    if job["state"] == record.DONE and job.get("object_key"):
        shown["download_url"] = export_files.download_url(
            job["object_key"], f"export-{job['job_id']}.jsonl", seconds=LINK_SECONDS
        )
        shown["download_expires_in"] = LINK_SECONDS
    return shown


def require_admin(scope: Scope, project_id: str) -> None:
    if not scope.is_admin:
        raise Forbidden("only an administrator can do this", code="admin_only")
    if projects.get_project(project_id) is None:
        raise NotFound("no such project", code="project_not_found")


# -- the scheduler's step ------------------------------------------------------------------------
def advance(job: ExportJob, now: int) -> ExportJob:
    """One bounded step: the job as it should be written next (the caller writes it)."""
    lines: list[str] = []

    def on_session(session: Session) -> None:
        lines.append(_line("session", session_record.shown(session)))

    def on_messages(session: Session, messages: list[Message]) -> None:
        lines.extend(_line("message", message_record.shown(m)) for m in messages)

    plan = walk.Walk(
        project_id=job["project_id"],
        active_from=job.get("from_at"),
        active_to=job.get("to_at"),
        reads=READS_PER_RUN,
        messages_page=MESSAGES_PAGE,
    )
    done = walk.step(plan, job.get("cursor") or {}, on_session, on_messages)
    data = "".join(lines).encode("utf-8")
    after: ExportJob = {
        **job,
        "cursor": done.cursor,
        "step": job["step"] + 1,
        "updated_at": now,
        "sessions": job["sessions"] + done.sessions,
        "messages": job["messages"] + done.messages,
        "bytes": job.get("bytes", 0) + len(data),
        "due_at": now,
    }
    _write(after, data, finished=done.finished)
    if done.finished:
        after["state"] = record.DONE
        after["finished_at"] = now
        after.pop("due_at", None)
        after.pop("cursor", None)
    return after


def _write(job: ExportJob, data: bytes, *, finished: bool) -> None:
    """Add `data` to the file: a part once what waits makes MIN_PART_BYTES, the last part (or
    the whole file) when finished, else kept waiting in the pending object."""
    key = job["object_key"]
    # only what the job recorded: a run that stopped before recording wrote more
    waiting = export_files.pending(key)[: job.get("pending_bytes", 0)] + data
    parts = list(job.get("parts") or [])
    if finished and not parts:
        export_files.keep_whole(key, waiting)
        job["pending_bytes"] = 0
        return
    if finished or len(waiting) >= export_files.MIN_PART_BYTES:
        if not job.get("upload_id"):
            job["upload_id"] = export_files.start_upload(key)
        number = len(parts) + 1
        etag = export_files.upload_part(key, job["upload_id"], number, waiting)
        parts.append({"number": number, "etag": etag})
        job["parts"] = parts
        if finished:
            export_files.complete(key, job["upload_id"], parts)
        job["pending_bytes"] = 0
        return
    export_files.keep_pending(key, waiting)
    job["pending_bytes"] = len(waiting)


def _line(kind: str, fields: dict[str, Any]) -> str:
    return json.dumps({"record": kind, **fields}, ensure_ascii=False, default=str) + "\n"
