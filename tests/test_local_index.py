"""The local stack's GSI index: every query answered as moto answers it without the index
(and, with it, the table's queries and scans, moto's answers written as plain JSON and its
per-item work done once: infra/local/moto_items.py).

Random writes (puts, updates, deletes, batches, transactions, cancelled transactions and a
restore from a snapshot) set, change and remove the GSI key attributes; then random queries
(every sort-key condition, both directions, limits, filters, paging to the end) are run
through the index and through moto's own query on the same table, and must give the same
pages: the same items in the same order, the same counts and the same LastEvaluatedKey.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from moto import mock_aws
from moto.core import DEFAULT_ACCOUNT_ID
from moto.dynamodb.models import dynamodb_backends
from moto.dynamodb.models.table import Table

from infra.local import cfn, moto_index, moto_items, moto_json, moto_transactions, moto_updates
from infra.local.persistence import Snapshotter

REGION = "us-east-1"
_tables = itertools.count()

PKS = [f"P#{n}" for n in range(8)]
SKS = ["A", "B"]
PARTITIONS = ["X", "Y"]
SORTS = ["a", "ab", "abc", "b", "ba", "bb", "c"]
BOUNDS = ["a", "aa", "ab", "b", "bz", "c", "d"]
INDEXES = {"GSI1": ("GSI1PK", "GSI1SK"), "GSI2": ("GSI2PK", "GSI2SK")}


@pytest.fixture(scope="module")
def ddb() -> Iterator[Any]:
    stock_transactions = moto_transactions.DynamoDBBackend.transact_write_items
    moto_updates.install()  # first, as the local stack installs them
    moto_transactions.install()
    moto_index.install()
    moto_items.install()
    moto_json.install()
    try:
        with mock_aws():
            yield boto3.client("dynamodb", region_name=REGION)
    finally:
        moto_json.uninstall()
        moto_items.uninstall()
        moto_index.uninstall()
        moto_updates.uninstall()
        moto_transactions.DynamoDBBackend.transact_write_items = stock_transactions  # type: ignore[method-assign]


@contextmanager
def fresh_table(ddb: Any) -> Iterator[str]:
    name = f"index-test-{next(_tables)}"
    cfn.create_table(ddb, name)
    try:
        yield name
    finally:
        ddb.delete_table(TableName=name)


@contextmanager
def moto_alone() -> Iterator[None]:
    """moto's own query, scan and answers, as if the local stack had not patched them."""
    patched = Table.query, Table.scan, Table.all_items
    Table.query = moto_index._STOCK["query"]  # type: ignore[method-assign]
    Table.scan = moto_index._STOCK["scan"]  # type: ignore[method-assign]
    Table.all_items = moto_index._STOCK["all_items"]  # type: ignore[method-assign]
    moto_json.uninstall()
    moto_items.uninstall()
    try:
        yield
    finally:
        Table.query, Table.scan, Table.all_items = patched  # type: ignore[method-assign]
        moto_items.install()
        moto_json.install()


def moto_table(name: str) -> Table:
    return dynamodb_backends[DEFAULT_ACCOUNT_ID][REGION].tables[name]


# -- writes -----------------------------------------------------------------------------------
def s(value: str) -> dict[str, str]:
    return {"S": value}


keys = st.fixed_dictionaries({"PK": st.sampled_from(PKS), "SK": st.sampled_from(SKS)})


@st.composite
def gsi_attributes(draw: st.DrawFn) -> dict[str, str]:
    """Per index: both key attributes (most often), one of them, or neither."""
    attributes: dict[str, str] = {}
    for hash_attr, range_attr in INDEXES.values():
        shape = draw(st.sampled_from(["both", "both", "both", "hash", "range", "neither"]))
        if shape in ("both", "hash"):
            attributes[hash_attr] = draw(st.sampled_from(PARTITIONS))
        if shape in ("both", "range"):
            attributes[range_attr] = draw(st.sampled_from(SORTS))
    return attributes


@st.composite
def items(draw: st.DrawFn) -> dict[str, Any]:
    item = {name: s(value) for name, value in {**draw(keys), **draw(gsi_attributes())}.items()}
    item["v"] = {"N": str(draw(st.integers(0, 9)))}
    if draw(st.booleans()):  # answers carry binaries, sets and nested values too
        item["more"] = {
            "M": {"b": {"B": draw(st.binary(max_size=4))}, "l": {"L": [{"NULL": True}]}}
        }
        item["tags"] = {"SS": draw(st.lists(st.sampled_from(SORTS), min_size=1, unique=True))}
    return item


@st.composite
def updates(draw: st.DrawFn) -> dict[str, Any]:
    """SET or REMOVE of GSI key attributes (and `v`), on an item that may not exist."""
    sets = draw(gsi_attributes())
    unset = sorted(set(INDEXES["GSI1"] + INDEXES["GSI2"]) - set(sets))
    removed = draw(st.sets(st.sampled_from(unset))) if unset else set()
    names: dict[str, str] = {"#v": "v"}  # every name as #name, as tgdesk writes them
    values: dict[str, Any] = {":v": {"N": str(draw(st.integers(0, 9)))}}
    clauses = ["#v = :v"]
    for n, (name, value) in enumerate(sets.items()):
        names[f"#s{n}"] = name
        values[f":s{n}"] = s(value)
        clauses.append(f"#s{n} = :s{n}")
    expression = "SET " + ", ".join(clauses)
    if removed:
        for n, name in enumerate(sorted(removed)):
            names[f"#r{n}"] = name
        expression += " REMOVE " + ", ".join(f"#r{n}" for n in range(len(removed)))
    update: dict[str, Any] = {
        "Key": {k: s(v) for k, v in draw(keys).items()},
        "UpdateExpression": expression,
        "ExpressionAttributeValues": values,
    }
    update["ExpressionAttributeNames"] = names
    return update


def _key_of(item: dict[str, Any]) -> dict[str, Any]:
    return {"PK": item["PK"], "SK": item["SK"]}


@st.composite
def transactions(draw: st.DrawFn) -> list[dict[str, Any]]:
    """Up to four operations; a put that must create its item may cancel the whole."""
    ops: list[dict[str, Any]] = []
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["Put", "Update", "Delete", "CreateOnly"]))
        if kind == "Put":
            ops.append({"Put": {"Item": draw(items())}})
        elif kind == "CreateOnly":
            ops.append(
                {"Put": {"Item": draw(items()), "ConditionExpression": "attribute_not_exists(PK)"}}
            )
        elif kind == "Update":
            ops.append({"Update": draw(updates())})
        else:
            ops.append({"Delete": {"Key": {k: s(v) for k, v in draw(keys).items()}}})
    return ops


writes = st.one_of(
    st.tuples(st.just("put"), items()),
    st.tuples(st.just("update"), updates()),
    st.tuples(st.just("delete"), keys),
    st.tuples(st.just("batch"), st.lists(st.one_of(items(), keys), min_size=1, max_size=6)),
    st.tuples(st.just("transaction"), transactions()),
)


def apply(ddb: Any, table: str, write: tuple[str, Any]) -> None:
    kind, body = write
    try:
        if kind == "put":
            ddb.put_item(TableName=table, Item=body)
        elif kind == "update":
            ddb.update_item(TableName=table, **body)
        elif kind == "delete":
            ddb.delete_item(TableName=table, Key={k: s(v) for k, v in body.items()})
        elif kind == "batch":
            requests, seen = [], set()
            for entry in body:
                item = entry if "v" in entry else None
                key = _key_of(item) if item else {k: s(v) for k, v in entry.items()}
                if (key["PK"]["S"], key["SK"]["S"]) in seen:
                    continue  # one request per key in a batch
                seen.add((key["PK"]["S"], key["SK"]["S"]))
                requests.append(
                    {"PutRequest": {"Item": item}} if item else {"DeleteRequest": {"Key": key}}
                )
            ddb.batch_write_item(RequestItems={table: requests})
        else:
            ops = [{kind: {"TableName": table, **op}} for op in body for kind, op in op.items()]
            ddb.transact_write_items(TransactItems=ops)
    except ClientError:
        pass  # a refused write (a failed condition, a duplicate key) changes nothing


# -- queries ----------------------------------------------------------------------------------
@st.composite
def queries(draw: st.DrawFn) -> dict[str, Any]:
    index = draw(st.sampled_from(sorted(INDEXES)))
    hash_attr, range_attr = INDEXES[index]
    names = {"#pk": hash_attr}
    values: dict[str, Any] = {":pk": s(draw(st.sampled_from(PARTITIONS)))}
    condition = "#pk = :pk"
    comparison = draw(st.sampled_from([None, "=", "<", "<=", ">", ">=", "BETWEEN", "BEGINS"]))
    if comparison is not None:
        names["#sk"] = range_attr
        values[":a"] = s(draw(st.sampled_from(BOUNDS)))
        if comparison == "BETWEEN":
            low, high = sorted([values[":a"]["S"], draw(st.sampled_from(BOUNDS))])
            values[":a"], values[":b"] = s(low), s(high)
            condition += " AND #sk BETWEEN :a AND :b"
        elif comparison == "BEGINS":
            condition += " AND begins_with(#sk, :a)"
        else:
            condition += f" AND #sk {comparison} :a"
    request: dict[str, Any] = {
        "IndexName": index,
        "KeyConditionExpression": condition,
        "ScanIndexForward": draw(st.booleans()),
    }
    limit = draw(st.one_of(st.none(), st.integers(1, 5)))
    if limit is not None:
        request["Limit"] = limit
    kind = draw(st.sampled_from([None, "value", "exists"]))
    if kind == "value":
        request["FilterExpression"] = "v >= :f"
        values[":f"] = {"N": str(draw(st.integers(0, 9)))}
    elif kind == "exists":
        other = "GSI2PK" if index == "GSI1" else "GSI1PK"
        request["FilterExpression"] = "attribute_exists(#other)"
        names["#other"] = other
    request["ExpressionAttributeNames"] = names
    request["ExpressionAttributeValues"] = values
    return request


@st.composite
def table_reads(draw: st.DrawFn) -> dict[str, Any]:
    """A query of one table partition, or a scan, both paged (the table needs no index:
    a query walks only its partition, a scan page starts at its start key)."""
    request: dict[str, Any] = {}
    limit = draw(st.one_of(st.none(), st.integers(1, 5)))
    if limit is not None:
        request["Limit"] = limit
    if draw(st.booleans()):
        request["FilterExpression"] = "v >= :f"
        request["ExpressionAttributeValues"] = {":f": {"N": str(draw(st.integers(0, 9)))}}
    if draw(st.booleans()):
        return {"scan": True, **request}
    condition = "PK = :pk"
    values = {**request.get("ExpressionAttributeValues", {}), ":pk": s(draw(st.sampled_from(PKS)))}
    if draw(st.booleans()):
        condition += " AND SK >= :sk"
        values[":sk"] = s(draw(st.sampled_from(SKS)))
    return {
        **request,
        "KeyConditionExpression": condition,
        "ExpressionAttributeValues": values,
        "ScanIndexForward": draw(st.booleans()),
    }


def pages(ddb: Any, table: str, request: dict[str, Any]) -> list[dict[str, Any]]:
    """Every page of the query (or scan) to the end: items, counts and LastEvaluatedKey."""
    answers: list[dict[str, Any]] = []
    start: dict[str, Any] | None = None
    request = dict(request)
    read = ddb.scan if request.pop("scan", False) else ddb.query
    while True:
        extra = {"ExclusiveStartKey": start} if start else {}
        page = read(TableName=table, **request, **extra)
        page.pop("ResponseMetadata", None)
        answers.append(page)
        start = page.get("LastEvaluatedKey")
        if not start or len(answers) > 50:
            return answers


def assert_same_answers(ddb: Any, table: str, request: dict[str, Any]) -> None:
    from_index = pages(ddb, table, request)
    with moto_alone():
        from_moto = pages(ddb, table, request)
    assert from_index == from_moto, request


def assert_index_matches_items(table: str) -> None:
    """What was maintained write by write equals the index built afresh from the items."""
    kept = moto_index.indexes_of(moto_table(table))
    built = moto_index._build(moto_table(table))
    for name, index in built.items():
        assert kept[name].partitions == index.partitions, name
        assert kept[name].placed == index.placed, name


SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@SETTINGS
@given(
    before=st.lists(writes, max_size=25),
    after=st.lists(writes, max_size=15),
    asked=st.lists(queries(), min_size=1, max_size=8),
    on_table=st.lists(table_reads(), max_size=4),
)
def test_queries_answer_as_moto_after_random_writes(
    ddb: Any,
    before: list[tuple[str, Any]],
    after: list[tuple[str, Any]],
    asked: list[dict[str, Any]],
    on_table: list[dict[str, Any]],
) -> None:
    with fresh_table(ddb) as table:
        for write in before:
            apply(ddb, table, write)
        assert_same_answers(ddb, table, asked[0])  # the index now exists: kept from here on
        for write in after:
            apply(ddb, table, write)
        assert_index_matches_items(table)
        for request in asked + on_table:
            assert_same_answers(ddb, table, request)


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(written=st.lists(writes, min_size=1, max_size=20), asked=st.lists(queries(), max_size=5))
def test_a_restored_snapshot_is_indexed(
    ddb: Any, tmp_path_factory: pytest.TempPathFactory, written: list[Any], asked: list[Any]
) -> None:
    ssm = boto3.client("ssm", region_name=REGION)
    data_dir = tmp_path_factory.mktemp("snapshot")
    with fresh_table(ddb) as source:
        for write in written:
            apply(ddb, source, write)
        Snapshotter(ddb, ssm, source, "/index-test", data_dir).save()
    with fresh_table(ddb) as restored:
        # Queried first, so the index exists and the restore's writes must keep it.
        assert_same_answers(ddb, restored, {"IndexName": "GSI1", **_partition("X")})
        Snapshotter(ddb, ssm, restored, "/index-test", data_dir).restore()
        assert_index_matches_items(restored)
        for request in asked:
            assert_same_answers(ddb, restored, request)


def _partition(value: str) -> dict[str, Any]:
    return {
        "KeyConditionExpression": "GSI1PK = :pk",
        "ExpressionAttributeValues": {":pk": s(value)},
    }


def test_an_index_query_reads_only_its_partition(ddb: Any) -> None:
    """The point of the index: the items moto walks are those of the queried stretch."""
    with fresh_table(ddb) as table:
        requests = [
            {"PutRequest": {"Item": {"PK": s(f"P#{n}"), "SK": s("A"), "GSI1PK": s(f"G{n % 50}"),
                                     "GSI1SK": s(f"{n:05d}")}}}
            for n in range(500)
        ]  # fmt: skip
        for start in range(0, len(requests), 25):
            ddb.batch_write_item(RequestItems={table: requests[start : start + 25]})
        walked: list[int] = []
        stock = moto_index._STOCK["query"]

        def counting(self: Table, **kwargs: Any) -> Any:
            walked.append(len(self.all_items()))
            return stock(self, **kwargs)

        moto_index._STOCK["query"] = counting
        try:
            page = ddb.query(
                TableName=table,
                IndexName="GSI1",
                KeyConditionExpression="GSI1PK = :pk AND GSI1SK > :low",
                ExpressionAttributeValues={":pk": s("G7"), ":low": s("00100")},
                Limit=3,
            )
        finally:
            moto_index._STOCK["query"] = stock
        assert [i["GSI1SK"]["S"] for i in page["Items"]] == ["00107", "00157", "00207"]
        assert "LastEvaluatedKey" in page
        assert walked == [4]  # three matches and the one after them


def test_a_query_the_index_does_not_cover_goes_to_moto(ddb: Any) -> None:
    with fresh_table(ddb) as table:
        ddb.put_item(TableName=table, Item={"PK": s("P#1"), "SK": s("A"), "GSI1PK": s("X")})
        answer = ddb.query(
            TableName=table,
            KeyConditionExpression="PK = :pk",
            ExpressionAttributeValues={":pk": s("P#1")},
        )
        assert answer["Count"] == 1


def test_an_item_grown_in_place_pages_by_its_new_size(ddb: Any) -> None:
    """moto's 1 MB page limit counts an item's size, which the local stack keeps on the item:
    an update that grows the item must drop the kept size."""
    with fresh_table(ddb) as table:
        for n in range(6):
            ddb.put_item(
                TableName=table, Item={"PK": s("BIG"), "SK": s(f"{n}"), "v": {"N": str(n)}}
            )
        assert_same_answers(
            ddb,
            table,
            {"KeyConditionExpression": "PK = :pk", "ExpressionAttributeValues": {":pk": s("BIG")}},
        )
        for n in range(6):
            ddb.update_item(
                TableName=table,
                Key={"PK": s("BIG"), "SK": s(f"{n}")},
                UpdateExpression="SET padding = :pad",
                ExpressionAttributeValues={":pad": s("x" * 300_000)},
            )
        request = {
            "KeyConditionExpression": "PK = :pk",
            "ExpressionAttributeValues": {":pk": s("BIG")},
        }
        grown = pages(ddb, table, request)
        assert len(grown) > 1  # three 300 KB items fill a 1 MB page
        assert_same_answers(ddb, table, request)
