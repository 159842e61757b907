"""The session list a caller sees: which index partitions to read for their role, and the
filters the console offers, with counts per status; and a session's messages.

Agents see the sessions assigned to them in the projects they belong to; supervisors every
session of their projects; admins everything. Asking for a project the caller cannot see
answers 404, as if it did not exist.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

from tgdesk.accounts.access import Scope
from tgdesk.collaboration import listing as collaborations
from tgdesk.core.domain import Priority, Status, values
from tgdesk.core.errors import Forbidden, InvalidInput
from tgdesk.sla import clocks as sla_clocks
from tgdesk.storage import conversations, session_list
from tgdesk.storage.records.message import Message
from tgdesk.storage.records.session import Session
from tgdesk.storage.session_list import Partition, SessionFilter

# How a page is ordered. Pages are always read newest activity first (the lists' index);
# "waiting" orders each page by `waiting_since`, oldest first, those not waiting last:
# within the page only, as no index orders sessions by it. "due" likewise orders each page
# by the earliest due time of its running SLA clocks, those without one last (tgdesk.sla).
ORDERS = ("activity", "waiting", "due")


@dataclass(frozen=True, slots=True)
class Query:
    statuses: tuple[str, ...] = ()  # checked: each one a Status
    unread: bool = False  # the same as statuses=("unread",)
    queued: bool = False  # only sessions waiting in their project's queue
    waiting: bool = False  # only sessions whose user waits for an answer
    order: str = "activity"  # checked: one of ORDERS
    priority: str | None = None  # checked: a Priority
    tag: str | None = None
    project_id: str | None = None
    assignee_id: str | None = None
    active_from: int | None = None
    active_to: int | None = None
    q: str | None = None  # words of the user's name or username, or the start of their id


@dataclass(frozen=True, slots=True)
class Listing:
    items: list[Session]
    next_cursor: str | None
    counts: dict[str, int]  # per status, for the same filters but the status
    counts_complete: bool


def list_sessions(
    scope: Scope, query: Query, *, limit: int = 50, cursor: str | None = None
) -> Listing:
    partitions, projects = _partitions(scope, query)
    session_filter = replace(_filter(query), project_ids=projects)
    if projects is not None and not projects:
        return Listing([], None, dict.fromkeys(values(Status), 0), True)
    items, next_cursor = session_list.list_page(
        partitions, session_filter, limit=limit, cursor=cursor
    )
    counted, complete = session_list.count_by_status(partitions, session_filter)
    if cursor is None and partitions == [session_list.assignee_partition(scope.agent_id)]:
        items, counted = _with_collaborations(scope.agent_id, session_filter, items, counted)
    if query.order == "waiting":
        items.sort(key=_waiting_order)
    elif query.order == "due":
        items.sort(key=sla_clocks.due_soonest_key)
    counts = {status: counted.get(status, 0) for status in values(Status)}
    return Listing(items, next_cursor, counts, complete)


def _with_collaborations(
    agent_id: str, session_filter: SessionFilter, items: list[Session], counted: dict[str, int]
) -> tuple[list[Session], dict[str, int]]:
    """An agent's own list shows, with its first page, the sessions they collaborate on
    (tgdesk.collaboration), counted with the others."""
    found = collaborations.collaborating(agent_id, session_filter.without_status())
    listed = {s["session_id"] for s in items}
    extra = [s for s in found if s["session_id"] not in listed]
    shown = [s for s in extra if session_filter.holds(dict(s))]
    merged = sorted([*items, *shown], key=lambda s: s.get("last_activity_at") or 0, reverse=True)
    return merged, dict(Counter(counted) + Counter(str(s.get("status")) for s in extra))


def _waiting_order(session: Session) -> tuple[bool, int]:
    since = session.get("waiting_since")
    return (since is None, since or 0)


def _filter(query: Query) -> SessionFilter:
    if query.order not in ORDERS:
        raise InvalidInput(
            f"order is one of {', '.join(ORDERS)}", code="invalid_order", field="order"
        )
    for status in query.statuses:
        if status not in values(Status):
            raise InvalidInput(
                f"status is one of {', '.join(values(Status))}",
                code="invalid_status",
                field="status",
            )
    statuses = tuple(Status(s) for s in dict.fromkeys(query.statuses))
    if query.unread:
        if statuses and Status.UNREAD not in statuses:
            raise InvalidInput(
                "unread=true lists unread sessions; drop the other statuses or unread",
                code="invalid_filter",
                field="unread",
            )
        statuses = (Status.UNREAD,)
    if query.priority is not None and query.priority not in values(Priority):
        raise InvalidInput(
            f"priority is one of {', '.join(values(Priority))}",
            code="invalid_priority",
            field="priority",
        )
    if (
        query.active_from is not None
        and query.active_to is not None
        and query.active_from > query.active_to
    ):
        raise InvalidInput(
            "active_from is after active_to", code="invalid_range", field="active_from"
        )
    return SessionFilter(
        statuses=statuses,
        queued=query.queued,
        waiting=query.waiting,
        priority=Priority(query.priority) if query.priority is not None else None,
        tag=query.tag,
        active_from=query.active_from,
        active_to=query.active_to,
        search=session_list.fold_search(query.q) if query.q else None,
    )


def _partitions(scope: Scope, query: Query) -> tuple[list[Partition], frozenset[str] | None]:
    """The partitions to read, and the projects whose sessions may be shown from them
    (None: all of them, for admins)."""
    if query.project_id is not None:
        scope.require_project(query.project_id)
    if scope.is_admin:
        visible = None if query.project_id is None else frozenset({query.project_id})
        if query.assignee_id is not None:
            return [session_list.assignee_partition(query.assignee_id)], visible
        project_ids = [query.project_id] if query.project_id else scope.project_ids()
        return [session_list.project_partition(p) for p in project_ids], visible

    member_of = [query.project_id] if query.project_id is not None else scope.project_ids()
    supervised = [p for p in member_of if scope.supervises(p)]
    if query.assignee_id is not None and query.assignee_id != scope.agent_id:
        if not supervised:
            raise Forbidden(
                "only a supervisor can list another agent's sessions", code="supervisor_only"
            )
        return [session_list.assignee_partition(query.assignee_id)], frozenset(supervised)
    if supervised and query.assignee_id is None:
        # A supervisor reads their projects whole (their own sessions are in there too).
        return [session_list.project_partition(p) for p in supervised], frozenset(supervised)
    return [session_list.assignee_partition(scope.agent_id)], frozenset(member_of)


def session_messages(
    session: Session, *, limit: int = 50, cursor: str | None = None
) -> tuple[list[Message], str | None]:
    """A session the caller may see (`Scope.session`): its messages, oldest first, and the
    cursor of the next page."""
    return conversations.list_session_messages(session, limit=limit, cursor=cursor)
