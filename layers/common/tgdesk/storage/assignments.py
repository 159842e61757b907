"""Routing state and assignment records: the DynamoDB side of tgdesk.routing.

Routing one session costs a fixed number of requests whatever the size of the project
(for up to 98 members; 100 more members add one BatchGetItem): one Query of the members,
one consistent BatchGetItem of the session, the cursor and the members' agent items, and
one TransactWriteItems that claims the session. A lost race adds one GetItem and one
transaction per retry.
"""

from __future__ import annotations

import time
from typing import Any

from botocore.exceptions import ClientError

from tgdesk.routing import (
    Candidate,
    Claim,
    ClaimResult,
    RoutingState,
    SessionToRoute,
    Snapshot,
)
from tgdesk.storage import keys, projects, table

ASSIGNMENT_PREFIX = "ASSIGNMENT#"
ROUTED = "routed"
BY_SYSTEM = "system"

_BATCH_GET_LIMIT = 100
_UNPROCESSED_RETRIES = 5
# Only what routing needs: agent items also hold password hashes, which stay in the table.
_PROJECTION = "PK, SK, disabled, rr_seq, assignee_id, #status"


def assignment_key(session_id: str, assigned_at: int, agent_id: str) -> tuple[str, str]:
    pk, _ = keys.session(session_id)
    return pk, f"{ASSIGNMENT_PREFIX}{keys.ts(assigned_at)}#{agent_id}"


def list_assignments(session_id: str) -> list[dict[str, Any]]:
    """Every assignment of a session, oldest first."""
    pk, _ = keys.session(session_id)
    return table.query_all(pk=pk, sk_prefix=ASSIGNMENT_PREFIX)


def _batch_get_consistent(key_pairs: list[tuple[str, str]]) -> dict[tuple[str, str], dict]:
    """Read items by key with strongly consistent reads, in as few requests as allowed."""
    found: dict[tuple[str, str], dict] = {}
    name = table.table_name()
    for start in range(0, len(key_pairs), _BATCH_GET_LIMIT):
        request: dict[str, Any] = {
            name: {
                "Keys": [
                    table.to_item({"PK": pk, "SK": sk})
                    for pk, sk in key_pairs[start : start + _BATCH_GET_LIMIT]
                ],
                "ConsistentRead": True,
                "ProjectionExpression": _PROJECTION,
                "ExpressionAttributeNames": {"#status": "status"},
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


class DynamoRoutingStore:
    """tgdesk.routing.RoutingStore on the single table."""

    def snapshot(self, session: SessionToRoute) -> Snapshot:
        agent_ids = [m["agent_id"] for m in projects.list_members(session.project_id)]
        session_key = keys.session(session.session_id)
        routing_key = keys.routing_state(session.project_id)
        agent_keys = {keys.agent(aid): aid for aid in agent_ids}
        items = _batch_get_consistent([session_key, routing_key, *agent_keys])

        stored = items.get(session_key)
        session_open = (
            stored is not None and "assignee_id" not in stored and stored.get("status") != "closed"
        )
        candidates = tuple(
            Candidate(agent_id=aid, disabled=bool(items[key].get("disabled")))
            for key, aid in agent_keys.items()
            if key in items  # a member whose agent item is gone is not routable
        )
        return Snapshot(session_open, candidates, _state(items.get(routing_key)))

    def read_state(self, project_id: str) -> RoutingState:
        pk, sk = keys.routing_state(project_id)
        resp = table.client().get_item(
            TableName=table.table_name(),
            Key=table.to_item({"PK": pk, "SK": sk}),
            ConsistentRead=True,
            ProjectionExpression="rr_seq",
        )
        return _state(table.from_item(resp.get("Item")))

    def claim(self, claim: Claim) -> ClaimResult:
        try:
            table.client().transact_write_items(
                TransactItems=[
                    _advance_cursor(claim),
                    _assign_session(claim),
                    _record_assignment(claim),
                ]
            )
        except ClientError as err:
            if err.response.get("Error", {}).get("Code") != "TransactionCanceledException":
                raise
            cursor, session, _ = table.cancellation_reasons(err)
            if session == "ConditionalCheckFailed":
                return ClaimResult.SESSION_TAKEN
            if cursor == "ConditionalCheckFailed" or "TransactionConflict" in (cursor, session):
                return ClaimResult.CONTENDED
            raise
        return ClaimResult.CLAIMED


def _state(item: dict[str, Any] | None) -> RoutingState:
    cursor = (item or {}).get("rr_seq")
    return RoutingState(cursor=int(cursor) if cursor is not None else None)


def _advance_cursor(claim: Claim) -> dict[str, Any]:
    pk, sk = keys.routing_state(claim.project_id)
    vals: dict[str, Any] = {
        ":next": (claim.cursor_read or 0) + 1,
        ":kind": "routing",
        ":pid": claim.project_id,
        ":at": claim.at,
    }
    if claim.cursor_read is None:
        condition = "attribute_not_exists(rr_seq)"
    else:
        condition = "rr_seq = :prev"
        vals[":prev"] = claim.cursor_read
    return {
        "Update": {
            "TableName": table.table_name(),
            "Key": table.to_item({"PK": pk, "SK": sk}),
            "UpdateExpression": (
                "SET rr_seq = :next, #kind = :kind, project_id = :pid, updated_at = :at"
            ),
            "ConditionExpression": condition,
            "ExpressionAttributeNames": {"#kind": "kind"},
            "ExpressionAttributeValues": table.values(vals),
        }
    }


def _assign_session(claim: Claim) -> dict[str, Any]:
    pk, sk = keys.session(claim.session_id)
    return {
        "Update": {
            "TableName": table.table_name(),
            "Key": table.to_item({"PK": pk, "SK": sk}),
            # GSI1SK keeps the activity key: the session moves from the queue to the
            # agent's list at the same place in activity order.
            "UpdateExpression": "SET assignee_id = :aid, assigned_at = :at, GSI1PK = :list",
            "ConditionExpression": (
                "attribute_exists(PK) AND attribute_not_exists(assignee_id) AND #status <> :closed"
            ),
            "ExpressionAttributeNames": {"#status": "status"},
            "ExpressionAttributeValues": table.values(
                {
                    ":aid": claim.agent_id,
                    ":at": claim.at,
                    ":list": keys.assignee_sessions_index(claim.agent_id),
                    ":closed": "closed",
                }
            ),
        }
    }


def _record_assignment(claim: Claim) -> dict[str, Any]:
    pk, sk = assignment_key(claim.session_id, claim.at, claim.agent_id)
    item = {
        "PK": pk,
        "SK": sk,
        "kind": "assignment",
        "session_id": claim.session_id,
        "project_id": claim.project_id,
        "agent_id": claim.agent_id,
        "at": claim.at,
        "how": ROUTED,
        "by": BY_SYSTEM,
    }
    return {"Put": {"TableName": table.table_name(), "Item": table.to_item(item)}}
