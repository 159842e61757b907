"""Risk groups, the risk version and flagged inbound messages (the trigger log is read from
the audit log: storage.audit_feed).

A risk group is one item, PK RISKGROUP#{gid}, entries included, listed on GSI1 by name
(docs/data-model.md: risk group). Every change of a group writes, in the same transaction, a
new `version` on the group and on the global RISK#VERSION item, and its audit entry: the
version is what a process's cached matcher is keyed on. A container trusts the version it
read for VERSION_FRESH_SECONDS (one read per container per bound instead of one per message:
RISK#VERSION is a single item every check would read), so a change made in another
container applies here within that bound; the container that makes a change applies it at
once.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from typing import Any

from botocore.exceptions import ClientError

from tgdesk.core.errors import Conflict, InvalidInput, NotFound
from tgdesk.storage import audit, keys, table, tags
from tgdesk.storage.expressions import Changes, Condition, put, put_new

# DynamoDB items hold at most 400 KB; the GSI copy and the other attributes need headroom.
MAX_GROUP_BYTES = 300_000
_FAILED = "ConditionalCheckFailed"
NO_VERSION = "0"
# How long a container keeps the risk version it read: the staleness bound of risk control.
# A new risk word (or any group change) applies in every container within this many seconds.
VERSION_FRESH_SECONDS = 5.0


def _not_found() -> NotFound:
    return NotFound("no such risk group", code="risk_group_not_found")


def _changed() -> Conflict:
    return Conflict(
        "Someone changed this risk group meanwhile; reload it and try again.",
        code="risk_group_changed",
    )


def group_size(group: dict[str, Any]) -> int:
    """About how many bytes the group takes as an item (UTF-8 of its attributes)."""
    return len(json.dumps(group, ensure_ascii=False, separators=(",", ":")).encode())


def _require_fits(group: dict[str, Any]) -> None:
    size = group_size(group)
    if size > MAX_GROUP_BYTES:
        raise InvalidInput(
            f"This group would take {size // 1000} KB; a group holds at most "
            f"{MAX_GROUP_BYTES // 1000} KB of entries. Split the entries into several groups.",
            code="group_too_large",
            field="entries",
        )


def get_group(group_id: str) -> dict[str, Any] | None:
    item = table.get(*keys.risk_group(group_id), consistent=True)
    return table.strip_keys(item) if item else None


def list_groups() -> list[dict[str, Any]]:
    """Every risk group, by name."""
    items = table.query_all(pk=keys.RISK_GROUPS_INDEX_PK, index="GSI1")
    return [table.strip_keys(i) for i in items]


@dataclass(frozen=True, slots=True)
class _KnownVersion:
    client: Any  # the table client it was read with: another table, another version
    version: str
    fresh_until: float  # time.monotonic()


_known: _KnownVersion | None = None


def current_version() -> str:
    """The version of the risk groups as a whole ("0" before the first group), as read at
    most VERSION_FRESH_SECONDS ago."""
    known = known_version()
    return known if known is not None else remember_version(table.get(*keys.risk_version()))


def known_version() -> str | None:
    """The version this container read within VERSION_FRESH_SECONDS, else None (read it
    again, alone with `current_version` or with other items by `version_key`)."""
    known = _known
    if known is None or known.client is not table.client():
        return None
    return known.version if time.monotonic() < known.fresh_until else None


def version_key() -> tuple[str, str]:
    return keys.risk_version()


def remember_version(item: dict[str, Any] | None) -> str:
    """Keep the version of a RISK#VERSION item just read (None: no group yet)."""
    version = str(item["version"]) if item else NO_VERSION
    _remember(version)
    return version


def _remember(version: str) -> None:
    global _known
    fresh_until = time.monotonic() + VERSION_FRESH_SECONDS
    _known = _KnownVersion(table.client(), version, fresh_until)


def forget_version() -> None:
    """Read the version again next time (tests that write RISK#VERSION behind our back)."""
    global _known
    _known = None


def _group_item(group: dict[str, Any]) -> dict[str, Any]:
    pk, sk = keys.risk_group(group["group_id"])
    return {
        "PK": pk,
        "SK": sk,
        "kind": "risk_group",
        "GSI1PK": keys.RISK_GROUPS_INDEX_PK,
        "GSI1SK": group["name"],
        **group,
    }


def _at_version(seen_version: str) -> Condition:
    """The group is still at the version that was read."""
    return Condition().require_equal("version", seen_version)


def _version_put(version: str, at: int) -> dict[str, Any]:
    pk, sk = keys.risk_version()
    return put({"PK": pk, "SK": sk, "kind": "risk_version", "version": version, "updated_at": at})


def _write(operations: list[dict[str, Any]], group_id: str) -> None:
    try:
        table.client().transact_write_items(TransactItems=operations)
    except ClientError as err:
        if _FAILED not in table.cancellation_reasons(err):
            raise
        if get_group(group_id) is None:
            raise _not_found() from err
        raise _changed() from err


def create_group(group: dict[str, Any], entry: dict[str, Any]) -> None:
    """Store a new group; `group` carries its `version` and `updated_at`."""
    _require_fits(group)
    operations = [
        put_new(_group_item(group)),
        _version_put(group["version"], group["updated_at"]),
        audit.put_operation(entry),
    ]
    table.transact(operations, conflict=Conflict("This risk group already exists."))
    _remember(group["version"])


def replace_group(group: dict[str, Any], *, seen_version: str, entry: dict[str, Any]) -> None:
    """Write the group's new state if it is still at `seen_version` (Conflict otherwise)."""
    _require_fits(group)
    operations = [
        _at_version(seen_version).put(_group_item(group)),
        _version_put(group["version"], group["updated_at"]),
        audit.put_operation(entry),
    ]
    _write(operations, group["group_id"])
    _remember(group["version"])


def delete_group(
    group_id: str, *, seen_version: str, version: str, at: int, entry: dict[str, Any]
) -> None:
    operations = [
        _at_version(seen_version).delete(*keys.risk_group(group_id)),
        _version_put(version, at),
        audit.put_operation(entry),
    ]
    _write(operations, group_id)
    _remember(version)


# -- inbound flags ------------------------------------------------------------------------
def flag_inbound(
    message: dict[str, Any],
    risk: list[dict[str, Any]],
    *,
    session_tags: list[str] | None,
    tag_id: str,
    entry: dict[str, Any],
) -> bool:
    """Set `risk` on an inbound message, add `tag_id` to its session (whose tags were read as
    `session_tags`) and append the audit entry, in one transaction. False when the message
    was flagged already (the stream redelivered it); Conflict when the session's tags changed
    since they were read."""
    message_pk, message_sk = keys.message(
        message["project_id"], message["tg_user_id"], message["created_at"], message["message_id"]
    )
    flag = Changes().require_item().require_absent("risk").set("risk", risk)
    operations = [flag.item(message_pk, message_sk)]
    before = session_tags or []
    if tag_id not in before:
        key = keys.session(message["session_id"])
        operations.append(tags.replace_operation(key, before, [*before, tag_id]))
    operations.append(audit.put_operation(entry))
    try:
        table.client().transact_write_items(TransactItems=operations)
    except ClientError as err:
        reasons = table.cancellation_reasons(err)
        if reasons[:1] == [_FAILED]:
            return False
        if _FAILED in reasons:
            raise Conflict("The session's tags changed meanwhile.", code="tags_changed") from err
        raise
    return True
