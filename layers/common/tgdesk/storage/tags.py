"""A project's tag catalog, and the tags put on sessions and on Telegram users.

A tag's name is unique in its project whatever its case: a claim item keyed on the folded
name is written in the same transaction as the tag (docs/data-model.md: tag, tag name claim).
Every write carries its audit entry in the same transaction. Putting tags on a session or a
user checks, in the same transaction, that each tag still exists; deleting a tag leaves a
sweep item that pages through the project's sessions and users to take its id off them.
"""

from __future__ import annotations

import json
from typing import Any

from botocore.exceptions import ClientError

from tgdesk.core.errors import Conflict, NotFound
from tgdesk.storage import audit, keys, table
from tgdesk.storage.expressions import Changes, Condition, put_new

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
        put_new({"PK": pk, "SK": sk, "kind": "tag", **tag}),
        _claim(tag),
        audit.put_operation(entry),
    ]
    _transact(operations, name_claim_at=1)


def update(before: dict[str, Any], after: dict[str, Any], entry: dict[str, Any]) -> None:
    """Rename or recolour a tag, moving its name claim when the folded name changes."""
    pk, sk = keys.project_tag(before["project_id"], before["tag_id"])
    update = Changes().require_item().require_equal("name_key", before["name_key"])
    for attribute in ("name", "name_key", "colour", "updated_at"):
        update.set(attribute, after[attribute])
    operations = [update.item(pk, sk)]
    claim_at = None
    if after["name_key"] != before["name_key"]:
        operations.append(_release(before))
        claim_at = len(operations)
        operations.append(_claim(after))
    operations.append(audit.put_operation(entry))
    _transact(operations, name_claim_at=claim_at)


def delete(tag: dict[str, Any], entry: dict[str, Any], sweep: dict[str, Any]) -> None:
    """Remove a tag and its name claim, and start its sweep (`sweep`: tag_id, project_id,
    actor_id, source_ip, started_at), in one transaction."""
    pk, sk = keys.project_tag(tag["project_id"], tag["tag_id"])
    sweep_pk, sweep_sk = keys.tag_sweep(tag["project_id"], tag["tag_id"])
    operations = [
        Condition().require_item().delete(pk, sk),
        _release(tag),
        audit.put_operation(entry),
        put_new(
            {
                "PK": sweep_pk,
                "SK": sweep_sk,
                "kind": "tag_sweep",
                **sweep,
                "phase": SWEEP_PHASES[0],
                "step": 0,
            }
        ),
    ]
    _transact(operations, name_claim_at=None, first_missing_is_gone=True)


# -- sweeping a deleted tag off its carriers -------------------------------------------
SWEEP_PHASES = ("sessions", "users")


def pending_sweeps(project_id: str) -> list[dict[str, Any]]:
    pk, _ = keys.project(project_id)
    found = table.query_all(pk=pk, sk_prefix=keys.TAG_SWEEP_PREFIX)
    return [table.strip_keys(i) for i in found]


def carriers(sweep: dict[str, Any], *, limit: int) -> tuple[list[dict[str, Any]], str | None]:
    """One page of the project's sessions (phase `sessions`) or users (`users`) that carry
    the swept tag, read from `sweep`'s cursor, and the cursor after it (None: the end).

    The indexes are read oldest activity first: an item only moves towards the end of its
    index (activity and last-seen times only grow), so an item that moves during the sweep
    is met again later instead of being skipped. The shards of either index are read one after
    the other (a session or user stays in its shard). At most `limit` index items are read.
    """
    project_id = sweep["project_id"]
    if sweep["phase"] == "sessions":
        index, partitions = "GSI2", keys.project_sessions_shards(project_id)
    else:
        index, partitions = "GSI1", keys.project_users_shards(project_id)
    position = json.loads(sweep["cursor"]) if sweep.get("cursor") else {}
    shard = position.get("shard", 0)
    start = position.get("start")
    if start and (table.from_item(start) or {}).get(f"{index}PK") != partitions[shard]:
        start = None  # a cursor of an unsharded index: this shard starts again
    found: list[dict[str, Any]] = []
    read = 0
    while True:
        items, start, evaluated = _carriers_of(index, partitions[shard], sweep, limit - read, start)
        found += items
        read += evaluated
        if start is None:
            shard += 1
            if shard == len(partitions):
                return found, None
        if read >= limit:
            return found, json.dumps({"shard": shard, "start": start})


def _carriers_of(
    index: str, partition: str, sweep: dict[str, Any], limit: int, start: dict[str, Any] | None
) -> tuple[list[dict[str, Any]], dict[str, Any] | None, int]:
    """Carriers of the swept tag in one index partition, oldest first, from `start`: what
    was found, where the next read starts (None: the partition's end), items evaluated."""
    request: dict[str, Any] = {
        "TableName": table.table_name(),
        "IndexName": index,
        "KeyConditionExpression": "#pk = :pk",
        "FilterExpression": "contains(#tags, :tag)",
        "ExpressionAttributeNames": {"#pk": f"{index}PK", "#tags": "tags"},
        "ExpressionAttributeValues": table.values({":pk": partition, ":tag": sweep["tag_id"]}),
        "ScanIndexForward": True,
        "Limit": max(1, limit),
    }
    if start:
        request["ExclusiveStartKey"] = start
    resp = table.client().query(**request)
    items = [i for i in map(table.from_item, resp.get("Items", [])) if i is not None]
    return items, resp.get("LastEvaluatedKey"), resp.get("ScannedCount", len(items))


def carried_tags(carrier: dict[str, Any]) -> list[str] | None:
    """The carrier's tags as stored now (None: the item is gone)."""
    item = table.get(carrier["PK"], carrier["SK"], consistent=True)
    return None if item is None else list(item.get("tags", []))


def set_on_carrier(
    carrier: dict[str, Any], before: list[str], after: list[str], entry: dict[str, Any]
) -> None:
    """Replace the tags of an item that `carriers` found, if they are still `before`."""
    _set_tags((carrier["PK"], carrier["SK"]), before, after, entry)


def advance_sweep(sweep: dict[str, Any], *, phase: str, cursor: str | None) -> dict[str, Any]:
    """Record where the sweep stands, if nobody moved it since it was read; else Conflict."""
    pk, sk = keys.tag_sweep(sweep["project_id"], sweep["tag_id"])
    after = {**sweep, "phase": phase, "cursor": cursor, "step": sweep["step"] + 1}
    if cursor is None:
        after.pop("cursor")
    put = _unmoved(sweep).put({"PK": pk, "SK": sk, "kind": "tag_sweep", **after})
    try:
        table.client().put_item(**put["Put"])
    except ClientError as err:
        raise table.conflict_from(err, "the sweep was moved on meanwhile") from err
    return after


def finish_sweep(sweep: dict[str, Any]) -> None:
    """Remove a finished sweep, if nobody moved it since it was read; else Conflict."""
    pk, sk = keys.tag_sweep(sweep["project_id"], sweep["tag_id"])
    try:
        table.client().delete_item(**_unmoved(sweep).delete(pk, sk)["Delete"])
    except ClientError as err:
        raise table.conflict_from(err, "the sweep was moved on meanwhile") from err


def _unmoved(sweep: dict[str, Any]) -> Condition:
    """Nobody moved the sweep on since it was read."""
    return Condition().require_equal("step", sweep["step"])


# -- tags of a session or a user --------------------------------------------------------
def set_on_session(
    project_id: str, session_id: str, before: list[str], after: list[str], entry: dict[str, Any]
) -> None:
    """Replace a session's `tags`, if they are still `before` and every tag of `after`
    is still in the project's catalog."""
    _set_tags(keys.session(session_id), before, after, entry, project_id=project_id)


def set_on_user(
    project_id: str, tg_user_id: int, before: list[str], after: list[str], entry: dict[str, Any]
) -> None:
    """Replace the `tags` of a Telegram user's profile, if they are still `before` and
    every tag of `after` is still in the project's catalog."""
    key = keys.telegram_user(project_id, tg_user_id)
    _set_tags(key, before, after, entry, project_id=project_id)


def replace_operation(key: tuple[str, str], before: list[str], after: list[str]) -> dict[str, Any]:
    """A TransactWriteItems Update that replaces an item's `tags` with `after` (removes them
    when empty), if they are still `before`."""
    update = Changes().require_item().require_list_as_read("tags", before)
    if after:
        update.set("tags", after)
    else:
        update.remove("tags")
    return update.item(*key)


def _tag_exists(project_id: str, tag_id: str) -> dict[str, Any]:
    return Condition().require_item().check(*keys.project_tag(project_id, tag_id))


def _set_tags(
    key: tuple[str, str],
    before: list[str],
    after: list[str],
    entry: dict[str, Any],
    *,
    project_id: str | None = None,
) -> None:
    """`project_id` given: each tag of `after` must still exist (a tag deleted meanwhile
    would otherwise come back on a carrier its sweep has already passed)."""
    checks = [_tag_exists(project_id, t) for t in after] if project_id else []
    table.transact(
        [replace_operation(key, before, after), audit.put_operation(entry), *checks],
        conflict=Conflict(
            "The tags were changed meanwhile; reload and try again.", code="tags_changed"
        ),
    )


def _claim(tag: dict[str, Any]) -> dict[str, Any]:
    pk, sk = keys.tag_name_claim(tag["project_id"], tag["name_key"])
    return put_new(
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
    return Condition().require_equal("tag_id", tag["tag_id"]).delete(pk, sk)


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
