"""Agents, their unique usernames, login tokens and invitations (both stored only as sha256
digests).

The agent item names its current login (`token_digest`, `token_since`): a new login
replaces them in the transaction that stores the new token, so whichever login commits last
is the only one that authenticates, whatever the interleaving.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from botocore.exceptions import ClientError

from tgdesk.core.errors import Conflict, NotFound
from tgdesk.storage import audit, expressions, keys, table


def _strip(item: dict[str, Any] | None) -> dict[str, Any] | None:
    return None if item is None else table.strip_keys(item)


def _key(pk_sk: tuple[str, str]) -> dict[str, Any]:
    return table.to_item({"PK": pk_sk[0], "SK": pk_sk[1]})


def _transact(operations: list[dict[str, Any]]) -> None:
    table.client().transact_write_items(TransactItems=operations)


def create_agent(agent: dict[str, Any], audit_entry: dict[str, Any] | None = None) -> None:
    """Store a new agent and claim its username in one transaction (with its audit entry).

    `agent` holds agent_id, username, display_name, role, password_hash, disabled,
    created_at. Raises Conflict (code `username_taken`) if the username is in use.
    """
    pk, sk = keys.agent(agent["agent_id"])
    claim_pk, claim_sk = keys.username(agent["username"])
    item = {
        "PK": pk,
        "SK": sk,
        "kind": "agent",
        "GSI1PK": keys.AGENTS_INDEX_PK,
        "GSI1SK": agent["username"],
        **agent,
    }
    claim = {"PK": claim_pk, "SK": claim_sk, "kind": "username", "agent_id": agent["agent_id"]}
    operations = [
        {
            "Put": {
                "TableName": table.table_name(),
                "Item": table.to_item(claim),
                "ConditionExpression": "attribute_not_exists(PK)",
            }
        },
        {
            "Put": {
                "TableName": table.table_name(),
                "Item": table.to_item(item),
                "ConditionExpression": "attribute_not_exists(PK)",
            }
        },
    ]
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


def get_agent(agent_id: str, *, consistent: bool = False) -> dict[str, Any] | None:
    pk, sk = keys.agent(agent_id)
    return _strip(table.get(pk, sk, consistent=consistent))


def get_agents(agent_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Several agents by id (BatchGetItem, 100 per request), keyed by agent id."""
    found: dict[str, dict[str, Any]] = {}
    unique = list(dict.fromkeys(agent_ids))
    for start in range(0, len(unique), 100):
        request: dict[str, Any] = {
            table.table_name(): {"Keys": [_key(keys.agent(a)) for a in unique[start : start + 100]]}
        }
        while request:
            resp = table.client().batch_get_item(RequestItems=request)
            for raw in resp.get("Responses", {}).get(table.table_name(), []):
                agent = _strip(table.from_item(raw))
                if agent:
                    found[agent["agent_id"]] = agent
            request = resp.get("UnprocessedKeys") or {}
    return found


def get_agent_by_username(username: str) -> dict[str, Any] | None:
    pk, sk = keys.username(username)
    claim = table.get(pk, sk)
    return get_agent(claim["agent_id"]) if claim else None


def list_agents() -> list[dict[str, Any]]:
    """Every agent, ordered by username."""
    items = table.query_all(pk=keys.AGENTS_INDEX_PK, index="GSI1")
    return [a for a in (_strip(i) for i in items) if a]


def _update_expression(
    changes: dict[str, Any], remove: Iterable[str]
) -> tuple[str, dict[str, str], dict[str, Any]]:
    names: dict[str, str] = {}
    vals: dict[str, Any] = {}
    sets, removes = [], []
    for i, (name, value) in enumerate(changes.items()):
        names[f"#s{i}"] = name
        vals[f":s{i}"] = value
        sets.append(f"#s{i} = :s{i}")
    for i, name in enumerate(remove):
        names[f"#r{i}"] = name
        removes.append(f"#r{i}")
    parts = []
    if sets:
        parts.append("SET " + ", ".join(sets))
    if removes:
        parts.append("REMOVE " + ", ".join(removes))
    return " ".join(parts), names, vals


# Writes that ride along with an agent's change, made from its state (before, after).
AlongWith = Callable[[dict[str, Any], dict[str, Any]], list[dict[str, Any]]]
_ATTEMPTS = 3  # an account changed between the read and the transaction: read again


def update_agent(
    agent_id: str,
    changes: dict[str, Any],
    remove: Iterable[str] = (),
    *,
    along_with: AlongWith | None = None,
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Set (and remove) attributes of an existing agent, never its username.

    Returns (before, after). Raises NotFound (`agent_not_found`) for an unknown agent.
    `along_with(before, after)` names writes (its audit entry, clearing its failed logins)
    made in the same transaction as the change.
    """
    removed = [r for r in remove if r not in changes]
    if along_with is not None:
        return _update_in_transaction(agent_id, changes, removed, along_with)
    expression, names, vals = _update_expression(changes, removed)
    pk, sk = keys.agent(agent_id)
    request: dict[str, Any] = {
        "TableName": table.table_name(),
        "Key": _key((pk, sk)),
        "UpdateExpression": expression,
        "ConditionExpression": "attribute_exists(PK)",
        "ExpressionAttributeNames": names,
        "ReturnValues": "ALL_OLD",
    }
    if vals:
        request["ExpressionAttributeValues"] = table.values(vals)
    try:
        resp = table.client().update_item(**request)
    except ClientError as err:
        if table.is_conditional_failure(err):
            raise NotFound("no such agent", code="agent_not_found") from err
        raise
    before = _strip(table.from_item(resp["Attributes"])) or {}
    after = {k: v for k, v in {**before, **changes}.items() if k not in removed}
    return before, after


def _update_in_transaction(
    agent_id: str, changes: dict[str, Any], removed: list[str], along_with: AlongWith
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Read the agent, then change it in a transaction conditioned on every attribute it
    touches being as read, so the writes made from (before, after) describe what changed."""
    pk, sk = keys.agent(agent_id)
    for _ in range(_ATTEMPTS):
        before = get_agent(agent_id, consistent=True)
        if before is None:
            raise NotFound("no such agent", code="agent_not_found")
        after = {k: v for k, v in {**before, **changes}.items() if k not in removed}
        update = expressions.update_as_read(changes, removed, before).item(pk, sk)
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
    pk, sk = keys.agent(agent_id)
    try:
        table.client().update_item(
            TableName=table.table_name(),
            Key=_key((pk, sk)),
            UpdateExpression="SET heartbeat_at = :now",
            ConditionExpression="attribute_exists(PK)",
            ExpressionAttributeValues=table.values({":now": now}),
        )
    except ClientError as err:
        if table.is_conditional_failure(err):
            raise NotFound("no such agent", code="agent_not_found") from err
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
    """Store a new token and make it the agent's only valid one, in one transaction.

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
    agent_pk, agent_sk = keys.agent(agent_id)
    operations = [
        {
            "Put": {
                "TableName": table.table_name(),
                "Item": table.to_item(token),
                "ConditionExpression": "attribute_not_exists(PK)",
            }
        },
        {
            "Update": {
                "TableName": table.table_name(),
                "Key": _key((agent_pk, agent_sk)),
                "UpdateExpression": "SET token_digest = :digest, token_since = :since",
                "ConditionExpression": "attribute_exists(PK)",
                "ExpressionAttributeValues": table.values(
                    {":digest": token_hash, ":since": created_at}
                ),
            }
        },
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
    pk, sk = keys.auth_token(token_hash)
    condition = "attribute_exists(PK) AND " + (
        "last_seen_at = :seen" if seen is not None else "attribute_not_exists(last_seen_at)"
    )
    values: dict[str, Any] = {":now": now}
    if seen is not None:
        values[":seen"] = seen
    try:
        table.client().update_item(
            TableName=table.table_name(),
            Key=_key((pk, sk)),
            UpdateExpression="SET last_seen_at = :now",
            ConditionExpression=condition,
            ExpressionAttributeValues=table.values(values),
        )
    except ClientError as err:
        if table.is_conditional_failure(err):
            return False
        raise
    return True


def end_login(token_hash: str, audit_entry: dict[str, Any]) -> None:
    """Forget a token (logging out), with its audit entry."""
    _transact(
        [
            {"Delete": {"TableName": table.table_name(), "Key": _key(keys.auth_token(token_hash))}},
            audit.put_operation(audit_entry),
        ]
    )


# -- invitations ------------------------------------------------------------------------
def put_invitation(invitation: dict[str, Any], audit_entry: dict[str, Any]) -> None:
    """Store an invitation (token_hash, agent_id, created_by, created_at, expires_at)."""
    pk, sk = keys.invitation(invitation["token_hash"])
    item = {
        "PK": pk,
        "SK": sk,
        "kind": "invitation",
        **{k: v for k, v in invitation.items() if k != "token_hash"},
        "ttl": invitation["expires_at"] // 1000 + 1,
    }
    try:
        _transact(
            [
                {
                    "Put": {
                        "TableName": table.table_name(),
                        "Item": table.to_item(item),
                        "ConditionExpression": "attribute_not_exists(PK)",
                    }
                },
                audit.put_operation(audit_entry),
            ]
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
    try:
        _transact(
            [
                {
                    "Delete": {
                        "TableName": table.table_name(),
                        "Key": _key(keys.invitation(token_hash)),
                        "ConditionExpression": (
                            "attribute_exists(PK) AND agent_id = :agent AND expires_at > :now"
                        ),
                        "ExpressionAttributeValues": table.values(
                            {":agent": agent_id, ":now": now}
                        ),
                    }
                },
                {
                    "Update": {
                        "TableName": table.table_name(),
                        "Key": _key(keys.agent(agent_id)),
                        "UpdateExpression": (
                            "SET password_hash = :hash, token_since = :now REMOVE token_digest"
                        ),
                        "ConditionExpression": "attribute_exists(PK)",
                        "ExpressionAttributeValues": table.values(
                            {":hash": password_hash, ":now": now}
                        ),
                    }
                },
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
