"""A project's tag catalog, and the tags put on sessions and on Telegram users.

A tag's name is unique in its project whatever its case: a claim item keyed on the folded
name is written in the same transaction as the tag (docs/data-model.md: tag, tag name claim).
Every write carries its audit entry in the same transaction.
"""

from __future__ import annotations

from typing import Any

from botocore.exceptions import ClientError

from tgdesk.errors import Conflict, NotFound
from tgdesk.storage import audit, keys, table

_FAILED = "ConditionalCheckFailed"


def catalog(project_id: str) -> list[dict[str, Any]]:
    pk, _ = keys.project(project_id)
    return [table.strip_keys(i) for i in table.query_all(pk=pk, sk_prefix=keys.TAG_PREFIX)]


def get(project_id: str, tag_id: str) -> dict[str, Any] | None:
    item = table.get(*keys.project_tag(project_id, tag_id))
    return table.strip_keys(item) if item else None


def create(tag: dict[str, Any], entry: dict[str, Any]) -> None:
    """Store a new tag (tag_id, project_id, name, name_key, colour, created_at, created_by)."""
    pk, sk = keys.project_tag(tag["project_id"], tag["tag_id"])
    operations = [
        _put({"PK": pk, "SK": sk, "kind": "tag", **tag}),
        _claim(tag),
        audit.put_operation(entry),
    ]
    _transact(operations, name_claim_at=1)


def update(before: dict[str, Any], after: dict[str, Any], entry: dict[str, Any]) -> None:
    """Rename or recolour a tag, moving its name claim when the folded name changes."""
    pk, sk = keys.project_tag(before["project_id"], before["tag_id"])
    operations: list[dict[str, Any]] = [
        {
            "Update": {
                "TableName": table.table_name(),
                "Key": table.to_item({"PK": pk, "SK": sk}),
                "UpdateExpression": "SET #name = :name, name_key = :key, colour = :colour, "
                "updated_at = :at",
                "ConditionExpression": "attribute_exists(PK) AND name_key = :seen",
                "ExpressionAttributeNames": {"#name": "name"},
                "ExpressionAttributeValues": table.values(
                    {
                        ":name": after["name"],
                        ":key": after["name_key"],
                        ":colour": after["colour"],
                        ":at": after["updated_at"],
                        ":seen": before["name_key"],
                    }
                ),
            }
        }
    ]
    claim_at = None
    if after["name_key"] != before["name_key"]:
        operations.append(_release(before))
        claim_at = len(operations)
        operations.append(_claim(after))
    operations.append(audit.put_operation(entry))
    _transact(operations, name_claim_at=claim_at)


def delete(tag: dict[str, Any], entry: dict[str, Any]) -> None:
    """Remove a tag and its name claim. Sessions and users that carry its id keep it until
    their tags are next set; readers resolve tag ids against the catalog."""
    pk, sk = keys.project_tag(tag["project_id"], tag["tag_id"])
    operations = [
        {
            "Delete": {
                "TableName": table.table_name(),
                "Key": table.to_item({"PK": pk, "SK": sk}),
                "ConditionExpression": "attribute_exists(PK)",
            }
        },
        _release(tag),
        audit.put_operation(entry),
    ]
    _transact(operations, name_claim_at=None, first_missing_is_gone=True)


def set_on_session(
    session_id: str, before: list[str], after: list[str], entry: dict[str, Any]
) -> None:
    """Replace a session's `tags`, if they are still `before`."""
    _set_tags(keys.session(session_id), before, after, entry)


def set_on_user(
    project_id: str, tg_user_id: int, before: list[str], after: list[str], entry: dict[str, Any]
) -> None:
    """Replace the `tags` of a Telegram user's profile, if they are still `before`."""
    _set_tags(keys.telegram_user(project_id, tg_user_id), before, after, entry)


def _set_tags(
    key: tuple[str, str], before: list[str], after: list[str], entry: dict[str, Any]
) -> None:
    vals: dict[str, Any] = {}
    if before:
        seen = "#tags = :before"
        vals[":before"] = before
    else:
        seen = "(attribute_not_exists(#tags) OR size(#tags) = :zero)"
        vals[":zero"] = 0
    if after:
        expression = "SET #tags = :after"
        vals[":after"] = after
    else:
        expression = "REMOVE #tags"
    update = {
        "Update": {
            "TableName": table.table_name(),
            "Key": table.to_item({"PK": key[0], "SK": key[1]}),
            "UpdateExpression": expression,
            "ConditionExpression": f"attribute_exists(PK) AND {seen}",
            "ExpressionAttributeNames": {"#tags": "tags"},
            "ExpressionAttributeValues": table.values(vals),
        }
    }
    table.transact(
        [update, audit.put_operation(entry)],
        conflict=Conflict(
            "The tags were changed meanwhile; reload and try again.", code="tags_changed"
        ),
    )


def _put(item: dict[str, Any], condition: str = "attribute_not_exists(PK)") -> dict[str, Any]:
    return {
        "Put": {
            "TableName": table.table_name(),
            "Item": table.to_item(item),
            "ConditionExpression": condition,
        }
    }


def _claim(tag: dict[str, Any]) -> dict[str, Any]:
    pk, sk = keys.tag_name_claim(tag["project_id"], tag["name_key"])
    return _put(
        {
            "PK": pk,
            "SK": sk,
            "kind": "tag_name",
            "project_id": tag["project_id"],
            "tag_id": tag["tag_id"],
        }
    )


def _release(tag: dict[str, Any]) -> dict[str, Any]:
    pk, sk = keys.tag_name_claim(tag["project_id"], tag["name_key"])
    return {
        "Delete": {
            "TableName": table.table_name(),
            "Key": table.to_item({"PK": pk, "SK": sk}),
            "ConditionExpression": "tag_id = :id",
            "ExpressionAttributeValues": table.values({":id": tag["tag_id"]}),
        }
    }


def _transact(
    operations: list[dict[str, Any]],
    *,
    name_claim_at: int | None,
    first_missing_is_gone: bool = False,
) -> None:
    try:
        table.client().transact_write_items(TransactItems=operations)
    except ClientError as err:
        if err.response.get("Error", {}).get("Code") != "TransactionCanceledException":
            raise
        reasons = table.cancellation_reasons(err)
        if name_claim_at is not None and reasons[name_claim_at : name_claim_at + 1] == [_FAILED]:
            raise Conflict(
                "A tag with this name already exists in this project.",
                code="tag_name_taken",
                field="name",
            ) from err
        if first_missing_is_gone and reasons[:1] == [_FAILED]:
            raise NotFound("no such tag", code="tag_not_found") from err
        raise Conflict(
            "The tag was changed meanwhile; reload it and try again.", code="tag_changed"
        ) from err
