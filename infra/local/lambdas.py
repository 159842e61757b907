"""The functions of the template as the local stack runs them: environment, context, invoke.

All functions share one process, so their resolved environment is merged into os.environ
once, before any of them is imported.
"""

from __future__ import annotations

import asyncio
import logging
import re
import threading
import time
import uuid
from dataclasses import dataclass
from typing import Any

from infra.local import cfn
from infra.local.config import (
    ACCOUNT_ID,
    REGION,
    STACK_NAME,
    TABLE_NAME,
    UPLOADS_BUCKET,
    LocalConfig,
)

log = logging.getLogger("tgdesk.local.lambdas")
EXPORTS_BUCKET = "tgdesk-exports"  # project exports (tgdesk.exports), in the local moto

_SUB = re.compile(r"\$\{([^}]+)\}")


def parameter_values(config: LocalConfig) -> dict[str, str]:
    """Local values of the template's parameters, pseudo parameters and referenced resources.

    A parameter the local stack does not set takes its default, as in `sam deploy`: so the
    local stack always uses its own table (ExistingTableName is empty)."""
    defaults = {
        name: str(parameter["Default"])
        for name, parameter in cfn.template().get("Parameters", {}).items()
        if "Default" in parameter
    }
    return {
        **defaults,
        "Table": TABLE_NAME,
        "ExportsBucket": EXPORTS_BUCKET,
        "AdminUsername": config.admin_username,
        "AdminPassword": config.admin_password,
        "PublicUrl": config.public_url,
        "AWS::StackName": STACK_NAME,
        "AWS::Region": REGION,
        "AWS::AccountId": ACCOUNT_ID,
        "AWS::Partition": "aws",
        "AWS::URLSuffix": "amazonaws.com",
    }


def resolve(value: Any, params: dict[str, str]) -> str:
    """Resolve a template value that may be a !Ref or a !Sub into a string.

    A dynamic reference (`{{resolve:secretsmanager:...}}`, a secret CloudFormation reads at
    deploy time) resolves to "": what it names, such as the CloudFront origin secret, does
    not exist locally."""
    if isinstance(value, dict) and "Ref" in value:
        return params[value["Ref"]]
    if isinstance(value, dict) and "Fn::If" in value:
        condition, when_true, when_false = value["Fn::If"]
        return resolve(when_true if holds(condition, params) else when_false, params)
    if isinstance(value, dict) and str(value.get("Fn::Sub", "")).startswith("{{resolve:"):
        return ""
    if isinstance(value, dict) and "Fn::Sub" in value:
        return _SUB.sub(lambda m: params[m.group(1)], value["Fn::Sub"])
    return str(value)


def _function_settings(logical_id: str) -> dict[str, Any]:
    """Globals.Function merged with the function's own Properties (the function wins)."""
    tpl = cfn.template()
    merged = dict(tpl.get("Globals", {}).get("Function", {}))
    merged.update(tpl["Resources"][logical_id]["Properties"])
    return merged


def local_endpoints(config: LocalConfig) -> dict[str, str]:
    """Variables whose deployed value is the URL of an AWS endpoint that the local stack
    stands in for: they take the stand-in's URL instead (and the uploads bucket its local
    name: the deployed one is named from the stack's id)."""
    return {
        "TGDESK_WEBSOCKET_URL": config.websocket_url,
        "TGDESK_WEBSOCKET_CALLBACK_URL": config.websocket_callback_url,
        # Amazon Translate: the offline stand-in, which marks its output.
        "TGDESK_TRANSLATION_PROVIDER": "stand-in",
        "TGDESK_UPLOADS_BUCKET": UPLOADS_BUCKET,
    }


def environment(config: LocalConfig) -> dict[str, str]:
    """The environment every function sees: Globals and each function's variables, resolved."""
    params = parameter_values(config)
    endpoints = local_endpoints(config)
    tpl = cfn.template()
    env: dict[str, str] = {}
    global_vars = tpl.get("Globals", {}).get("Function", {}).get("Environment", {})
    for name, value in global_vars.get("Variables", {}).items():
        env[name] = endpoints.get(name) or resolve(value, params)
    for fn in cfn.functions().values():
        for name, value in fn.environment.items():
            env[name] = endpoints.get(name) or resolve(value, params)
    return env


def holds(condition: str, params: dict[str, str]) -> bool:
    """A condition of the template, evaluated with the local parameters (the template uses
    only !Not, !Equals and !Ref in its conditions)."""
    return _truth(cfn.template()["Conditions"][condition], params)


def _truth(expression: dict[str, Any], params: dict[str, str]) -> bool:
    if "Fn::Not" in expression:
        (inner,) = expression["Fn::Not"]
        return not _truth(inner, params)
    if "Fn::Equals" in expression:
        left, right = (resolve(v, params) for v in expression["Fn::Equals"])
        return left == right
    raise ValueError(f"the local stack cannot evaluate the condition {expression}")


class LambdaContext:
    """The attributes and method of the Lambda context object that code reads."""

    def __init__(self, function_name: str, memory_mb: int, timeout_s: int) -> None:
        self.function_name = function_name
        self.function_version = "$LATEST"
        self.invoked_function_arn = f"arn:aws:lambda:{REGION}:{ACCOUNT_ID}:function:{function_name}"
        self.memory_limit_in_mb = memory_mb
        self.aws_request_id = str(uuid.uuid4())
        self.log_group_name = f"/aws/lambda/{function_name}"
        self.log_stream_name = time.strftime("%Y/%m/%d/[$LATEST]") + uuid.uuid4().hex
        self._deadline = time.monotonic() + timeout_s

    def get_remaining_time_in_millis(self) -> int:
        return max(0, int((self._deadline - time.monotonic()) * 1000))


_thread_state = threading.local()


def _ensure_event_loop() -> None:
    """Lambda runs handlers on a main thread that has an event loop; worker threads have none,
    and adapters such as Mangum call asyncio.get_event_loop(). Give each worker thread one."""
    if getattr(_thread_state, "loop", None) is None:
        _thread_state.loop = asyncio.new_event_loop()
        asyncio.set_event_loop(_thread_state.loop)


@dataclass
class LocalFunction:
    """One function of the template, loaded on its first invocation (its cold start)."""

    logical_id: str
    memory_mb: int
    timeout_s: int

    def __post_init__(self) -> None:
        self._handler: Any = None
        self._load_lock = threading.Lock()

    @property
    def name(self) -> str:
        return f"{STACK_NAME}-{self.logical_id}"

    def handler(self) -> Any:
        with self._load_lock:
            if self._handler is None:
                started = time.perf_counter()
                self._handler = cfn.load_handler(self.logical_id)
                log.info(
                    "%s cold start: imported in %.0f ms",
                    self.logical_id,
                    (time.perf_counter() - started) * 1000,
                )
            return self._handler

    def invoke(self, event: Any) -> Any:
        """Call the handler with a fresh context; exceptions propagate to the caller."""
        _ensure_event_loop()
        context = LambdaContext(self.name, self.memory_mb, self.timeout_s)
        return self.handler()(event, context)


def local_functions() -> dict[str, LocalFunction]:
    out: dict[str, LocalFunction] = {}
    for logical_id in cfn.functions():
        settings = _function_settings(logical_id)
        out[logical_id] = LocalFunction(
            logical_id=logical_id,
            memory_mb=int(settings.get("MemorySize", 128)),
            timeout_s=int(settings.get("Timeout", 3)),
        )
    return out
