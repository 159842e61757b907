"""The fault-injection suite, bounded for `make test` (a few seeds, a hundred-odd operations
each); `python -m bench chaos` runs it longer, with any seed.

Each run drives the random workload of tests/chaos/workload.py through the real handlers
against moto while faults are injected (tests/chaos/faults.py), lets the system recover,
and checks the promises of tests/chaos/invariants.py. A failure prints the seed, what broke
and the last operations; `python -m bench chaos --seed N --ops M` replays that very run.
`TGDESK_CHAOS_SEEDS=5,6` runs other seeds here.
"""

from __future__ import annotations

import os

import pytest
from botocore.exceptions import ClientError

from tgdesk.storage import table

from . import invariants
from .faults import DDB_CONFLICT, LambdaDied, Rates
from .run import Result, run
from .workload import Outside, Workload
from .world import TABLE, World, world

SEEDS = [int(s) for s in os.environ.get("TGDESK_CHAOS_SEEDS", "1,2").split(",")]
OPS = 100
_runs: dict[int, Result] = {}


def _run(seed: int) -> Result:
    if seed not in _runs:
        _runs[seed] = run(seed, OPS, after=break_promises)
    return _runs[seed]


@pytest.mark.parametrize("seed", SEEDS)
def test_the_promises_hold_under_random_faults(seed: int) -> None:
    result = _run(seed)

    assert result.faults, "no fault was injected: the run proves nothing"
    assert not result.violations, result.failure()


def test_a_seed_replays_the_same_run() -> None:
    """Operations and faults depend on the seed and on the operation's number only, so a
    shorter run of a seed is the start of its longer run, fault for fault."""
    short = 25
    replay = run(SEEDS[0], short)

    assert replay.log[:short] == _run(SEEDS[0]).log[:short]


def test_the_checks_see_broken_promises() -> None:
    """Once a run has been checked, a few promises are broken behind the system's back:
    the checks must name each one."""
    found = "\n".join(_run(SEEDS[0]).after)

    assert "open sessions, holds" in found
    assert "but Telegram delivered it 2 times" in found
    assert "got a 2xx but has no marker" in found
    assert "assignments {" in found


def break_promises(system: World, out: Outside) -> list[str]:
    """An agent's counter off by one, a message delivered twice, an update's marker and an
    assignment's audit entry gone; returns what the checks say then."""
    with system.faults.off():
        items = [table.from_item(i) or {} for i in table.client().scan(TableName=TABLE)["Items"]]
        agent = next(i for i in items if i.get("kind") == "agent")
        table.client().update_item(
            TableName=TABLE,
            Key=table.to_item({"PK": agent["PK"], "SK": agent["SK"]}),
            UpdateExpression="ADD open_sessions :one",
            ExpressionAttributeValues=table.values({":one": 1}),
        )
        for kind, action in (("update_marker", None), ("audit", "session.assign")):
            gone = next(i for i in items if i.get("kind") == kind and i.get("action") == action)
            table.client().delete_item(
                TableName=TABLE, Key=table.to_item({"PK": gone["PK"], "SK": gone["SK"]})
            )
    sent = next(m for m in items if (m.get("delivery") or {}).get("state") == "sent")
    system.telegram.delivered[(sent["tg_user_id"], sent["text"])] += 1
    return invariants.check(system, out)


def test_injected_dynamodb_errors_reach_the_code_as_real_ones() -> None:
    """Shaped as botocore raises them after its retries, and a dying Lambda is nothing an
    `except Exception` can catch."""
    with world(0) as system:
        Workload(system, 0).setup()
        system.faults.rates = Rates(dynamodb=1.0, death_after_write=0.0)
        seen: set[str] = set()
        system.faults.active = True
        for _ in range(40):
            try:
                table.client().transact_write_items(
                    TransactItems=[
                        {"ConditionCheck": _check("A")},
                        {"ConditionCheck": _check("B")},
                    ]
                )
            except ClientError as err:
                code = err.response["Error"]["Code"]
                seen.add(code)
                if code == "TransactionCanceledException":
                    assert sorted(table.cancellation_reasons(err)) == [
                        "None",
                        "TransactionConflict",
                    ]
        system.faults.disarm()
        assert seen == {
            "ProvisionedThroughputExceededException",
            "ThrottlingException",
            "InternalServerError",
            "TransactionCanceledException",
        }
        assert system.faults.injected[DDB_CONFLICT] > 0

        system.faults.rates = Rates(dynamodb=0.0, death_after_write=1.0)
        system.faults.active = True
        with pytest.raises(LambdaDied):
            try:
                table.get("CHAOS#A", "X")  # a read never dies
                table.client().put_item(
                    TableName=table.table_name(), Item=table.to_item({"PK": "CHAOS#A", "SK": "X"})
                )
            except Exception:  # what tgdesk's broadest handlers do
                pytest.fail("a dead Lambda's code went on running")
        system.faults.disarm()
        assert table.get("CHAOS#A", "X") is not None, "the write itself happened"


def _check(pk: str) -> dict[str, object]:
    return {
        "TableName": table.table_name(),
        "Key": table.to_item({"PK": f"CHAOS#{pk}", "SK": "X"}),
        "ConditionExpression": "attribute_not_exists(PK)",
    }
