"""The random workload: Telegram users writing to the bot and agents working in their
consoles, through the real handlers, and what the outside world knows afterwards (what
Telegram was answered for each update, what each console was answered for each message).

One seeded random.Random draws the operations; each operation gets its own, derived from
the seed and its number, for the faults injected while it runs. Telegram redelivers an
update until it gets a 2xx, and holds a chat's later updates behind it; a console sends a
reply again, with the same client_message_id, until it gets an answer that is not an error
of ours.
"""

from __future__ import annotations

import random
from collections import Counter, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from api_helpers import BOT_TOKEN

from tgdesk.accounts import agents
from tgdesk.core import clock

from .faults import Faults
from .world import ENV, NO_ANSWER, World

T0 = 1_767_225_600_000  # 2026-01-01 00:00 UTC
AGENTS = ("ana", "bo", "cy")
ADMIN = ENV["TGDESK_ADMIN_USERNAME"]
RISK_WORD = "wallet"  # a `confirm` risk group's keyword
FIRST_USER = 500_000_001
MAX_EDITS = 6  # per message: far from the item size limit
RETRYABLE = frozenset({NO_ANSWER, 500, 502, 503, 504})
# A lost race: the console offers to send again.
RETRY_CODES = frozenset({"conflict", "session_changed"})
SECOND = 1000
MINUTE = 60 * SECOND


def ok(status: int) -> bool:
    return 200 <= status < 300


@dataclass
class Update:
    """One Telegram update and every status Telegram got for it."""

    update_id: int
    user: int
    body: dict[str, Any]
    kind: str  # message, edit, blocked, unblocked
    message_id: int | None = None
    text: str | None = None
    answers: list[int] = field(default_factory=list)

    @property
    def acked(self) -> bool:
        return any(ok(a) for a in self.answers)


@dataclass
class Outgoing:
    """A message an agent asked to send (a reply, or a transfer's message to the user)."""

    key: str
    kind: str  # reply, transfer
    session_id: str
    agent: str
    text: str
    confirm: bool = False
    answers: list[int] = field(default_factory=list)
    answer: dict[str, Any] | None = None  # the last 2xx body
    at: int = 0  # when it was asked (the clock stands still during an operation)

    @property
    def acked(self) -> bool:
        return any(ok(a) for a in self.answers)


@dataclass
class Outside:
    """What Telegram and the consoles know."""

    project_id: str = ""
    secret: str = ""
    tokens: dict[str, str] = field(default_factory=dict)
    agent_ids: dict[str, str] = field(default_factory=dict)
    online: set[str] = field(default_factory=set)
    users: list[int] = field(default_factory=list)
    updates: dict[int, Update] = field(default_factory=dict)
    outbox: dict[int, deque[int]] = field(default_factory=dict)
    next_message_id: dict[int, int] = field(default_factory=dict)
    editable: list[tuple[int, int]] = field(default_factory=list)
    edits: Counter[tuple[int, int]] = field(default_factory=Counter)
    outgoing: dict[str, Outgoing] = field(default_factory=dict)
    to_retry: list[str] = field(default_factory=list)
    ops: Counter[str] = field(default_factory=Counter)
    answers: Counter[str] = field(default_factory=Counter)
    log: list[str] = field(default_factory=list)


class Workload:
    def __init__(self, world: World, seed: int) -> None:
        self.world = world
        self.seed = seed
        self.rng = random.Random(f"{seed}:ops")
        self.out = Outside()
        self._next_update_id = 100_000
        self._op = 0

    @property
    def faults(self) -> Faults:
        return self.world.faults

    # -- the set-up (no faults) -----------------------------------------------------------
    def setup(self) -> None:
        clock.set_now_for_tests(T0)
        agents.bootstrap_admin()
        admin = self._login(ADMIN, ENV["TGDESK_ADMIN_PASSWORD"])
        out = self.out
        out.tokens[ADMIN] = admin
        project = self._must("POST", "/api/projects", {"name": "Chaos", "bot_token": BOT_TOKEN})
        out.project_id = project["project_id"]
        [hook] = self.world.telegram.calls_of("setWebhook")
        out.secret = hook.params["secret_token"]
        out.agent_ids[ADMIN] = self._must("GET", "/api/me")["agent_id"]
        for name in AGENTS:
            body = {"username": name, "password": f"{name}-password-1", "role": "agent"}
            out.agent_ids[name] = self._must("POST", "/api/agents", body)["agent_id"]
            self._must(
                "POST", f"/api/projects/{out.project_id}/members", {"agent_id": out.agent_ids[name]}
            )
            out.tokens[name] = self._login(name, f"{name}-password-1")
        # Capacity, so the queue fills and drains; a return timer; a short auto-close.
        self._must("PATCH", f"/api/agents/{out.agent_ids['ana']}", {"max_open_sessions": 2})
        settings = {"routing": {"return_after_minutes": 3}, "auto_close_after_hours": 1}
        self._must("PATCH", f"/api/projects/{out.project_id}", settings)
        group = {"name": "Wallets", "action": "confirm", "entries": [{"value": RISK_WORD}]}
        self._must("POST", "/api/risk/groups", group)
        for name in AGENTS:
            self._presence(name, "online")
        self.world.pump()

    def _login(self, username: str, password: str) -> str:
        status, body = self.world.api(
            "POST", "/api/auth/login", {"username": username, "password": password}
        )
        assert status == 200, body
        return str(body["token"])

    def _must(self, method: str, path: str, body: Any = None, *, as_: str = ADMIN) -> Any:
        status, answer = self.world.api(method, path, body, token=self.out.tokens[as_])
        assert ok(status), f"{method} {path}: {status} {answer}"
        return answer

    # -- the run --------------------------------------------------------------------------
    def run(self, ops: int) -> None:
        choices, weights = zip(*self.weights().items(), strict=True)
        for _ in range(ops):
            op = self.rng.choices(choices, weights)[0]
            self.step(op.__name__.removeprefix("op_"), op)

    def weights(self) -> dict[Callable[[random.Random], str], int]:
        return {
            self.op_new_user: 8,
            self.op_message: 14,
            self.op_edit: 5,
            self.op_reply: 14,
            self.op_retry: 4,
            self.op_open: 4,
            self.op_transfer: 5,
            self.op_take_over: 2,
            self.op_close: 5,
            self.op_reopen: 3,
            self.op_presence: 3,
            self.op_tick: 6,
            self.op_pause: 1,
            self.op_stream: 16,
            self.op_redeliver: 4,
        }

    def step(self, name: str, op: Callable[[random.Random], str]) -> None:
        self._op += 1
        clock.set_now_for_tests(clock.now_ms() + self.rng.randint(100, 2 * SECOND))
        self.faults.trail.clear()
        fault_rng = random.Random(f"{self.seed}:op:{self._op}")
        self.faults.arm(fault_rng)
        try:
            self._tell_blocked()
            what = op(random.Random(f"{self.seed}:args:{self._op}"))
        finally:
            self.faults.disarm()
        self.out.ops[name] += 1
        trail = "; ".join(self.faults.trail)
        self.out.log.append(f"{self._op:04d} {name} {what}" + (f" [{trail}]" if trail else ""))

    def recover(self, rounds: int = 6) -> None:
        """Faults off; Telegram redelivers, consoles resend, the stream drains, the clock
        moves past every lease and backoff and the scheduler runs."""
        self.faults.disarm()
        for _ in range(rounds):
            self._tell_blocked()
            for user in list(self.out.outbox):
                self._flush(user)
            for key in list(self.out.to_retry):
                self._resend(key)
            self.world.pump()
            clock.set_now_for_tests(clock.now_ms() + 6 * MINUTE)
            self._heartbeats()
            self.world.scheduler("deliveries")
            self.world.scheduler("timers")
            self.world.pump()
        self.out.log.append(f"---- recovered ({rounds} rounds)")

    # -- Telegram's side ------------------------------------------------------------------
    def op_new_user(self, rng: random.Random) -> str:
        user = FIRST_USER + len(self.out.users)
        self.out.users.append(user)
        self.out.outbox[user] = deque()
        self.out.next_message_id[user] = 1
        return self._write(user, rng)

    def op_message(self, rng: random.Random) -> str:
        if not self.out.users:
            return "(no user yet)"
        return self._write(rng.choice(self.out.users), rng)

    def _write(self, user: int, rng: random.Random) -> str:
        if user in self.world.telegram.blocked:
            # Writing to a bot one blocked means allowing it again first.
            self.world.telegram.unblock(user)
            self._queue(user, "unblocked", {"my_chat_member": _member_change(user, "member")})
        mid = self.out.next_message_id[user]
        self.out.next_message_id[user] += 1
        text = f"u{user} m{mid}" + (f" my {RISK_WORD} is T9" if rng.random() < 0.1 else "")
        body = {"message": {**_message(user, mid), "text": text}}
        update = self._queue(user, "message", body, message_id=mid, text=text)
        return f"user {user} writes m{mid} -> " + self._flush(user, watch=update)

    def op_edit(self, rng: random.Random) -> str:
        choices = [m for m in self.out.editable if self.out.edits[m] < MAX_EDITS]
        if not choices:
            return "(nothing to edit)"
        user, mid = rng.choice(choices)
        self.out.edits[(user, mid)] += 1
        text = f"u{user} m{mid} edit{self.out.edits[(user, mid)]}"
        edited = {**_message(user, mid), "edit_date": clock.now_ms() // 1000, "text": text}
        update = self._queue(user, "edit", {"edited_message": edited}, message_id=mid, text=text)
        return f"user {user} edits m{mid} -> " + self._flush(user, watch=update)

    def op_redeliver(self, rng: random.Random) -> str:
        waiting = [u for u, box in self.out.outbox.items() if box]
        if not waiting:
            return "(nothing to redeliver)"
        user = rng.choice(waiting)
        return f"telegram redelivers to user {user}'s chat -> " + self._flush(user)

    def _queue(self, user: int, kind: str, body: dict[str, Any], **about: Any) -> Update:
        self._next_update_id += 1
        update = Update(
            self._next_update_id, user, {"update_id": self._next_update_id, **body}, kind, **about
        )
        self.out.updates[update.update_id] = update
        self.out.outbox[user].append(update.update_id)
        return update

    def _flush(self, user: int, *, watch: Update | None = None) -> str:
        """Deliver the chat's waiting updates in order, stopping at the first not acked."""
        box = self.out.outbox[user]
        statuses = []
        while box:
            update = self.out.updates[box[0]]
            status = self.world.webhook(self.out.project_id, self.out.secret, update.body)
            update.answers.append(status)
            statuses.append(status)
            self.out.answers[f"webhook {status}"] += 1
            if not ok(status):
                break
            box.popleft()
            if update.kind == "message":
                self.out.editable.append((user, update.message_id or 0))
        if watch is not None and not watch.acked and watch.update_id not in box:
            raise AssertionError("an update left the outbox without a 2xx")
        return ",".join(map(str, statuses)) or "-"

    def _tell_blocked(self) -> None:
        """Telegram tells the webhook about users who blocked the bot."""
        blocked = self.world.telegram.newly_blocked
        while blocked:
            user = blocked.pop(0)
            if user in self.out.outbox:
                self._queue(user, "blocked", {"my_chat_member": _member_change(user, "kicked")})

    # -- the consoles' side ---------------------------------------------------------------
    def op_reply(self, rng: random.Random) -> str:
        session = self._pick_session(rng, open_=True)
        if session is None:
            return "(no session to answer)"
        agent = self._holder(session)
        text = f"reply r{self._op}" + (f" about the {RISK_WORD}" if rng.random() < 0.2 else "")
        outgoing = Outgoing(f"r{self._op}", "reply", session["session_id"], agent, text)
        self.out.outgoing[outgoing.key] = outgoing
        return f"{agent} replies {outgoing.key} in {_short(session)} -> " + self._send(outgoing)

    def op_retry(self, rng: random.Random) -> str:
        if not self.out.to_retry:
            return "(no reply to resend)"
        key = rng.choice(self.out.to_retry)
        return f"console resends {key} -> " + self._resend(key)

    def _resend(self, key: str) -> str:
        self.out.to_retry.remove(key)
        return self._send(self.out.outgoing[key])

    def _send(self, outgoing: Outgoing) -> str:
        path = f"/api/sessions/{outgoing.session_id}/messages"
        statuses = []
        for _ in range(2):  # the second time: the agent confirms a risky message
            body = {
                "text": outgoing.text,
                "client_message_id": outgoing.key,
                "confirm_risk": outgoing.confirm,
            }
            status, answer = self._api(outgoing.agent, "POST", path, body)
            outgoing.answers.append(status)
            statuses.append(str(status))
            code = answer.get("code") if isinstance(answer, dict) else None
            if status == 409 and code == "risk_confirmation_required" and not outgoing.confirm:
                outgoing.confirm = True
                self.out.ops["risk confirmation"] += 1
                continue
            if ok(status):
                outgoing.answer = answer
                statuses[-1] += f" {answer['delivery']['state']}"
            elif status in RETRYABLE or code in RETRY_CODES:
                self.out.to_retry.append(outgoing.key)
            else:
                statuses[-1] += f" {code}"
            break
        return ",".join(statuses)

    def op_open(self, rng: random.Random) -> str:
        session = self._pick_session(rng, open_=True)
        if session is None:
            return "(no session to open)"
        agent = self._holder(session)
        path = f"/api/sessions/{session['session_id']}/messages"
        status, _ = self._api(agent, "GET", path)
        return f"{agent} reads {_short(session)} -> {status}"

    def op_transfer(self, rng: random.Random) -> str:
        session = self._pick_session(rng, open_=True)
        if session is None:
            return "(no session to transfer)"
        actor = self._holder(session) if rng.random() < 0.8 else ADMIN
        others = [a for a in AGENTS if self.out.agent_ids[a] != session.get("assignee_id")]
        to: dict[str, Any] = (
            {"any_online": True}
            if rng.random() < 0.3
            else {"agent_id": self.out.agent_ids[rng.choice(others)]}
        )
        body: dict[str, Any] = {"to": to, "reason": "chaos"}
        note = ""
        if rng.random() < 0.3:
            key = f"t{self._op}"
            body |= {"notify_user": True, "message": f"transfer {key}"}
            note = f" with message {key}"
        status, answer = self._api(
            actor, "POST", f"/api/sessions/{session['session_id']}/transfer", body
        )
        if note:
            outgoing = Outgoing(key, "transfer", session["session_id"], actor, body["message"])
            outgoing.answers.append(status)
            outgoing.at = clock.now_ms()
            self.out.outgoing[key] = outgoing
        return f"{actor} transfers {_short(session)} to {to}{note} -> {status} {_code(answer)}"

    def op_take_over(self, rng: random.Random) -> str:
        session = self._pick_session(rng, open_=True)
        if session is None:
            return "(no session to take over)"
        status, answer = self._api(
            ADMIN, "POST", f"/api/sessions/{session['session_id']}/take-over", {}
        )
        return f"admin takes over {_short(session)} -> {status} {_code(answer)}"

    def op_close(self, rng: random.Random) -> str:
        return self._lifecycle(rng, "close", open_=True, holder_share=0.8)

    def op_reopen(self, rng: random.Random) -> str:
        return self._lifecycle(rng, "reopen", open_=False, holder_share=0.7)

    def _lifecycle(
        self, rng: random.Random, action: str, *, open_: bool, holder_share: float
    ) -> str:
        session = self._pick_session(rng, open_=open_)
        if session is None:
            return f"(no session to {action})"
        actor = self._holder(session) if rng.random() < holder_share else ADMIN
        status, answer = self._api(actor, "POST", f"/api/sessions/{session['session_id']}/{action}")
        return f"{actor} {action}s {_short(session)} -> {status} {_code(answer)}"

    def op_presence(self, rng: random.Random) -> str:
        agent = rng.choice(AGENTS)
        state = "online" if rng.random() < 0.7 else rng.choice(("busy", "offline"))
        return f"{agent} sets {state} -> {self._presence(agent, state)}"

    def op_tick(self, rng: random.Random) -> str:
        """Half a minute to a minute passes: the consoles beat, the schedules run."""
        clock.set_now_for_tests(clock.now_ms() + rng.randint(20, 70) * SECOND)
        beats = self._heartbeats()
        deliveries = self.world.scheduler("deliveries")
        timers = self.world.scheduler("timers")
        return f"heartbeats {beats}, scheduler deliveries={deliveries} timers={timers}"

    def op_pause(self, rng: random.Random) -> str:
        """An hour of quiet: users silent for the project's auto-close time are closed."""
        clock.set_now_for_tests(clock.now_ms() + 61 * MINUTE)
        beats = self._heartbeats()
        timers = self.world.scheduler("timers")
        return f"an hour passes; heartbeats {beats}, scheduler timers={timers}"

    def op_stream(self, rng: random.Random) -> str:
        if rng.random() < self.faults.rates.stream_half_way:
            self.faults.fail_half_way(rng.randint(2, 60))
        batches = self.world.pump(batches=rng.randint(1, 3))
        return f"{batches} stream batch(es), {len(self.world.stream.pending)} records left"

    # -- helpers --------------------------------------------------------------------------
    def _api(self, agent: str, method: str, path: str, body: Any = None) -> tuple[int, Any]:
        status, answer = self.world.api(method, path, body, token=self.out.tokens[agent])
        self.out.answers[f"api {status}"] += 1
        return status, answer

    def _presence(self, agent: str, state: str) -> int:
        status, _ = self._api(agent, "PUT", "/api/me/presence", {"state": state})
        if ok(status):
            (self.out.online.add if state == "online" else self.out.online.discard)(agent)
        return status

    def _heartbeats(self) -> str:
        return (
            ",".join(
                str(self._api(agent, "POST", "/api/me/heartbeat")[0])
                for agent in sorted(self.out.online)
            )
            or "-"
        )

    def _pick_session(self, rng: random.Random, *, open_: bool) -> dict[str, Any] | None:
        """A session as the consoles list it (read without faults): an open one with an
        agent, or a closed one."""
        items = sorted(self.world.sessions(), key=lambda s: s["session_id"])
        if open_:
            found = [s for s in items if s["status"] != "closed" and s.get("assignee_id")]
        else:
            found = [s for s in items if s["status"] == "closed"]
        return rng.choice(found) if found else None

    def _holder(self, session: dict[str, Any]) -> str:
        """Who answers for the session in the consoles: its assignee (the admin for one
        nobody holds)."""
        by_id = {v: k for k, v in self.out.agent_ids.items()}
        return by_id.get(session.get("assignee_id", ""), ADMIN)


def _message(user: int, message_id: int) -> dict[str, Any]:
    sender = {
        "id": user,
        "is_bot": False,
        "first_name": f"User{user % 1000}",
        "language_code": "en",
    }
    return {
        "message_id": message_id,
        "from": sender,
        "chat": {"id": user, "first_name": sender["first_name"], "type": "private"},
        "date": clock.now_ms() // 1000,
    }


def _member_change(user: int, status: str) -> dict[str, Any]:
    sender = {"id": user, "is_bot": False, "first_name": f"User{user % 1000}"}
    bot = {
        "id": 7000001,
        "is_bot": True,
        "first_name": "Support Desk",
        "username": "tgdesk_test_bot",
    }
    old, new = ("member", "kicked") if status == "kicked" else ("kicked", "member")
    return {
        "chat": {"id": user, "first_name": sender["first_name"], "type": "private"},
        "from": sender,
        "date": clock.now_ms() // 1000,
        "old_chat_member": {"user": bot, "status": old},
        "new_chat_member": {
            "user": bot,
            "status": new,
            **({"until_date": 0} if new == "kicked" else {}),
        },
    }


def _short(session: dict[str, Any]) -> str:
    return f"session …{session['session_id'][-6:]}"


def _code(answer: Any) -> str:
    return str(answer.get("code", "")) if isinstance(answer, dict) else ""
