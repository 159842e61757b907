"""`python -m bench scale`: the hottest partition keys at 10,000 inbound messages a second.

A synthetic day in miniature drives the real handlers on moto (the webhook, the API, the
assign function fed from the table's stream, the scheduler's timers job): conversations
spread over 1,000 projects by a Zipf law whose largest project has a tenth of the traffic,
each a new user's first message (routed by the assign function), nine more messages and
five agent replies, the agent opening it and reading their list, an administrator reading
the project's list, a tenth of an audit page, and the close: half by the agent, half by
the auto-close timer firing. Every inbound message and every reply runs the risk check.
bench.meter prices each request per partition key, for the table and each index.

Scaling. The sample stands for WINDOW_S seconds of the whole service with its users and
agents thinned out k-fold, k = TARGET_INBOUND * WINDOW_S / inbound messages sampled. Keys
shared by many conversations (the service's own, or one project's) carry k times the
sample's traffic; a key of one user, session or agent carries what that one did in the
window. So a shared key's rate is units * k / WINDOW_S and an own key's is units /
WINDOW_S. A project's keys are weighed by its Zipf share over its share of the sample (a
sample this small gives a tail project one whole conversation). Keys read through a
per-container cache are read as often as the sample's one container misses, scaled like
the rest. The mix has two inbound messages per reply, so 10,000 inbound messages a second
come with 5,000 replies.

Budget: every partition key of every index under half of DynamoDB's per-partition limits
(1,000 WCU/s, 3,000 RCU/s), its load being the larger of its two shares.
"""

from __future__ import annotations

import json
import random
import re
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from bench import inbound, outbound
from bench.harness import TABLE, Budget, LambdaContext, heading, http_event, mocked_table
from bench.meter import DynamoMeter, Partition, Usage
from infra.local import cfn

TARGET_INBOUND = 10_000  # inbound messages a second
TARGET_REPLIES = 5_000  # agent replies a second (the mix's ratio, checked)
PROJECTS = 1_000
TOP_PROJECT_SHARE = 0.10
CONVERSATIONS = 16  # sampled; each is MESSAGES inbound messages and REPLIES replies
MESSAGES, REPLIES = 10, 5
CONVERSATIONS_PER_AGENT = 5  # each agent holds about this many in the window
AUDIT_READS_PER_CONVERSATION = 0.1
WINDOW_S = 600  # a conversation's life: ten minutes
AUTO_CLOSE_HOURS = 24  # the projects' default auto_close_after_hours
WRITE_LIMIT, READ_LIMIT = 1_000, 3_000  # per partition a second, table and each GSI
BUDGET_SHARE = 0.5
HOTTEST = 10
SEED = 10

FIRST_USER = 900_000_001
START_MS = 1_718_000_000_000
BOT_TOKEN = outbound.BOT_TOKEN
_TEAM_PASSWORD = "bench-team-password-not-secret"
ADMIN = "bench-scale-admin"

# Keys of one user, session, chat, agent or login: what one of them does, not the service.
_OWN_PREFIXES = (
    "SESSION#",
    "CHAT#",
    "TGUSER#",
    "UPDATE#",
    "AGENT#",
    "ASSIGNEE#",
    "TOKEN#",
    "WSCONN#",
    "WSTICKET#",
    "USERNAME#",
    "INVITE#",
    "LOGINFAIL#",
)


def shared(key: str) -> bool:
    """Whether a partition key serves many conversations (the service's or a project's)."""
    return not key.startswith(_OWN_PREFIXES)


# -- the mix ---------------------------------------------------------------------------------
def zipf_exponent(projects: int, top_share: float) -> float:
    """The exponent s for which the first of `projects` Zipf ranks has `top_share`."""
    low, high = 0.0, 4.0
    for _ in range(60):
        s = (low + high) / 2
        share = 1 / sum(rank**-s for rank in range(1, projects + 1))
        low, high = (s, high) if share < top_share else (low, s)
    return (low + high) / 2


def zipf_shares(projects: int, top_share: float) -> list[float]:
    """Each project's share of the traffic, largest first."""
    s = zipf_exponent(projects, top_share)
    weights = [rank**-s for rank in range(1, projects + 1)]
    total = sum(weights)
    return [weight / total for weight in weights]


def allocate(count: int, projects: int, top_share: float) -> list[int]:
    """`count` conversations over `projects` Zipf ranks, by cumulative rounding: the largest
    projects get their share, the tail one conversation wherever its cumulative share
    crosses (Measured.rate weighs a project's keys by its true share)."""
    cumulative, given, out = 0.0, 0, []
    for share in zipf_shares(projects, top_share):
        cumulative += share
        now = round(cumulative * count)
        out.append(now - given)
        given = now
    return out


@dataclass
class Conversation:
    project_id: str
    user_id: int
    auto_closed: bool
    agent: str = ""  # username of the holder, once routed
    session_id: str = ""


@dataclass
class Event:
    at_ms: int
    kind: str
    conversation: Conversation | None = None


def project_id(rank: int) -> str:
    return f"p{rank:04d}"


_PROJECT_ID = re.compile(r"(?<![A-Za-z0-9])p\d{4}(?![0-9])")


def plan(conversations: int, rng: random.Random) -> tuple[list[Conversation], list[Event]]:
    """Who writes where, and every event of the window in time order."""
    convs: list[Conversation] = []
    for rank, n in enumerate(allocate(conversations, PROJECTS, TOP_PROJECT_SHARE), start=1):
        for _ in range(n):
            user = FIRST_USER + len(convs)
            convs.append(Conversation(project_id(rank), user, auto_closed=len(convs) % 2 == 1))
    steps = ["first", "open", "list"] + ["message", "message", "reply"] * 4 + ["message", "reply"]
    assert steps.count("message") + 1 == MESSAGES and steps.count("reply") == REPLIES
    events: list[Event] = []
    window = WINDOW_S * 1000
    for conv in convs:
        # an auto-closed conversation goes quiet in the first half, so its timer is due first
        span = window // 2 if conv.auto_closed else window
        kinds = steps + ["project_list"] + ([] if conv.auto_closed else ["close"])
        times = sorted(rng.randrange(span) for _ in kinds)
        events.extend(Event(START_MS + t, k, conv) for t, k in zip(times, kinds, strict=True))
    audits = round(conversations * AUDIT_READS_PER_CONVERSATION)
    events.extend(Event(START_MS + rng.randrange(window), "audit") for _ in range(audits))
    events.sort(key=lambda e: e.at_ms)
    return convs, events


# -- what was measured -----------------------------------------------------------------------
@dataclass
class Measured:
    """The sample's units per partition key, and per kind of request its usage and time."""

    inbound: int = 0
    replies: int = 0
    total: Usage = field(default_factory=Usage)
    by_kind: dict[str, list[Usage]] = field(default_factory=lambda: defaultdict(list))
    seconds: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    stream_records: int = 0
    handler_of: dict[str, str] = field(default_factory=dict)  # kind -> function logical id
    # a sampled project's true share of the conversations over its share in the sample
    project_weight: dict[str, float] = field(default_factory=dict)

    @property
    def k(self) -> float:
        return TARGET_INBOUND * WINDOW_S / self.inbound

    def rate(self, key: str, units: float) -> float:
        """Units a second at the target load."""
        if not shared(key):
            return units / WINDOW_S
        project = _PROJECT_ID.search(key)
        weight = self.project_weight.get(project.group(), 1.0) if project else 1.0
        return units * self.k * weight / WINDOW_S


def project_weights(conversations: list[int]) -> dict[str, float]:
    """For each project with conversations in the sample, its Zipf share over its share of
    the sample: a tail project that got one conversation of the sample is weighed down to
    the few it stands for."""
    total = sum(conversations)
    shares = zipf_shares(PROJECTS, TOP_PROJECT_SHARE)
    return {
        project_id(rank): shares[rank - 1] * total / n
        for rank, n in enumerate(conversations, start=1)
        if n
    }


@dataclass
class Hot:
    index: str
    key: str
    wcu: float
    rcu: float

    @property
    def load(self) -> float:
        """The larger share of the per-partition limits."""
        return max(self.wcu / WRITE_LIMIT, self.rcu / READ_LIMIT)


def hot_keys(measured: Measured) -> dict[str, list[Hot]]:
    """Every partition key's rates at the target load, hottest first, per index. The shards
    of a write-sharded partition are shown as one row: the family's units spread over its
    shard count (a sample this small lands on a few shards only, by the hash of its ids)."""
    written, read = _by_family(measured.total.written), _by_family(measured.total.read)
    out: dict[str, list[Hot]] = defaultdict(list)
    for index, key in set(written) | set(read):
        wcu = measured.rate(key, written[(index, key)])
        rcu = measured.rate(key, read[(index, key)])
        out[index].append(Hot(index, key, wcu, rcu))
    for rows in out.values():
        rows.sort(key=lambda h: h.load, reverse=True)
    return out


def _by_family(units: Counter[Partition]) -> Counter[Partition]:
    from tgdesk.storage import keys

    out: Counter[Partition] = Counter()
    for (index, key), value in units.items():
        family = keys.shard_family(index, key)
        if family is None:
            out[(index, key)] += value
        else:
            name, shards = family
            out[(index, f"{name}#n (each of {shards})")] += value / shards
    return out


# -- driving the handlers --------------------------------------------------------------------
class StreamPump:
    """The table's stream delivered to the assign function, as Lambda does, on demand."""

    def __init__(self, handler: Callable[[dict, Any], Any]) -> None:
        import boto3

        from bench.harness import REGION
        from infra.local.stream import lambda_record

        self._handler = handler
        self._wrap = lambda record: lambda_record(record, self._arn, REGION)
        ddb = boto3.client("dynamodb", region_name=REGION)
        self._arn = ddb.describe_table(TableName=TABLE)["Table"]["LatestStreamArn"]
        self._streams = boto3.client("dynamodbstreams", region_name=REGION)
        shards = self._streams.describe_stream(StreamArn=self._arn)["StreamDescription"]
        self._iterators = [
            self._streams.get_shard_iterator(
                StreamArn=self._arn, ShardId=shard["ShardId"], ShardIteratorType="LATEST"
            )["ShardIterator"]
            for shard in shards["Shards"]
        ]

    def records(self) -> list[dict[str, Any]]:
        out = []
        for i, iterator in enumerate(self._iterators):
            page = self._streams.get_records(ShardIterator=iterator)
            out.extend(self._wrap(r) for r in page["Records"])
            self._iterators[i] = page["NextShardIterator"]
        return out

    def deliver(self, records: list[dict[str, Any]]) -> None:
        for start in range(0, len(records), 50):  # the template's BatchSize
            answer = self._handler({"Records": records[start : start + 50]}, LambdaContext())
            if answer and answer.get("batchItemFailures"):
                raise RuntimeError(f"the assign function failed records: {answer}")


class Driver:
    """The handlers, metered and timed: every call is recorded under a kind."""

    def __init__(self, meter: DynamoMeter, measured: Measured) -> None:
        self.meter = meter
        self.measured = measured
        self.webhook = cfn.load_handler("WebhookFunction")
        self.api = cfn.load_handler("ApiFunction")
        self.scheduler = cfn.load_handler("SchedulerFunction")
        self.pump = StreamPump(cfn.load_handler("AssignFunction"))
        self.tokens: dict[str, str] = {}

    def record(self, kind: str, function: str, call: Callable[[], Any]) -> Any:
        from tgdesk.core import metrics

        self.meter.take()
        started = time.perf_counter()
        result = call()
        elapsed = time.perf_counter() - started
        usage = self.meter.take()
        self._keep(kind, function, usage, elapsed - usage.meter_seconds)
        # With metrics disabled a handler's counts are kept, not printed, until a hundred
        # values make powertools print them anyway: the bench prints its own figures.
        metrics.clear()
        return result

    def _keep(self, kind: str, function: str, usage: Usage, seconds: float) -> None:
        self.measured.by_kind[kind].append(usage)
        self.measured.seconds[kind].append(max(seconds, 0.0))
        self.measured.handler_of[kind] = function
        self.measured.total.add(usage)

    def stream(self, cause: str) -> None:
        """Deliver what the last request put on the stream, charged to `stream <cause>`."""
        records = self.pump.records()
        if not records:
            return
        self.measured.stream_records += len(records)
        self.record(f"stream: {cause}", "AssignFunction", lambda: self.pump.deliver(records))

    def telegram(self, conv: Conversation, update_id: int, text: str, at_ms: int) -> None:
        from bench.harness import text_update

        update = text_update(update_id, conv.user_id, text, date=at_ms // 1000)
        event = http_event(
            "POST",
            f"/telegram/{conv.project_id}",
            "POST /telegram/{project_id}",
            path_parameters={"project_id": conv.project_id},
            body=json.dumps(update),
            headers={inbound.SECRET_HEADER: inbound.SECRET},
        )
        answer = self.webhook(event, LambdaContext())
        if answer.get("statusCode") != 200:
            raise RuntimeError(f"the webhook answered {answer}")

    def call(self, username: str, method: str, path: str, body: Any = None, query: str = "") -> Any:
        headers = {"authorization": f"Bearer {self.tokens[username]}"} if username else {}
        event = http_event(
            method,
            path,
            "ANY /api/{proxy+}",
            path_parameters={"proxy": path.removeprefix("/api/")},
            body=json.dumps(body) if body is not None else "",
            headers=headers,
        )
        if query:
            event["rawQueryString"] = query
            event["queryStringParameters"] = dict(p.split("=", 1) for p in query.split("&"))
        answer = self.api(event, LambdaContext())
        if not 200 <= answer["statusCode"] < 300:
            raise RuntimeError(f"{method} {path} answered {answer['statusCode']}: {answer['body']}")
        return json.loads(answer["body"]) if answer.get("body") else None

    def login(self, username: str, password: str) -> None:
        credentials = {"username": username, "password": password}
        self.tokens[username] = self.call("", "POST", "/api/auth/login", credentials)["token"]


@contextmanager
def _faster_moto() -> Iterator[None]:
    """The local stack's fixes to moto (infra/local): a transaction copies only what it
    touches, not the whole table, and a GSI query walks only its index partition, not every
    item. The answers are moto's own; only the time changes. Undone afterwards."""
    from moto.dynamodb.models import DynamoDBBackend

    from infra.local import moto_index, moto_transactions

    stock = DynamoDBBackend.transact_write_items
    moto_transactions.install()
    moto_index.install()
    try:
        yield
    finally:
        moto_index.uninstall()
        DynamoDBBackend.transact_write_items = stock  # type: ignore[method-assign]


def _setup(convs: list[Conversation], driver: Driver) -> list[str]:
    """The projects with conversations in the sample, one pool of agents, all online."""
    import hashlib

    from tgdesk.accounts.agents import create_agent
    from tgdesk.core import secrets
    from tgdesk.core.domain import Presence, Role
    from tgdesk.storage import projects
    from tgdesk.team import presence

    agents = []
    for n in range(max(1, round(len(convs) / CONVERSATIONS_PER_AGENT))):
        agent = create_agent(username=f"bench-team-{n}", password=_TEAM_PASSWORD)
        presence.set_presence(agent["agent_id"], Presence.ONLINE)
        agents.append(agent)
    for rank, pid in enumerate(sorted({c.project_id for c in convs}), start=1):
        projects.create_project(
            {
                "project_id": pid,
                "name": f"Bench project {pid}",
                "bot_id": 600_000_000 + rank,
                "bot_username": f"bench_{pid}_bot",
                "webhook_secret_hash": hashlib.sha256(inbound.SECRET.encode()).hexdigest(),
                "created_by": "bench",
            }
        )
        secrets.put_project_secrets(pid, bot_token=BOT_TOKEN, webhook_secret=inbound.SECRET)
        for agent in agents:
            projects.add_member(pid, agent["agent_id"])
    # an administrator of its own: the API's bootstrap of the configured one runs once a
    # process, and an earlier section may have run it against another table
    create_agent(username=ADMIN, password=_TEAM_PASSWORD, role=Role.ADMIN)
    driver.login(ADMIN, _TEAM_PASSWORD)
    for agent in agents:
        driver.login(agent["username"], _TEAM_PASSWORD)
    return [a["username"] for a in agents]


@lru_cache(maxsize=1)
def measure(conversations: int = CONVERSATIONS) -> Measured:
    """Run the sample once per process (`bench scale` and `bench cost` share it)."""
    from tgdesk.core import clock
    from tgdesk.storage import accounts

    rng = random.Random(SEED)
    convs, events = plan(conversations, rng)
    admin = ADMIN
    clock.set_now_for_tests(START_MS - 60_000)
    try:
        with (
            mocked_table(),
            _faster_moto(),
            outbound.stub_telegram(),
            DynamoMeter() as meter,
        ):
            driver = Driver(meter, Measured())
            usernames = _setup(convs, driver)
            driver.stream("setup")
            measured = driver.measured = Measured()  # the set-up is not part of the mix
            measured.project_weight = project_weights(
                allocate(conversations, PROJECTS, TOP_PROJECT_SHARE)
            )
            for n, event in enumerate(events):
                clock.set_now_for_tests(event.at_ms)
                _play(driver, event, n, admin, accounts, usernames)
            # the timers job, once the quiet half's auto-close is due and nobody else's
            clock.set_now_for_tests(START_MS + WINDOW_S * 500 + AUTO_CLOSE_HOURS * 3_600_000)
            driver.record(
                "timers job",
                "SchedulerFunction",
                lambda: driver.scheduler({"job": "timers"}, LambdaContext()),
            )
            driver.stream("timers job")
    finally:
        clock.set_now_for_tests(None)
    measured.inbound = len(measured.by_kind["inbound: new user"]) + len(
        measured.by_kind["inbound: message"]
    )
    measured.replies = len(measured.by_kind["reply"])
    if measured.inbound * TARGET_REPLIES != measured.replies * TARGET_INBOUND:
        raise AssertionError("the mix lost its ratio of replies to inbound messages")
    return measured


def _play(
    driver: Driver,
    event: Event,
    n: int,
    admin: str,
    accounts: Any,
    usernames: list[str],
) -> None:
    conv, kind = event.conversation, event.kind
    if kind == "audit":
        driver.record("audit page", "ApiFunction", lambda: driver.call(admin, "GET", "/api/audit"))
        return
    assert conv is not None
    if kind in ("first", "message"):
        label = "inbound: new user" if kind == "first" else "inbound: message"
        driver.record(
            label,
            "WebhookFunction",
            lambda: driver.telegram(conv, n + 1, f"message {n}", event.at_ms),
        )
        driver.stream(label)
        if kind == "first":
            conv.session_id = outbound.open_session_id(conv.project_id, conv.user_id)
            from tgdesk.storage import sessions

            holder = sessions.get(conv.session_id).get("assignee_id")
            agent = accounts.get_agent(str(holder)) if holder else None
            if agent is None or agent["username"] not in usernames:
                raise RuntimeError(f"the new session was not routed: {holder}")
            conv.agent = agent["username"]
        return
    path = f"/api/sessions/{conv.session_id}"
    if kind == "reply":
        body = {"text": f"reply {n}", "client_message_id": f"bench-{n:08d}"}
        call = lambda: driver.call(conv.agent, "POST", f"{path}/messages", body)  # noqa: E731
        driver.record("reply", "ApiFunction", call)
    elif kind == "open":
        driver.record("open", "ApiFunction", lambda: driver.call(conv.agent, "GET", path))
    elif kind == "list":
        call = lambda: driver.call(conv.agent, "GET", "/api/sessions")  # noqa: E731
        driver.record("list page: agent", "ApiFunction", call)
    elif kind == "project_list":
        query = f"project_id={conv.project_id}"
        call = lambda: driver.call(admin, "GET", "/api/sessions", query=query)  # noqa: E731
        driver.record("list page: project", "ApiFunction", call)
    elif kind == "close":
        call = lambda: driver.call(conv.agent, "POST", f"{path}/close")  # noqa: E731
        driver.record("close", "ApiFunction", call)
    driver.stream(kind)


# -- the section -----------------------------------------------------------------------------
def run() -> list[Budget]:
    started = time.perf_counter()
    measured = measure()
    heading(
        f"partition keys at {TARGET_INBOUND:,} inbound messages/s and {TARGET_REPLIES:,}"
        f" replies/s ({PROJECTS:,} projects, Zipf, the largest {TOP_PROJECT_SHARE:.0%})"
    )
    print(
        f"  sample: {measured.inbound} inbound messages, {measured.replies} replies,"
        f" {len(measured.by_kind['inbound: new user'])} conversations, standing for"
        f" {WINDOW_S} s of traffic thinned {measured.k:,.0f}-fold"
        f" (measured in {time.perf_counter() - started:.0f} s)"
    )
    budgets = []
    limit_w, limit_r = WRITE_LIMIT * BUDGET_SHARE, READ_LIMIT * BUDGET_SHARE
    for index, rows in sorted(hot_keys(measured).items()):
        print(
            f"\n  {index}: the {HOTTEST} hottest partition keys (limits {WRITE_LIMIT:,} WCU/s,"
            f" {READ_LIMIT:,} RCU/s; budget {limit_w:,.0f} / {limit_r:,.0f})"
        )
        for hot in rows[:HOTTEST]:
            flag = "  OVER" if hot.load > BUDGET_SHARE else ""
            print(
                f"    {hot.key[:44]:<44} {hot.wcu:>9,.0f} WCU/s {hot.rcu:>9,.0f} RCU/s"
                f" {hot.load:>6.0%}{flag}"
            )
        over = [h for h in rows if h.load > BUDGET_SHARE]
        budgets.append(
            Budget(
                f"{index}: hottest partition key, % of its per-partition limit"
                f" ({rows[0].key}; {len(over)} key(s) over)",
                round(rows[0].load * 100, 1),
                BUDGET_SHARE * 100,
            )
        )
    return budgets
