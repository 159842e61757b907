"""The local stack's direct UpdateItem (infra/local/moto_updates.py) against moto's own.

Random updates built by tgdesk's own `Changes` (SET, if_not_exists, REMOVE, ADD and their
conditions), on random items of the real table, alone and inside transactions: with and
without the patch they must give the same answer (the same error, or the same new item),
leave the same item and write the same stream record. The attributes include the table's
keys, index keys given the wrong type or an empty string, strings added to, overlapping
names and sets, so every case moto refuses is exercised too.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from moto import mock_aws
from moto.core import DEFAULT_ACCOUNT_ID
from moto.dynamodb.models import dynamodb_backends

from infra.local import cfn, moto_updates
from tgdesk.storage.expressions import Changes

REGION = "us-east-1"
KEY = {"PK": {"S": "SESSION#1"}, "SK": {"S": "SESSION"}}
_tables = itertools.count()

# `v` and `n` numbers, `name` a string, `tags` a set, GSI1PK/GSI1SK index keys, PK the key.
ATTRIBUTES = ["v", "n", "name", "tags", "GSI1PK", "GSI1SK", "PK", "status"]
values = st.one_of(
    st.integers(-5, 5),
    st.sampled_from(["", "a", "b"]),
    st.just({"x", "y"}),
    st.just({"m": 1}),
    st.just(True),
)


@pytest.fixture(scope="module")
def ddb() -> Iterator[Any]:
    try:
        with mock_aws():
            yield boto3.client("dynamodb", region_name=REGION)
    finally:
        moto_updates.uninstall()


@st.composite
def starting_items(draw: st.DrawFn) -> dict[str, Any] | None:
    """The item before the update (None: it does not exist yet)."""
    if draw(st.integers(0, 5)) == 0:
        return None
    item: dict[str, Any] = dict(KEY)
    if draw(st.booleans()):
        item["v"] = {"N": str(draw(st.integers(0, 9)))}
    if draw(st.booleans()):
        item["name"] = {"S": draw(st.sampled_from(["a", "b"]))}
    if draw(st.booleans()):
        item["tags"] = {"SS": ["x"]}
    if draw(st.booleans()):
        item["GSI1PK"], item["GSI1SK"] = {"S": "P"}, {"S": draw(st.sampled_from(["a", "b"]))}
    return item


@st.composite
def changes(draw: st.DrawFn) -> Changes:
    change = Changes()
    for _ in range(draw(st.integers(1, 5))):
        verb = draw(st.sampled_from(["set", "set_if_absent", "remove", "add"]))
        attribute = draw(st.sampled_from(ATTRIBUTES))
        if verb == "remove":
            change.remove(attribute)
        elif verb == "add":
            change.add(attribute, draw(st.integers(-3, 3)))
        else:
            getattr(change, verb)(attribute, draw(values))
    condition = draw(st.sampled_from([None, "item", "absent", "equal", "at_most"]))
    if condition == "item":
        change.require_item()
    elif condition == "absent":
        change.require_absent(draw(st.sampled_from(ATTRIBUTES)))
    elif condition == "equal":
        change.require_equal("name", draw(st.sampled_from(["a", "b"])))
    elif condition == "at_most":
        change.require_at_most("v", draw(st.integers(0, 9)))
    return change


def _stream_tail(table: str) -> dict[str, Any] | None:
    """The table's last stream record: its event and images."""
    shard = dynamodb_backends[DEFAULT_ACCOUNT_ID][REGION].tables[table].stream_shard
    if shard is None or not shard.items:
        return None
    record = shard.items[-1].to_json()
    return {
        "event": record["eventName"],
        **{k: v for k, v in record["dynamodb"].items() if "Image" in k},
    }


def _outcome(ddb: Any, start: dict[str, Any] | None, change: Changes, in_transaction: bool) -> Any:
    table = f"updates-test-{next(_tables)}"
    cfn.create_table(ddb, table)
    try:
        if start is not None:
            ddb.put_item(TableName=table, Item=start)
        request = {**change.request("SESSION#1", "SESSION"), "TableName": table}
        try:
            if in_transaction:
                ddb.transact_write_items(TransactItems=[{"Update": request}])
                answer: Any = "written"
            else:
                answer = ddb.update_item(**request, ReturnValues="ALL_NEW").get("Attributes")
        except ClientError as err:
            answer = (err.response["Error"]["Code"], err.response["Error"]["Message"])
        after = ddb.get_item(TableName=table, Key=KEY).get("Item")
        return answer, after, _stream_tail(table)
    finally:
        ddb.delete_table(TableName=table)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(start=starting_items(), change=changes(), in_transaction=st.booleans())
def test_an_update_comes_out_as_moto_makes_it(
    ddb: Any, start: dict[str, Any] | None, change: Changes, in_transaction: bool
) -> None:
    moto_updates.install()
    direct = _outcome(ddb, start, change, in_transaction)
    moto_updates.uninstall()
    stock = _outcome(ddb, start, change, in_transaction)
    assert direct == stock, change.request("SESSION#1", "SESSION")


def test_tgdesk_updates_are_applied_directly(ddb: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """The usual shapes do not reach moto's own update code (else the patch saves nothing)."""
    moto_updates.install()
    monkeypatch.setitem(moto_updates._STOCK, "update_item", None)  # would fail if called
    table = f"updates-test-{next(_tables)}"
    cfn.create_table(ddb, table)
    try:
        ddb.put_item(TableName=table, Item={**KEY, "v": {"N": "1"}, "GSI1SK": {"S": "a"}})
        change = (
            Changes()
            .require_equal("v", 1)
            .set("GSI1SK", "b")
            .set_if_absent("name", "n")
            .remove("tags")
            .add("v", 2)
        )
        request = {**change.request("SESSION#1", "SESSION"), "TableName": table}
        ddb.update_item(**request)
        item = ddb.get_item(TableName=table, Key=KEY)["Item"]
        assert item == {**KEY, "v": {"N": "3"}, "GSI1SK": {"S": "b"}, "name": {"S": "n"}}
        assert _stream_tail(table) == {
            "event": "MODIFY",
            "OldImage": {**KEY, "v": {"N": "1"}, "GSI1SK": {"S": "a"}},
            "NewImage": item,
        }
    finally:
        ddb.delete_table(TableName=table)
        moto_updates.uninstall()
