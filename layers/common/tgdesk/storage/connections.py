"""The console's WebSocket connections and the single-use tickets that open them.

A connection item lives as long as API Gateway keeps a connection (2 h at most): its `ttl`
is moved forward by every heartbeat, and readers ignore items past `expires_at`, since
TTL deletion lags. A ticket is stored by its digest and used up by a conditional delete,
so two $connect calls can never both redeem it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from botocore.exceptions import ClientError

from tgdesk.storage import keys, table
from tgdesk.storage.expressions import Changes, Condition, put_new

_PRIVATE = frozenset({"kind", "ttl"})


def _public(item: dict[str, Any] | None) -> dict[str, Any] | None:
    if item is None:
        return None
    return {k: v for k, v in table.strip_keys(item).items() if k not in _PRIVATE}


# -- tickets ----------------------------------------------------------------------------
def put_ticket(ticket_hash: str, agent_id: str, *, login_digest: str, expires_at: int) -> None:
    pk, sk = keys.ws_ticket(ticket_hash)
    item = {
        "PK": pk,
        "SK": sk,
        "kind": "ws_ticket",
        "agent_id": agent_id,
        "login_digest": login_digest,
        "expires_at": expires_at,
        "ttl": expires_at // 1000 + 1,
    }
    table.client().put_item(**put_new(item)["Put"])


def take_ticket(ticket_hash: str, now: int) -> dict[str, Any] | None:
    """Delete the ticket if it exists and has not expired; returns it, or None (unknown,
    expired or already used)."""
    unexpired = Condition().require_item().require_greater("expires_at", now)
    try:
        resp = table.client().delete_item(
            **unexpired.delete(*keys.ws_ticket(ticket_hash))["Delete"], ReturnValues="ALL_OLD"
        )
    except ClientError as err:
        if table.is_conditional_failure(err):
            return None
        raise
    return _public(table.from_item(resp.get("Attributes")))


# -- connections ------------------------------------------------------------------------
def put_connection(connection: dict[str, Any], *, ttl_seconds: int) -> None:
    """Store a new connection: connection_id, agent_id, login_digest, connected_at, ..."""
    connection_id, connected_at = connection["connection_id"], connection["connected_at"]
    pk, sk = keys.ws_connection(connection_id)
    expires_at = connected_at + ttl_seconds * 1000
    item = {
        **connection,
        "PK": pk,
        "SK": sk,
        "GSI1PK": keys.agent_connections_index(connection["agent_id"]),
        "GSI1SK": keys.connection_sort_key(connected_at, connection_id),
        "kind": "ws_connection",
        "last_seen_at": connected_at,
        "expires_at": expires_at,
        "ttl": expires_at // 1000,
    }
    table.client().put_item(TableName=table.table_name(), Item=table.to_item(item))


def touch_connection(connection_id: str, now: int, *, ttl_seconds: int) -> dict[str, Any] | None:
    """Move a live connection's expiry forward; None when it is unknown or has expired."""
    expires_at = now + ttl_seconds * 1000
    update = (
        Changes()
        .require_item()
        .require_greater("expires_at", now)
        .set("last_seen_at", now)
        .set("expires_at", expires_at)
        .set("ttl", expires_at // 1000)
    )
    try:
        resp = table.client().update_item(
            **update.request(*keys.ws_connection(connection_id)), ReturnValues="ALL_NEW"
        )
    except ClientError as err:
        if table.is_conditional_failure(err):
            return None
        raise
    return _public(table.from_item(resp.get("Attributes")))


def delete_connection(connection_id: str) -> dict[str, Any] | None:
    """Forget a connection; returns what was stored (None if nothing was)."""
    pk, sk = keys.ws_connection(connection_id)
    resp = table.client().delete_item(
        TableName=table.table_name(),
        Key=table.to_item({"PK": pk, "SK": sk}),
        ReturnValues="ALL_OLD",
    )
    return _public(table.from_item(resp.get("Attributes")))


def connections_of(agent_ids: Iterable[str], now: int) -> dict[str, list[dict[str, Any]]]:
    """The live connections of each agent (one Query per agent), keyed by agent id."""
    found: dict[str, list[dict[str, Any]]] = {}
    for agent_id in dict.fromkeys(agent_ids):
        items = table.query_all(pk=keys.agent_connections_index(agent_id), index="GSI1")
        live = [c for c in (_public(i) for i in items) if c and c["expires_at"] > now]
        if live:
            found[agent_id] = live
    return found
