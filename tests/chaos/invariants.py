"""The promises, checked on the table (read without faults) against what the outside world
knows (tests/chaos/workload.py's Outside) once the system has recovered:

- every update Telegram got a 2xx for is stored exactly once (one message per Telegram
  message, the marker of any other update, every acknowledged edit kept once among the
  versions);
- every agent message is `sent` exactly once (Telegram delivered it once) or visibly
  `failed` (delivered never), never left `sending`/`retrying`, never sent without a record,
  and every message a console was answered 2xx for is stored;
- every session has one owner at most, listed in that owner's index only; a user has one
  open session at most; every agent's `open_sessions` equals their open sessions;
- audit entries match the changes: one assignment entry per assignment record, closes and
  reopens that add up to the session's state, one `confirmed_sent` trigger per confirmed
  message, one `flagged` trigger per risky user message.

check() returns the violations as sentences; an empty list means every promise held.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from tgdesk.storage import keys, table

from .workload import RISK_WORD, Outside
from .world import World

ASSIGN_ACTIONS = frozenset(
    {"session.assign", "session.transferred", "session.taken_over", "session.returned"}
)


def check(world: World, out: Outside) -> list[str]:
    with world.faults.off():
        items = _scan()
    by_kind: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for item in items:
        by_kind[str(item.get("kind"))].append(item)
    violations: list[str] = []
    violations += _quiescent(world, out)
    violations += _updates(out, items, by_kind)
    violations += _outbound(world, out, by_kind)
    violations += _owners(out, by_kind)
    violations += _audit(world, out, by_kind)
    return violations


def _scan() -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    kwargs: dict[str, Any] = {"TableName": table.table_name(), "ConsistentRead": True}
    while True:
        page = table.client().scan(**kwargs)
        items.extend(table.from_item(i) or {} for i in page["Items"])
        if "LastEvaluatedKey" not in page:
            return items
        kwargs["ExclusiveStartKey"] = page["LastEvaluatedKey"]


def _quiescent(world: World, out: Outside) -> list[str]:
    found = [
        f"user {u}'s chat still has updates waiting: {list(b)}" for u, b in out.outbox.items() if b
    ]
    found += [f"reply {key} still waits to be sent again" for key in out.to_retry]
    if not world.drained():
        found.append(f"{len(world.stream.pending)} stream records were never processed")
    return found


# -- updates ------------------------------------------------------------------------------
def _updates(
    out: Outside, items: list[dict[str, Any]], by_kind: dict[str, list[dict[str, Any]]]
) -> list[str]:
    found: list[str] = []
    markers = {i["update_id"] for i in by_kind["update_marker"]}
    inbound: dict[tuple[int, int], list[dict[str, Any]]] = defaultdict(list)
    for message in by_kind["message"]:
        if message.get("direction") == "in" and message.get("telegram_message_id") is not None:
            inbound[(message["tg_user_id"], message["telegram_message_id"])].append(message)
    edits: dict[tuple[int, int], list[str]] = defaultdict(list)
    last_member: dict[int, str] = {}
    for update in out.updates.values():
        if not update.acked:
            found.append(
                f"update {update.update_id} ({update.kind}) never got a 2xx: {update.answers}"
            )
            continue
        # A message is kept once by its Telegram id (checked below); other updates by a marker.
        if update.kind != "message" and update.update_id not in markers:
            found.append(f"update {update.update_id} ({update.kind}) got a 2xx but has no marker")
        key = (update.user, update.message_id or 0)
        if update.kind == "message":
            edits[key].append(update.text or "")
            if len(inbound[key]) != 1:
                found.append(
                    f"update {update.update_id} (user {update.user} m{update.message_id}) is "
                    f"stored {len(inbound[key])} times"
                )
        elif update.kind == "edit":
            edits[key].append(update.text or "")
        else:
            last_member[update.user] = update.kind
    for key, expected in edits.items():
        if len(inbound[key]) != 1:
            continue
        message = inbound[key][0]
        versions = [message.get("text")] + [e.get("text") for e in message.get("edits", [])]
        if sorted(map(str, versions)) != sorted(expected):
            found.append(f"user {key[0]} m{key[1]}: versions {versions}, acknowledged {expected}")
    profiles = {p["tg_user_id"]: p for p in by_kind["telegram_user"]}
    for user, kind in last_member.items():
        unreachable = bool(profiles.get(user, {}).get("unreachable"))
        if unreachable != (kind == "blocked"):
            found.append(f"user {user}: last acknowledged change {kind}, unreachable={unreachable}")
    return found


# -- agents' messages ---------------------------------------------------------------------
def _outbound(world: World, out: Outside, by_kind: dict[str, list[dict[str, Any]]]) -> list[str]:
    found: list[str] = []
    delivered = world.telegram.delivered
    stored = [m for m in by_kind["message"] if m.get("direction") == "out"]
    per_text = Counter((m["tg_user_id"], m["text"]) for m in stored)
    for (chat, text), n in per_text.items():
        if n > 1:
            found.append(f"{text!r} to {chat} is stored {n} times")
    for message in stored:
        delivery = message["delivery"]
        sends = delivered[(message["tg_user_id"], message["text"])]
        what = f"message {message['message_id']} {message['text']!r}"
        if delivery["state"] == "sent" and sends != 1:
            found.append(f"{what} is sent but Telegram delivered it {sends} times")
        elif delivery["state"] == "failed" and (sends or not delivery.get("reason")):
            found.append(
                f"{what} is failed ({delivery.get('reason')!r}) but delivered {sends} times"
            )
        elif delivery["state"] not in ("sent", "failed"):
            found.append(f"{what} is left {delivery['state']} after recovery ({delivery})")
    recorded = set(per_text)
    for (chat, text), n in delivered.items():
        if (chat, text) not in recorded:
            found.append(f"Telegram delivered {text!r} to {chat} {n} times, with no message stored")
    by_client_id = {m.get("client_message_id"): m for m in stored}
    texts = {m["text"] for m in stored}
    for outgoing in out.outgoing.values():
        if not outgoing.acked:
            continue
        if outgoing.kind == "reply":
            message = by_client_id.get(outgoing.key)
            if message is None:
                found.append(
                    f"reply {outgoing.key} was answered {outgoing.answers} but is not stored"
                )
            elif outgoing.answer and outgoing.answer["message_id"] != message["message_id"]:
                found.append(f"reply {outgoing.key} was answered with another message than stored")
        elif outgoing.text not in texts:
            found.append(f"transfer message {outgoing.key} was answered 2xx but is not stored")
    # A transfer's assignment is at the clock of its request (a few ms later at most: the
    # operations of the workload are at least 100 ms apart).
    transferred: dict[str, list[int]] = defaultdict(list)
    for record in by_kind["assignment"]:
        if record["how"] == "transferred":
            transferred[record["session_id"]].append(record["at"])
    for outgoing in out.outgoing.values():
        ats = transferred.get(outgoing.session_id, [])
        happened = any(0 <= at - outgoing.at < 100 for at in ats)
        if outgoing.kind == "transfer" and happened and outgoing.text not in texts:
            found.append(
                f"transfer {outgoing.key} happened (answered {outgoing.answers}) but its "
                "message to the user was never stored"
            )
    return found


# -- owners and counters ------------------------------------------------------------------
def _owners(out: Outside, by_kind: dict[str, list[dict[str, Any]]]) -> list[str]:
    found: list[str] = []
    assignments: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for record in by_kind["assignment"]:
        assignments[record["session_id"]].append(record)
    open_by_user: dict[int, list[str]] = defaultdict(list)
    load: Counter[str] = Counter()
    for session in by_kind["session"]:
        sid, assignee = session["session_id"], session.get("assignee_id")
        is_open = session["status"] != "closed"
        if is_open:
            open_by_user[session["tg_user_id"]].append(sid)
            if assignee:
                load[assignee] += 1
        expected_index = (
            keys.assignee_sessions_index(assignee)
            if assignee
            else (keys.project_queue_index(session["project_id"]) if is_open else None)
        )
        if session.get("GSI1PK") != expected_index:
            found.append(
                f"session {sid} ({session['status']}, {assignee}) is listed under "
                f"{session.get('GSI1PK')}"
            )
        records = sorted(assignments[sid], key=lambda r: r["SK"])
        latest = records[-1]["agent_id"] if records else None
        if latest != assignee:
            found.append(f"session {sid} belongs to {assignee} but was last assigned to {latest}")
    profiles = {p["tg_user_id"]: p for p in by_kind["telegram_user"]}
    for user in out.users:
        opened = open_by_user.get(user, [])
        if len(opened) > 1:
            found.append(f"user {user} has {len(opened)} open sessions: {opened}")
        pointer = profiles.get(user, {}).get("open_session_id")
        if pointer != (opened[0] if opened else None):
            found.append(f"user {user}'s profile points to {pointer}, open sessions {opened}")
    for agent in by_kind["agent"]:
        counter = int(agent.get("open_sessions", 0))
        if counter != load[agent["agent_id"]]:
            found.append(
                f"agent {agent['username']} counts {counter} open sessions, holds "
                f"{load[agent['agent_id']]}"
            )
    return found


# -- audit --------------------------------------------------------------------------------
def _audit(world: World, out: Outside, by_kind: dict[str, list[dict[str, Any]]]) -> list[str]:
    found: list[str] = []
    entries: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for entry in by_kind["audit"]:
        entries[entry["action"]].append(entry)
    assigned: dict[str, Counter[str]] = defaultdict(Counter)
    for record in by_kind["assignment"]:
        assigned[record["session_id"]][record["agent_id"]] += 1
    audited: dict[str, Counter[str]] = defaultdict(Counter)
    for action in ASSIGN_ACTIONS:
        for entry in entries[action]:
            audited[entry["target_id"]][(entry.get("after") or {}).get("assignee_id")] += 1
    closes = Counter(e["target_id"] for e in entries["session.close"])
    reopens = Counter(e["target_id"] for e in entries["session.reopen"])
    for session in by_kind["session"]:
        sid = session["session_id"]
        if assigned[sid] != audited[sid]:
            found.append(
                f"session {sid}: assignments {dict(assigned[sid])}, audited {dict(audited[sid])}"
            )
        closed = int(session["status"] == "closed")
        if closes[sid] - reopens[sid] != closed:
            found.append(
                f"session {sid} is {session['status']} after {closes[sid]} close and "
                f"{reopens[sid]} reopen entries"
            )
    triggers: dict[str, Counter[str]] = defaultdict(Counter)
    for entry in entries["risk.trigger"]:
        details = entry.get("details") or {}
        triggers[details.get("outcome", "")][details.get("message_id")] += 1
    for message in by_kind["message"]:
        if message.get("direction") != "out" or RISK_WORD not in message["text"]:
            continue
        n = triggers["confirmed_sent"][message["message_id"]]
        if n != 1:
            found.append(
                f"risky message {message['message_id']} {message['text']!r} has {n} "
                "confirmed_sent entries"
            )
    lost = _dead_lettered_messages(world)
    risky = {
        (u.user, u.message_id)
        for u in out.updates.values()
        if u.kind == "message" and RISK_WORD in (u.text or "")
    }
    for message in by_kind["message"]:
        key = (message["tg_user_id"], message.get("telegram_message_id"))
        if message.get("direction") != "in" or key not in risky or message["message_id"] in lost:
            continue
        n = triggers["flagged"][message["message_id"]]
        if not message.get("risk") or n != 1:
            found.append(
                f"risky user message {message['message_id']}: "
                f"risk={bool(message.get('risk'))}, {n} flagged entries"
            )
    return found


def _dead_lettered_messages(world: World) -> set[str]:
    """Messages whose stream record went to the dead-letter queue after every retry."""
    return {
        r["dynamodb"].get("NewImage", {}).get("message_id", {}).get("S", "")
        for r in world.stream.dead_letters
    }
