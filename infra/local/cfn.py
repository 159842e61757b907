"""Reads infra/template.yaml so that the local stack and the tests are wired from it.

The table is created from the template's own `Table` resource, HTTP routes and stream
and schedule triggers come from the functions' `Events`: what runs locally is what deploys.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "infra" / "template.yaml"


class _CfnLoader(yaml.SafeLoader):
    """SafeLoader that keeps CloudFormation short-form tags (!Ref, !Sub, ...) as dicts."""


def _tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> dict[str, Any]:
    if isinstance(node, yaml.ScalarNode):
        value: Any = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)
    name = "Ref" if suffix == "Ref" else f"Fn::{suffix}"
    return {name: value}


_CfnLoader.add_multi_constructor("!", _tag)


@lru_cache(maxsize=1)
def template() -> dict[str, Any]:
    return yaml.load(TEMPLATE.read_text(), Loader=_CfnLoader)  # noqa: S506 (SafeLoader subclass)


def table_properties() -> dict[str, Any]:
    return template()["Resources"]["Table"]["Properties"]


def create_table_kwargs(table_name: str) -> dict[str, Any]:
    """Arguments for DynamoDB CreateTable, taken from the template's Table resource."""
    props = table_properties()
    kwargs: dict[str, Any] = {
        "TableName": table_name,
        "AttributeDefinitions": props["AttributeDefinitions"],
        "KeySchema": props["KeySchema"],
        "BillingMode": props["BillingMode"],
    }
    if props.get("GlobalSecondaryIndexes"):
        kwargs["GlobalSecondaryIndexes"] = props["GlobalSecondaryIndexes"]
    if props.get("StreamSpecification"):
        kwargs["StreamSpecification"] = {"StreamEnabled": True, **props["StreamSpecification"]}
    return kwargs


def create_table(dynamodb: Any, table_name: str) -> None:
    """Create the table (and its TTL setting) through a boto3 DynamoDB client."""
    dynamodb.create_table(**create_table_kwargs(table_name))
    ttl = table_properties().get("TimeToLiveSpecification")
    if ttl:
        dynamodb.update_time_to_live(
            TableName=table_name,
            TimeToLiveSpecification={"AttributeName": ttl["AttributeName"], "Enabled": True},
        )


@dataclass
class Function:
    logical_id: str
    code_dir: Path
    handler: str  # "module.function"
    environment: dict[str, Any] = field(default_factory=dict)
    http_routes: list[tuple[str, str]] = field(default_factory=list)  # (METHOD, /path/{param})
    schedules: list[tuple[int, dict[str, Any]]] = field(default_factory=list)  # (seconds, input)
    stream: dict[str, Any] | None = None  # the DynamoDB event's Properties


_RATE = re.compile(r"rate\((\d+) (minute|minutes|hour|hours|day|days)\)")
_UNIT = {"minute": 60, "hour": 3600, "day": 86400}


def rate_seconds(expression: str) -> int:
    m = _RATE.fullmatch(expression.strip())
    if not m:
        raise ValueError(f"only rate(...) schedules run locally, not {expression!r}")
    return int(m.group(1)) * _UNIT[m.group(2).rstrip("s")]


def functions() -> dict[str, Function]:
    import json

    out: dict[str, Function] = {}
    for name, res in template()["Resources"].items():
        if res.get("Type") != "AWS::Serverless::Function":
            continue
        props = res["Properties"]
        fn = Function(
            logical_id=name,
            code_dir=(TEMPLATE.parent / props["CodeUri"]).resolve(),
            handler=props["Handler"],
            environment=dict(props.get("Environment", {}).get("Variables", {})),
        )
        for event in props.get("Events", {}).values():
            ep = event.get("Properties", {})
            if event["Type"] == "HttpApi":
                fn.http_routes.append((ep["Method"].upper(), ep["Path"]))
            elif event["Type"] == "Schedule":
                fn.schedules.append(
                    (rate_seconds(ep["Schedule"]), json.loads(ep.get("Input", "{}")))
                )
            elif event["Type"] == "DynamoDB":
                fn.stream = ep
        out[name] = fn
    return out


# The stream poller, the schedules and the gateway each load handlers from their own thread: a
# module is in sys.modules before its code has run, so loading must be one at a time, or a
# second thread finds a half-made module without its handler.
_LOADING = threading.RLock()


def load_handler(logical_id: str) -> Any:
    """Import a function's handler the way Lambda does, from its own code directory.

    Every function's module is called `app`, so each is loaded under a unique name
    (`tgdesk_fn_<dir>.app`) to let all five live in one process.
    """
    import importlib.util
    import sys

    fn = functions()[logical_id]
    module_name, attr = fn.handler.rsplit(".", 1)
    unique = f"tgdesk_fn_{fn.code_dir.name}_{module_name}"
    with _LOADING:
        module = sys.modules.get(unique)
        if module is None:
            path = fn.code_dir / f"{module_name}.py"
            spec = importlib.util.spec_from_file_location(unique, path)
            assert spec and spec.loader, f"no module {module_name} in {fn.code_dir}"
            module = importlib.util.module_from_spec(spec)
            sys.modules[unique] = module
            try:
                spec.loader.exec_module(module)
            except BaseException:
                del sys.modules[unique]  # a failed import is tried afresh next time
                raise
    return getattr(module, attr)
