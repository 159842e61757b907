"""The scheduler's `exports` job: each due export or retention backfill advanced one bounded
step per run, the step recorded only while the job is still at the step read (another run
that got there first wins; this one's writes are repeated by the next step identically).
A step that fails is tried again next run; after MAX_FAILURES in a row the job fails."""

from __future__ import annotations

import logging

from tgdesk.core.clock import now_ms
from tgdesk.exports import project_export, retention
from tgdesk.storage import exports as store
from tgdesk.storage.records import export_job as record
from tgdesk.storage.records.export_job import ExportJob

MOST_PER_RUN = 3  # jobs advanced per run (each one bounded)
MAX_FAILURES = 5
RETRY_MS = 60_000

log = logging.getLogger(__name__)


def run_due() -> dict[str, int]:
    """Counts: `exports_due`, `exports_advanced`, `exports_done`, `exports_failed` and
    `exports_lost` (another run recorded its step first)."""
    now = now_ms()
    counts = dict.fromkeys(
        ("exports_due", "exports_advanced", "exports_done", "exports_failed", "exports_lost"), 0
    )
    for job in store.due(now, most=MOST_PER_RUN):
        counts["exports_due"] += 1
        after = _step(job, now)
        if not store.advance(job, after):
            counts["exports_lost"] += 1
            continue
        counts["exports_advanced"] += 1
        if after["state"] == record.DONE:
            counts["exports_done"] += 1
        elif after["state"] == record.FAILED:
            counts["exports_failed"] += 1
    return counts


def _step(job: ExportJob, now: int) -> ExportJob:
    try:
        if job["job"] == record.RETENTION:
            after = retention.advance(job, now)
        else:
            after = project_export.advance(job, now)
    except Exception as err:  # noqa: BLE001 - any failure is retried, then reported
        log.exception("export step failed", extra={"job_id": job["job_id"]})
        failures = job.get("failures", 0) + 1
        failed: ExportJob = {**job, "step": job["step"] + 1, "updated_at": now}
        failed["failures"] = failures
        failed["due_at"] = now + RETRY_MS
        if failures >= MAX_FAILURES:
            failed["state"] = record.FAILED
            failed["error"] = type(err).__name__
            failed.pop("due_at", None)
        return failed
    after.pop("failures", None)
    return after
