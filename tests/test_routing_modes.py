"""The routing policy of every mode, as properties of the pure `choose` (and `decide`)."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from tgdesk.routing.policy import (
    BALANCED,
    ONLINE_FIRST,
    REOPENED,
    ROUND_ROBIN,
    Candidate,
    Pick,
    RoutingState,
    SessionToRoute,
    Snapshot,
    choose,
    decide,
)

MODES = (ROUND_ROBIN, ONLINE_FIRST, BALANCED)
modes = st.sampled_from(MODES)
ids = st.text("abcdefgh", min_size=1, max_size=3)


@st.composite
def candidates(draw: st.DrawFn, *, max_size: int = 7) -> list[Candidate]:
    return [
        Candidate(
            agent_id,
            disabled=draw(st.booleans()),
            online=draw(st.booleans()),
            open_sessions=draw(st.integers(0, 5)),
            max_open_sessions=draw(st.none() | st.integers(0, 5)),
            last_assigned_at=draw(st.none() | st.integers(0, 10**6)),
        )
        for agent_id in draw(st.lists(ids, max_size=max_size, unique=True))
    ]


states = st.builds(RoutingState, st.none() | st.integers(0, 10**6), st.integers(0, 10**6))


def eligible(pool: list[Candidate], exclude: frozenset[str]) -> list[Candidate]:
    return [c for c in pool if not c.disabled and c.agent_id not in exclude]


@st.composite
def situations(draw: st.DrawFn) -> tuple[list[Candidate], frozenset[str], str | None]:
    pool = draw(candidates())
    known = [c.agent_id for c in pool]
    exclude = (
        frozenset(draw(st.lists(st.sampled_from(known), max_size=2))) if known else frozenset()
    )
    preferred = draw(st.none() | st.sampled_from(known)) if known else None
    return pool, exclude, preferred


# -- what every mode guarantees ------------------------------------------------------------
@given(situations(), states, modes, st.booleans())
def test_the_pick_is_eligible_has_room_and_is_never_excluded(
    situation: tuple[list[Candidate], frozenset[str], str | None],
    state: RoutingState,
    mode: str,
    online_only: bool,
) -> None:
    pool, exclude, preferred = situation
    picked = choose(
        pool, state, mode=mode, preferred=preferred, exclude=exclude, online_only=online_only
    )
    if picked is None:
        return
    [chosen] = [c for c in pool if c.agent_id == picked]
    assert not chosen.disabled and picked not in exclude and chosen.has_room
    assert chosen.online or not online_only


@given(situations(), states, modes)
def test_never_an_offline_agent_while_an_eligible_one_is_online(
    situation: tuple[list[Candidate], frozenset[str], str | None], state: RoutingState, mode: str
) -> None:
    pool, exclude, preferred = situation
    picked = choose(pool, state, mode=mode, preferred=preferred, exclude=exclude)
    online = [c for c in eligible(pool, exclude) if c.online]
    if online:
        assert picked is None or picked in {c.agent_id for c in online}
        ready = [c for c in online if c.has_room]
        assert (picked is None) == (not ready)  # all online are full: the session waits


@given(situations(), states, modes)
def test_nobody_online_gives_an_owner_in_turn_among_those_with_room(
    situation: tuple[list[Candidate], frozenset[str], str | None], state: RoutingState, mode: str
) -> None:
    pool, exclude, preferred = situation
    pool = [replace(c, online=False) for c in pool]
    picked = choose(pool, state, mode=mode, preferred=preferred, exclude=exclude)
    with_room = sorted(
        (c.agent_id for c in eligible(pool, exclude) if c.has_room),
    )
    expected = with_room[(state.cursor or 0) % len(with_room)] if with_room else None
    assert picked == expected
    assert choose(pool, state, mode=mode, exclude=exclude, online_only=True) is None


@given(situations(), states, modes)
def test_the_preferred_agent_wins_exactly_when_eligible_online_and_below_capacity(
    situation: tuple[list[Candidate], frozenset[str], str | None], state: RoutingState, mode: str
) -> None:
    pool, exclude, preferred = situation
    if preferred is None:
        return
    [agent] = [c for c in pool if c.agent_id == preferred]
    ready = not agent.disabled and preferred not in exclude and agent.online and agent.has_room
    picked = choose(pool, state, mode=mode, preferred=preferred, exclude=exclude)
    if ready:
        assert picked == preferred
    else:  # a preferred agent who is not ready changes nothing
        assert picked == choose(pool, state, mode=mode, exclude=exclude)


# -- each mode's own rule ------------------------------------------------------------------
def ready_pool(pool: list[Candidate]) -> list[Candidate]:
    return [c for c in pool if not c.disabled and c.online and c.has_room]


@given(candidates(), states)
def test_round_robin_takes_the_ready_agents_in_agent_id_order(
    pool: list[Candidate], state: RoutingState
) -> None:
    ready = sorted(c.agent_id for c in ready_pool(pool))
    if ready:
        assert choose(pool, state) == ready[(state.cursor or 0) % len(ready)]


@given(candidates(), states)
def test_online_first_takes_the_online_agent_who_waited_longest(
    pool: list[Candidate], state: RoutingState
) -> None:
    ready = ready_pool(pool)
    picked = choose(pool, state, mode=ONLINE_FIRST)
    if not ready:
        assert picked == choose(pool, state, mode=ROUND_ROBIN)  # none online: round robin
        return
    waited = {c.agent_id: c.last_assigned_at or -1 for c in ready}
    assert waited[picked] == min(waited.values())


@given(candidates(), states)
def test_balanced_takes_the_fewest_open_sessions_then_the_longest_waiting(
    pool: list[Candidate], state: RoutingState
) -> None:
    ready = ready_pool(pool)
    picked = choose(pool, state, mode=BALANCED)
    if not ready:
        assert picked == choose(pool, state, mode=ROUND_ROBIN)
        return
    [chosen] = [c for c in ready if c.agent_id == picked]
    fewest = min(c.open_sessions for c in ready)
    assert chosen.open_sessions == fewest
    tied = [c.last_assigned_at or -1 for c in ready if c.open_sessions == fewest]
    assert (chosen.last_assigned_at or -1) == min(tied)


# -- fairness over many sessions -----------------------------------------------------------
def route_many(pool: list[Candidate], mode: str, n: int) -> Counter[str]:
    """n sessions in a row, each updating what the next one reads (as the claim does)."""
    agents = {c.agent_id: c for c in pool}
    state = RoutingState(cursor=None)
    counts: Counter[str] = Counter()
    for at in range(1, n + 1):
        picked = choose(list(agents.values()), state, mode=mode)
        assert picked is not None
        counts[picked] += 1
        got = agents[picked]
        agents[picked] = replace(got, open_sessions=got.open_sessions + 1, last_assigned_at=at)
        state = RoutingState(cursor=(state.cursor or 0) + 1, last_at=at)
    return counts


@settings(max_examples=200)
@given(
    modes,
    st.integers(1, 6),
    st.integers(0, 4),
    st.integers(0, 60),
    st.lists(st.none() | st.integers(-1000, 0), min_size=6, max_size=6),
)
def test_k_online_agents_without_capacity_share_n_sessions_within_one(
    mode: str, k: int, offline: int, n: int, waited: list[int | None]
) -> None:
    pool = [Candidate(f"on{i}", last_assigned_at=waited[i]) for i in range(k)]
    pool += [Candidate(f"off{i}", online=False) for i in range(offline)]

    counts = route_many(pool, mode, n)

    per_online = [counts.get(f"on{i}", 0) for i in range(k)]
    assert sum(per_online) == n
    assert max(per_online) - min(per_online) <= 1


# -- a reopened session and its agent's load -----------------------------------------------
def reopened(agent_id: str) -> SessionToRoute:
    return SessionToRoute("s1", "p1", how=REOPENED, from_agent_id=agent_id, keep_if_eligible=True)


def test_a_reopened_session_stays_with_its_agent_whose_load_already_counts_it() -> None:
    snap = Snapshot(
        routable=True,
        candidates=(
            Candidate("a", open_sessions=2, max_open_sessions=2),
            Candidate("b"),
        ),
        state=RoutingState(cursor=1),
    )

    assert decide(reopened("a"), snap) == Pick("a", preferred=True)
    new = SessionToRoute("s2", "p1")
    assert decide(new, snap) == Pick("b")  # a new session finds "a" full


def test_a_reopened_session_stays_with_its_eligible_agent_even_offline() -> None:
    snap = Snapshot(
        routable=True,
        candidates=(Candidate("a", online=False, open_sessions=1), Candidate("b")),
        state=RoutingState(cursor=0),
    )
    assert decide(reopened("a"), snap) == Pick("a", preferred=True)


def test_a_reopened_session_whose_agent_may_no_longer_take_it_is_routed_by_the_mode() -> None:
    disabled = Snapshot(
        routable=True,
        candidates=(Candidate("a", disabled=True), Candidate("b", online=False)),
        state=RoutingState(cursor=0),
    )
    out_of_scope = replace(disabled, candidates=(Candidate("b", online=False),))
    for snap in (disabled, out_of_scope):
        assert decide(reopened("a"), snap) == Pick("b")
