"""Routing of new sessions to agents: the rules, and the read-decide-claim loop around them.

Pure: no AWS types. Storage is reached through the `RoutingStore` protocol
(tgdesk.storage.assignments implements it on DynamoDB), and the choice of an agent through
the `Router` protocol, so richer rules (online first, agent scopes, capacity) plug in
without touching the claim protocol that keeps a session from ever going to two agents.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Protocol

from tgdesk.errors import TgdeskError


@dataclass(frozen=True, slots=True)
class SessionToRoute:
    session_id: str
    project_id: str
    priority: str = "medium"


@dataclass(frozen=True, slots=True)
class Candidate:
    """A member of the session's project, as routing sees them."""

    agent_id: str
    disabled: bool = False


@dataclass(frozen=True, slots=True)
class RoutingState:
    """The project's round-robin cursor as read; None before its first routed session."""

    cursor: int | None


class Router(Protocol):
    def pick(
        self, session: SessionToRoute, candidates: Sequence[Candidate], state: RoutingState
    ) -> str | None:
        """The agent id to give the session to, or None when nobody is eligible."""
        ...


class RoundRobin:
    """Each routed session goes to the next enabled member, in agent-id order."""

    def pick(
        self, session: SessionToRoute, candidates: Sequence[Candidate], state: RoutingState
    ) -> str | None:
        eligible = sorted({c.agent_id for c in candidates if not c.disabled})
        if not eligible:
            return None
        return eligible[(state.cursor or 0) % len(eligible)]


# -- the claim protocol -----------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Snapshot:
    """What routing reads before deciding: the session as stored now, the project's
    members and the cursor. `session_open` is False once the session is gone, closed or
    already has an assignee: then there is nothing left to route."""

    session_open: bool
    candidates: tuple[Candidate, ...]
    state: RoutingState


@dataclass(frozen=True, slots=True)
class Claim:
    session_id: str
    project_id: str
    agent_id: str
    cursor_read: int | None  # the write succeeds only if the cursor still holds this value
    at: int


class ClaimResult(Enum):
    CLAIMED = "claimed"
    SESSION_TAKEN = "session_taken"  # assigned meanwhile (or closed, or gone): nothing to do
    CONTENDED = "contended"  # the cursor moved (another session was routed): re-read, retry
    AGENT_UNAVAILABLE = "agent_unavailable"  # disabled or removed since the snapshot


class RoutingStore(Protocol):
    def snapshot(self, session: SessionToRoute) -> Snapshot: ...

    def read_state(self, project_id: str) -> RoutingState: ...

    def claim(self, claim: Claim) -> ClaimResult:
        """Atomically: advance the cursor from `cursor_read` by one, give the session to the
        agent unless it has an assignee, record the assignment and count it in the agent's
        load, provided the agent is still enabled."""
        ...


class Outcome(Enum):
    ASSIGNED = "assigned"
    ALREADY_ROUTED = "already_routed"
    NO_ELIGIBLE_AGENT = "no_eligible_agent"  # the session stays in the project's queue


@dataclass(frozen=True, slots=True)
class Routed:
    outcome: Outcome
    agent_id: str | None = None
    attempts: int = 0


class RoutingContended(TgdeskError):
    """Every claim attempt lost a race; failing the record makes the stream retry it."""

    code = "routing_contended"
    status = 503


MAX_CLAIM_ATTEMPTS = 5

RoutingSteps = Generator[None, None, Routed]


def routing_steps(
    session: SessionToRoute,
    store: RoutingStore,
    router: Router,
    now: Callable[[], int],
    *,
    max_attempts: int = MAX_CLAIM_ATTEMPTS,
) -> RoutingSteps:
    """Route one session. Each `yield` sits between a read and the write that depends on
    it: the points where a concurrent invocation can act. `route` runs it to the end;
    tests interleave several of these to replay races deterministically."""
    snap = store.snapshot(session)
    if not snap.session_open:
        return Routed(Outcome.ALREADY_ROUTED)
    state = snap.state
    for attempt in range(1, max_attempts + 1):
        agent_id = router.pick(session, snap.candidates, state)
        if agent_id is None:
            return Routed(Outcome.NO_ELIGIBLE_AGENT, attempts=attempt)
        yield
        result = store.claim(
            Claim(
                session_id=session.session_id,
                project_id=session.project_id,
                agent_id=agent_id,
                cursor_read=state.cursor,
                at=now(),
            )
        )
        if result is ClaimResult.CLAIMED:
            return Routed(Outcome.ASSIGNED, agent_id, attempts=attempt)
        if result is ClaimResult.SESSION_TAKEN:
            return Routed(Outcome.ALREADY_ROUTED, attempts=attempt)
        yield
        if result is ClaimResult.AGENT_UNAVAILABLE:
            snap = store.snapshot(session)  # the candidates changed: read them again
            if not snap.session_open:
                return Routed(Outcome.ALREADY_ROUTED, attempts=attempt)
            state = snap.state
        else:
            state = store.read_state(session.project_id)
    raise RoutingContended(
        "the project's routing cursor kept moving; the record will be retried",
        session_id=session.session_id,
        attempts=max_attempts,
    )


def route(
    session: SessionToRoute,
    store: RoutingStore,
    router: Router,
    now: Callable[[], int],
    *,
    max_attempts: int = MAX_CLAIM_ATTEMPTS,
) -> Routed:
    """Route one session with no interleaving (what the assign function does)."""
    steps = routing_steps(session, store, router, now, max_attempts=max_attempts)
    while True:
        try:
            next(steps)
        except StopIteration as done:
            return done.value
