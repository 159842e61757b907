"""Assignments on the single table: the consistent reads routing decides on, the claim
transaction, assignment records and the notices agents are shown.

One claim is one TransactWriteItems: the session (it must still have the assignee read and
be open), the assignment record, the new agent's `open_sessions` (+1, only while enabled
and below their `max_open_sessions`), the project's routing item when the claim takes a
round-robin turn (a new session picked by the mode: its cursor must still hold the value
read), the previous agent's `open_sessions` (-1), the session's `return` timer, the audit
entry, and a notice to an agent whose session was routed away. A caller may add writes that
must happen only with the move (a transfer's message to the user), and changes to the
session item, merged into the claim's update of it.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, cast

from botocore.exceptions import ClientError

from tgdesk.core.claims import RETURNED, Claim, ClaimResult, SessionToRoute
from tgdesk.core.domain import Status
from tgdesk.storage import audit, keys, sessions, table
from tgdesk.storage.expressions import Changes, put_new
from tgdesk.storage.records import session as session_record
from tgdesk.storage.records.agent import Agent
from tgdesk.storage.records.project import Project
from tgdesk.storage.records.session import Session

ASSIGNMENT_PREFIX = "ASSIGNMENT#"
RETURN_TIMER = sessions.RETURN
NOTICE_TTL_SECONDS = 14 * 24 * 3600
# What agents are told (the `notice` attribute of a notice item).
SESSION_RETURNED = "session_returned"  # a session of yours went to someone else
RETURN_LIMIT = "session_return_limit"  # a session was returned as often as allowed: look

_BATCH_GET_LIMIT = 100
_TRANSACTION_LIMIT = 100
_UNPROCESSED_RETRIES = 5
# Only what routing needs: agent items also hold password hashes, which stay in the table.
_ROUTING_ATTRIBUTES = (
    "PK",
    "SK",
    "project_id",
    "disabled",
    "presence",
    "heartbeat_at",
    "open_sessions",
    "max_open_sessions",
    "last_assigned_at",
    "rr_seq",
    "updated_at",
    "assignee_id",
    "assigned_at",
    "status",
    "routing",
    "agent_scope",
    "agent_ids",
    "last_session_id",
    "last_closed_at",
    "link",  # a session's tracked link: its routing target (tgdesk.attribution.targets)
)


def assignment_key(session_id: str, assigned_at: int, agent_id: str) -> tuple[str, str]:
    pk, _ = keys.session(session_id)
    return pk, f"{ASSIGNMENT_PREFIX}{keys.ts(assigned_at)}#{agent_id}"


def list_assignments(session_id: str) -> list[dict[str, Any]]:
    """Every assignment of a session, oldest first."""
    pk, _ = keys.session(session_id)
    return table.query_all(pk=pk, sk_prefix=ASSIGNMENT_PREFIX)


@dataclass(frozen=True, slots=True)
class RoutingItems:
    """What routing decides on, as stored now (routing's attributes only; None: absent)."""

    session: Session | None
    routing: dict[str, Any]  # the project's routing item; empty before its first turn
    project: Project | None
    profile: dict[str, Any] | None  # the user's profile, when asked for
    group: dict[str, Any] | None  # the agent group, when asked for
    agents: dict[str, Agent]  # the agents asked for that exist, by id


def read_for_routing(
    session_id: str,
    project_id: str,
    agent_ids: Iterable[str],
    *,
    tg_user_id: int | None = None,
    group_id: str | None = None,
) -> RoutingItems:
    """The session, the project's routing item, the project, the user's profile (with
    `tg_user_id`), the group (with `group_id`) and the agents, in one consistent read
    (one BatchGetItem for up to 95 agents, +1 per 100 more)."""
    session_key = keys.session(session_id)
    routing_key = keys.routing_state(project_id)
    project_key = keys.project(project_id)
    profile_key = keys.telegram_user(project_id, tg_user_id) if tg_user_id is not None else None
    group_key = keys.agent_group(project_id, group_id) if group_id is not None else None
    agent_keys = {keys.agent(aid): aid for aid in agent_ids}
    asked = [session_key, routing_key, project_key, profile_key, group_key, *agent_keys]
    items = read_consistent([key for key in asked if key is not None])
    # Items as read, keys and all: the records' shapes name what routing reads of them.
    return RoutingItems(
        session=cast("Session | None", items.get(session_key)),
        routing=items.get(routing_key) or {},
        project=cast("Project | None", items.get(project_key)),
        profile=items.get(profile_key) if profile_key is not None else None,
        group=items.get(group_key) if group_key is not None else None,
        agents={aid: cast(Agent, items[key]) for key, aid in agent_keys.items() if key in items},
    )


def read_consistent(key_pairs: list[tuple[str, str]]) -> dict[tuple[str, str], dict]:
    """Items by key, strongly consistent, routing's attributes only, in as few requests as
    allowed (100 keys per BatchGetItem)."""
    found: dict[tuple[str, str], dict] = {}
    name = table.table_name()
    names = {f"#a{i}": a for i, a in enumerate(_ROUTING_ATTRIBUTES)}
    unique = list(dict.fromkeys(key_pairs))
    for start in range(0, len(unique), _BATCH_GET_LIMIT):
        request: dict[str, Any] = {
            name: {
                "Keys": [
                    table.to_item({"PK": pk, "SK": sk})
                    for pk, sk in unique[start : start + _BATCH_GET_LIMIT]
                ],
                "ConsistentRead": True,
                "ProjectionExpression": ", ".join(names),
                "ExpressionAttributeNames": names,
            }
        }
        for retry in range(_UNPROCESSED_RETRIES + 1):
            resp = table.client().batch_get_item(RequestItems=request)
            for raw in resp.get("Responses", {}).get(name, []):
                item = table.from_item(raw) or {}
                found[(item["PK"], item["SK"])] = item
            request = resp.get("UnprocessedKeys") or {}
            if not request:
                break
            if retry == _UNPROCESSED_RETRIES:
                raise RuntimeError("DynamoDB left keys unprocessed after every retry")
            time.sleep(0.05 * 2**retry)
    return found


def get_assignee(session_id: str) -> str | None:
    """The assignee of a session as stored now (one consistent GetItem of one attribute)."""
    resp = table.client().get_item(
        TableName=table.table_name(),
        Key=table.to_item(dict(zip(("PK", "SK"), keys.session(session_id), strict=True))),
        ConsistentRead=True,
        ProjectionExpression="assignee_id",
    )
    return (table.from_item(resp.get("Item")) or {}).get("assignee_id")


# -- the claim ----------------------------------------------------------------------------
def claim(
    claim: Claim,
    entry: dict[str, Any],
    *,
    also: Sequence[dict[str, Any]] = (),
    session_changes: Callable[[Changes], Changes] | None = None,
) -> ClaimResult:
    """Write a claim and its audit entry in one transaction (see the module docstring).

    `also` are more transaction items, written only with the claim; `session_changes` adds
    to the claim's update of the session item (a transaction touches an item once)."""
    wanted = claim.session
    operations = [
        _assign_session(claim, session_changes),
        _record(wanted, claim.agent_id, claim.at),
        _load_agent(claim),
    ]
    if claim.takes_turn:
        operations.append(_advance_cursor(claim))
    if wanted.from_agent_id:
        operations.append(sessions.agent_load(wanted.from_agent_id, -1))
    if claim.return_due_at is not None:
        timer_owner = {"session_id": wanted.session_id, "project_id": wanted.project_id}
        operations.append(sessions.timer_put(timer_owner, RETURN_TIMER, claim.return_due_at))
    else:
        operations.append(sessions.timer_delete(wanted.session_id, RETURN_TIMER))
    operations.append(audit.put_operation(entry))
    if wanted.how == RETURNED and wanted.from_agent_id:
        operations.append(put_new(_notice(wanted.from_agent_id, claim, entry)))
    if len(operations) + len(also) > _TRANSACTION_LIMIT:
        raise ValueError(f"a claim holds at most {_TRANSACTION_LIMIT - len(operations)} more items")
    operations += also  # last: the cancellation reasons read below keep their places
    try:
        table.client().transact_write_items(TransactItems=operations)
    except ClientError as err:
        if err.response.get("Error", {}).get("Code") != "TransactionCanceledException":
            raise
        reasons = table.cancellation_reasons(err)
        session, _, agent = reasons[:3]
        cursor = reasons[3] if claim.takes_turn else None
        if session == "ConditionalCheckFailed":
            return ClaimResult.SESSION_TAKEN
        if agent == "ConditionalCheckFailed":
            return ClaimResult.AGENT_UNAVAILABLE
        if cursor == "ConditionalCheckFailed" or "TransactionConflict" in reasons:
            return ClaimResult.CONTENDED
        raise
    return ClaimResult.CLAIMED


def keep(session: SessionToRoute, agent_id: str, at: int, entry: dict[str, Any]) -> bool:
    """Record that a reopened session stays with its agent. `at` keys the record, so a
    redelivered stream record writes nothing; returns False then."""
    try:
        table.client().transact_write_items(
            TransactItems=[_record(session, agent_id, at), audit.put_operation(entry)]
        )
    except ClientError as err:
        if table.cancellation_reasons(err)[:1] == ["ConditionalCheckFailed"]:
            return False
        raise
    return True


def _advance_cursor(claim: Claim) -> dict[str, Any]:
    update = (
        Changes()
        .set("rr_seq", (claim.cursor_read or 0) + 1)
        .set("kind", "routing")
        .set("project_id", claim.session.project_id)
        .set("updated_at", claim.at)
        .require_as_read("rr_seq", claim.cursor_read)
    )
    return update.item(*keys.routing_state(claim.session.project_id))


def _assign_session(
    claim: Claim, changes: Callable[[Changes], Changes] | None = None
) -> dict[str, Any]:
    # GSI1SK keeps the activity key: the session moves from the queue (or the previous
    # agent's list) to the new agent's list at the same place in activity order (unless
    # `changes` record new activity, such as a message sent with the move).
    wanted = claim.session
    update = (
        Changes()
        .set("assignee_id", claim.agent_id)
        .set("assigned_at", claim.at)
        .set("GSI1PK", _assignee_list(wanted.session_id, wanted.project_id, claim.agent_id))
        .remove(sessions.QUEUED_AT)
        .require_item()
        .require_as_read("assignee_id", wanted.from_agent_id)
        .require_not_equal("status", Status.CLOSED)
    )
    if wanted.how == RETURNED:
        update.add(sessions.RETURN_COUNT, 1)  # returns in a row, nobody having opened it
    else:
        update.remove(sessions.RETURN_COUNT)
    if wanted.status is not None:
        update.set("status", wanted.status)
    # The agent group it was routed into (a transfer or an escalation to a group): its
    # figures count for that group (tgdesk.stats) until a move without a group.
    if wanted.group_id is not None:
        update.set("group_id", wanted.group_id)
    else:
        update.remove("group_id")
    if changes is not None:
        changes(update)
    return update.item(*keys.session(wanted.session_id))


def _assignee_list(session_id: str, project_id: str, agent_id: str) -> str:
    held = {"session_id": session_id, "project_id": project_id, "assignee_id": agent_id}
    return session_record.index_keys(held)["GSI1PK"]


def _record(session: SessionToRoute, agent_id: str, at: int) -> dict[str, Any]:
    pk, sk = assignment_key(session.session_id, at, agent_id)
    item = {
        "PK": pk,
        "SK": sk,
        "kind": "assignment",
        "session_id": session.session_id,
        "project_id": session.project_id,
        "agent_id": agent_id,
        "from_agent_id": session.from_agent_id,
        "at": at,
        "how": session.how,
        "by": session.by,
        "reason": session.reason,
    }
    return put_new(item)


def _load_agent(claim: Claim) -> dict[str, Any]:
    """+1 on the new agent's `open_sessions`: the agent must still exist, be enabled and,
    when they have a capacity, be below it (compared inside DynamoDB, not as read)."""
    update = Changes().add("open_sessions", 1).set("last_assigned_at", claim.at).require_item()
    disabled = update.name("disabled")
    update.require(f"(attribute_not_exists({disabled}) OR {disabled} = {update.value(False)})")
    if claim.session.enforce_capacity:
        limit, load = update.name("max_open_sessions"), update.name("open_sessions")
        update.require(
            f"(attribute_not_exists({limit}) OR {load} < {limit} OR "
            f"(attribute_not_exists({load}) AND {limit} > {update.value(0)}))"
        )
    return update.item(*keys.agent(claim.agent_id))


# -- notices --------------------------------------------------------------------------------
def _notice(agent_id: str, claim: Claim, entry: dict[str, Any]) -> dict[str, Any]:
    wanted = claim.session
    return notice_item(
        agent_id,
        SESSION_RETURNED,
        {"session_id": wanted.session_id, "project_id": wanted.project_id},
        to_agent_id=claim.agent_id,
        entry=entry,
        at=claim.at,
    )


def notice_item(
    agent_id: str,
    notice: str,
    session: dict[str, Any],
    *,
    to_agent_id: str | None,
    entry: dict[str, Any],
    at: int,
    **details: Any,
) -> dict[str, Any]:
    """A notice item: what `agent_id` is told about a session, kept 14 days."""
    pk, sk = keys.agent_notice(agent_id, at, session["session_id"])
    return {
        "PK": pk,
        "SK": sk,
        "kind": "notice",
        "notice": notice,
        "agent_id": agent_id,
        "session_id": session["session_id"],
        "project_id": session["project_id"],
        "to_agent_id": to_agent_id,
        "audit_entry_id": entry["entry_id"],
        "at": at,
        "ttl": at // 1000 + NOTICE_TTL_SECONDS,
        **details,
    }


def stop_returns(
    timer: dict[str, Any], notices: list[dict[str, Any]], entry: dict[str, Any]
) -> bool:
    """The session stays where it is for good: its `return` timer goes (only if still due as
    read: nobody opened the session or moved it meanwhile), with the notices and the audit
    entry, in one transaction. False when the timer had moved or gone."""
    operations = [
        sessions.timer_delete(timer["session_id"], timer["timer"], due_by=timer["due_at"]),
        audit.put_operation(entry),
        # A transaction holds 100 items: a project with more supervisors than that tells
        # the first 98 (the audit entry records it for everyone).
        *(put_new(n) for n in notices[: _TRANSACTION_LIMIT - 2]),
    ]
    try:
        table.client().transact_write_items(TransactItems=operations)
    except ClientError as err:
        if table.cancellation_reasons(err)[:1] == ["ConditionalCheckFailed"]:
            return False
        raise
    return True


def list_notices(agent_id: str, *, limit: int = 50) -> list[dict[str, Any]]:
    """An agent's notices, newest first."""
    pk, _ = keys.agent_notice(agent_id, 0, "")
    items, _ = table.query(pk=pk, sk_prefix=keys.NOTICE_PREFIX, forward=False, limit=limit)
    return [table.strip_keys(i) for i in items]
