"""The template is the single description of the system: lint it, and check what reads it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from infra.local import cfn


def test_cfn_lint_passes_offline() -> None:
    result = subprocess.run(
        [str(Path(sys.executable).with_name("cfn-lint")), str(cfn.TEMPLATE)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_function_has_its_handler_module() -> None:
    for fn in cfn.functions().values():
        module = fn.handler.split(".")[0]
        assert (fn.code_dir / f"{module}.py").is_file(), fn.logical_id


def test_table_from_template_has_stream_ttl_and_indexes(aws) -> None:
    desc = aws.describe_table(TableName="tgdesk-test")["Table"]
    assert desc["StreamSpecification"]["StreamViewType"] == "NEW_AND_OLD_IMAGES"
    assert {i["IndexName"] for i in desc["GlobalSecondaryIndexes"]} == {"GSI1", "GSI2"}
    ttl = aws.describe_time_to_live(TableName="tgdesk-test")["TimeToLiveDescription"]
    assert ttl["AttributeName"] == "ttl"
