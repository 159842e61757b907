"""Agents, their unique usernames, login tokens and invitations (both stored only as sha256
digests).

The agent item names its current login (`token_digest`, `token_since`): a new login
replaces them in the transaction that stores the new token, so whichever login commits last
is the only one that authenticates, whatever the interleaving.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, cast

from botocore.exceptions import ClientError

from tgdesk.core.domain import Role
from tgdesk.core.errors import Conflict, NotFound
from tgdesk.storage import audit, expressions, keys, table
from tgdesk.storage.expressions import Changes, Condition
from tgdesk.storage.records import agent as agent_record
from tgdesk.storage.records.agent import Agent


def _agent(item: dict[str, Any] | None) -> Agent | None:
    return None if item is None else agent_record.from_item(item)


def _strip(item: dict[str, Any] | None) -> dict[str, Any] | None:
    return None if item is None else table.strip_keys(item)


def _transact(operations: list[dict[str, Any]]) -> None:
    table.client().transact_write_items(TransactItems=operations)


def _no_such_agent() -> NotFound:
    return NotFound("no such agent", code="agent_not_found")


def create_agent(
    agent: Agent,
    audit_entry: dict[str, Any] | None = None,
    *,
    invitation: dict[str, Any] | None = None,
) -> None:
    """Store a new agent and claim its username in one transaction (with its audit entry,
    and the invitation an agent created without a password signs in with).

    `agent` holds agent_id, username, display_name, role, password_hash (unless invited),
    disabled, created_at. Raises Conflict (code `username_taken`) if the username is in use.
    """
    operations = [
        expressions.put_new(agent_record.username_claim(agent)),
        expressions.put_new(agent_record.to_item(agent)),
    ]
    if invitation is not None:
        operations.append(expressions.put_new(_invitation_item(invitation)))
    if audit_entry is not None:
        operations.append(audit.put_operation(audit_entry))
    try:
        _transact(operations)
    except ClientError as err:
        reasons = table.cancellation_reasons(err)
        if reasons and reasons[0] == "ConditionalCheckFailed":
            raise Conflict(
                "this username is taken", code="username_taken", field="username"
            ) from err
        raise table.conflict_from(err, "this agent already exists") from err


def get_agent(agent_id: str, *, consistent: bool = False) -> Agent | None:
    return _agent(table.get(*agent_record.key(agent_id), consistent=consistent))


def get_agents(agent_ids: Iterable[str]) -> dict[str, Agent]:
    """Several agents by id (BatchGetItem, 100 per request), keyed by agent id."""
    found: dict[str, Agent] = {}
    unique = list(dict.fromkeys(agent_ids))
    for start in range(0, len(unique), 100):
        wanted = [agent_record.key(a) for a in unique[start : start + 100]]
        request: dict[str, Any] = {
            table.table_name(): {"Keys": [table.to_item({"PK": pk, "SK": sk}) for pk, sk in wanted]}
        }
        while request:
            resp = table.client().batch_get_item(RequestItems=request)
            for raw in resp.get("Responses", {}).get(table.table_name(), []):
                agent = _agent(table.from_item(raw))
                if agent:
                    found[agent["agent_id"]] = agent
            request = resp.get("UnprocessedKeys") or {}
    return found


def get_agent_by_username(username: str) -> Agent | None:
    claim = table.get(*agent_record.username_key(username))
    return get_agent(claim["agent_id"]) if claim else None


def list_agents() -> list[Agent]:
    """Every agent, ordered by username: every shard of the agents' index, merged."""
    items = [
        item
        for shard in agent_record.index_shards()
        for item in table.query_all(pk=shard, index="GSI1")
    ]
    items.sort(key=lambda item: item["GSI1SK"])
    return [agent_record.from_item(i) for i in items]


# Who is an admin, as this container read it from the agents' list at most this many seconds
# ago: the list is every shard of the agents' index, too much to read for each stream batch
# that pushes to a project's staff. A reader to whom a stale role matters reads the admins'
# items itself (the real-time fan-out does, with its batch's other agents).
ADMIN_IDS_FRESH_SECONDS = 60.0


@dataclass(frozen=True)
class _KnownAdmins:
    client: Any  # the table client they were read with (tests switch tables)
    agent_ids: tuple[str, ...]
    fresh_until: float  # time.monotonic()


_known_admins: _KnownAdmins | None = None


def admin_ids() -> tuple[str, ...]:
    """The admins' agent ids, as read at most ADMIN_IDS_FRESH_SECONDS ago."""
    global _known_admins
    known = _known_admins
    if known is None or known.client is not table.client() or time.monotonic() >= known.fresh_until:
        agent_ids = tuple(a["agent_id"] for a in list_agents() if a.get("role") == Role.ADMIN)
        fresh_until = time.monotonic() + ADMIN_IDS_FRESH_SECONDS
        known = _known_admins = _KnownAdmins(table.client(), agent_ids, fresh_until)
    return known.agent_ids


# Writes that ride along with an agent's change, made from its state (before, after).
AlongWith = Callable[[Agent, Agent], list[dict[str, Any]]]
_ATTEMPTS = 3  # an account changed between the read and the transaction: read again


def _after(before: Agent, changes: dict[str, Any], removed: list[str]) -> Agent:
    return cast(Agent, {k: v for k, v in {**before, **changes}.items() if k not in removed})


def update_agent(
    agent_id: str,
    changes: dict[str, Any],
    remove: Iterable[str] = (),
    *,
    along_with: AlongWith | None = None,
) -> tuple[Agent, Agent]:
    """Set (and remove) attributes of an existing agent, never its username.

    Returns (before, after). Raises NotFound (`agent_not_found`) for an unknown agent.
    `along_with(before, after)` names writes (its audit entry, clearing its failed logins)
    made in the same transaction as the change.
    """
    removed = [r for r in remove if r not in changes]
    if along_with is not None:
        return _update_in_transaction(agent_id, changes, removed, along_with)
    update = Changes().require_item()
    for attribute, value in changes.items():
        update.set(attribute, value)
    update.remove(*removed)
    try:
        resp = table.client().update_item(
            **update.request(*agent_record.key(agent_id)), ReturnValues="ALL_OLD"
        )
    except ClientError as err:
        if table.is_conditional_failure(err):
            raise _no_such_agent() from err
        raise
    before = _agent(table.from_item(resp["Attributes"])) or Agent()
    return before, _after(before, changes, removed)


def _update_in_transaction(
    agent_id: str, changes: dict[str, Any], removed: list[str], along_with: AlongWith
) -> tuple[Agent, Agent]:
    """Read the agent, then change it in a transaction conditioned on every attribute it
    touches being as read, so the writes made from (before, after) describe what changed."""
    pk, sk = agent_record.key(agent_id)
    for _ in range(_ATTEMPTS):
        before = get_agent(agent_id, consistent=True)
        if before is None:
            raise _no_such_agent()
        after = _after(before, changes, removed)
        update = expressions.update_as_read(changes, removed, dict(before)).item(pk, sk)
        try:
            _transact([update, *along_with(before, after)])
        except ClientError as err:
            reasons = table.cancellation_reasons(err)
            if reasons and reasons[0] == "ConditionalCheckFailed":
                continue  # changed (or deleted) since the read: read again
            raise table.conflict_from(err, "the account changed meanwhile; try again") from err
        return before, after
    raise Conflict("the account kept changing; try again", code="agent_changed")


def touch_heartbeat(agent_id: str, now: int) -> None:
    """The console is still open: one UpdateItem, nothing read."""
    update = Changes().set("heartbeat_at", now).require_item()
    try:
        table.client().update_item(**update.request(*agent_record.key(agent_id)))
    except ClientError as err:
        if table.is_conditional_failure(err):
            raise _no_such_agent() from err
        raise


# -- login tokens -----------------------------------------------------------------------
def start_login(
    token_hash: str,
    agent_id: str,
    *,
    created_at: int,
    expires_at: int,
    audit_entry: dict[str, Any],
    extra_operations: Iterable[dict[str, Any]] = (),
) -> None:
    """Store a new token and make it the agent's only valid one (its `last_sign_in_at`), in
    one transaction.

    `extra_operations` ride along (clearing the account's failed-login counter).
    """
    pk, sk = keys.auth_token(token_hash)
    token = {
        "PK": pk,
        "SK": sk,
        "kind": "token",
        "agent_id": agent_id,
        "created_at": created_at,
        "last_seen_at": created_at,
        "expires_at": expires_at,
        "ttl": expires_at // 1000 + 1,
    }
    current_login = (
        Changes()
        .set("token_digest", token_hash)
        .set("token_since", created_at)
        .set("last_sign_in_at", created_at)
        .require_item()
    )
    operations = [
        expressions.put_new(token),
        current_login.item(*agent_record.key(agent_id)),
        audit.put_operation(audit_entry),
        *extra_operations,
    ]
    try:
        _transact(operations)
    except ClientError as err:
        raise table.conflict_from(err, "the login could not be recorded; try again") from err


def get_token(token_hash: str) -> dict[str, Any] | None:
    pk, sk = keys.auth_token(token_hash)
    return _strip(table.get(pk, sk))


def touch_token(token_hash: str, *, seen: int | None, now: int) -> bool:
    """Record that a login was used at `now`: one conditional UpdateItem, nothing read.

    The condition is the `last_seen_at` the caller read (`seen`, None when the item has
    none), so of several requests racing to record the same use, one writes. False when
    another got there first or the token is gone."""
    update = Changes().set("last_seen_at", now).require_item().require_as_read("last_seen_at", seen)
    try:
        table.client().update_item(**update.request(*keys.auth_token(token_hash)))
    except ClientError as err:
        if table.is_conditional_failure(err):
            return False
        raise
    return True


def end_login(token_hash: str, audit_entry: dict[str, Any]) -> None:
    """Forget a token (logging out), with its audit entry."""
    _transact([Condition().delete(*keys.auth_token(token_hash)), audit.put_operation(audit_entry)])


# -- invitations ------------------------------------------------------------------------
def _invitation_item(invitation: dict[str, Any]) -> dict[str, Any]:
    pk, sk = keys.invitation(invitation["token_hash"])
    return {
        "PK": pk,
        "SK": sk,
        "kind": "invitation",
        **{k: v for k, v in invitation.items() if k != "token_hash"},
        "ttl": invitation["expires_at"] // 1000 + 1,
    }


def put_invitation(invitation: dict[str, Any], audit_entry: dict[str, Any]) -> None:
    """Store an invitation (token_hash, agent_id, created_by, created_at, expires_at)."""
    try:
        _transact(
            [expressions.put_new(_invitation_item(invitation)), audit.put_operation(audit_entry)]
        )
    except ClientError as err:
        raise table.conflict_from(err, "this invitation already exists") from err


def get_invitation(token_hash: str) -> dict[str, Any] | None:
    pk, sk = keys.invitation(token_hash)
    return _strip(table.get(pk, sk, consistent=True))


def redeem_invitation(
    token_hash: str, agent_id: str, *, password_hash: str, now: int, audit_entry: dict[str, Any]
) -> None:
    """Use an invitation once: it is deleted (if still there and unexpired) in the
    transaction that sets the password and ends every login of the agent."""
    unused = Condition().require_item().require_equal("agent_id", agent_id)
    unused.require(f"{unused.name('expires_at')} > {unused.value(now)}")
    new_password = (
        Changes()
        .set("password_hash", password_hash)
        .set("token_since", now)
        .remove("token_digest")
        .require_item()
    )
    try:
        _transact(
            [
                unused.delete(*keys.invitation(token_hash)),
                new_password.item(*agent_record.key(agent_id)),
                audit.put_operation(audit_entry),
            ]
        )
    except ClientError as err:
        if "ConditionalCheckFailed" in table.cancellation_reasons(err):
            raise NotFound(
                "this invitation link is invalid, used or expired; ask an administrator for a "
                "new one",
                code="invitation_not_found",
            ) from err
        raise
