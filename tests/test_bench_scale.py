"""The bench's capacity meter prices requests by DynamoDB's rules, per partition key, and
the scale bench spreads and scales its sample as its docstring says."""

from __future__ import annotations

from typing import Any

import pytest

from bench import scale
from bench.meter import Pricing
from tgdesk.storage import keys

PROPERTIES: dict[str, Any] = {
    "KeySchema": [
        {"AttributeName": "PK", "KeyType": "HASH"},
        {"AttributeName": "SK", "KeyType": "RANGE"},
    ],
    "GlobalSecondaryIndexes": [
        {
            "IndexName": "GSI1",
            "KeySchema": [
                {"AttributeName": "GSI1PK", "KeyType": "HASH"},
                {"AttributeName": "GSI1SK", "KeyType": "RANGE"},
            ],
            "Projection": {"ProjectionType": "ALL"},
        },
        {
            "IndexName": "SLIM",
            "KeySchema": [{"AttributeName": "SLIMPK", "KeyType": "HASH"}],
            "Projection": {"ProjectionType": "KEYS_ONLY"},
        },
    ],
}


def item(size_kb: float = 0.0, **attributes: str) -> dict[str, Any]:
    """An item with a `body` padding it to about `size_kb` KB."""
    values = {"PK": "A", "SK": "B", **attributes, "body": "x" * int(size_kb * 1024)}
    return {name: {"S": value} for name, value in values.items()}


@pytest.fixture
def pricing() -> Pricing:
    return Pricing(PROPERTIES)


def test_a_put_costs_a_unit_per_started_kb_in_the_table_and_each_index_it_enters(
    pricing: Pricing,
) -> None:
    units = pricing.write("A", None, item(1.5, GSI1PK="FEED", GSI1SK="1"))
    assert units == {("table", "A"): 2, ("GSI1", "FEED"): 2}


def test_a_transaction_doubles_the_table_write_but_not_the_index_propagation(
    pricing: Pricing,
) -> None:
    units = pricing.write("A", None, item(0.5, GSI1PK="FEED", GSI1SK="1"), transactional=True)
    assert units == {("table", "A"): 2, ("GSI1", "FEED"): 1}


def test_an_index_key_change_is_a_delete_in_the_old_partition_and_a_put_in_the_new(
    pricing: Pricing,
) -> None:
    before = item(GSI1PK="QUEUE#p", GSI1SK="1")
    after = item(GSI1PK="ASSIGNEE#a", GSI1SK="1")
    units = pricing.write("A", before, after)
    assert units == {("table", "A"): 1, ("GSI1", "QUEUE#p"): 1, ("GSI1", "ASSIGNEE#a"): 1}


def test_a_sort_key_change_in_one_index_partition_is_charged_twice_there(
    pricing: Pricing,
) -> None:
    units = pricing.write("A", item(GSI1PK="T", GSI1SK="1"), item(GSI1PK="T", GSI1SK="2"))
    assert units == {("table", "A"): 1, ("GSI1", "T"): 2}


def test_a_write_that_changes_nothing_costs_the_table_write_only(pricing: Pricing) -> None:
    same = item(GSI1PK="FEED", GSI1SK="1")
    assert pricing.write("A", same, same) == {("table", "A"): 1}
    assert pricing.write("A", None, None) == {("table", "A"): 1}  # a delete of nothing


def test_a_keys_only_index_entry_is_priced_by_its_keys_not_the_item(pricing: Pricing) -> None:
    units = pricing.write("A", None, item(3.2, SLIMPK="S"))
    assert units == {("table", "A"): 4, ("SLIM", "S"): 1}
    # a change outside the projection does not touch the index
    assert pricing.write("A", item(1, SLIMPK="S"), item(1.5, SLIMPK="S")) == {("table", "A"): 2}


def test_reads_round_to_4_kb_per_item_or_per_page_halved_when_eventually_consistent(
    pricing: Pricing,
) -> None:
    two_kb = [2048, 2048, 2048]
    assert pricing.read_items(two_kb, consistent=False) == 1.5  # 3 items, 1 unit each, half
    assert pricing.read_items([5000], consistent=True) == 2
    assert pricing.read_items([100], consistent=True, transactional=True) == 2
    assert pricing.read_range(two_kb, consistent=False) == 1.0  # 6 KB -> 2 units, half
    assert pricing.read_range([], consistent=True) == 1  # an empty page still costs


def test_a_query_is_charged_to_the_partition_its_key_condition_names(pricing: Pricing) -> None:
    query = {
        "IndexName": "GSI1",
        "KeyConditionExpression": "#sk BETWEEN :lo AND :hi AND #pk = :pk",
        "ExpressionAttributeNames": {"#pk": "GSI1PK", "#sk": "GSI1SK"},
        "ExpressionAttributeValues": {":pk": {"S": "AUDIT"}, ":lo": {"S": "0"}, ":hi": {"S": "9"}},
    }
    assert pricing.query_partition(query) == "AUDIT"
    table_query = {
        "KeyConditionExpression": "PK = :pk AND begins_with(SK, :p)",
        "ExpressionAttributeValues": {":pk": {"S": "SESSION#1"}, ":p": {"S": "NOTE#"}},
    }
    assert pricing.query_partition(table_query) == "SESSION#1"


def test_the_largest_of_1000_zipf_projects_gets_a_tenth_and_every_conversation_lands() -> None:
    counts = scale.allocate(40, 1_000, 0.10)
    assert len(counts) == 1_000 and sum(counts) == 40
    assert counts[0] == 4
    assert counts == sorted(counts[:3], reverse=True) + counts[3:]
    weights = scale.project_weights(counts)
    assert weights["p0001"] == pytest.approx(1.0)  # the largest project is sampled at its share
    tail = max(rank for rank, n in enumerate(counts, start=1) if n)
    assert weights[scale.project_id(tail)] < 0.1  # one conversation stands for a few


def test_shared_keys_scale_with_the_service_and_own_keys_with_their_owner() -> None:
    for key in ("TIMER#autoclose", "AUDIT", "RISK#VERSION", "PROJECT#p1#SESSIONS", "QUEUE#p1"):
        assert scale.shared(key)
    for key in ("SESSION#s", "CHAT#p#1", "TGUSER#p#1", "ASSIGNEE#a", "AGENT#a#WSCONNS"):
        assert not scale.shared(key)
    measured = scale.Measured(inbound=400, project_weight={"p0002": 0.5})
    assert measured.rate("AUDIT", 10) == 10 * 10_000 / 400
    assert measured.rate("PROJECT#p0002#SESSIONS", 10) == 0.5 * 10 * 10_000 / 400
    assert measured.rate("SESSION#s", 60) == 60 / scale.WINDOW_S


def test_the_shards_of_a_write_sharded_partition_are_one_row_with_the_load_of_one() -> None:
    measured = scale.Measured(inbound=400)
    measured.total.written[("GSI2", "TIMER#autoclose#3")] = 48
    measured.total.written[("GSI2", "TIMER#autoclose#17")] = 16
    measured.total.written[("GSI2", "TIMER#return")] = 4
    rows = {hot.key: hot for hot in scale.hot_keys(measured)["GSI2"]}
    each = rows[f"TIMER#autoclose#n (each of {keys.TIMER_SHARDS})"]
    assert each.wcu == measured.rate("TIMER#autoclose", 64 / keys.TIMER_SHARDS)
    assert rows["TIMER#return"].wcu == measured.rate("TIMER#return", 4)
