"""A session: its item shape, key, index keys, and the conversions to and from its item.

A session sits in two lists, each ordered by its last activity: GSI1, its assignee's
sessions (or its project's queue while it has no assignee), and GSI2, its project's
sessions (written over shards by session id, which the session list reads together).
`index_keys` is the one place these keys are made.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypedDict, cast

from tgdesk.core.domain import Level, Priority, Status
from tgdesk.storage import keys, table
from tgdesk.storage.records import sla as sla_record
from tgdesk.storage.records.link_touch import LinkTouch
from tgdesk.storage.records.sla import SessionSla
from tgdesk.storage.records.survey import Rating
from tgdesk.storage.records.ticket import TicketSummary

KIND = "session"


class UserCard(TypedDict, total=False):
    """The user's display fields copied onto their session for the session lists."""

    first_name: str
    last_name: str
    username: str
    language_code: str


# How much of a message's text (or caption) its session keeps for the list rows.
PREVIEW_CHARS = 80


class LastMessage(TypedDict):
    """A short preview of the session's last message, kept on the session for its list row."""

    direction: Literal["in", "out"]
    type: str
    text: str  # the first PREVIEW_CHARS characters of its text or caption; "" for bare media
    at: int


class SessionShown(TypedDict, total=False):
    """What the console is shown of a session (the API and the realtime frames alike)."""

    session_id: str
    project_id: str
    tg_user_id: int
    chat_id: int
    status: Status
    priority: Priority
    assignee_id: str
    assigned_at: int
    user: UserCard
    opened_at: int
    first_inbound_at: int
    first_reply_at: int
    last_user_msg_at: int
    last_agent_msg_at: int
    last_activity_at: int
    closed_at: int
    tags: list[str]
    reopened_at: int
    queued_at: int  # set while the session waits in its project's queue for room
    # the first user message after the last agent reply: the user waits for an answer since
    # then; absent once an agent replies or the session closes
    waiting_since: int
    last_message: LastMessage  # written with each user message and agent message
    link: LinkTouch  # the tracked link whose click opened it (a `/start <payload>`)
    # SLA clocks (tgdesk.sla): pauses, recorded warnings and breaches, the console's snapshot
    sla: SessionSla
    level: Level  # absent: l1; set by an escalation, with its move
    ticket: TicketSummary  # the session's escalation ticket in short, once it has one
    collaborator_ids: list[str]  # agents invited to collaborate (tgdesk.collaboration)
    tasks_open: int  # open and overdue follow-up tasks (tgdesk.tasks)
    tasks_overdue: int  # tasks whose due time passed, not done: the list row's flag
    rating: Rating  # the user's satisfaction rating, once they pressed (tgdesk.surveys)


class Session(SessionShown, total=False):
    """A session item without its key attributes, as storage returns it."""

    kind: str
    group_id: str  # the agent group its last move routed it into, if it named one
    return_count: int  # returns in a row by the return timer, nobody having opened it
    correlation_id: str  # the update or request that last wrote it (core.correlation)
    read_at: dict[str, int]  # per agent id: when they last opened it (their unread badge)


# The shown attributes and what a view holds when the item has none.
SHOWN_FIELDS: dict[str, Any] = dict.fromkeys(SessionShown.__annotations__) | {
    "tags": [],
    "level": Level.L1,
    "collaborator_ids": [],
    "tasks_open": 0,
    "tasks_overdue": 0,
}


def key(session_id: str) -> tuple[str, str]:
    return keys.session(session_id)


def index_keys(session: Mapping[str, Any], activity: int | None = None) -> dict[str, str]:
    """The session's GSI key attributes that follow from what `session` holds.

    With `activity` (its last activity, epoch ms): both sort keys, which place it in its
    lists. With a `project_id` (and the `session_id`): the partitions, GSI1 its assignee's
    list (`assignee_id`) or else its project's queue, and GSI2 the shard of its project's
    sessions that its id picks. A write that knows only the
    session id (a message on it) passes just that and moves it within its lists.
    """
    out: dict[str, str] = {}
    if "project_id" in session:
        assignee = session.get("assignee_id")
        project_id = session["project_id"]
        out["GSI1PK"] = (
            keys.assignee_sessions_index(assignee)
            if assignee
            else keys.project_queue_index(project_id)
        )
        out["GSI2PK"] = keys.project_sessions_index(project_id, session["session_id"])
    if activity is not None:
        sort_key = keys.activity_sort_key(activity, session["session_id"])
        out["GSI1SK"] = sort_key
        out["GSI2SK"] = sort_key
    return out


def to_item(session: Session) -> dict[str, Any]:
    """The table item of a new session: key, index keys at its last activity, attributes."""
    pk, sk = key(session["session_id"])
    return {
        "PK": pk,
        "SK": sk,
        **index_keys(session, session["last_activity_at"]),
        **session,
        "kind": KIND,
    }


def from_item(item: Mapping[str, Any]) -> Session:
    """The session of a table item: every attribute but the key attributes."""
    return cast(Session, table.strip_keys(dict(item)))


def last_message(message: Mapping[str, Any]) -> LastMessage:
    """The preview of `message` (stored fields: direction, type, created_at) its session keeps."""
    text = message.get("text") or message.get("caption") or ""
    return {
        "direction": message["direction"],
        "type": message.get("type") or "text",
        "text": text[:PREVIEW_CHARS],
        "at": message["created_at"],
    }


def shown(session: Mapping[str, Any]) -> dict[str, Any]:
    """What the console is shown of a session, every shown attribute present."""
    out = {name: session.get(name, default) for name, default in SHOWN_FIELDS.items()}
    out["sla"] = sla_record.current_view(session)  # only the clocks still running
    return out
