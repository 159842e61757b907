"""Sessions: the list, one session, its messages, replies, and its lifecycle.

A session the caller may not see answers 404, exactly like one that does not exist:
session ids are not an oracle.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response

from console_api.deps import CurrentScope, SessionSender, SourceIp
from console_api.models import ErrorBody, MessageCreate, MessagePublic, Page
from console_api.models_sessions import (
    Priority,
    SessionList,
    SessionUpdate,
    SessionView,
    Status,
    StatusCounts,
)
from tgdesk.outbound import delivery
from tgdesk.sessions import inbox, lifecycle

router = APIRouter(tags=["sessions"])

Limit = Annotated[int, Query(ge=1, le=200)]
Moment = Annotated[int | None, Query(ge=0, description="Epoch milliseconds")]

_CONFLICT = {409: {"model": ErrorBody, "description": "The session is not in a state for this"}}


@router.get("/sessions")
def list_sessions(
    scope: CurrentScope,
    status: Annotated[list[Status] | None, Query()] = None,
    unread: bool = False,
    queued: Annotated[
        bool,
        Query(description="Only sessions waiting in their project's queue (`queued_at` set)"),
    ] = False,
    waiting: Annotated[
        bool,
        Query(description="Only sessions whose user waits for an answer (`waiting_since` set)"),
    ] = False,
    order: Annotated[
        Literal["activity", "waiting", "due"],
        Query(
            description="`waiting`: each page (still read newest activity first) ordered by "
            "`waiting_since`, oldest first, sessions nobody waits on last; `due`: each page "
            "ordered by `sla.due_at` (due soonest), sessions without a running SLA clock last"
        ),
    ] = "activity",
    priority: Priority | None = None,
    tag: Annotated[str | None, Query(max_length=64, description="A tag id")] = None,
    project_id: str | None = None,
    assignee_id: Annotated[
        str | None, Query(description="Supervisors and admins: another agent's sessions")
    ] = None,
    active_from: Moment = None,
    active_to: Moment = None,
    q: Annotated[
        str | None,
        Query(
            max_length=100,
            description="Part of the user's name or username, or the start of their Telegram id",
        ),
    ] = None,
    limit: Limit = 50,
    cursor: str | None = None,
) -> SessionList:
    """Admins see every project's sessions, supervisors their projects' sessions, agents
    the sessions assigned to them; newest activity first, with counts per status."""
    listing = inbox.list_sessions(
        scope,
        inbox.Query(
            statuses=tuple(status or ()),
            unread=unread,
            queued=queued,
            waiting=waiting,
            order=order,
            priority=priority,
            tag=tag,
            project_id=project_id,
            assignee_id=assignee_id,
            active_from=active_from,
            active_to=active_to,
            q=q,
        ),
        limit=limit,
        cursor=cursor,
    )
    return SessionList(
        items=[SessionView(**s) for s in listing.items],
        next_cursor=listing.next_cursor,
        counts=StatusCounts(**listing.counts),
        counts_complete=listing.counts_complete,
        unread_ids=[
            s["session_id"] for s in listing.items if lifecycle.has_unread(s, scope.agent_id)
        ],
    )


@router.get("/sessions/{session_id}")
def get_session(session_id: str, scope: CurrentScope) -> SessionView:
    """One session. Its assignee opening an `unread` session moves it to `processing` (and
    stops its return timer), as reading its messages does; anyone else's read changes
    nothing."""
    return SessionView(**lifecycle.note_opened(scope, scope.session(session_id)))


@router.patch("/sessions/{session_id}", responses=_CONFLICT)
def update_session(
    session_id: str, body: SessionUpdate, scope: CurrentScope, source_ip: SourceIp
) -> SessionView:
    """Set the status (`processing`, `follow_up`) and/or the priority: the assignee or a
    supervisor of the project."""
    session = lifecycle.update(
        scope, session_id, status=body.status, priority=body.priority, source_ip=source_ip
    )
    return SessionView(**session)


@router.post("/sessions/{session_id}/close", responses=_CONFLICT)
def close_session(session_id: str, scope: CurrentScope, source_ip: SourceIp) -> SessionView:
    """End the session: the assignee or a supervisor of the project."""
    return SessionView(**lifecycle.close(scope, session_id, source_ip=source_ip))


@router.post("/sessions/{session_id}/reopen", responses=_CONFLICT)
def reopen_session(session_id: str, scope: CurrentScope, source_ip: SourceIp) -> SessionView:
    """Reopen the user's latest session for its last assignee (or as a supervisor), when
    the user has no other open session. It comes back `unread`."""
    return SessionView(**lifecycle.reopen(scope, session_id, source_ip=source_ip))


@router.get("/sessions/{session_id}/messages")
def list_messages(
    session_id: str, scope: CurrentScope, limit: Limit = 50, cursor: str | None = None
) -> Page[MessagePublic]:
    """The session's messages, oldest first; follow `next_cursor` for newer ones. The
    assignee reading an unread session moves it to `processing`."""
    session = scope.session(session_id)
    items, next_cursor = inbox.session_messages(session, limit=limit, cursor=cursor)
    lifecycle.note_opened(scope, session)
    return Page[MessagePublic](items=[MessagePublic(**m) for m in items], next_cursor=next_cursor)


@router.post(
    "/sessions/{session_id}/messages",
    status_code=201,
    responses={
        200: {"description": "This client_message_id was sent before: that message"},
        403: {"model": ErrorBody, "description": "Only the session's holder writes to the user"},
        409: {
            "model": ErrorBody,
            "description": "`risk_confirmation_required`: send again with `confirm_risk`; "
            "`client_message_id_reused`: that id was used for another text; "
            "or the session is not in a state for this",
        },
        422: {"model": ErrorBody, "description": "`risk_blocked`: not sent; or invalid input"},
    },
)
def reply(
    session_id: str, body: MessageCreate, sender: SessionSender, response: Response
) -> MessagePublic:
    """Send a reply to the session's Telegram user. The answer carries its delivery state:
    `sent`, `failed` with a reason, or `retrying` (delivered later by the scheduler). Risk
    control answers `risk_blocked` (422) or `risk_confirmation_required` (409) with the
    `matches` before anything is stored or sent."""
    scope, session = sender.scope, sender.session
    lifecycle.require_can_send(scope, session)
    message, created = delivery.reply(
        scope,
        session,
        body.text,
        client_message_id=body.client_message_id,
        confirm_risk=body.confirm_risk,
        original_text=body.original_text,
    )
    if not created:
        response.status_code = 200
    return MessagePublic(**message)
