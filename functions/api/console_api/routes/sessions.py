"""Sessions, their messages, and agents' replies.

A session the caller may not see answers 404, exactly like one that does not exist:
session ids are not an oracle.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Response

from console_api.deps import CurrentAgent
from console_api.models import MessageCreate, MessagePublic, Page, SessionPublic
from tgdesk import delivery
from tgdesk.errors import NotFound
from tgdesk.storage import conversations, projects, session_feed

router = APIRouter(tags=["sessions"])

Limit = Annotated[int, Query(ge=1, le=200)]


def _can_view(agent: dict[str, Any], session: dict[str, Any]) -> bool:
    if agent["role"] == "admin" or session.get("assignee_id") == agent["agent_id"]:
        return True
    return agent["role"] == "supervisor" and session["project_id"] in projects.projects_of_agent(
        agent["agent_id"]
    )


def _visible_session(agent: dict[str, Any], session_id: str) -> dict[str, Any]:
    session = conversations.get_session(session_id)
    if session is None or not _can_view(agent, session):
        raise NotFound("no such session", code="session_not_found")
    return session


@router.get("/sessions")
def list_sessions(
    agent: CurrentAgent,
    project_id: str | None = None,
    limit: Limit = 50,
    cursor: str | None = None,
) -> Page[SessionPublic]:
    """Admins see every project's sessions, supervisors their projects' sessions, agents
    the sessions assigned to them; newest activity first."""
    if agent["role"] == "agent":
        items, next_cursor = conversations.list_sessions_for_assignee(
            agent["agent_id"], limit=limit, cursor=cursor
        )
        if project_id:
            items = [s for s in items if s["project_id"] == project_id]
    else:
        if agent["role"] == "admin":
            scope = [p["project_id"] for p in projects.list_projects()]
        else:
            scope = projects.projects_of_agent(agent["agent_id"])
        if project_id:
            if project_id not in scope:
                raise NotFound("no such project", code="project_not_found", field="project_id")
            scope = [project_id]
        items, next_cursor = session_feed.list_sessions_for_projects(
            scope, limit=limit, cursor=cursor
        )
    return Page[SessionPublic](items=[SessionPublic(**s) for s in items], next_cursor=next_cursor)


@router.get("/sessions/{session_id}")
def get_session(session_id: str, agent: CurrentAgent) -> SessionPublic:
    return SessionPublic(**_visible_session(agent, session_id))


@router.get("/sessions/{session_id}/messages")
def list_messages(
    session_id: str, agent: CurrentAgent, limit: Limit = 50, cursor: str | None = None
) -> Page[MessagePublic]:
    """The session's messages, oldest first; follow `next_cursor` for newer ones."""
    session = _visible_session(agent, session_id)
    items, next_cursor = conversations.list_session_messages(session, limit=limit, cursor=cursor)
    return Page[MessagePublic](items=[MessagePublic(**m) for m in items], next_cursor=next_cursor)


@router.post(
    "/sessions/{session_id}/messages",
    status_code=201,
    responses={200: {"description": "This client_message_id was sent before: that message"}},
)
def reply(
    session_id: str, body: MessageCreate, agent: CurrentAgent, response: Response
) -> MessagePublic:
    """Send a reply to the session's Telegram user. The answer carries its delivery state:
    `sent`, `failed` with a reason, or `retrying` (delivered later by the scheduler)."""
    session = _visible_session(agent, session_id)
    message, created = delivery.reply(
        agent, session, body.text, client_message_id=body.client_message_id
    )
    if not created:
        response.status_code = 200
    return MessagePublic(**message)
