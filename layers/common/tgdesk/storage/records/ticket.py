"""An escalation ticket: its item shape, key, index keys, and the conversions to and from its item.

A session has at most one ticket, kept under the session (`SESSION#{id}`, `TICKET`); it sits
in its project's ticket list (GSI1, by number). Its number is handed out per project by an
atomic counter. Everything a user or an agent writes into it is bounded (MAX_* below), so a
ticket stays a few kilobytes whatever happens.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NotRequired, TypedDict, cast

from tgdesk.core.domain import Emotion, Level, Priority
from tgdesk.storage import keys, table

KIND = "ticket"

MAX_PROBLEM_CHARS = 2000
MAX_TRIED_CHARS = 2000
MAX_REASON_CHARS = 500
MAX_KEY_MESSAGES = 5
MAX_EXCERPT_CHARS = 300
MAX_HOPS = 20  # the latest ones; older hops stay in the audit log


class TicketUser(TypedDict, total=False):
    """Who the ticket is about, as their profile (or their session) shows them."""

    tg_user_id: int
    first_name: str
    last_name: str
    username: str
    language_code: str


class KeyMessage(TypedDict, total=False):
    """A message that matters to the case: an excerpt, and its id, which opens the message
    (and its attachment, through the session's media route)."""

    message_id: str
    created_at: int
    type: str  # text, photo, document, ...
    excerpt: str  # at most MAX_EXCERPT_CHARS of its text or caption
    has_media: bool


class Hop(TypedDict, total=False):
    """One escalation: who moved the session, when, from where to where, and why."""

    at: int
    by: str
    from_level: Level
    from_agent_id: str | None
    to_level: Level
    to_group_id: str | None
    to_agent_id: str | None  # the agent who got the session
    to_supervisors: bool  # l3's one click: the project's supervisors and admins
    priority: Priority
    reason: str | None


class Targets(TypedDict, total=False):
    """An escalation's own targets, stricter than the project's policy for the priority: the
    session's clocks use them from `since` (the escalation) on (tgdesk.sla.clocks)."""

    first_response_minutes: int  # the response clocks: the first answer, then each next one
    resolution_minutes: int
    since: int


class Ticket(TypedDict, total=False):
    """A ticket item without its key attributes, as storage returns it."""

    session_id: str
    project_id: str
    number: int
    level: Level  # the session's level since its latest hop
    group_id: str | None  # the group of its latest hop, if any
    user: TicketUser
    problem: str
    tried: str
    key_messages: list[KeyMessage]
    emotion: Emotion
    hops: list[Hop]
    targets: Targets  # absent: the project's policy
    created_at: int
    created_by: str
    updated_at: int
    version: int  # +1 with every write: edits and hops are conditional on it


class TicketSummary(TypedDict):
    """What the session item keeps of its ticket, for whoever holds it (the top of the chat),
    and the targets its clocks read."""

    number: int
    level: Level
    emotion: Emotion
    targets: NotRequired[Targets]


def key(session_id: str) -> tuple[str, str]:
    return keys.escalation_ticket(session_id)


def index_keys(ticket: Mapping[str, Any]) -> dict[str, str]:
    return {
        "GSI1PK": keys.project_tickets_index(ticket["project_id"]),
        "GSI1SK": keys.ticket_sort_key(int(ticket["number"])),
    }


def to_item(ticket: Ticket) -> dict[str, Any]:
    pk, sk = key(ticket["session_id"])
    return {"PK": pk, "SK": sk, **index_keys(ticket), **ticket, "kind": KIND}


def from_item(item: Mapping[str, Any]) -> Ticket:
    found = table.strip_keys(dict(item))
    found.pop("kind", None)
    return cast(Ticket, found)


def summary(ticket: Mapping[str, Any]) -> TicketSummary:
    short: TicketSummary = {
        "number": int(ticket["number"]),
        "level": Level(ticket["level"]),
        "emotion": Emotion(ticket["emotion"]),
    }
    if ticket.get("targets"):
        short["targets"] = ticket["targets"]
    return short
