"""The redirect (GET /l/{code}): its cold import against `import boto3` and the webhook's,
the DynamoDB requests of a click, and how many clicks a second one link can take.

Requests per click are a budget: the link's GetItem on a cold container (none while the
container's link cache is warm) and the click's one PutItem. The clicks a second come
from the write units a burst on one link puts on its hottest partition (bench.meter): the
click items spread over their own keys, their index entries over the link's 16 click
shards, so the hottest partition is one of those shards. DynamoDB lets a partition take
1,000 write units a second.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bench import imports
from bench.harness import Budget, LambdaContext, fmt, heading, http_event, median, mocked_table
from bench.meter import DynamoMeter, Usage

ROUNDS = 7
CLICKS = 1_600  # a hundred per click shard: enough for the spread to show
REQUEST_BUDGET = 2  # GetItem (cold container) + PutItem
WRITE_BUDGET = 1
PARTITION_WCU_PER_SECOND = 1_000
CODE = "bench-link"


def run(rounds: int = ROUNDS, clicks: int = CLICKS) -> list[Budget]:
    cold_import(rounds)
    return per_click(clicks)


def cold_import(rounds: int) -> None:
    heading(f"redirect: cold import vs `import boto3` and the webhook (median of {rounds})")
    plan = imports.targets()
    chosen = {label: plan[label] for label in (imports.BASELINE, "redirect", "webhook")}
    for module, paths in chosen.values():  # bytecode compiled outside the measurement
        imports.import_seconds(module, paths)
    ratios: dict[str, list[float]] = {"redirect": [], "webhook": []}
    for _ in range(rounds):
        base = imports.import_seconds(*chosen[imports.BASELINE])
        for label in ratios:
            ratios[label].append(imports.import_seconds(*chosen[label]) / base)
    redirect, webhook = median(ratios["redirect"]), median(ratios["webhook"])
    verdict = "no more than" if redirect <= webhook else "MORE than"
    print(f"  redirect {redirect:5.2f}x boto3, webhook {webhook:5.2f}x boto3")
    print(f"  the redirect's cold import is {verdict} the webhook's (timing: not enforced)")


def per_click(clicks: int) -> list[Budget]:
    heading(f"redirect: DynamoDB per click on one link ({clicks} clicks)")
    with mocked_table(stream=False):
        from infra.local import cfn
        from tgdesk.links import clicks as click_module
        from tgdesk.storage import links as store

        store.create_link(
            {
                "code": CODE,
                "project_id": "bench-project",
                "name": "Bench",
                "enabled": True,
                "created_by": "bench",
                "created_at": 1,
                "updated_at": 1,
                "bot_username": "bench_bot",
                "click_settings": {"address_mode": "hashed", "visitor_salt": "bench"},
            },
            {"entry_id": "bench", "at": 1, "action": "link.create", "actor_id": "bench"},
        )
        handler = cfn.load_handler("RedirectFunction")
        click = _clicker(handler)
        with DynamoMeter() as meter:
            click_module.forget_cached_links()
            click(0)
            cold = meter.take()
            samples: list[Usage] = []
            total = Usage()
            for n in range(1, clicks + 1):
                click(n)
                sample = meter.take()
                samples.append(sample)
                total.add(sample)
    print(f"  cold container: {_ops(cold)}")
    print(
        f"  the next {clicks} clicks: {_ops(total)} (a GetItem each time the container's"
        f" link cache is {fmt(click_module.LINK_CACHE_SECONDS)} s old)"
    )
    hottest, units = max(total.written.items(), key=lambda kv: kv[1])
    per_click_units = units / clicks
    rate = PARTITION_WCU_PER_SECOND / per_click_units
    print(
        f"  hottest partition: {hottest[0]} {hottest[1]}, {fmt(per_click_units)} WCU per click"
        f" of the link: one link takes about {rate:,.0f} clicks a second"
    )
    writes = max(
        s.requests["PutItem"] + s.requests["UpdateItem"] + s.requests["TransactWriteItems"]
        for s in [cold, *samples]
    )
    return [
        Budget("requests per click", cold.total_requests, REQUEST_BUDGET),
        Budget("writes per click", writes, WRITE_BUDGET),
    ]


def _clicker(handler: Callable[[dict[str, Any], Any], dict[str, Any]]) -> Callable[[int], None]:
    def click(n: int) -> None:
        event = http_event(
            "GET",
            f"/l/{CODE}",
            "GET /l/{code}",
            path_parameters={"code": CODE},
            headers={"user-agent": "Mozilla/5.0 (iPhone) Safari/604.1"},
        )
        event["rawQueryString"] = f"utm_source=bench&n={n}"
        event["requestContext"]["http"]["sourceIp"] = f"198.51.100.{n % 250 + 1}"
        answer = handler(event, LambdaContext())
        if answer["statusCode"] != 302:
            raise RuntimeError(f"the redirect answered {answer['statusCode']}")

    return click


def _ops(usage: Usage) -> str:
    ops = ", ".join(f"{op} x{count}" for op, count in sorted(usage.requests.items()))
    return f"{usage.total_requests} requests [{ops}]"
