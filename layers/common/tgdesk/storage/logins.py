"""Failed-login counters, per account and per source address.

One item per subject: `failures` counted atomically (ADD) inside a window that starts at
the first failure, `last_failed_at`, and `locked_until` once the subject is locked. A
failure after the window has passed starts a new window with a conditional put, so two
concurrent failures never lose a count. Items expire (TTL) soon after the window and any
lock end.
"""

from __future__ import annotations

from typing import Any

from botocore.exceptions import ClientError

from tgdesk.storage import audit, keys, table
from tgdesk.storage.expressions import Changes, Condition

ACCOUNT, ADDRESS = "account", "address"
_ATTEMPTS = 4  # a new window raced by another failure: count again


def _key(subject: str, value: str) -> dict[str, Any]:
    pk, sk = keys.login_failures(subject, value)
    return table.to_item({"PK": pk, "SK": sk})


def get_counters(subjects: list[tuple[str, str]]) -> dict[tuple[str, str], dict[str, Any]]:
    """The counters of several (subject, value) pairs (BatchGetItem, 100 keys a request)."""
    wanted = {keys.login_failures(s, v): (s, v) for s, v in subjects}
    pairs = list(wanted.values())
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for start in range(0, len(pairs), 100):
        request: dict[str, Any] = {
            table.table_name(): {"Keys": [_key(s, v) for s, v in pairs[start : start + 100]]}
        }
        while request:
            resp = table.client().batch_get_item(RequestItems=request)
            for raw in resp.get("Responses", {}).get(table.table_name(), []):
                item = table.from_item(raw) or {}
                found[wanted[(item["PK"], item["SK"])]] = table.strip_keys(item)
            request = resp.get("UnprocessedKeys") or {}
    return found


def _count_in_window(
    subject: str, value: str, *, now: int, cutoff: int, expires_at_s: int
) -> Changes:
    """ADD one failure to a counter whose window is still open (started after `cutoff`)."""
    update = Changes().set("last_failed_at", now).set("ttl", expires_at_s).add("failures", 1)
    update.require_item()
    return update.require(f"{update.name('window_started_at')} > {update.value(cutoff)}")


def _new_window(*, now: int, cutoff: int) -> Condition:
    """A counter may start over when there is none, or its window has passed and it holds
    no lock that still runs."""
    condition = Condition()
    started, locked = condition.name("window_started_at"), condition.name("locked_until")
    cutoff_value, now_value = condition.value(cutoff), condition.value(now)
    return condition.require(
        f"attribute_not_exists(PK) OR ({started} <= {cutoff_value} AND "
        f"(attribute_not_exists({locked}) OR {locked} <= {now_value}))"
    )


def record_failure(
    subject: str, value: str, *, now: int, window_ms: int, expires_at_s: int
) -> dict[str, Any]:
    """Count one failure; returns the counter after it (failures, window_started_at, ...)."""
    cutoff = now - window_ms
    pk, sk = keys.login_failures(subject, value)
    for _ in range(_ATTEMPTS):
        update = _count_in_window(subject, value, now=now, cutoff=cutoff, expires_at_s=expires_at_s)
        try:
            resp = table.client().update_item(**update.request(pk, sk), ReturnValues="ALL_NEW")
            return table.strip_keys(table.from_item(resp["Attributes"]) or {})
        except ClientError as err:
            if not table.is_conditional_failure(err):
                raise
        fresh = {
            "subject": subject,
            "failures": 1,
            "window_started_at": now,
            "last_failed_at": now,
            "ttl": expires_at_s,
        }
        item = {"PK": pk, "SK": sk, "kind": "login_failures", **fresh}
        try:
            table.client().put_item(**_new_window(now=now, cutoff=cutoff).put(item)["Put"])
            return fresh
        except ClientError as err:
            if not table.is_conditional_failure(err):
                raise
    raise RuntimeError("failed-login counter kept changing; giving up")


def lock(subject: str, value: str, *, now: int, until: int, expires_at_s: int) -> bool:
    """Lock the subject until `until`; False if it was already locked (nothing changed)."""
    update = Changes().set("locked_until", until).set("ttl", expires_at_s).require_item()
    locked = update.name("locked_until")
    update.require(f"(attribute_not_exists({locked}) OR {locked} <= {update.value(now)})")
    try:
        table.client().update_item(**update.request(*keys.login_failures(subject, value)))
    except ClientError as err:
        if table.is_conditional_failure(err):
            return False
        raise
    return True


def clear_operation(
    subject: str, value: str, *, seen: dict[str, Any] | None = None
) -> dict[str, Any]:
    """A TransactWriteItems operation that forgets the subject's failures (and any lock).

    With `seen` (the counter as read), the transaction is cancelled if a failure was counted
    since, so what the caller reports as cleared is exactly what was cleared.
    """
    condition = Condition()
    if seen is not None:
        condition.require_equal("failures", seen["failures"])
        condition.require_equal("last_failed_at", seen["last_failed_at"])
    return condition.delete(*keys.login_failures(subject, value))


def clear(subject: str, value: str, *, seen: dict[str, Any], audit_entry: dict[str, Any]) -> bool:
    """Forget the subject's failures (as `seen`) with the entry that says so, in one
    transaction. False when a failure was counted since `seen` was read (nothing changed)."""
    try:
        table.client().transact_write_items(
            TransactItems=[
                clear_operation(subject, value, seen=seen),
                audit.put_operation(audit_entry),
            ]
        )
    except ClientError as err:
        if table.cancellation_reasons(err)[:1] == ["ConditionalCheckFailed"]:
            return False
        raise
    return True
