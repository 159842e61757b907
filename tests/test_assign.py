"""The assign function against moto, fed DynamoDB stream records as Lambda delivers them."""

from __future__ import annotations

import itertools
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator

import boto3
import pytest
import routing_support
from conftest import TABLE
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from moto import mock_aws
from routing_support import (
    NOW,
    PROJECT,
    add_agent,
    assignees,
    dump,
    inserts,
    new_session,
    online,
    open_sessions,
    store_sessions,
    stored_session,
    stream_event,
    stream_record,
)

from infra.local import cfn
from tgdesk.autoreplies import settings as autoreply_settings
from tgdesk.core import clock
from tgdesk.routing.policy import (
    Claim,
    ClaimResult,
    Outcome,
    Routed,
    RoutingContended,
    RoutingSteps,
    SessionToRoute,
    routing_steps,
)
from tgdesk.routing.service import DynamoRoutingStore
from tgdesk.stats import stream as stats_stream
from tgdesk.storage import assignments, keys, table
from tgdesk.translation import settings as translation_settings
from tgdesk.triggers import settings as trigger_settings

handler, count_requests = routing_support.handler, routing_support.count_requests


@pytest.fixture
def routing_requests_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """The statistics count these records with a transaction of their own
    (tests/test_stats_counters_stream.py); left out here, the requests seen are routing's."""
    monkeypatch.setattr(stats_stream, "count_change", lambda *_: 0)


# -- routing from the stream --------------------------------------------------------------
def test_a_new_session_goes_to_the_first_member_and_leaves_the_queue(handler) -> None:
    add_agent("bob")
    add_agent("alice")
    [item] = store_sessions("s1")

    assert handler(inserts([item])) == {"batchItemFailures": []}

    session = stored_session("s1")
    assert session["assignee_id"] == "alice"
    assert session["assigned_at"] == NOW + 5_000
    assert session["GSI1PK"] == keys.assignee_sessions_index("alice")
    assert session["GSI1SK"] == item["GSI1SK"]  # still ordered by activity
    assert session["status"] == "unread"
    [record] = assignments.list_assignments("s1")
    assert record["SK"] == f"ASSIGNMENT#{NOW + 5_000:013d}#alice"
    assert (record["kind"], record["how"], record["by"]) == ("assignment", "routed", "system")
    assert (record["agent_id"], record["at"]) == ("alice", NOW + 5_000)
    cursor = table.get(*keys.routing_state(PROJECT))
    assert cursor is not None and (cursor["rr_seq"], cursor["kind"]) == (1, "routing")
    alice = table.get(*keys.agent("alice"))
    assert alice is not None
    assert (alice["open_sessions"], alice["last_assigned_at"]) == (1, NOW + 5_000)


def test_one_batch_routes_round_robin_and_skips_disabled_agents(handler) -> None:
    for aid in ("a1", "a2", "a3"):
        add_agent(aid, disabled=aid == "a2")
    sids = [f"s{i}" for i in range(5)]

    handler(inserts(store_sessions(*sids)))

    assert assignees(sids) == ["a1", "a3", "a1", "a3", "a1"]
    lists = table.query_all(pk=keys.assignee_sessions_index("a3"), index="GSI1")
    assert [s["session_id"] for s in lists] == ["s1", "s3"]
    assert table.query_all(pk=keys.project_queue_index(PROJECT), index="GSI1") == []


def test_redelivered_records_change_nothing(handler) -> None:
    add_agent("a1")
    add_agent("a2")
    event = inserts(store_sessions("s1", "s2", "s3"))
    handler(event)
    before = dump()

    assert handler(event) == {"batchItemFailures": []}

    assert dump() == before
    assert assignees(["s1", "s2", "s3"]) == ["a1", "a2", "a1"]


def test_a_poison_record_fails_alone_and_later_records_are_still_routed(handler) -> None:
    add_agent("a1")
    good_before, poison, good_after = store_sessions("s1", "s2", "s3")
    del poison["project_id"]
    event = inserts([good_before, poison, good_after])

    response = handler(event)

    poison_seq = event["Records"][1]["dynamodb"]["SequenceNumber"]
    assert response == {"batchItemFailures": [{"itemIdentifier": poison_seq}]}
    assert assignees(["s1", "s2", "s3"]) == ["a1", None, "a1"]


def test_a_project_with_no_eligible_member_keeps_the_session_queued(handler) -> None:
    add_agent("a1", disabled=True)
    add_agent("elsewhere", project_id="p2")
    [item] = store_sessions("s1")

    assert handler(inserts([item])) == {"batchItemFailures": []}

    assert table.query_all(pk=keys.project_queue_index(PROJECT), index="GSI1") == [
        stored_session("s1")
    ]
    assert assignments.list_assignments("s1") == []
    assert table.get(*keys.routing_state(PROJECT)) is None


def test_records_that_are_not_new_unassigned_sessions_are_skipped(
    handler, count_requests: list[str], routing_requests_only: None
) -> None:
    add_agent("a1")
    [item] = store_sessions("s1")
    handler(inserts([item]))
    assigned = stored_session("s1")
    message = {"PK": keys.chat(PROJECT, 1), "SK": "MSG#0001718000000000#m1", "kind": "message"}
    marker = {"PK": f"UPDATE#{PROJECT}#1", "SK": "UPDATE", "kind": "update", "ttl": NOW // 1000}
    ttl_expiry = {"type": "Service", "principalId": "dynamodb.amazonaws.com"}
    routing_item = table.get(*keys.routing_state(PROJECT))
    [assignment] = assignments.list_assignments("s1")
    other = new_session("s9")
    closed = {**new_session("s8"), "status": "closed"}
    count_requests.clear()

    response = handler(
        stream_event(
            stream_record("MODIFY", new=assigned, old=item),  # our own claim, coming back
            stream_record("INSERT", new=assignment),
            stream_record("INSERT", new=routing_item),
            stream_record("INSERT", new=message),
            stream_record("INSERT", new=closed),
            stream_record("INSERT", new={**other, "assignee_id": "a1"}),
            stream_record("REMOVE", old=marker, user_identity=ttl_expiry),
            stream_record("REMOVE", old=other),
        )
    )

    assert response == {"batchItemFailures": []}
    assert count_requests == []


def test_ttl_expiry_of_a_session_is_not_routed(handler, count_requests: list[str]) -> None:
    add_agent("a1")
    [item] = store_sessions("s1")
    expiry = stream_record(
        "REMOVE",
        old=item,
        user_identity={"type": "Service", "principalId": "dynamodb.amazonaws.com"},
    )
    count_requests.clear()
    assert handler(stream_event(expiry)) == {"batchItemFailures": []}
    assert count_requests == []


def test_a_session_assigned_before_its_record_arrives_is_left_alone(handler) -> None:
    add_agent("a1")
    add_agent("a2")
    [item] = store_sessions("s1")
    table.client().update_item(
        TableName=TABLE,
        Key=table.to_item(dict(zip(("PK", "SK"), keys.session("s1"), strict=True))),
        UpdateExpression="SET assignee_id = :a, GSI1PK = :l",
        ExpressionAttributeValues=table.values({":a": "a2", ":l": "ASSIGNEE#a2"}),
    )

    handler(inserts([item]))

    assert stored_session("s1")["assignee_id"] == "a2"
    assert assignments.list_assignments("s1") == []


def test_an_agent_disabled_between_read_and_claim_is_passed_over(handler) -> None:
    add_agent("a1")
    add_agent("a2")
    store_sessions("s1")
    steps = routing_steps(SessionToRoute("s1", PROJECT), DynamoRoutingStore(), clock.now_ms)
    next(steps)  # read: a1 is picked
    table.client().update_item(
        TableName=TABLE,
        Key=table.to_item(dict(zip(("PK", "SK"), keys.agent("a1"), strict=True))),
        UpdateExpression="SET disabled = :t",
        ExpressionAttributeValues=table.values({":t": True}),
    )

    result = run_to_end(steps)

    assert (result.outcome, result.agent_id, result.attempts) == (Outcome.ASSIGNED, "a2", 2)
    assert "open_sessions" not in (table.get(*keys.agent("a1")) or {})
    assert [r["agent_id"] for r in assignments.list_assignments("s1")] == ["a2"]


def run_to_end(steps: RoutingSteps) -> Routed:
    while True:
        try:
            next(steps)
        except StopIteration as done:
            return done.value


@pytest.mark.parametrize("n_agents", [1, 40, 95])
def test_routing_costs_three_requests_whatever_the_number_of_agents(
    handler, count_requests: list[str], n_agents: int, routing_requests_only: None
) -> None:
    for i in range(n_agents):
        add_agent(f"agent{i:03d}", disabled=i % 7 == 3)
    [item] = store_sessions("s1")
    # The escalation triggers', the automatic answers' and translation's settings are read
    # once per project and container every few seconds (tgdesk.team.feature_settings), not
    # per session: read them beforehand.
    trigger_settings.current(PROJECT)
    autoreply_settings.current(PROJECT)
    translation_settings.current(PROJECT)
    count_requests.clear()

    handler(inserts([item]))

    assert count_requests == ["Query", "BatchGetItem", "TransactWriteItems"]
    assert stored_session("s1")["assignee_id"] == "agent000"


def test_batch_get_splits_past_one_hundred_keys(handler, count_requests: list[str]) -> None:
    for i in range(150):
        add_agent(f"agent{i:03d}")
    store = DynamoRoutingStore()
    count_requests.clear()

    snap = store.snapshot(SessionToRoute("nope", PROJECT))

    assert count_requests == ["Query", "BatchGetItem", "BatchGetItem"]
    assert len(snap.candidates) == 150 and not snap.routable


# -- two invocations racing ----------------------------------------------------------------
class RecordingStore(DynamoRoutingStore):
    def __init__(self) -> None:
        super().__init__()
        self.results: Counter[ClaimResult] = Counter()

    def claim(self, claim: Claim) -> ClaimResult:
        result = super().claim(claim)
        self.results[result] += 1
        return result


def run_interleaved(invocations: list[list[str]], schedule: Iterator[int]) -> Counter[ClaimResult]:
    """Each invocation routes its sessions in order through the real DynamoDB store; the
    schedule says whose next step (a read, or the write that follows it) runs next. A
    record that gives up is redelivered later, as the stream does with a failed record."""
    store = RecordingStore()
    pending = [list(sids) for sids in invocations]
    running: list[RoutingSteps | None] = [None] * len(pending)
    for turn in schedule:
        if not any(pending):
            return store.results
        i = turn % len(pending)
        if not pending[i]:
            continue
        if running[i] is None:
            running[i] = routing_steps(SessionToRoute(pending[i][0], PROJECT), store, clock.now_ms)
        try:
            next(running[i])
        except StopIteration as done:
            assert done.value.outcome in (
                Outcome.ASSIGNED,
                Outcome.ALREADY_ROUTED,
                Outcome.NO_ELIGIBLE_AGENT,  # everyone is full: the session waits
            )
            pending[i].pop(0)
            running[i] = None
        except RoutingContended:
            pending[i].append(pending[i].pop(0))
            running[i] = None
    return store.results


def assert_assigned_once_and_evenly(sids: list[str], agents: list[str]) -> None:
    records = [r for s in sids for r in assignments.list_assignments(s)]
    assert sorted(r["session_id"] for r in records) == sorted(sids)
    for record in records:
        assert stored_session(record["session_id"])["assignee_id"] == record["agent_id"]
    counts = Counter(r["agent_id"] for r in records)
    per_agent = [counts.get(a, 0) for a in agents]
    assert max(per_agent) - min(per_agent) <= 1
    loads = [(table.get(*keys.agent(a)) or {}).get("open_sessions", 0) for a in agents]
    assert loads == per_agent
    state = table.get(*keys.routing_state(PROJECT))
    assert state is not None and state["rr_seq"] == len(sids)


def test_two_invocations_in_lockstep_on_the_same_sessions(handler) -> None:
    agents = ["a1", "a2", "a3"]
    for aid in agents:
        add_agent(aid)
    sids = [f"s{i:02d}" for i in range(10)]
    store_sessions(*sids)

    results = run_interleaved([sids, sids], itertools.cycle([0, 1]))

    assert_assigned_once_and_evenly(sids, agents)
    assert results[ClaimResult.SESSION_TAKEN] > 0  # the race really happened


def test_two_invocations_on_overlapping_batches_in_opposite_orders(handler) -> None:
    agents = ["a1", "a2", "a3", "a4"]
    for aid in agents:
        add_agent(aid)
    sids = [f"s{i:02d}" for i in range(9)]
    store_sessions(*sids)

    results = run_interleaved([sids, list(reversed(sids))], itertools.cycle([0, 1, 1, 0, 1]))

    assert_assigned_once_and_evenly(sids, agents)
    assert results[ClaimResult.CONTENDED] > 0  # the cursor race really happened


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    n_sessions=st.integers(1, 8),
    n_agents=st.integers(1, 4),
    schedule=st.lists(st.integers(0, 1), max_size=120),
)
def test_any_interleaving_of_two_invocations_is_safe(
    n_sessions: int, n_agents: int, schedule: list[int]
) -> None:
    with mock_aws():
        cfn.create_table(boto3.client("dynamodb", region_name="us-east-1"), TABLE)
        table.reset()
        agents = [f"a{i}" for i in range(n_agents)]
        for aid in agents:
            add_agent(aid)
        sids = [f"s{i:02d}" for i in range(n_sessions)]
        store_sessions(*sids)

        run_interleaved([sids, sids], itertools.chain(schedule, itertools.cycle([0, 1])))

        assert_assigned_once_and_evenly(sids, agents)
    table.reset()


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    n_sessions=st.integers(1, 8),
    capacities=st.lists(st.integers(0, 3), min_size=1, max_size=3),
    schedule=st.lists(st.integers(0, 1), max_size=120),
)
def test_under_any_interleaving_no_agent_exceeds_capacity_and_the_rest_wait(
    n_sessions: int, capacities: list[int], schedule: list[int]
) -> None:
    with mock_aws():
        cfn.create_table(boto3.client("dynamodb", region_name="us-east-1"), TABLE)
        table.reset()
        clock.set_now_for_tests(NOW + 5_000)
        agents = [f"a{i}" for i in range(len(capacities))]
        for aid, limit in zip(agents, capacities, strict=True):
            add_agent(aid)
            online(aid, max_open_sessions=limit)
        sids = [f"s{i:02d}" for i in range(n_sessions)]
        store_sessions(*sids)

        run_interleaved([sids, sids], itertools.chain(schedule, itertools.cycle([0, 1])))

        records = [r for s in sids for r in assignments.list_assignments(s)]
        assert len({r["session_id"] for r in records}) == len(records)  # never twice
        assert len(records) == min(n_sessions, sum(capacities))
        per_agent = Counter(r["agent_id"] for r in records)
        for aid, limit in zip(agents, capacities, strict=True):
            assert open_sessions(aid) == per_agent.get(aid, 0) <= limit
        queued = table.query_all(pk=keys.project_queue_index(PROJECT), index="GSI1")
        assert len(queued) == n_sessions - len(records)
    table.reset()


def test_the_handler_imports_neither_fastapi_nor_pydantic() -> None:
    code = (
        "import sys; sys.path[:0] = ['functions/assign', 'layers/common']; import app; "
        "print(sorted(m for m in ('fastapi', 'pydantic', 'aws_lambda_powertools.utilities.parser')"
        " if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=cfn.ROOT
    )
    assert out.stdout.strip() == "[]"
