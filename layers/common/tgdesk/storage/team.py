"""Project settings and members' permissions, each written with its audit entry.

Both are optimistic: the write is conditioned on the value that was read (and shown as
`before` in the audit entry), so two supervisors editing at once never lose a change
silently.
"""

from __future__ import annotations

from typing import Any

from botocore.exceptions import ClientError

from tgdesk.core.errors import Conflict, NotFound
from tgdesk.storage import audit, expressions, table
from tgdesk.storage.records import project as project_record
from tgdesk.storage.records.project import Member


def _conditional_update(
    key: tuple[str, str],
    *,
    set_: dict[str, Any],
    remove: list[str],
    before: dict[str, Any],
    audit_entry: dict[str, Any],
    missing: NotFound,
) -> None:
    """SET / REMOVE attributes, each condition on its `before` value (absent if None)."""
    update = expressions.update_as_read(set_, remove, before).item(*key)
    try:
        table.client().transact_write_items(
            TransactItems=[update, audit.put_operation(audit_entry)]
        )
    except ClientError as err:
        if "ConditionalCheckFailed" not in table.cancellation_reasons(err):
            raise
        if table.get(*key, consistent=True) is None:
            raise missing from err
        raise Conflict("someone changed this meanwhile; reload and try again") from err


def update_project_settings(
    project_id: str,
    *,
    set_: dict[str, Any],
    remove: list[str],
    before: dict[str, Any],
    audit_entry: dict[str, Any],
) -> None:
    """Write project attributes (name, routing, agent_scope, ...) read as `before`."""
    _conditional_update(
        project_record.key(project_id),
        set_=set_,
        remove=remove,
        before=before,
        audit_entry=audit_entry,
        missing=NotFound("no such project", code="project_not_found"),
    )


def get_member(project_id: str, agent_id: str) -> Member | None:
    item = table.get(*project_record.member_key(project_id, agent_id), consistent=True)
    return project_record.member_from_item(item) if item else None


def set_member_permissions(
    project_id: str,
    agent_id: str,
    permissions: list[str] | None,
    *,
    before: list[str] | None,
    audit_entry: dict[str, Any],
) -> None:
    """Narrow a member's permissions (a list) or give them all back (None)."""
    _conditional_update(
        project_record.member_key(project_id, agent_id),
        set_={} if permissions is None else {"permissions": permissions},
        remove=["permissions"] if permissions is None else [],
        before={"permissions": before},
        audit_entry=audit_entry,
        missing=NotFound("this agent is not a member of the project", code="member_not_found"),
    )
