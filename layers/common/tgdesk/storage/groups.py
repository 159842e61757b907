"""Agent groups of a project ("pre-sales", "L2 support"): PK PROJECT#{pid}, SK GROUP#{gid}.

Each write carries its audit entry in the same transaction.
"""

from __future__ import annotations

from typing import Any

from botocore.exceptions import ClientError

from tgdesk.core.errors import Conflict, NotFound
from tgdesk.storage import audit, expressions, keys, table
from tgdesk.storage.expressions import Changes, Condition


def _not_found() -> NotFound:
    return NotFound("no such group", code="group_not_found")


def get_group(project_id: str, group_id: str) -> dict[str, Any] | None:
    pk, sk = keys.agent_group(project_id, group_id)
    item = table.get(pk, sk)
    return table.strip_keys(item) if item else None


def list_groups(project_id: str) -> list[dict[str, Any]]:
    pk, _ = keys.project(project_id)
    return [table.strip_keys(i) for i in table.query_all(pk=pk, sk_prefix=keys.GROUP_PREFIX)]


def create_group(group: dict[str, Any], audit_entry: dict[str, Any]) -> None:
    """`group` holds group_id, project_id, name, agent_ids, created_at, created_by."""
    pk, sk = keys.agent_group(group["project_id"], group["group_id"])
    item = {"PK": pk, "SK": sk, "kind": "group", **group}
    table.client().transact_write_items(
        TransactItems=[expressions.put_new(item), audit.put_operation(audit_entry)]
    )


def update_group(
    project_id: str,
    group_id: str,
    changes: dict[str, Any],
    *,
    seen_updated_at: int,
    audit_entry: dict[str, Any],
) -> None:
    """Apply `changes` (which set a new `updated_at`) if nobody changed the group since it
    was read at `seen_updated_at`: Conflict otherwise, NotFound once it is gone."""
    update = Changes().require_item().require_equal("updated_at", seen_updated_at)
    for attribute, value in changes.items():
        update.set(attribute, value)
    try:
        table.client().transact_write_items(
            TransactItems=[
                update.item(*keys.agent_group(project_id, group_id)),
                audit.put_operation(audit_entry),
            ]
        )
    except ClientError as err:
        if "ConditionalCheckFailed" in table.cancellation_reasons(err):
            if get_group(project_id, group_id) is None:
                raise _not_found() from err
            raise Conflict(
                "someone changed this group meanwhile; reload it", code="group_changed"
            ) from err
        raise


def delete_group(project_id: str, group_id: str, audit_entry: dict[str, Any]) -> None:
    existing = Condition().require_item()
    try:
        table.client().transact_write_items(
            TransactItems=[
                existing.delete(*keys.agent_group(project_id, group_id)),
                audit.put_operation(audit_entry),
            ]
        )
    except ClientError as err:
        if "ConditionalCheckFailed" in table.cancellation_reasons(err):
            raise _not_found() from err
        raise
