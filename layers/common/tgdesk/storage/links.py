"""Tracked links, their project's click settings, and clicks (records/link.py, click.py).

Every change of a link or of the settings carries its audit entry in the same
transaction. A click is one PutItem, nothing else.
"""

from __future__ import annotations

from typing import Any

from botocore.exceptions import ClientError

from tgdesk.core.errors import Conflict, NotFound
from tgdesk.storage import audit, expressions, scroll, table
from tgdesk.storage.expressions import Changes, Condition
from tgdesk.storage.records import click as click_record
from tgdesk.storage.records import link as link_record
from tgdesk.storage.records.click import Click
from tgdesk.storage.records.link import ClickSettings, Link

# A project's links in one list; more would be a campaign-tracking tool of its own.
MAX_PROJECT_LINKS = 1000


def _not_found() -> NotFound:
    return NotFound("no such link", code="link_not_found")


def _changed() -> Conflict:
    return Conflict("someone changed this link meanwhile; reload it", code="link_changed")


# -- links ------------------------------------------------------------------------------
def get_link(code: str) -> Link | None:
    """The link item with this code, deleted or not (None when there never was one)."""
    item = table.get(*link_record.key(code))
    return link_record.from_item(item) if item else None


def list_project_links(project_id: str) -> list[Link]:
    """A project's live links, newest first."""
    items, _ = table.query(
        pk=link_record.project_index(project_id),
        index="GSI1",
        forward=False,
        limit=MAX_PROJECT_LINKS,
    )
    return [link_record.from_item(i) for i in items]


def create_link(link: Link, audit_entry: dict[str, Any]) -> None:
    """Store a new link; Conflict `link_code_taken` when its code exists (even deleted)."""
    try:
        table.client().transact_write_items(
            TransactItems=[
                expressions.put_new(link_record.to_item(link)),
                audit.put_operation(audit_entry),
            ]
        )
    except ClientError as err:
        if "ConditionalCheckFailed" in table.cancellation_reasons(err):
            raise Conflict("this code is taken", code="link_code_taken", field="code") from err
        raise


def update_link(
    code: str,
    set_: dict[str, Any],
    remove: list[str],
    *,
    seen_updated_at: int,
    audit_entry: dict[str, Any],
) -> None:
    """SET and REMOVE attributes of a live link if nobody changed it since it was read at
    `seen_updated_at`: Conflict `link_changed` otherwise, NotFound once it is gone."""
    update = (
        Changes()
        .require_item()
        .require_absent("deleted_at")
        .require_equal("updated_at", seen_updated_at)
    )
    for attribute, value in set_.items():
        update.set(attribute, value)
    if remove:
        update.remove(*remove)
    _write_link_change(code, update.item(*link_record.key(code)), audit_entry)


def delete_link(
    code: str, *, deleted_at: int, seen_updated_at: int, audit_entry: dict[str, Any]
) -> None:
    """Mark the link deleted and take it out of its project's list; its code stays taken."""
    update = (
        Changes()
        .require_item()
        .require_absent("deleted_at")
        .require_equal("updated_at", seen_updated_at)
        .set("deleted_at", deleted_at)
        .set("updated_at", deleted_at)
        .remove("GSI1PK", "GSI1SK")
    )
    _write_link_change(code, update.item(*link_record.key(code)), audit_entry)


def _write_link_change(code: str, operation: dict[str, Any], audit_entry: dict[str, Any]) -> None:
    try:
        table.client().transact_write_items(
            TransactItems=[operation, audit.put_operation(audit_entry)]
        )
    except ClientError as err:
        if "ConditionalCheckFailed" in table.cancellation_reasons(err):
            found = get_link(code)
            if found is None or "deleted_at" in found:
                raise _not_found() from err
            raise _changed() from err
        raise


def copy_to_links(project_id: str, copies: dict[str, Any]) -> int:
    """Rewrite the redirect's copies (`bot_username`, `click_settings`) on each live link of
    the project; returns how many links were written. Each write is conditioned on the link
    still being live; a link deleted meanwhile is skipped."""
    written = 0
    for link in list_project_links(project_id):
        update = Changes().require_item().require_absent("deleted_at")
        for attribute, value in copies.items():
            update.set(attribute, value)
        try:
            table.client().update_item(**update.request(*link_record.key(link["code"])))
            written += 1
        except ClientError as err:
            if not table.is_conditional_failure(err):
                raise
    return written


# -- a project's click settings ------------------------------------------------------------
def get_settings(project_id: str) -> tuple[ClickSettings, int | None]:
    """The stored settings (absent ones missing) and the `updated_at` read (None: no item)."""
    item = table.get(*link_record.settings_key(project_id), consistent=True)
    if item is None:
        return {}, None
    return link_record.settings_from_item(item), int(item["updated_at"])


def put_settings(
    project_id: str,
    settings: ClickSettings,
    *,
    updated_at: int,
    seen_updated_at: int | None,
    audit_entry: dict[str, Any] | None,
) -> None:
    """Write the settings item if it still is as read (absent when `seen_updated_at` is
    None): Conflict `link_settings_changed` otherwise."""
    condition = Condition().require_as_read("updated_at", seen_updated_at)
    operations = [condition.put(link_record.settings_to_item(project_id, settings, updated_at))]
    if audit_entry is not None:
        operations.append(audit.put_operation(audit_entry))
    table.transact(
        operations,
        conflict=Conflict(
            "someone changed these settings meanwhile; reload them", code="link_settings_changed"
        ),
    )


# -- clicks ---------------------------------------------------------------------------------
def put_click(click: Click) -> None:
    """The click's one write. Its payload is fresh randomness: the condition only guards
    against the impossible collision, in the same request."""
    table.client().put_item(**expressions.put_new(click_record.to_item(click))["Put"])


def get_click(payload: str) -> Click | None:
    item = table.get(*click_record.key(payload))
    return click_record.from_item(item) if item else None


def list_clicks(
    code: str, *, limit: int, before: str | None = None
) -> tuple[list[Click], str | None]:
    """A page of a link's clicks, newest first, merged over their shards, and the cursor of
    the next page (None at the end)."""
    partitions = [scroll.Partition(shard, "GSI1") for shard in click_record.index_shards(code)]
    items, cursor = scroll.newest(
        partitions, low="0", high="~", limit=limit, before=before, grow=True
    )
    return [click_record.from_item(i) for i in items], cursor
