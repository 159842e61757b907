"""Routing of sessions to agents: the rules, and the read-decide-claim loop around them.

Pure: no AWS types. Storage is reached through the `RoutingStore` protocol
(tgdesk.routing.service implements it with tgdesk.storage); `pick` and `decide` are the
whole policy.

The policy, for every mode: among the eligible agents (members in the project's agent scope,
enabled, in the group for a group transfer, not excluded), a returning user's previous agent
wins when online with room; else the online agents with room are picked from by the mode;
when someone eligible is online but all of them are full, the session waits in the queue
(it never goes to an offline agent while someone eligible is online); when nobody eligible is
online, the session still gets an owner in turn among the eligible agents with room, who sees
the backlog on login. A reopened session goes back to its agent whenever they are still
eligible, online or not (the user gets the same session and agent back).
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any, Protocol

# The claim's shapes live in core (storage writes them too); routing's callers take them here.
from tgdesk.core.claims import (  # noqa: F401
    REOPENED,
    RETURNED,
    ROUTED,
    SYSTEM,
    TAKEN_OVER,
    TRANSFERRED,
    Claim,
    ClaimResult,
    SessionToRoute,
)
from tgdesk.core.domain import RoutingMode
from tgdesk.core.errors import TgdeskError

ROUND_ROBIN, ONLINE_FIRST, BALANCED = (
    RoutingMode.ROUND_ROBIN,
    RoutingMode.ONLINE_FIRST,
    RoutingMode.BALANCED,
)


@dataclass(frozen=True, slots=True)
class Candidate:
    """An eligible agent as routing sees them; `online` is the effective presence."""

    agent_id: str
    disabled: bool = False
    online: bool = True
    open_sessions: int = 0
    max_open_sessions: int | None = None
    last_assigned_at: int | None = None

    @property
    def has_room(self) -> bool:
        return self.max_open_sessions is None or self.open_sessions < self.max_open_sessions


@dataclass(frozen=True, slots=True)
class RoutingState:
    """The project's routing item as read: the round-robin cursor (None before the first
    routed session) and the time of its last claim."""

    cursor: int | None
    last_at: int = 0


def _in_turn(pool: Sequence[Candidate], state: RoutingState) -> str:
    return pool[(state.cursor or 0) % len(pool)].agent_id


def _longest_waiting(pool: Sequence[Candidate], state: RoutingState) -> str:
    return min(pool, key=lambda c: (c.last_assigned_at or -1, c.agent_id)).agent_id


def _least_loaded(pool: Sequence[Candidate], state: RoutingState) -> str:
    return min(pool, key=lambda c: (c.open_sessions, c.last_assigned_at or -1, c.agent_id)).agent_id


_PICKERS: dict[str, Callable[[Sequence[Candidate], RoutingState], str]] = {
    ROUND_ROBIN: _in_turn,  # the agents in agent-id order, each in turn
    ONLINE_FIRST: _longest_waiting,  # the online agent who has waited longest for a session
    BALANCED: _least_loaded,  # the fewest open sessions; ties: the longest waiting
}


@dataclass(frozen=True, slots=True)
class Pick:
    """The agent chosen; `preferred` when it is the returning user's agent rather than the
    project's mode choosing among agents (only the mode's picks take a turn)."""

    agent_id: str
    preferred: bool = False


def pick(
    candidates: Sequence[Candidate],
    state: RoutingState,
    *,
    mode: str = ROUND_ROBIN,
    preferred: str | None = None,
    exclude: frozenset[str] = frozenset(),
    online_only: bool = False,
) -> Pick | None:
    """The agent to give a session to, or None: it waits in the queue (or, with
    `online_only`, nobody online has room)."""
    pool = sorted(
        (c for c in candidates if not c.disabled and c.agent_id not in exclude),
        key=lambda c: c.agent_id,
    )
    online = [c for c in pool if c.online]
    ready = [c for c in online if c.has_room]
    if preferred is not None and any(c.agent_id == preferred for c in ready):
        return Pick(preferred, preferred=True)
    if ready:
        return Pick(_PICKERS.get(mode, _in_turn)(ready, state))
    if online or online_only:
        return None
    with_room = [c for c in pool if c.has_room]
    return Pick(_in_turn(with_room, state)) if with_room else None


def choose(candidates: Sequence[Candidate], state: RoutingState, **options: Any) -> str | None:
    """`pick`'s agent id (same options)."""
    chosen = pick(candidates, state, **options)
    return chosen.agent_id if chosen else None


# -- the claim protocol -----------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Snapshot:
    """What routing reads before deciding. `routable` is False once the session is gone,
    closed or no longer has the assignee expected: then there is nothing left to do."""

    routable: bool
    candidates: tuple[Candidate, ...]
    state: RoutingState
    mode: str = ROUND_ROBIN
    preferred: str | None = None
    return_after_ms: int | None = None
    assigned_at: int = 0  # when the session got its current agent (0: never)


class RoutingStore(Protocol):
    def snapshot(self, session: SessionToRoute) -> Snapshot: ...

    def claim(self, claim: Claim) -> ClaimResult:
        """Atomically: with `takes_turn`, advance the cursor from `cursor_read`; move the
        session from `from_agent_id` to the agent, move both agents' `open_sessions`
        counters (the new agent's only below their capacity), record the assignment and its
        audit entry."""
        ...

    def keep(self, session: SessionToRoute, at: int) -> None:
        """Record that a reopened session stays with its agent (idempotent)."""
        ...


class Outcome(Enum):
    ASSIGNED = "assigned"
    KEPT = "kept"  # a reopened session stays with its agent
    ALREADY_ROUTED = "already_routed"
    NO_ELIGIBLE_AGENT = "no_eligible_agent"  # the session stays in the project's queue
    TARGET_FULL = "target_full"  # the named agent is at capacity (or was just disabled)


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


def decide(session: SessionToRoute, snap: Snapshot) -> Pick | None:
    """The agent the session goes to now, or None."""
    if session.target is not None:
        if not session.enforce_capacity:  # a supervisor taking the session over
            return Pick(session.target)
        eligible = any(c.agent_id == session.target and not c.disabled for c in snap.candidates)
        return Pick(session.target) if eligible else None
    if session.keep_if_eligible and session.from_agent_id is not None:
        # A reopened session: its agent gets it back whenever they may still take the
        # project's sessions (member, in scope, enabled), online or not. The reopen already
        # counted it in their load, so it takes no room either.
        kept = session.from_agent_id
        if any(c.agent_id == kept and not c.disabled for c in snap.candidates):
            return Pick(kept, preferred=True)
    return pick(
        snap.candidates,
        snap.state,
        mode=snap.mode,
        preferred=snap.preferred,
        exclude=session.exclude,
        online_only=session.online_only,
    )


def takes_turn(session: SessionToRoute, chosen: Pick) -> bool:
    """A new session picked by the project's mode uses up a turn; nothing else does."""
    return session.how == ROUTED and session.target is None and not chosen.preferred


def routing_steps(
    session: SessionToRoute,
    store: RoutingStore,
    now: Callable[[], int],
    *,
    max_attempts: int = MAX_CLAIM_ATTEMPTS,
) -> RoutingSteps:
    """Route one session. Each `yield` sits between a read and the write that depends on
    it: the points where a concurrent invocation can act. `route` runs it to the end;
    tests interleave several of these to replay races deterministically."""
    for attempt in range(1, max_attempts + 1):
        snap = store.snapshot(session)
        if not snap.routable:
            return Routed(Outcome.ALREADY_ROUTED, attempts=attempt)
        chosen = decide(session, snap)
        if chosen is None:
            return Routed(Outcome.NO_ELIGIBLE_AGENT, attempts=attempt)
        agent_id = chosen.agent_id
        # Strictly increasing per project for the claims that take a turn (so
        # `last_assigned_at` orders agents even within one millisecond), and per session (so
        # its assignment records keep their order).
        at = max(now(), snap.state.last_at + 1, snap.assigned_at + 1)
        if agent_id == session.from_agent_id:
            store.keep(session, session.since or at)
            return Routed(Outcome.KEPT, agent_id, attempts=attempt)
        yield
        return_due = at + snap.return_after_ms if snap.return_after_ms else None
        claim = Claim(
            session,
            agent_id,
            snap.state.cursor,
            at,
            return_due_at=return_due,
            takes_turn=takes_turn(session, chosen),
        )
        result = store.claim(claim)
        if result is ClaimResult.CLAIMED:
            return Routed(Outcome.ASSIGNED, agent_id, attempts=attempt)
        if result is ClaimResult.SESSION_TAKEN:
            return Routed(Outcome.ALREADY_ROUTED, attempts=attempt)
        if result is ClaimResult.AGENT_UNAVAILABLE and session.target is not None:
            return Routed(Outcome.TARGET_FULL, agent_id, attempts=attempt)
        yield  # CONTENDED or AGENT_UNAVAILABLE: read everything again
    raise RoutingContended(
        "the project's routing cursor kept moving; the record will be retried",
        session_id=session.session_id,
        attempts=max_attempts,
    )


def route(
    session: SessionToRoute,
    store: RoutingStore,
    now: Callable[[], int],
    *,
    max_attempts: int = MAX_CLAIM_ATTEMPTS,
) -> Routed:
    """Route one session with no interleaving (what the assign function does)."""
    steps = routing_steps(session, store, now, max_attempts=max_attempts)
    while True:
        try:
            next(steps)
        except StopIteration as done:
            return done.value
