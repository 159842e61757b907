"""A project's retention: its sessions and messages expire `retention_days` after their last
message (DynamoDB TTL; tgdesk.storage.retention); statistics, link counters and audit
entries stay. None (the default) keeps everything.

Administrators change it (audited `project.retention`); new messages take it at once (ingest
reads it on the project item it caches for a minute, a reply on its session), and a backfill
job rewrites `ttl` on what is already stored, in bounded steps of the scheduler's `exports`
job. A newer change ends a backfill still running, so the last setting wins.

The least retention keeps a closed session until it can no longer be reopened: at least
MIN_DAYS, and more than the project's reopen window plus its auto-close time.
"""

from __future__ import annotations

from typing import Any

from tgdesk.accounts.access import Scope
from tgdesk.audit import entries
from tgdesk.core import ids
from tgdesk.core.clock import now_ms
from tgdesk.core.errors import InvalidInput, NotFound
from tgdesk.exports import walk
from tgdesk.exports.project_export import require_admin
from tgdesk.storage import exports as store
from tgdesk.storage import projects
from tgdesk.storage import retention as stored
from tgdesk.storage.records import export_job as record
from tgdesk.storage.records.export_job import ExportJob
from tgdesk.storage.records.message import Message
from tgdesk.storage.records.project import Project
from tgdesk.storage.records.session import Session
from tgdesk.team import settings as team_settings

MIN_DAYS = 30
# The backfill starts once every container's cached project item holds the new setting
# (ingest keeps it PROJECT_CACHE_SECONDS), so no message written after it takes the old one.
BACKFILL_DELAY_MS = 2 * 60_000
MAX_DAYS = 3650
READS_PER_RUN = 10  # pages per run: each message read is also written
MESSAGES_PAGE = 100


def get(scope: Scope, project_id: str) -> dict[str, Any]:
    require_admin(scope, project_id)
    project = projects.get_project(project_id)
    if project is None:
        raise NotFound("no such project", code="project_not_found")
    backfill = _running_backfill(project_id)
    return {
        "retention_days": stored.days_of(project),
        "least_days": least_days(project),
        "backfill": None if backfill is None else _progress(backfill),
    }


def least_days(project: Project) -> int:
    settings = team_settings.project_settings(project)
    auto_close_days = -(-int(settings["auto_close_after_hours"]) // 24)
    return max(MIN_DAYS, int(settings["reopen_within_days"]) + auto_close_days + 1)


def change(
    scope: Scope, project_id: str, days: int | None, *, source_ip: str | None = None
) -> dict[str, Any]:
    """Set (or, with None, end) the project's retention and start its backfill."""
    require_admin(scope, project_id)
    project = projects.get_project(project_id)
    if project is None:
        raise NotFound("no such project", code="project_not_found")
    least = least_days(project)
    if days is not None and not least <= days <= MAX_DAYS:
        raise InvalidInput(
            f"retention_days is between {least} and {MAX_DAYS} days, or none",
            code="invalid_retention",
            field="retention_days",
        )
    before = stored.days_of(project)
    entry = entries.entry(
        "project.retention",
        actor_id=scope.agent_id,
        project_id=project_id,
        target_type="project",
        target_id=project_id,
        before={"retention_days": before},
        after={"retention_days": days},
        source_ip=source_ip,
    )
    stored.set_project_days(project_id, days, entry=entry)
    _end_running_backfills(project_id)
    now = now_ms()
    job: ExportJob = {
        "job_id": ids.sortable_id(),
        "project_id": project_id,
        "job": record.RETENTION,
        "state": record.RUNNING,
        "created_at": now,
        "created_by": scope.agent_id,
        "updated_at": now,
        "step": 0,
        "sessions": 0,
        "messages": 0,
        "cursor": {},
        "due_at": now + BACKFILL_DELAY_MS,
    }
    if days is not None:
        job["retention_days"] = days
    store.create(job, entry=None)
    return get(scope, project_id)


def advance(job: ExportJob, now: int) -> ExportJob:
    """One bounded step of a backfill: `ttl` set (or taken off) on sessions and messages."""
    days = job.get("retention_days")

    def on_session(session: Session) -> None:
        stored.apply_to_session(session, days)

    def on_messages(session: Session, messages: list[Message]) -> None:
        for message in messages:
            stored.apply_to_message(message, days)

    plan = walk.Walk(job["project_id"], None, None, READS_PER_RUN, MESSAGES_PAGE)
    done = walk.step(plan, job.get("cursor") or {}, on_session, on_messages)
    after: ExportJob = {
        **job,
        "cursor": done.cursor,
        "step": job["step"] + 1,
        "updated_at": now,
        "sessions": job["sessions"] + done.sessions,
        "messages": job["messages"] + done.messages,
        "due_at": now,
    }
    if done.finished:
        after["state"] = record.DONE
        after["finished_at"] = now
        after.pop("due_at", None)
        after.pop("cursor", None)
    return after


def _running_backfill(project_id: str) -> ExportJob | None:
    for job in store.latest(project_id):
        if job["job"] == record.RETENTION and job["state"] == record.RUNNING:
            return job
    return None


def _end_running_backfills(project_id: str) -> None:
    for job in store.latest(project_id):
        if job["job"] == record.RETENTION and job["state"] == record.RUNNING:
            ended: ExportJob = {**job, "state": record.DONE, "step": job["step"] + 1}
            ended["error"] = "superseded"
            ended.pop("due_at", None)
            store.advance(job, ended)


def _progress(job: ExportJob) -> dict[str, Any]:
    return {"sessions": job["sessions"], "messages": job["messages"], "state": job["state"]}
