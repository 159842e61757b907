"""A rating of 3 or less asks the project's supervisors (its admins when it has none) to
contact the user: each gets a notice about the session (`survey_low_rating`, with the
score and the agent it counts for), and the audit log records it, in the rating's own
transaction, so a press counted once is followed up once; and the stream opens a
`csat_follow_up` task (tgdesk.tasks) with the session linked, owned by the first supervisor.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tgdesk.audit import entries as audit
from tgdesk.core.errors import InvalidInput
from tgdesk.routing.jobs import supervisors_of
from tgdesk.storage import assignments
from tgdesk.storage import tasks as task_store
from tgdesk.storage.records import task as task_record
from tgdesk.storage.records.survey import Rating
from tgdesk.tasks import service as tasks

LOW = 3  # a rating of this or less is followed up
LOW_RATING = "survey_low_rating"  # the notice's kind
_TRANSACTION_ROOM = 80  # notices in one transaction (100 items, the rating's own besides)


def follow_up(
    session: Mapping[str, Any], rating: Rating, now: int
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The notices and the audit entry a low rating writes with itself."""
    entry = audit.entry(
        "survey.low_rating",
        actor_id=audit.SYSTEM,
        project_id=session["project_id"],
        target_type="session",
        target_id=session["session_id"],
        before={},
        after={"score": rating["score"]},
        details={"agent_id": rating.get("agent_id"), "ticket_number": rating.get("ticket_number")},
    )
    target = {"session_id": session["session_id"], "project_id": session["project_id"]}
    notices = [
        assignments.notice_item(
            supervisor,
            LOW_RATING,
            target,
            to_agent_id=rating.get("agent_id"),
            entry=entry,
            at=now,
            score=rating["score"],
        )
        for supervisor in supervisors_of(session["project_id"])[:_TRANSACTION_ROOM]
    ]
    return notices, [entry]


TASK_DUE_MS = 4 * 3_600_000  # the follow-up task is due this long after the rating


def open_task(session: Mapping[str, Any], rating: Mapping[str, Any]) -> bool:
    """A CSAT follow-up task (tgdesk.tasks) for the project's first supervisor, opened by the
    stream when the rating appears on the session. A redelivered record finds the task
    opened for this rating and opens none. False when none was opened."""
    rated_at = int(rating["at"])
    for task in task_store.of_session(session["session_id"]):
        if task.get("task_kind") == task_record.CSAT_FOLLOW_UP and task["created_at"] >= rated_at:
            return False
    supervisors = supervisors_of(session["project_id"])
    note = f"Rated {rating['score']}/5: contact the user about this session."
    owner = supervisors[0] if supervisors else None
    for owner_id in dict.fromkeys((owner, None)):
        try:
            tasks.open_task(
                session["project_id"],
                session["session_id"],
                kind=task_record.CSAT_FOLLOW_UP,
                due_at=rated_at + TASK_DUE_MS,
                owner_id=owner_id,
                note=note,
                created_by=audit.SYSTEM,
            )
        except InvalidInput:
            continue  # an admin who is no member of the project: the holder owns it
        return True
    return False
