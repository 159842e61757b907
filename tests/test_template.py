"""The template is the single description of the system: lint it, and check what reads it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

from infra.local import cfn
from infra.local.config import TABLE_NAME, LocalConfig
from infra.local.lambdas import environment, parameter_values, resolve
from tgdesk.accounts import client_address


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


def test_the_scheduler_has_one_schedule_per_job_and_a_job_per_schedule() -> None:
    cfn.load_handler("SchedulerFunction")
    jobs = sys.modules["tgdesk_fn_scheduler_app"].JOBS
    scheduled = [input_["job"] for _, input_ in cfn.functions()["SchedulerFunction"].schedules]
    assert sorted(scheduled) == sorted(jobs) == ["deliveries", "exports", "queues", "sla", "timers"]


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


def _local_config() -> LocalConfig:
    return LocalConfig(
        port=8123,
        data_dir=Path("/tmp/x"),
        admin_username="root",
        admin_password="a-long-password",
        schedule_every=None,
        telegram_token=None,
    )


def test_the_local_stack_has_no_origin_secret() -> None:
    assert environment(_local_config())["TGDESK_ORIGIN_SECRET"] == ""


# -- recoverable: point-in-time recovery, retained data, pointing at a restored table ----------
DATA_TYPES = {"AWS::DynamoDB::Table", "AWS::S3::Bucket", "AWS::SecretsManager::Secret"}
USE_EXISTING = "UseExistingTable"


def test_the_table_has_point_in_time_recovery() -> None:
    pitr = cfn.table_properties()["PointInTimeRecoverySpecification"]
    assert pitr["PointInTimeRecoveryEnabled"] is True


def test_everything_that_holds_data_outlives_the_stack() -> None:
    holding = {
        logical_id: resource
        for logical_id, resource in cfn.template()["Resources"].items()
        if resource["Type"] in DATA_TYPES
    }
    assert {"Table", "ConsoleBucket", "OriginSecret"} <= set(holding)
    for logical_id, resource in holding.items():
        assert resource.get("DeletionPolicy") == "Retain", logical_id
        assert resource.get("UpdateReplacePolicy") == "Retain", logical_id


def _table_uses(node: Any, guarded: bool = False) -> list[bool]:
    """Every reference to the Table resource, each with whether a `UseExistingTable`
    condition chooses between it and the restored table."""
    if isinstance(node, list):
        return [u for item in node for u in _table_uses(item, guarded)]
    if not isinstance(node, dict):
        return []
    if node.get("Ref") == "Table" or str(node.get("Fn::GetAtt", "")).startswith("Table."):
        return [guarded]
    if "Fn::If" in node and node["Fn::If"][0] == USE_EXISTING:
        return _table_uses(node["Fn::If"][1:], True)
    return [u for value in node.values() for u in _table_uses(value, guarded)]


def test_every_use_of_the_table_can_be_pointed_at_a_restored_one() -> None:
    tpl = cfn.template()
    uses = _table_uses([tpl["Globals"], tpl["Resources"], tpl["Outputs"]])
    assert len(uses) >= 9 and all(uses)  # the environment, six policies, the stream, an output
    assert tpl["Parameters"]["ExistingTableName"]["Default"] == ""
    condition = tpl["Conditions"][USE_EXISTING]
    assert condition == {"Fn::Not": [{"Fn::Equals": [{"Ref": "ExistingTableName"}, ""]}]}


def test_the_local_stack_uses_its_own_table() -> None:
    # The environment's table name is an !If: resolved, not the text of the expression.
    assert environment(_local_config())["TGDESK_TABLE"] == TABLE_NAME


def test_the_local_stack_gives_parameters_it_does_not_set_their_defaults() -> None:
    params = parameter_values(_local_config())
    for name, parameter in cfn.template()["Parameters"].items():
        if "Default" in parameter and name not in {"AdminUsername", "PublicUrl"}:
            assert resolve({"Ref": name}, params) == str(parameter["Default"]), name
    # Every variable resolves to text, never the text of an expression.
    assert all("{" not in value for value in environment(_local_config()).values())


# -- security headers at the edge --------------------------------------------------------------
YEAR = 365 * 24 * 3600
CONSOLE_CSP = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "blob:"],
    "media-src": ["'self'", "blob:"],
    "connect-src": ["'self'", "${RealtimeOrigin}", "${UploadsOrigin}"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}


def _policy(logical_id: str) -> dict[str, Any]:
    resource = cfn.template()["Resources"][logical_id]
    assert resource["Type"] == "AWS::CloudFront::ResponseHeadersPolicy"
    return resource["Properties"]["ResponseHeadersPolicyConfig"]["SecurityHeadersConfig"]


def _directives(csp: str) -> dict[str, list[str]]:
    parsed = (d.split() for d in csp.split(";") if d.strip())
    return {name: sources for name, *sources in parsed}


def test_the_console_has_a_strict_content_security_policy() -> None:
    text, variables = _policy("ConsoleHeadersPolicy")["ContentSecurityPolicy"][
        "ContentSecurityPolicy"
    ]["Fn::Sub"]
    assert _directives(text) == CONSOLE_CSP
    # The WebSocket API has its own domain: the CSP names it, built from the API's id.
    origin = "wss://${WebSocketApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}"
    assert variables["RealtimeOrigin"] == {"Fn::Sub": origin}
    # The console posts agents' files straight to the uploads bucket, named from the stack.
    uploads, names = variables["UploadsOrigin"]["Fn::Sub"]
    assert uploads == "https://tgdesk-uploads-${StackUuid}.s3.${AWS::Region}.${AWS::URLSuffix}"
    bucket_name = cfn.template()["Resources"]["UploadsBucket"]["Properties"]["BucketName"]
    assert bucket_name["Fn::Sub"][1] == names
    assert set(variables) == {"RealtimeOrigin", "UploadsOrigin"}


def test_console_and_api_are_https_only_unsniffed_unframed_and_send_no_referrer() -> None:
    for logical_id in ("ConsoleHeadersPolicy", "ApiHeadersPolicy"):
        policy = _policy(logical_id)
        hsts = policy["StrictTransportSecurity"]
        assert hsts["AccessControlMaxAgeSec"] >= YEAR and hsts["IncludeSubdomains"] is True
        assert "ContentTypeOptions" in policy
        assert policy["FrameOptions"]["FrameOption"] == "DENY"
        assert policy["ReferrerPolicy"]["ReferrerPolicy"] == "no-referrer"
        assert all(header["Override"] is True for header in policy.values())


def test_the_distribution_attaches_the_header_policies() -> None:
    config = _distribution()
    default = config["DefaultCacheBehavior"]
    assert default["ResponseHeadersPolicyId"] == {"Ref": "ConsoleHeadersPolicy"}
    (api,) = [b for b in config["CacheBehaviors"] if b["PathPattern"] == "/api/*"]
    assert api["ResponseHeadersPolicyId"] == {"Ref": "ApiHeadersPolicy"}


# -- watched: alarms, their topic, the dashboard ----------------------------------------------
def _of_type(kind: str) -> dict[str, dict[str, Any]]:
    return {k: r for k, r in cfn.template()["Resources"].items() if r["Type"] == kind}


def test_every_alarm_tells_the_alarm_topic() -> None:
    alarms = _of_type("AWS::CloudWatch::Alarm")
    assert alarms
    for name, alarm in alarms.items():
        assert {"Ref": "AlarmTopic"} in alarm["Properties"]["AlarmActions"], name


def test_every_function_has_errors_and_throttles_alarms() -> None:
    watched: dict[str, set[str]] = {}
    for alarm in _of_type("AWS::CloudWatch::Alarm").values():
        props = alarm["Properties"]
        if props.get("Namespace") == "AWS/Lambda":
            (dimension,) = props["Dimensions"]
            watched.setdefault(dimension["Value"]["Ref"], set()).add(props["MetricName"])
    for function in _of_type("AWS::Serverless::Function"):
        assert {"Errors", "Throttles"} <= watched.get(function, set()), function


def test_the_alarm_email_is_subscribed_only_when_given() -> None:
    template = cfn.template()
    assert template["Parameters"]["AlarmEmail"]["Default"] == ""
    (subscription,) = _of_type("AWS::SNS::Subscription").values()
    assert subscription["Condition"] == "HasAlarmEmail"
    assert subscription["Properties"]["Endpoint"] == {"Ref": "AlarmEmail"}


def test_custom_metric_alarms_name_metrics_the_code_emits() -> None:
    from tgdesk.core import metrics

    namespace = {"Fn::Sub": "tgdesk/${AWS::StackName}"}
    env = cfn.template()["Globals"]["Function"]["Environment"]["Variables"]
    assert env[metrics.NAMESPACE_ENV] == namespace
    custom = {
        a["Properties"]["MetricName"]
        for a in _of_type("AWS::CloudWatch::Alarm").values()
        if a["Properties"].get("Namespace") == namespace
    }
    assert custom == {metrics.delivery_metric("failed"), metrics.SCHEDULER_LAG}
    (dashboard,) = _of_type("AWS::CloudWatch::Dashboard").values()
    body = str(dashboard["Properties"]["DashboardBody"])
    for name in [metrics.update_metric(o) for o in metrics.UPDATE_OUTCOMES] + [
        metrics.delivery_metric(s) for s in metrics.DELIVERY_STATES
    ]:
        assert f'"{name}"' in body, name
