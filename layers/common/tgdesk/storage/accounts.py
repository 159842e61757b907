"""Agents, their unique usernames, and login tokens (stored only as sha256 digests)."""

from __future__ import annotations

from typing import Any

from botocore.exceptions import ClientError

from tgdesk.errors import Conflict, NotFound
from tgdesk.storage import keys, table

_KEY_ATTRIBUTES = ("PK", "SK", "GSI1PK", "GSI1SK", "GSI2PK", "GSI2SK")


def _strip(item: dict[str, Any] | None) -> dict[str, Any] | None:
    if item is None:
        return None
    return {k: v for k, v in item.items() if k not in _KEY_ATTRIBUTES}


def create_agent(agent: dict[str, Any]) -> None:
    """Store a new agent and claim its username in one transaction.

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
    claim = {
        "PK": claim_pk,
        "SK": claim_sk,
        "kind": "username",
        "agent_id": agent["agent_id"],
    }
    try:
        table.client().transact_write_items(
            TransactItems=[
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
        )
    except ClientError as err:
        reasons = table.cancellation_reasons(err)
        if reasons and reasons[0] == "ConditionalCheckFailed":
            raise Conflict(
                "this username is taken", code="username_taken", field="username"
            ) from err
        raise table.conflict_from(err, "this agent already exists") from err


def get_agent(agent_id: str) -> dict[str, Any] | None:
    pk, sk = keys.agent(agent_id)
    return _strip(table.get(pk, sk))


def get_agents(agent_ids: list[str]) -> dict[str, dict[str, Any]]:
    """Several agents by id (BatchGetItem, 100 per request), keyed by agent id."""
    found: dict[str, dict[str, Any]] = {}
    unique = list(dict.fromkeys(agent_ids))
    for start in range(0, len(unique), 100):
        request: dict[str, Any] = {
            table.table_name(): {
                "Keys": [
                    table.to_item(dict(zip(("PK", "SK"), keys.agent(a), strict=True)))
                    for a in unique[start : start + 100]
                ]
            }
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


def update_agent(agent_id: str, changes: dict[str, Any]) -> dict[str, Any]:
    """Set attributes of an existing agent (never its username); returns the new item."""
    pk, sk = keys.agent(agent_id)
    names = {f"#a{i}": k for i, k in enumerate(changes)}
    vals = {f":v{i}": v for i, v in enumerate(changes.values())}
    try:
        resp = table.client().update_item(
            TableName=table.table_name(),
            Key=table.to_item({"PK": pk, "SK": sk}),
            UpdateExpression="SET " + ", ".join(f"#a{i} = :v{i}" for i in range(len(changes))),
            ConditionExpression="attribute_exists(PK)",
            ExpressionAttributeNames=names,
            ExpressionAttributeValues=table.values(vals),
            ReturnValues="ALL_NEW",
        )
    except ClientError as err:
        if table.is_conditional_failure(err):
            raise NotFound("no such agent", code="agent_not_found") from err
        raise
    return _strip(table.from_item(resp["Attributes"])) or {}


# -- login tokens -----------------------------------------------------------------------
def put_token(token_hash: str, agent_id: str, *, created_at: int, expires_at: int) -> None:
    pk, sk = keys.auth_token(token_hash)
    item = {
        "PK": pk,
        "SK": sk,
        "kind": "token",
        "agent_id": agent_id,
        "created_at": created_at,
        "expires_at": expires_at,
        "ttl": expires_at // 1000 + 1,
    }
    try:
        table.client().put_item(
            TableName=table.table_name(),
            Item=table.to_item(item),
            ConditionExpression="attribute_not_exists(PK)",
        )
    except ClientError as err:
        raise table.conflict_from(err, "this token already exists") from err


def get_token(token_hash: str) -> dict[str, Any] | None:
    pk, sk = keys.auth_token(token_hash)
    return _strip(table.get(pk, sk))


def delete_token(token_hash: str) -> None:
    pk, sk = keys.auth_token(token_hash)
    table.client().delete_item(
        TableName=table.table_name(), Key=table.to_item({"PK": pk, "SK": sk})
    )
