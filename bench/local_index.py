"""(f) The local stack's session list with 1,000 and with 50,000 items in its table.

moto answers a GSI query by walking the whole table; the local stack answers it from an
index kept beside the table (infra/local/moto_index.py), so the session list should cost
the same however much else the table holds. Two tables on the local stack's moto (the
in-process server, index installed), each with the same project: 100 users write through
the webhook handler, opening 100 sessions. The second is then filled to 50,000 items, and
the first to 1,000, with copies of that project's items under other project and session
ids (written straight into moto's backend, through the same index upkeep as any write).

GET /api/sessions?project_id=... goes through the console API's Lambda handler, alternating
between the two tables round by round, so a busy machine slows both alike. The budget is
the median with 50,000 items over the median with 1,000: at most 1.5.
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from bench import inbound
from bench.harness import REGION, Budget, LambdaContext, heading, http_event, median, offline_env
from bench.harness import text_update as update
from infra.local import cfn
from infra.local.config import free_port
from infra.local.moto_service import MotoService
from infra.local.persistence import encode_item

SMALL, LARGE = 1_000, 50_000
USERS = 100
ROUNDS = 15
PER_ROUND = 3
MAX_RATIO = 1.5
FIRST_USER = 5_400_000_001


@contextmanager
def _local_moto() -> Iterator[MotoService]:
    """The local stack's moto on a free port, the process environment pointed at it."""
    saved = dict(os.environ)
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # a line per request otherwise
    moto = MotoService(free_port())
    moto.start()
    os.environ.clear()
    os.environ.update(offline_env())
    os.environ.update(
        {"AWS_ENDPOINT_URL": moto.endpoint_url, "AWS_REGION": REGION, "AWS_DEFAULT_REGION": REGION}
    )
    try:
        yield moto
    finally:
        moto.stop()
        os.environ.clear()
        os.environ.update(saved)
        _use_table(None)


def _use_table(name: str | None) -> None:
    from tgdesk.core import secrets
    from tgdesk.inbound import ingest
    from tgdesk.storage import table

    if name is not None:
        os.environ["TGDESK_TABLE"] = name
    table.reset()
    secrets.reset()
    ingest.clear_project_cache()


def _moto_table(name: str) -> Any:
    from moto.core import DEFAULT_ACCOUNT_ID
    from moto.dynamodb.models import dynamodb_backends

    return dynamodb_backends[DEFAULT_ACCOUNT_ID][REGION].tables[name]


def _project_with_sessions(name: str) -> str:
    """A table holding the bench project, its 100 sessions and the administrator; returns a
    login token of the administrator."""
    import boto3

    from tgdesk.accounts import agents

    cfn.create_table(boto3.client("dynamodb"), name)
    _use_table(name)
    with inbound.webhook() as call:
        for n in range(USERS):
            call(update(n + 1, FIRST_USER + n, "Hello", date=inbound.FIRST_DATE + n))
    agents.bootstrap_admin()
    env = offline_env()
    body = {"username": env["TGDESK_ADMIN_USERNAME"], "password": env["TGDESK_ADMIN_PASSWORD"]}
    answer = _api("POST", "/api/auth/login", json.dumps(body))
    return str(json.loads(answer["body"])["token"])


def _fill(name: str, target: int) -> None:
    """Copies of the bench project's items, under other project and session ids, until the
    table holds `target` items."""
    table = _moto_table(name)
    own = [item.to_json()["Attributes"] for item in table.all_items()]
    session_ids = [i["session_id"]["S"] for i in own if i.get("SK") == {"S": "SESSION"}]
    texts = [json.dumps(encode_item(i)) for i in own if inbound.PROJECT_ID in json.dumps(i)]
    copy, held = 0, len(table)
    while held < target:
        copy += 1
        for text in texts[: target - held]:
            text = text.replace(inbound.PROJECT_ID, f"fill{copy:05d}")
            for sid in session_ids:
                text = text.replace(sid, f"{sid}{copy:05d}")
            table.put_item(json.loads(text))
        held = len(table)  # counted once a copy (counting walks the table)


def _api(method: str, path: str, body: str = "", *, query: str = "", token: str = "") -> Any:
    handler = cfn.load_handler("ApiFunction")
    event = http_event(
        method,
        path,
        f"{method} {path}",
        path_parameters={},
        body=body,
        headers={"authorization": f"Bearer {token}"} if token else {},
    )
    if query:
        event["rawQueryString"] = query
        event["queryStringParameters"] = dict(p.split("=", 1) for p in query.split("&"))
    return handler(event, LambdaContext())


def _list_ms(token: str) -> float:
    start = time.perf_counter()
    answer = _api("GET", "/api/sessions", query=f"project_id={inbound.PROJECT_ID}", token=token)
    took = (time.perf_counter() - start) * 1000
    if answer["statusCode"] != 200:
        raise RuntimeError(f"GET /api/sessions answered {answer['statusCode']}: {answer}")
    listed = json.loads(answer["body"])["items"]
    if not listed:
        raise RuntimeError("GET /api/sessions listed no session")
    return took


def run() -> list[Budget]:
    heading(
        f"local stack: the session list with {SMALL:,} and {LARGE:,} items in the table "
        "(GSI queries from the local index)"
    )
    load = os.getloadavg()[0]
    tables = {SMALL: "tgdesk-bench-small", LARGE: "tgdesk-bench-large"}
    with _local_moto():
        tokens = {size: _project_with_sessions(name) for size, name in tables.items()}
        for size, name in tables.items():
            _fill(name, size)
        samples: dict[int, list[float]] = {SMALL: [], LARGE: []}
        for _ in range(ROUNDS):
            for size, name in tables.items():
                _use_table(name)
                _list_ms(tokens[size])  # a fresh client connects: not timed
                samples[size].extend(_list_ms(tokens[size]) for _ in range(PER_ROUND))
        counts = {size: len(_moto_table(name)) for size, name in tables.items()}
    small, large = median(samples[SMALL]), median(samples[LARGE])
    ratio = large / small
    for size in tables:
        print(
            f"  {counts[size]:>6,} items: GET /api/sessions median "
            f"{median(samples[size]):.1f} ms over {len(samples[size])} requests"
        )
    print(f"  ratio {LARGE:,} / {SMALL:,} items: {ratio:.2f} (target <= {MAX_RATIO})")
    print(f"  load average when it started: {load:.1f} on {os.cpu_count()} cores")
    return [Budget(f"local session list, {LARGE:,} / {SMALL:,} items", ratio, MAX_RATIO)]
