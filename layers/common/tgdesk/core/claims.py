"""A session's move to an agent, as routing asks for it and storage writes it.

Pure shapes shared by `tgdesk.routing` (which decides) and `tgdesk.storage.assignments`
(which writes the claim in one transaction), so that neither imports the other's layer.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

# How a session came to its agent (assignment records and audit entries say this).
ROUTED, TRANSFERRED, TAKEN_OVER, RETURNED, REOPENED = (
    "routed",
    "transferred",
    "taken_over",
    "returned",
    "reopened",
)
SYSTEM = "system"


@dataclass(frozen=True, slots=True)
class SessionToRoute:
    """A session to give an owner, and why.

    `from_agent_id` is the assignee it is taken from (None: unassigned); the claim happens
    only while the session still has exactly that assignee. `target` is the one agent to
    give it to (a transfer to a named agent, a take-over); else routing's policy decides.

    Only a new session (`how` ROUTED) picked by the project's mode takes a round-robin
    turn: transfers, take-overs, returns, reopens and a returning user's agent leave the
    cursor where it is, so they never skip anyone's turn for new sessions.
    """

    session_id: str
    project_id: str
    tg_user_id: int | None = None
    how: str = ROUTED
    by: str = SYSTEM
    from_agent_id: str | None = None
    exclude: frozenset[str] = frozenset()
    group_id: str | None = None
    online_only: bool = False
    target: str | None = None
    enforce_capacity: bool = True
    status: str | None = None  # the status the session gets with its new agent
    reason: str | None = None
    source_ip: str | None = None
    keep_if_eligible: bool = False  # a reopened session stays with its agent while eligible
    since: int | None = None  # when the change that asks for routing happened (a reopen)


@dataclass(frozen=True, slots=True)
class Claim:
    """The move routing decided on, for storage to write if nothing changed meanwhile."""

    session: SessionToRoute
    agent_id: str
    cursor_read: int | None  # with `takes_turn`: the cursor must still hold this value
    at: int
    return_due_at: int | None = None  # when the new agent's return timer fires
    takes_turn: bool = False  # advance the round-robin cursor (a new session's mode pick)


class ClaimResult(Enum):
    CLAIMED = "claimed"
    SESSION_TAKEN = "session_taken"  # assigned meanwhile (or closed, or gone): nothing to do
    CONTENDED = "contended"  # the cursor moved (another session was routed): re-read, retry
    AGENT_UNAVAILABLE = "agent_unavailable"  # disabled or full since the snapshot
