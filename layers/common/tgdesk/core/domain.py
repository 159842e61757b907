"""The words of the domain, each defined once: a session's status, priority and support level,
a user's emotion on an escalation ticket, an agent's role and presence, a project's routing
mode.

They are `StrEnum`s: a member equals its stored string (`Status.CLOSED == "closed"`), so items
read from the table compare without conversion and members serialise as plain strings.
Storage, the feature packages, the API models and the console's generated types all take
their values from here.
"""

from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    """Where a session stands. Only `processing` and `follow_up` are set by hand; `unread`
    (new or reopened, not yet opened by its agent) and `closed` follow from events."""

    UNREAD = "unread"
    PROCESSING = "processing"
    FOLLOW_UP = "follow_up"
    CLOSED = "closed"


SETTABLE_STATUSES = (Status.PROCESSING, Status.FOLLOW_UP)


class Priority(StrEnum):
    URGENT = "urgent"
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


DEFAULT_PRIORITY = Priority.MEDIUM  # a new session's, and the one read where a session has none


class Level(StrEnum):
    """A session's support level: front line (l1, every session starts here), second line
    (l2) and the people in charge (l3). An escalation only ever moves a session up."""

    L1 = "l1"
    L2 = "l2"
    L3 = "l3"


class Emotion(StrEnum):
    """How the user feels, as the agent who escalates reads it (on the ticket)."""

    CALM = "calm"
    DISSATISFIED = "dissatisfied"
    ANGRY = "angry"
    THREATENING = "threatening"


class Role(StrEnum):
    """An agent's role: admins run the whole desk; supervisors see and steer every session of
    their projects; agents see what is theirs."""

    ADMIN = "admin"
    SUPERVISOR = "supervisor"
    AGENT = "agent"


class Presence(StrEnum):
    ONLINE = "online"
    BUSY = "busy"
    OFFLINE = "offline"


class RoutingMode(StrEnum):
    ROUND_ROBIN = "round_robin"
    ONLINE_FIRST = "online_first"
    BALANCED = "balanced"


def values(enum: type[StrEnum]) -> tuple[str, ...]:
    """The stored strings of an enum, in declaration order (for messages and validation)."""
    return tuple(member.value for member in enum)
