"""`python -m bench cost`: what a million inbound messages, each with one agent reply, cost.

From the same sample as `bench scale` (bench.scale.measure: the real handlers on moto, run
once per process): DynamoDB units per kind of request, counted by bench.meter (index writes
and the transactional doubling included); Lambda GB-seconds from each handler's measured
in-process time (the meter's own time taken out) and its MemorySize in infra/template.yaml;
Lambda and HTTP API requests. The dollars are everything the sample did (routing, opens,
lists, closes, timers, audit reads included) per inbound message, times a million, at the
prices below.

The in-process time runs against moto in this process: real DynamoDB adds a few
milliseconds of network per request, a busy machine adds CPU time. WebSocket pushes are not
counted: no console is connected in the sample.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from bench import scale
from bench.harness import Budget, heading
from bench.meter import Usage
from infra.local import cfn

# Published us-east-1 prices, on-demand, arm64; read 2026-12-02 from
# https://aws.amazon.com/dynamodb/pricing/on-demand/, https://aws.amazon.com/lambda/pricing/
# and https://aws.amazon.com/api-gateway/pricing/ (first tiers). Update them here.
PRICES_AS_OF = "2026-12-02"
DYNAMODB_WRITE_UNIT = 0.625 / 1e6  # per write request unit
DYNAMODB_READ_UNIT = 0.125 / 1e6  # per read request unit
LAMBDA_GB_SECOND_ARM64 = 0.0000133334
LAMBDA_REQUEST = 0.20 / 1e6
HTTP_API_REQUEST = 1.00 / 1e6  # per request up to 512 KB, first 300 million a month
STREAM_BATCH_SIZE = 50  # the assign function's BatchSize: full batches at this load

BUDGET_PER_MILLION = 8.0  # dollars per million inbound messages, each with one reply
PAIRS = 1_000_000

# The figures the issue asks for, by the sample's kinds of request.
PER_OPERATION = {
    "inbound text message": ("inbound: message",),
    "agent reply": ("reply",),
    "routing (stream, new session)": ("stream: inbound: new user",),
    "session list page (agent)": ("list page: agent",),
    "session list page (project)": ("list page: project",),
}


@dataclass
class Bill:
    write_units: float = 0.0
    read_units: float = 0.0
    gb_seconds: float = 0.0
    lambda_requests: float = 0.0
    http_requests: float = 0.0

    @property
    def dynamodb(self) -> float:
        return self.write_units * DYNAMODB_WRITE_UNIT + self.read_units * DYNAMODB_READ_UNIT

    @property
    def lam(self) -> float:
        return self.gb_seconds * LAMBDA_GB_SECOND_ARM64 + self.lambda_requests * LAMBDA_REQUEST

    @property
    def http(self) -> float:
        return self.http_requests * HTTP_API_REQUEST

    @property
    def total(self) -> float:
        return self.dynamodb + self.lam + self.http


def memory_gb(function: str) -> float:
    """A function's MemorySize (its own, else the template's Globals) in GB."""
    template = cfn.template()
    own = template["Resources"][function]["Properties"].get("MemorySize")
    return (own or template["Globals"]["Function"]["MemorySize"]) / 1024


def billed_seconds(seconds: float) -> float:
    """Lambda bills duration rounded up to the millisecond."""
    return math.ceil(seconds * 1000) / 1000


def bill(measured: scale.Measured) -> Bill:
    """What the whole sample cost."""
    out = Bill()
    for kind, samples in measured.by_kind.items():
        function = measured.handler_of[kind]
        gb = memory_gb(function)
        for usage, seconds in zip(samples, measured.seconds[kind], strict=True):
            out.write_units += usage.estimated_wcu
            out.read_units += usage.estimated_rcu
            out.gb_seconds += billed_seconds(seconds) * gb
        if function == "AssignFunction":
            continue  # invoked per batch of stream records, counted below
        out.lambda_requests += len(samples)
        if function in ("WebhookFunction", "ApiFunction"):
            out.http_requests += len(samples)
    out.lambda_requests += measured.stream_records / STREAM_BATCH_SIZE
    return out


def _mean(samples: list[Usage], attribute: str) -> float:
    return sum(getattr(s, attribute) for s in samples) / len(samples)


def run() -> list[Budget]:
    measured = scale.measure()
    heading(
        f"cost per million inbound messages, each with one reply (us-east-1 on-demand, arm64,"
        f" prices of {PRICES_AS_OF})"
    )
    print("  units per operation (mean; index writes and transactions' doubling counted):")
    for label, kinds in PER_OPERATION.items():
        samples = [u for kind in kinds for u in measured.by_kind.get(kind, [])]
        seconds = [s for kind in kinds for s in measured.seconds.get(kind, [])]
        if not samples:
            print(f"    {label:<32} (not in the sample)")
            continue
        function = measured.handler_of[kinds[0]]
        print(
            f"    {label:<32} {_mean(samples, 'estimated_wcu'):5.1f} WU"
            f" {_mean(samples, 'estimated_rcu'):5.1f} RU"
            f" {_mean(samples, 'total_requests'):4.1f} requests"
            f"  {1000 * sum(seconds) / len(seconds):6.1f} ms in {function}"
            f" ({memory_gb(function) * 1024:.0f} MB)"
        )
    total = bill(measured)
    per_pair = PAIRS / measured.inbound
    million = Bill(**{name: value * per_pair for name, value in vars(total).items()})
    print(f"  per million message pairs, all-in ({measured.inbound} inbound messages sampled):")
    print(
        f"    DynamoDB  {million.write_units / 1e6:6.1f} M write units,"
        f" {million.read_units / 1e6:6.1f} M read units  ${million.dynamodb:7.2f}"
    )
    print(
        f"    Lambda    {million.gb_seconds:9,.0f} GB-s, {million.lambda_requests / 1e6:4.2f} M"
        f" invocations              ${million.lam:7.2f}"
    )
    print(
        f"    HTTP API  {million.http_requests / 1e6:6.2f} M requests"
        f"                             ${million.http:7.2f}"
    )
    print(f"    total                                                  ${million.total:7.2f}")
    return [
        Budget(
            "dollars per million inbound messages each with one reply",
            round(million.total, 2),
            BUDGET_PER_MILLION,
        )
    ]
