"""Routing rules and the claim loop, without AWS: round robin, and races replayed on a fake store
that keeps DynamoDB's conditional-write semantics."""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import dataclass, field

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tgdesk.routing.policy import (
    Candidate,
    Claim,
    ClaimResult,
    Outcome,
    RoutingContended,
    RoutingState,
    RoutingSteps,
    SessionToRoute,
    Snapshot,
    choose,
    route,
    routing_steps,
)

SESSION = SessionToRoute(session_id="s1", project_id="p1")


def members(*agent_ids: str, disabled: tuple[str, ...] = ()) -> list[Candidate]:
    return [Candidate(aid, disabled=aid in disabled) for aid in agent_ids]


# -- round robin --------------------------------------------------------------------------
def test_first_session_of_a_project_goes_to_the_lowest_agent_id() -> None:
    assert choose(members("b", "a", "c"), RoutingState(cursor=None)) == "a"


def test_cursor_walks_the_members_in_agent_id_order_and_wraps() -> None:
    picks = [choose(members("c", "a", "b"), RoutingState(n)) for n in range(5)]
    assert picks == ["a", "b", "c", "a", "b"]


def test_disabled_agents_are_skipped() -> None:
    candidates = members("a", "b", "c", disabled=("b",))
    picks = [choose(candidates, RoutingState(n)) for n in range(4)]
    assert picks == ["a", "c", "a", "c"]


def test_nobody_eligible_means_no_pick() -> None:
    assert choose([], RoutingState(3)) is None
    assert choose(members("a", disabled=("a",)), RoutingState(0)) is None


agent_ids = st.lists(st.text("abcdefgh0123", min_size=1, max_size=4), max_size=8, unique=True)


@st.composite
def candidate_lists(draw: st.DrawFn) -> list[Candidate]:
    return [Candidate(aid, disabled=draw(st.booleans())) for aid in draw(agent_ids)]


@given(candidate_lists(), st.integers(min_value=0, max_value=10**9))
def test_pick_is_an_enabled_member_or_none_only_when_there_is_none(
    candidates: list[Candidate], cursor: int
) -> None:
    enabled = {c.agent_id for c in candidates if not c.disabled}
    picked = choose(candidates, RoutingState(cursor))
    assert picked in enabled if enabled else picked is None


@given(candidate_lists(), st.integers(min_value=0, max_value=10**6), st.randoms())
def test_pick_ignores_the_order_members_are_listed_in(
    candidates: list[Candidate], cursor: int, rnd
) -> None:
    shuffled = list(candidates)
    rnd.shuffle(shuffled)
    state = RoutingState(cursor)
    assert choose(shuffled, state) == choose(candidates, state)


@given(candidate_lists(), st.integers(min_value=0, max_value=10**6), st.integers(0, 200))
def test_consecutive_cursors_spread_sessions_evenly(
    candidates: list[Candidate], start: int, n: int
) -> None:
    enabled = {c.agent_id for c in candidates if not c.disabled}
    counts = Counter(choose(candidates, RoutingState(start + i)) for i in range(n))
    if not enabled:
        assert counts == ({None: n} if n else {})
        return
    per_agent = [counts.get(aid, 0) for aid in enabled]
    assert sum(per_agent) == n
    assert max(per_agent) - min(per_agent) <= 1


# -- the claim loop on a fake store -------------------------------------------------------
@dataclass
class FakeStore:
    """In memory, with the conditions of the DynamoDB transaction: a claim that takes a
    turn moves the cursor only from the value read, a session is assigned only once."""

    candidates: list[Candidate]
    sessions: dict[str, str | None] = field(default_factory=dict)  # sid -> assignee
    cursor: int | None = None
    assignments: list[tuple[str, str]] = field(default_factory=list)
    writes: int = 0

    def snapshot(self, session: SessionToRoute) -> Snapshot:
        held = self.sessions.get(session.session_id, "gone")
        is_open = held == session.from_agent_id
        return Snapshot(is_open, tuple(self.candidates), RoutingState(self.cursor))

    def keep(self, session: SessionToRoute, at: int) -> None:
        raise AssertionError("new sessions are never kept")

    def claim(self, claim: Claim) -> ClaimResult:
        self.writes += 1
        if self.sessions.get(claim.session.session_id, "gone") != claim.session.from_agent_id:
            return ClaimResult.SESSION_TAKEN
        if claim.takes_turn and claim.cursor_read != self.cursor:
            return ClaimResult.CONTENDED
        if not any(c.agent_id == claim.agent_id and not c.disabled for c in self.candidates):
            return ClaimResult.AGENT_UNAVAILABLE
        if claim.takes_turn:
            self.cursor = (self.cursor or 0) + 1
        self.sessions[claim.session.session_id] = claim.agent_id
        self.assignments.append((claim.session.session_id, claim.agent_id))
        return ClaimResult.CLAIMED


def session(sid: str) -> SessionToRoute:
    return SessionToRoute(session_id=sid, project_id="p1")


def test_route_assigns_and_a_second_route_of_the_same_session_changes_nothing() -> None:
    store = FakeStore(members("a", "b"), sessions={"s1": None})
    first = route(session("s1"), store, lambda: 1)
    again = route(session("s1"), store, lambda: 2)
    assert (first.outcome, first.agent_id) == (Outcome.ASSIGNED, "a")
    assert again.outcome is Outcome.ALREADY_ROUTED
    assert store.assignments == [("s1", "a")] and store.cursor == 1


def test_no_eligible_agent_leaves_the_session_unassigned_without_writing() -> None:
    store = FakeStore(members("a", disabled=("a",)), sessions={"s1": None})
    assert route(session("s1"), store, lambda: 1).outcome is Outcome.NO_ELIGIBLE_AGENT
    assert store.sessions == {"s1": None} and store.writes == 0


def test_losing_the_cursor_race_re_reads_and_takes_the_next_agent() -> None:
    store = FakeStore(members("a", "b"), sessions={"s1": None, "s2": None})
    slow = routing_steps(session("s1"), store, lambda: 1)
    next(slow)  # s1 has read cursor None and picked "a"
    assert route(session("s2"), store, lambda: 1).agent_id == "a"
    result = drive(slow)
    assert (result.outcome, result.agent_id, result.attempts) == (Outcome.ASSIGNED, "b", 2)


def test_an_agent_disabled_after_the_read_is_passed_over_after_a_fresh_read() -> None:
    store = FakeStore(members("a", "b"), sessions={"s1": None})
    steps = routing_steps(session("s1"), store, lambda: 1)
    next(steps)  # read, and picked "a"
    store.candidates = members("a", "b", disabled=("a",))
    result = drive(steps)
    assert (result.outcome, result.agent_id, result.attempts) == (Outcome.ASSIGNED, "b", 2)
    assert store.assignments == [("s1", "b")]


def test_a_cursor_that_never_settles_fails_the_record_after_bounded_attempts() -> None:
    class AlwaysMoving(FakeStore):
        def claim(self, claim: Claim) -> ClaimResult:
            self.writes += 1
            return ClaimResult.CONTENDED

    store = AlwaysMoving(members("a"), sessions={"s1": None})
    with pytest.raises(RoutingContended) as raised:
        route(session("s1"), store, lambda: 1, max_attempts=3)
    assert store.writes == 3 and raised.value.code == "routing_contended"


def drive(steps: RoutingSteps) -> object:
    while True:
        try:
            next(steps)
        except StopIteration as done:
            return done.value


@settings(max_examples=300, deadline=None)
@given(
    n_sessions=st.integers(1, 12),
    n_agents=st.integers(1, 5),
    n_invocations=st.integers(2, 3),
    schedule=st.lists(st.integers(0, 2), max_size=400),
)
def test_interleaved_invocations_assign_each_session_once_and_evenly(
    n_sessions: int, n_agents: int, n_invocations: int, schedule: list[int]
) -> None:
    """Several invocations all receive every session (concurrent and redelivered batches)
    and take turns as `schedule` says; a record that gives up is redelivered."""
    sids = [f"s{i:02d}" for i in range(n_sessions)]
    store = FakeStore(members(*(f"agent{i}" for i in range(n_agents))), {s: None for s in sids})
    pending = [list(sids) for _ in range(n_invocations)]
    running: list[RoutingSteps | None] = [None] * n_invocations

    def step(i: int) -> None:
        if running[i] is None:
            running[i] = routing_steps(session(pending[i][0]), store, lambda: 1)
        try:
            next(running[i])
        except StopIteration:
            pending[i].pop(0)
            running[i] = None
        except RoutingContended:
            pending[i].append(pending[i].pop(0))
            running[i] = None

    turns = itertools.chain((t % n_invocations for t in schedule), itertools.cycle(range(3)))
    for turn in turns:
        if not any(pending):
            break
        if pending[turn % n_invocations]:
            step(turn % n_invocations)

    assert sorted(s for s, _ in store.assignments) == sids
    counts = Counter(agent for _, agent in store.assignments)
    per_agent = [counts.get(f"agent{i}", 0) for i in range(n_agents)]
    assert max(per_agent) - min(per_agent) <= 1
    assert store.cursor == n_sessions


def test_only_a_new_session_picked_by_the_mode_takes_a_turn() -> None:
    store = FakeStore(members("a", "b"), sessions={"s1": None, "s2": "a"})
    assert route(session("s1"), store, lambda: 1).agent_id == "a"
    moved = SessionToRoute(
        "s2", "p1", how="transferred", from_agent_id="a", exclude=frozenset({"a"})
    )
    store.cursor = 1
    stale = routing_steps(moved, store, lambda: 1)
    next(stale)  # read the cursor, picked "b"
    store.cursor = 7  # new sessions were routed meanwhile: a transfer does not care
    result = drive(stale)
    assert (result.outcome, result.agent_id, result.attempts) == (Outcome.ASSIGNED, "b", 1)
    assert store.cursor == 7
