"""The statistics counters' storage: one transaction per counted stream record, exactly
once, sharded by the record and summed on read; a range of one value reads a bounded
number of items."""

from __future__ import annotations

from typing import Any

import pytest
from moto.dynamodb.models import DynamoDBBackend

from infra.local import moto_transactions
from tgdesk import stats
from tgdesk.core.errors import InvalidInput
from tgdesk.storage import keys, table
from tgdesk.storage import stats as store
from tgdesk.storage.stats import Row, Tally

NOW = 1_767_268_800_000  # 2026-01-01 12:00 UTC
PID = "p-stats"


@pytest.fixture(autouse=True)
def _transactions_without_table_copies(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        DynamoDBBackend, "transact_write_items", moto_transactions.transact_write_items
    )


def tally(event: str, day: str = "2026-01-01", **counters: int) -> Tally:
    rows = [Row("project", PID, day, counters), Row("agent", "a-1", day, counters)]
    return Tally(event=event, project_id=PID, rows=rows)


def test_a_record_counts_once_and_every_dimension_at_once(aws: Any) -> None:
    assert store.count(tally("e1", new=1, messages_in=2), NOW)
    assert not store.count(tally("e1", new=1, messages_in=2), NOW)  # redelivered
    assert store.count(tally("e2", messages_in=1), NOW)
    day = {"new": 1, "messages_in": 3}
    assert stats.read(PID, "project", PID, "2026-01-01", "2026-01-01") == {PID: {"2026-01-01": day}}
    assert stats.read(PID, "agent", None, "2026-01-01", "2026-01-31") == {
        "a-1": {"2026-01-01": day}
    }


def test_the_same_item_twice_in_a_tally_is_one_update(aws: Any) -> None:
    rows = [
        Row("tag", "vip", "2026-01-01", {"new": 1}),
        Row("tag", "vip", "2026-01-01", {"new": 1}),
    ]
    assert store.count(Tally("e1", PID, rows), NOW)
    assert stats.read(PID, "tag", "vip", "2026-01-01", "2026-01-01") == {
        "vip": {"2026-01-01": {"new": 2}}
    }


def test_a_busy_value_spreads_over_the_shards_and_sums_up(aws: Any) -> None:
    for n in range(80):
        store.count(tally(f"e{n}", messages_in=1), NOW)
    used = [
        pk for pk in keys.stats_counters_shards(PID, "202601", "project") if table.query_all(pk=pk)
    ]
    assert len(used) == keys.STATS_SHARDS
    read = stats.read(PID, "project", PID, "2026-01-01", "2026-01-01")
    assert read[PID]["2026-01-01"] == {"messages_in": 80}


def test_a_range_reads_only_its_days_and_values(aws: Any) -> None:
    for n, day in enumerate(("2025-12-31", "2026-01-01", "2026-02-28", "2026-03-01")):
        store.count(tally(f"e{n}", day, new=1), NOW)
    store.count(Tally("other", PID, [Row("agent", "a-10", "2026-01-01", {"new": 5})]), NOW)
    read = stats.read(PID, "agent", "a-1", "2026-01-01", "2026-02-28")
    assert read == {"a-1": {"2026-01-01": {"new": 1}, "2026-02-28": {"new": 1}}}
    every = stats.read(PID, "agent", None, "2026-01-01", "2026-01-01")
    assert every == {"a-1": {"2026-01-01": {"new": 1}}, "a-10": {"2026-01-01": {"new": 5}}}


def test_a_90_day_range_of_one_value_reads_at_most_days_times_shards_items(
    aws: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    for n, day in enumerate(store.days_between("2026-01-01", "2026-04-30")):
        for shard_event in range(3):
            store.count(tally(f"e{n}-{shard_event}", day, new=1), NOW)
    queries: list[dict[str, Any]] = []
    items_read: list[int] = []
    real = table.query_all

    def counted(**kwargs: Any) -> list[dict[str, Any]]:
        queries.append(kwargs)
        found = real(**kwargs)
        items_read.append(len(found))
        return found

    monkeypatch.setattr(table, "query_all", counted)
    read = stats.read(PID, "project", PID, "2026-01-15", "2026-04-14")
    assert len(read[PID]) == 90
    assert sum(items_read) <= 90 * keys.STATS_SHARDS
    assert len(queries) == 4 * keys.STATS_SHARDS


def test_reads_refuse_unknown_dimensions_and_long_ranges(aws: Any) -> None:
    with pytest.raises(InvalidInput):
        stats.read(PID, "weather", None, "2026-01-01", "2026-01-02")
    with pytest.raises(InvalidInput):
        stats.read(PID, "project", PID, "2026-01-01", "2027-01-02")
    with pytest.raises(InvalidInput):
        stats.read(PID, "project", PID, "2026-1-1", "2026-01-02")


def test_the_default_priority_is_the_project_less_the_other_priorities() -> None:
    project = {
        "2026-01-01": {"new": 5, "messages_bot": 3, "first_response.b07": 4},
        "2026-01-02": {"new": 1},
    }
    high = {"2026-01-01": {"new": 2, "first_response.b07": 1}, "2026-01-02": {"new": 1}}
    low = {"2026-01-01": {"new": 1, "first_response.b07": 3}}
    # the bot's messages are the project's alone; a day that comes to 0 is left out
    assert stats.default_priority(project, [high, low]) == {"2026-01-01": {"new": 2}}


def test_items_the_stream_kept_for_the_default_priority_are_not_read(aws: Any) -> None:
    rows = [
        Row("project", PID, "2026-01-01", {"new": 3}),
        Row("priority", "high", "2026-01-01", {"new": 1}),
    ]
    store.count(Tally("e1", PID, rows), NOW)
    store.count(Tally("e2", PID, [Row("priority", "medium", "2026-01-01", {"new": 9})]), NOW)
    day = {"2026-01-01": {"new": 2}}
    assert stats.read(PID, "priority", "medium", "2026-01-01", "2026-01-01") == {"medium": day}
    assert stats.read(PID, "priority", None, "2026-01-01", "2026-01-01") == {
        "high": {"2026-01-01": {"new": 1}},
        "medium": day,
    }
    assert stats.read(PID, "priority", "high", "2026-01-01", "2026-01-01") == {
        "high": {"2026-01-01": {"new": 1}}
    }
