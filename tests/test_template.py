"""The template is the single description of the system: lint it, and check what reads it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

from infra.local import cfn
from infra.local.config import LocalConfig
from infra.local.lambdas import environment
from tgdesk import client_address


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


# -- the client's address behind CloudFront ---------------------------------------------------
API_POLICY = "b689b0a8-53d0-40ab-baf2-68738e2966ac"  # managed "AllViewerExceptHostHeader"
SECRET_REFERENCE = {"Fn::Sub": "{{resolve:secretsmanager:${OriginSecret}:SecretString}}"}


def _distribution() -> dict[str, Any]:
    return cfn.template()["Resources"]["ConsoleDistribution"]["Properties"]["DistributionConfig"]


def test_cloudfront_proves_its_requests_with_a_generated_origin_secret() -> None:
    resources = cfn.template()["Resources"]
    secret = resources["OriginSecret"]
    assert secret["Type"] == "AWS::SecretsManager::Secret"
    generated = secret["Properties"]["GenerateSecretString"]
    assert generated["PasswordLength"] >= 48 and "SecretString" not in secret["Properties"]
    (api_origin,) = [o for o in _distribution()["Origins"] if o["Id"] == "api"]
    (header,) = api_origin["OriginCustomHeaders"]
    assert header["HeaderName"].lower() == client_address.ORIGIN_SECRET_HEADER
    assert header["HeaderValue"] == SECRET_REFERENCE
    # The API function gets the same value; nothing else does, and no output shows it.
    environment = resources["ApiFunction"]["Properties"]["Environment"]["Variables"]
    assert environment["TGDESK_ORIGIN_SECRET"] == SECRET_REFERENCE
    assert "OriginSecret" not in str(cfn.template().get("Outputs"))
    assert "OriginSecret" not in str(cfn.template().get("Globals"))


def test_the_api_behaviour_forwards_cloudfronts_viewer_address() -> None:
    (api,) = [b for b in _distribution()["CacheBehaviors"] if b["PathPattern"] == "/api/*"]
    assert api["TargetOriginId"] == "api"
    # AllViewerExceptHostHeader forwards every viewer header but Host, Authorization
    # included, and CloudFront's headers, CloudFront-Viewer-Address among them.
    assert api["OriginRequestPolicyId"] == API_POLICY


def test_the_local_stack_has_no_origin_secret() -> None:
    config = LocalConfig(
        port=8123,
        data_dir=Path("/tmp/x"),
        admin_username="root",
        admin_password="a-long-password",
        schedule_every=None,
        telegram_token=None,
    )
    assert environment(config)["TGDESK_ORIGIN_SECRET"] == ""
