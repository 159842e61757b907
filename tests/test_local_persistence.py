"""Snapshots: the table's items and the SSM parameters survive a restart, types intact."""

from __future__ import annotations

import json
import stat
from decimal import Decimal
from pathlib import Path
from typing import Any

import boto3
import pytest
from moto import mock_aws

from infra.local import cfn, moto_json
from infra.local.moto_service import DirtyFlag, is_write
from infra.local.persistence import SnapshotLoop, Snapshotter
from tests.conftest import TABLE

PREFIX = "/tgdesk/test"
ITEM = {
    "PK": {"S": "CHAT#p#1"},
    "SK": {"S": "MSG#0000000000001#m"},
    "n": {"N": "12.5"},
    "blob": {"B": b"\x00\xffbinary"},
    "tags": {"SS": ["a", "b"]},
    "blobs": {"BS": [b"\x01", b"\x02"]},
    "nested": {"M": {"l": {"L": [{"B": b"\x03"}, {"BOOL": True}, {"NULL": True}]}}},
}


def _clients() -> tuple[Any, Any]:
    ddb = boto3.client("dynamodb", region_name="us-east-1")
    return ddb, boto3.client("ssm", region_name="us-east-1")


# The table read page by page through the SDK, or at once from moto's backend (the stack's).
READERS = {
    "scan": None,
    "moto": lambda: json.loads(moto_json.table_json(TABLE, "us-east-1")),
}


@pytest.mark.parametrize("reader", READERS)
def test_round_trip(tmp_path: Path, reader: str) -> None:
    with mock_aws():
        ddb, ssm = _clients()
        cfn.create_table(ddb, TABLE)
        ddb.put_item(TableName=TABLE, Item=ITEM)
        for i in range(30):  # more than one BatchWriteItem on restore
            ddb.put_item(TableName=TABLE, Item={"PK": {"S": f"P#{i}"}, "SK": {"S": "X"}})
        ssm.put_parameter(Name=f"{PREFIX}/projects/p/bot-token", Value="1:tok", Type="SecureString")
        ssm.put_parameter(Name="/elsewhere/x", Value="not ours", Type="String")
        Snapshotter(ddb, ssm, TABLE, PREFIX, tmp_path, READERS[reader]).save()

    snapshot = tmp_path / "snapshot.json"
    assert stat.S_IMODE(snapshot.stat().st_mode) == 0o600
    assert len(json.loads(snapshot.read_text())["items"]) == 31

    with mock_aws():  # a fresh moto: the next start
        ddb, ssm = _clients()
        cfn.create_table(ddb, TABLE)
        restored = Snapshotter(ddb, ssm, TABLE, PREFIX, tmp_path).restore()

        assert restored == (31, 1)
        item = ddb.get_item(TableName=TABLE, Key={"PK": ITEM["PK"], "SK": ITEM["SK"]})["Item"]
        assert item == ITEM
        param = ssm.get_parameter(Name=f"{PREFIX}/projects/p/bot-token", WithDecryption=True)
        assert param["Parameter"]["Value"] == "1:tok"
        assert param["Parameter"]["Type"] == "SecureString"
        assert Decimal(item["n"]["N"]) == Decimal("12.5")


def test_both_readers_save_the_same_items(tmp_path: Path) -> None:
    with mock_aws():
        ddb, ssm = _clients()
        cfn.create_table(ddb, TABLE)
        for i in range(40):
            ddb.put_item(TableName=TABLE, Item={**ITEM, "PK": {"S": f"CHAT#p#{i}"}})
        dumps = [Snapshotter(ddb, ssm, TABLE, PREFIX, tmp_path, r).dump() for r in READERS.values()]
    assert dumps[0] == dumps[1]
    assert len(dumps[0]["items"]) == 40


def test_no_snapshot_restores_nothing(tmp_path: Path) -> None:
    with mock_aws():
        ddb, ssm = _clients()
        cfn.create_table(ddb, TABLE)
        assert Snapshotter(ddb, ssm, TABLE, PREFIX, tmp_path).restore() == (0, 0)


def test_loop_saves_after_writes_and_on_stop(tmp_path: Path) -> None:
    with mock_aws():
        ddb, ssm = _clients()
        cfn.create_table(ddb, TABLE)
        dirty = DirtyFlag()
        loop = SnapshotLoop(Snapshotter(ddb, ssm, TABLE, PREFIX, tmp_path), dirty, delay=3600)
        loop.start()
        ddb.put_item(TableName=TABLE, Item={"PK": {"S": "A"}, "SK": {"S": "B"}})
        dirty.mark()
        loop.stop()
    assert len(json.loads((tmp_path / "snapshot.json").read_text())["items"]) == 1


def test_writes_are_told_from_reads_by_the_target_header() -> None:
    writes = [
        "DynamoDB_20120810.PutItem",
        "DynamoDB_20120810.UpdateItem",
        "DynamoDB_20120810.TransactWriteItems",
        "DynamoDB_20120810.BatchWriteItem",
        "AmazonSSM.PutParameter",
        "AmazonSSM.DeleteParameters",
    ]
    reads = [
        "DynamoDB_20120810.Query",
        "DynamoDB_20120810.GetItem",
        "DynamoDB_20120810.TransactGetItems",
        "DynamoDBStreams_20120810.GetRecords",
        "DynamoDBStreams_20120810.DescribeStream",
        "AmazonSSM.GetParametersByPath",
        None,
    ]
    assert all(is_write(t) for t in writes)
    assert not any(is_write(t) for t in reads)


# An item moto stores although DynamoDB refuses it (a map key that is the empty string); moto
# then answers it mangled, and boto3 cannot parse a Scan page that holds it.
MALFORMED = {"PK": {"S": "CHAT#p#1"}, "SK": {"S": "MSG#bad"}, "dice": {"M": {"": {"N": "1"}}}}


@pytest.mark.parametrize("reader", READERS)
def test_one_malformed_item_is_left_out_and_every_other_item_is_saved(
    tmp_path: Path, reader: str
) -> None:
    with mock_aws():
        ddb, ssm = _clients()
        cfn.create_table(ddb, TABLE)
        ddb.put_item(TableName=TABLE, Item=ITEM)
        ddb.put_item(TableName=TABLE, Item=MALFORMED)
        for i in range(30):
            ddb.put_item(TableName=TABLE, Item={"PK": {"S": f"P#{i}"}, "SK": {"S": "X"}})
        dirty = DirtyFlag()
        snapshotter = Snapshotter(ddb, ssm, TABLE, PREFIX, tmp_path, READERS[reader])
        loop = SnapshotLoop(snapshotter, dirty, delay=3600)
        loop.start()
        dirty.mark()
        loop.stop()  # saves: not wedged by the malformed item

    saved = json.loads((tmp_path / "snapshot.json").read_text())["items"]
    assert len(saved) == 31
    assert MALFORMED["SK"] not in [i["SK"] for i in saved]

    with mock_aws():
        ddb, ssm = _clients()
        cfn.create_table(ddb, TABLE)
        assert Snapshotter(ddb, ssm, TABLE, PREFIX, tmp_path).restore() == (31, 0)
        item = ddb.get_item(TableName=TABLE, Key={"PK": ITEM["PK"], "SK": ITEM["SK"]})["Item"]
        assert item == ITEM


def test_items_the_table_refuses_on_restore_are_skipped(tmp_path: Path) -> None:
    good = [{"PK": {"S": f"P#{i}"}, "SK": {"S": "X"}} for i in range(3)]
    refused = {"PK": {"S": "P#big"}, "SK": {"S": "X"}, "n": {"N": "1e200"}}
    malformed = {"PK": {"S": "P#m"}, "SK": {"S": "X"}, "m": {"M": {"N": "1"}}}
    snapshot = {"version": 1, "table": TABLE, "items": [*good, refused, malformed]}
    (tmp_path / "snapshot.json").write_text(json.dumps(snapshot))

    with mock_aws():
        ddb, ssm = _clients()
        cfn.create_table(ddb, TABLE)
        assert Snapshotter(ddb, ssm, TABLE, PREFIX, tmp_path).restore() == (3, 0)
        assert ddb.scan(TableName=TABLE)["Count"] == 3
