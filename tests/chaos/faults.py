"""The faults: what DynamoDB, Lambda and Telegram do to tgdesk on a bad day.

DynamoDB faults are answered from botocore's `before-call` event, which comes after the
SDK's parameter handling and skips its retry loop: the error reaches tgdesk exactly as one
does after the SDK has used up its retries. A Lambda dying right after a write is an
`after-call` hook on a successful write raising LambdaDied, a BaseException no `except
Exception` in tgdesk can swallow, as nothing runs after a process dies. Telegram's faults
come from FlakyBotApi, the test suite's fake Bot API with a dice in front of sendMessage.

Every decision is drawn from the random.Random the workload hands over for each operation,
so a seed replays the same faults at the same points.
"""

from __future__ import annotations

import json
import random
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import requests
from api_helpers import Call, FakeBotApi, bot_api_error
from botocore.awsrequest import AWSResponse

WRITES = frozenset({"PutItem", "UpdateItem", "DeleteItem", "TransactWriteItems", "BatchWriteItem"})

# Kinds, as they are counted and reported.
DDB_THROTTLED = "dynamodb ProvisionedThroughputExceededException"
DDB_THROTTLING = "dynamodb ThrottlingException"
DDB_INTERNAL = "dynamodb InternalServerError"
DDB_CONFLICT = "dynamodb TransactionCanceledException (TransactionConflict)"
LAMBDA_DIED = "lambda died after a write"
STREAM_HALF_WAY = "stream batch failed half-way"
STREAM_WHOLE = "stream batch failed whole (redelivered)"
TG_429 = "telegram 429 retry_after"
TG_5XX = "telegram 5xx"
TG_TIMEOUT = "telegram timeout"
TG_BLOCKED = "telegram 403 blocked"

_DDB_ERRORS = {
    DDB_THROTTLED: (
        400,
        "ProvisionedThroughputExceededException",
        "The level of configured provisioned throughput for the table was exceeded.",
    ),
    DDB_THROTTLING: (
        400,
        "ThrottlingException",
        "Rate of requests exceeds the allowed throughput.",
    ),
    DDB_INTERNAL: (500, "InternalServerError", "Internal server error"),
}


class LambdaDied(BaseException):
    """The function's process ended (timeout, out of memory, a crash) right after a write
    succeeded: nothing after it runs and its caller gets no answer."""


@dataclass
class Rates:
    """Chances per call (DynamoDB, sendMessage) and per stream batch."""

    dynamodb: float = 0.02
    death_after_write: float = 0.01
    telegram: float = 0.2
    stream_half_way: float = 0.3

    def option(self) -> str:
        """As `--rates` takes them: `dynamodb=0.06,telegram=0.35`."""
        return ",".join(f"{k}={v:g}" for k, v in vars(self).items())

    @classmethod
    def parse(cls, option: str) -> Rates:
        chosen = dict(part.split("=", 1) for part in option.split(",") if part)
        unknown = set(chosen) - set(vars(cls()))
        if unknown:
            raise ValueError(f"unknown rate(s) {', '.join(sorted(unknown))}")
        return cls(**{k: float(v) for k, v in chosen.items()})


@dataclass
class Faults:
    rates: Rates = field(default_factory=Rates)
    injected: Counter[str] = field(default_factory=Counter)
    active: bool = False
    rng: random.Random = field(default_factory=lambda: random.Random(0))
    # The n-th DynamoDB call from now fails (a stream batch failing half-way); 0: none.
    fail_call_in: int = 0
    # What was injected where, since the workload last read it (for the operation log).
    trail: list[str] = field(default_factory=list)
    _installed: list[tuple[Any, str, Any]] = field(default_factory=list)

    # -- switching -------------------------------------------------------------------------
    def arm(self, rng: random.Random) -> None:
        """Inject faults, decided by `rng` (the current operation's)."""
        self.rng, self.active = rng, True

    def disarm(self) -> None:
        self.active, self.fail_call_in = False, 0

    @contextmanager
    def off(self) -> Iterator[None]:
        """No faults inside (reads the workload and the checks make of the table)."""
        was, self.active = self.active, False
        try:
            yield
        finally:
            self.active = was

    def fail_half_way(self, calls: int) -> None:
        """Make the `calls`-th DynamoDB call from now fail once, whatever the rates."""
        self.fail_call_in = calls

    # -- DynamoDB --------------------------------------------------------------------------
    def install(self, client: Any) -> None:
        events = client.meta.events
        for name, hook in (
            ("before-call.dynamodb", self._before),
            ("after-call.dynamodb", self._after),
        ):
            events.register(name, hook)
            self._installed.append((events, name, hook))

    def uninstall(self) -> None:
        for events, name, hook in self._installed:
            events.unregister(name, hook)
        self._installed.clear()

    def _before(self, model: Any, params: dict[str, Any], **_: Any) -> Any:
        if not self.active:
            return None
        if self.fail_call_in:
            self.fail_call_in -= 1
            if self.fail_call_in == 0:
                self._note(STREAM_HALF_WAY, model.name)
                return _error_response(*_DDB_ERRORS[DDB_INTERNAL])
        if self.rng.random() >= self.rates.dynamodb:
            return None
        kinds = list(_DDB_ERRORS)
        if model.name == "TransactWriteItems":
            kinds.append(DDB_CONFLICT)
        kind = self.rng.choice(kinds)
        self._note(kind, model.name)
        if kind == DDB_CONFLICT:
            return _conflict_response(params, self.rng)
        return _error_response(*_DDB_ERRORS[kind])

    def _after(self, http_response: Any, model: Any, **_: Any) -> None:
        if not self.active or model.name not in WRITES or http_response.status_code >= 300:
            return
        if self.rng.random() < self.rates.death_after_write:
            self._note(LAMBDA_DIED, model.name)
            raise LambdaDied(f"after {model.name}")

    # -- Telegram --------------------------------------------------------------------------
    def telegram_fault(self) -> str | None:
        if not self.active or self.rng.random() >= self.rates.telegram:
            return None
        kind = self.rng.choice((TG_429, TG_5XX, TG_TIMEOUT, TG_BLOCKED))
        self._note(kind, "sendMessage")
        return kind

    def _note(self, kind: str, where: str) -> None:
        self.injected[kind] += 1
        self.trail.append(f"{kind} on {where}")


def _error_response(status: int, code: str, message: str) -> tuple[AWSResponse, dict[str, Any]]:
    parsed = {
        "Error": {"Code": code, "Message": message},
        "ResponseMetadata": {"HTTPStatusCode": status, "RetryAttempts": 3},
    }
    return AWSResponse("https://dynamodb.us-east-1.amazonaws.com/", status, {}, None), parsed


def _conflict_response(
    params: dict[str, Any], rng: random.Random
) -> tuple[AWSResponse, dict[str, Any]]:
    """A transaction cancelled because another one held one of its items."""
    body = json.loads(params.get("body") or b"{}")
    count = max(1, len(body.get("TransactItems", [])))
    conflicted = rng.randrange(count)
    reasons = [
        {"Code": "TransactionConflict", "Message": "Transaction is ongoing for the item"}
        if i == conflicted
        else {"Code": "None"}
        for i in range(count)
    ]
    response, parsed = _error_response(
        400,
        "TransactionCanceledException",
        "Transaction cancelled, please refer cancellation reasons for specific reasons "
        f"[{', '.join(r['Code'] for r in reasons)}]",
    )
    parsed["CancellationReasons"] = reasons
    return response, parsed


@dataclass
class FlakyBotApi(FakeBotApi):
    """The fake Bot API, failing sendMessage as Telegram does when `faults` says so, and
    counting what it really delivered, per (chat, text).

    A user who blocked the bot gets nothing until they allow it again (`unblock`); the
    chats that became blocked are in `newly_blocked` for the workload to tell the webhook.
    """

    faults: Faults = field(default_factory=Faults)
    delivered: Counter[tuple[int, str]] = field(default_factory=Counter)
    blocked: set[int] = field(default_factory=set)
    newly_blocked: list[int] = field(default_factory=list)

    def unblock(self, chat_id: int) -> None:
        self.blocked.discard(chat_id)

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:
        if not (request.url or "").endswith("/sendMessage"):
            return super().send(request, **kwargs)
        params = json.loads(request.body or b"{}")
        chat_id = int(params["chat_id"])
        fault = self.faults.telegram_fault()
        if fault == TG_BLOCKED and chat_id not in self.blocked:
            self.blocked.add(chat_id)
            self.newly_blocked.append(chat_id)
        if chat_id in self.blocked:
            return self._refuse(request, params, "bot_blocked")
        if fault == TG_429:
            return self._refuse(request, params, "rate_limited")
        if fault == TG_5XX:
            return self._refuse(
                request, params, self.faults.rng.choice(["server_error", "bad_gateway"])
            )
        if fault == TG_TIMEOUT:
            # The request never reached Telegram. (A read timeout after Telegram accepted
            # the message cannot be told apart from this one by any client: the Bot API
            # has no idempotency key, so a retry then may deliver twice. Not injected.)
            self.calls.append(_call(request, params))
            raise requests.ReadTimeout("Read timed out. (read timeout=10)")
        response = super().send(request, **kwargs)
        if response.status_code == 200:
            self.delivered[(chat_id, params["text"])] += 1
        return response

    def _refuse(
        self, request: requests.PreparedRequest, params: dict[str, Any], kind: str
    ) -> requests.Response:
        self.calls.append(_call(request, params))
        status, body = bot_api_error(kind)
        return self._response(request, status, body)


def _call(request: requests.PreparedRequest, params: dict[str, Any]) -> Call:
    return Call("sendMessage", request.url or "", params)


@contextmanager
def once(
    client: Any, operation: str, marker: str, *, fail: str | None = None, die: bool = False
) -> Iterator[list[str]]:
    """For the regression tests: the first `operation` call whose request body holds
    `marker` fails with `fail` (a DynamoDB kind, as after the SDK's retries), or succeeds
    and then the Lambda dies (`die`). Yields the calls it hit."""
    hit: list[str] = []

    def matches(model: Any, body: Any) -> bool:
        text = body.decode() if isinstance(body, bytes) else str(body or "")
        return not hit and model.name == operation and marker in text

    def before(model: Any, params: dict[str, Any], context: dict[str, Any], **_: Any) -> Any:
        context["chaos_body"] = params.get("body")
        if fail is None or not matches(model, params.get("body")):
            return None
        hit.append(model.name)
        return _error_response(*_DDB_ERRORS[fail])

    def after(model: Any, context: dict[str, Any], **_: Any) -> None:
        if die and matches(model, context.get("chaos_body")):
            hit.append(model.name)
            raise LambdaDied(f"after {model.name}")

    hooks = [("before-call.dynamodb", before), ("after-call.dynamodb", after)]
    for name, hook in hooks:
        client.meta.events.register(name, hook)
    try:
        yield hit
    finally:
        for name, hook in hooks:
            client.meta.events.unregister(name, hook)
