"""Export jobs in the table, and what transcripts and exports read (docs/data-model.md:
export job).

A job is put once with its audit entry; every later write is conditioned on the `step` read,
so two scheduler runs (or a run and a retry) never both advance it. The reads are bounded:
sessions come a page at a time from the project's sharded list (tgdesk.storage.session_list),
messages a page at a time from the user's chat partition.
"""

from __future__ import annotations

from typing import Any

from tgdesk.core.errors import Conflict
from tgdesk.storage import (
    accounts,
    audit,
    conversations,
    keys,
    notes,
    scroll,
    session_list,
    table,
)
from tgdesk.storage.expressions import Condition, put_new
from tgdesk.storage.records import export_job as record
from tgdesk.storage.records.export_job import ExportJob
from tgdesk.storage.records.message import Message
from tgdesk.storage.records.session import Session
from tgdesk.storage.session_messages import id_time

MAX_LISTED = 20  # a project's latest jobs shown
_LOST = Conflict("the export changed meanwhile", code="conflict")


# -- jobs -----------------------------------------------------------------------------------
def create(job: ExportJob, *, entry: dict[str, Any] | None) -> None:
    operations = [put_new(record.to_item(job))]
    if entry is not None:
        operations.append(audit.put_operation(entry))
    table.transact(operations, conflict=_LOST)


def created_at_of(job_id: str) -> int:
    """The time a job's id carries: its `created_at`, part of its key."""
    created = id_time(job_id)
    if created is None:
        raise ValueError(f"not a job id: {job_id!r}")
    return created


def get(project_id: str, job_id: str) -> ExportJob | None:
    """A job by id: its id is a ULID, whose time is the job's `created_at`."""
    created = id_time(job_id)
    if created is None:
        return None
    item = table.get(*record.key(project_id, created, job_id), consistent=True)
    return None if item is None else record.from_item(item)


def latest(project_id: str, *, limit: int = MAX_LISTED) -> list[ExportJob]:
    """A project's latest jobs, newest first: one Query."""
    pk, _ = keys.export_job(project_id, 0, "")
    items, _ = table.query(pk=pk, sk_prefix=keys.EXPORT_JOB_PREFIX, forward=False, limit=limit)
    return [record.from_item(i) for i in items]


def advance(before: ExportJob, after: ExportJob) -> bool:
    """Write `after` only while the job is still at the step read; False when another run
    (or nothing: the job is gone) came first."""
    condition = Condition().require_equal("step", before["step"])
    try:
        table.transact([condition.put(record.to_item(after))], conflict=_LOST)
    except Conflict:
        return False
    return True


def due(now: int, *, most: int) -> list[ExportJob]:
    """Running jobs due by `now`, the earliest first, from every shard."""
    shards = keys.timers_shards(record.TIMER)
    found = scroll.each_earliest(
        [scroll.Partition(shard, "GSI2") for shard in shards],
        low="0",
        high=f"{keys.ts(now)}#~",
        most=most,
    )
    return [record.from_item(i) for i in found]


# -- what exports read ------------------------------------------------------------------------
def sessions_page(
    project_id: str,
    *,
    active_from: int | None,
    active_to: int | None,
    limit: int,
    cursor: str | None,
) -> tuple[list[Session], str | None]:
    """A page of the project's sessions, latest activity first, within the range."""
    wanted = session_list.SessionFilter(active_from=active_from, active_to=active_to)
    return session_list.list_page(
        [session_list.project_partition(project_id)], wanted, limit=limit, cursor=cursor
    )


def messages_page(
    session: Session, *, limit: int, cursor: str | None
) -> tuple[list[Message], str | None]:
    """A page of the session's messages, oldest first."""
    return conversations.list_session_messages(session, limit=limit, cursor=cursor)


def session_notes(session_id: str) -> list[dict[str, Any]]:
    return notes.list_for_session(session_id)


def agent_names(agent_ids: list[str]) -> dict[str, str]:
    """Display names (else usernames) of agents, by id: BatchGetItem, 100 per request."""
    found = accounts.get_agents(agent_ids)
    return {
        agent_id: str(agent.get("display_name") or agent.get("username") or agent_id)
        for agent_id, agent in found.items()
    }
