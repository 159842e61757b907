"""Agents' replies and their delivery state.

A reply is written `sending` together with its session update (and its idempotency claim)
in one transaction; a message that comes with another change (a transfer's message to the
user) is written by that change's own transaction (`new_message`). Every later change of
delivery state is an update conditioned on the state and attempt count that the caller
read: whoever loses such a race does nothing, so two senders (the API and the scheduler, or
two scheduler runs) never send one message twice.
While a message is `sending` or `retrying` it sits in GSI2, in its shard of
`DELIVERY#RETRY#{n}` (by message id), at its `next_attempt_at`; for `sending` that time is a
lease after which the scheduler takes over.

A reply reads what it needs in two BatchGetItems (`read_login_and_session`, then
`read_sender`), writes one transaction, and records `sent` with one conditional update after
putting the message's TGMSG ref: five requests in all.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from botocore.exceptions import ClientError

from tgdesk.core.errors import Conflict, NotFound
from tgdesk.storage import audit, batch, keys, retention, risk, scroll, sla, table
from tgdesk.storage.expressions import Changes, put, put_new
from tgdesk.storage.records import agent as agent_record
from tgdesk.storage.records import project as project_record
from tgdesk.storage.records import session as session_record
from tgdesk.storage.records.agent import Agent
from tgdesk.storage.records.project import Member
from tgdesk.storage.records.session import Session

CLAIM_TTL_SECONDS = 7 * 24 * 3600
# Recording `sent` is tried this many times: Telegram already has the message, and a
# record lost to a DynamoDB hiccup would let the lease send it a second time.
SENT_RECORD_ATTEMPTS = 4
_TRANSIENT_ERRORS = frozenset(
    {
        "ProvisionedThroughputExceededException",
        "ThrottlingException",
        "InternalServerError",
        "TransactionConflictException",  # a single-item write that met a transaction
    }
)


def message_key(message: dict[str, Any]) -> tuple[str, str]:
    return keys.message(
        message["project_id"], message["tg_user_id"], message["created_at"], message["message_id"]
    )


# -- what a reply reads ----------------------------------------------------------------
def read_login_and_session(
    token_digest: str, session_id: str
) -> tuple[dict[str, Any] | None, Session | None]:
    """A login token's item and a session, in one BatchGetItem (both keys are known from
    the request alone)."""
    token_key, session_key = keys.auth_token(token_digest), session_record.key(session_id)
    found = batch.get_items([token_key, session_key])
    token, session = found.get(token_key), found.get(session_key)
    return (
        table.strip_keys(token) if token else None,
        session_record.from_item(session) if session else None,
    )


def read_sender(agent_id: str, project_id: str | None) -> tuple[Agent | None, Member | None]:
    """An agent and their membership of a project (None: no project, no membership), in one
    BatchGetItem; with them the risk version when this container's copy is older than
    storage.risk.VERSION_FRESH_SECONDS, so the risk check that follows reads nothing more."""
    agent_key = agent_record.key(agent_id)
    wanted = [agent_key]
    member_key = project_record.member_key(project_id, agent_id) if project_id else None
    version_key = risk.version_key() if project_id and risk.known_version() is None else None
    wanted += [k for k in (member_key, version_key) if k is not None]
    found = batch.get_items(wanted)
    if version_key is not None:
        risk.remember_version(found.get(version_key))
    agent, member = found.get(agent_key), found.get(member_key) if member_key else None
    return (
        agent_record.from_item(agent) if agent else None,
        project_record.member_from_item(member) if member else None,
    )


@dataclass(frozen=True, slots=True)
class NewMessage:
    """A new outbound message ready to be stored by a transaction: `message` as it will be
    stored (without keys), `operations` that put it (`sending`, leased in the retry index, so
    the scheduler sends it if nobody else does) and its audit entries. The transaction must
    also apply `touch_session` to its one update of the session item: a transaction cannot
    touch an item twice, so the caller merges these changes into its own."""

    message: dict[str, Any]
    operations: tuple[dict[str, Any], ...]

    def touch_session(self, update: Changes) -> Changes:
        """Add what an agent's message changes on its session to `update`."""
        at = self.message["created_at"]
        update.set("last_agent_msg_at", at).set("last_activity_at", at)
        update.set_if_absent("first_reply_at", at)
        update.set("last_message", session_record.last_message(self.message))
        if self.message.get(retention.TTL) is not None:  # the session expires after it
            update.set(retention.TTL, self.message[retention.TTL])
        moved = session_record.index_keys({"session_id": self.message["session_id"]}, at)
        for name, value in moved.items():
            update.set(name, value)
        return update


def new_message(
    message: dict[str, Any], *, audit_entries: Sequence[dict[str, Any]] = ()
) -> NewMessage:
    """The writes that store `message`, complete (ids, text, `delivery` with state
    `sending`, attempts 1 and `next_attempt_at` = the lease's end), with `audit_entries`."""
    item = {
        **dict(zip(("PK", "SK"), message_key(message), strict=True)),
        "kind": "message",
        "GSI2PK": keys.delivery_retry_index(message["message_id"]),
        "GSI2SK": keys.retry_sort_key(
            message["delivery"]["next_attempt_at"], message["message_id"]
        ),
        **message,
    }
    return NewMessage(
        message=table.strip_keys(item),
        operations=(put_new(item), *(audit.put_operation(entry) for entry in audit_entries)),
    )


def create_reply(
    session: Mapping[str, Any],
    message: dict[str, Any],
    *,
    content_digest: str,
    audit_entries: Sequence[dict[str, Any]] = (),
) -> tuple[dict[str, Any], bool]:
    """Store a new outbound message and touch its session, in one transaction.

    `message` is as for `new_message`. With a `client_message_id` that this session
    already used for the same content (`content_digest`, kept on the claim), nothing is
    written and the earlier message is returned instead; used for other content, it is
    refused (Conflict `client_message_id_reused`). `audit_entries` are appended in the
    same transaction. Returns (message, created).
    """
    new = new_message(message, audit_entries=audit_entries)
    operations: list[dict[str, Any]] = []
    client_id = message.get("client_message_id")
    if client_id:
        pk, sk = message_key(message)
        claim_pk, claim_sk = keys.outbound_claim(session["session_id"], client_id)
        claim = {
            "PK": claim_pk,
            "SK": claim_sk,
            "kind": "reply_claim",
            "message_pk": pk,
            "message_sk": sk,
            "content_digest": content_digest,
            "ttl": message["created_at"] // 1000 + CLAIM_TTL_SECONDS,
        }
        operations.append(put_new(claim))
    if session.get("waiting_since") and session.get(sla.ATTRIBUTE) is not None:
        operations.append(sla.response_timer_delete(session["session_id"]))  # clock stopped
    operations += [
        *new.operations,
        # the session, last: a failed condition here means it does not exist; an agent's
        # reply answers the user, who no longer waits
        new.touch_session(Changes().require_item().remove("waiting_since")).item(
            *keys.session(session["session_id"])
        ),
    ]
    try:
        table.client().transact_write_items(TransactItems=operations)
    except ClientError as err:
        reasons = table.cancellation_reasons(err)
        if client_id and reasons and reasons[0] == "ConditionalCheckFailed":
            existing = _claimed_message(session["session_id"], client_id, content_digest)
            if existing is not None:
                return existing, False
        if reasons and reasons[-1] == "ConditionalCheckFailed":
            raise NotFound("no such session", code="session_not_found") from err
        raise table.conflict_from(err, "the reply could not be stored; try again") from err
    return new.message, True


def _claimed_message(
    session_id: str, client_message_id: str, content_digest: str
) -> dict[str, Any] | None:
    """The message that holds this claim, if it has the same content; else Conflict."""
    claim = table.get(*keys.outbound_claim(session_id, client_message_id), consistent=True)
    if claim is None:
        return None
    # A claim written before digests were kept (it expires within CLAIM_TTL_SECONDS)
    # is taken as the same content.
    if claim.get("content_digest", content_digest) != content_digest:
        raise Conflict(
            "This client_message_id was already used for a different message; "
            "send the new text with a new client_message_id.",
            code="client_message_id_reused",
            field="client_message_id",
        )
    item = table.get(claim["message_pk"], claim["message_sk"], consistent=True)
    return table.strip_keys(item) if item else None


def get_message(pk: str, sk: str) -> dict[str, Any] | None:
    item = table.get(pk, sk, consistent=True)
    return table.strip_keys(item) if item else None


def due_retries(now: int, *, limit: int = 100) -> list[dict[str, Any]]:
    """Outbound messages whose next attempt (or lease) is due, oldest due first, at most
    `limit`, read from every shard of the retry index."""
    items = scroll.each_earliest(
        [scroll.Partition(shard, "GSI2") for shard in keys.delivery_retry_shards()],
        low="0",
        high=f"{keys.ts(now)}#~",
        most=limit,
    )
    return [table.strip_keys(i) for i in items]


class _DeliveryChanges(Changes):
    """Changes of a message where `delivery.state` names the `state` attribute of the
    `delivery` map (no attribute of a message has a dot in its name)."""

    def name(self, attribute: str) -> str:
        return ".".join(super(_DeliveryChanges, self).name(part) for part in attribute.split("."))


def _transition(
    message: dict[str, Any],
    *,
    expect_states: tuple[str, ...],
    set_values: dict[str, Any],
    remove: tuple[str, ...] = (),
    due_by: int | None = None,
) -> dict[str, Any] | None:
    """Apply a delivery-state change if state and attempts are still what the caller read.

    `set_values` maps attribute paths (`delivery.state`, `GSI2SK`) to values; `due_by`
    also requires `delivery.next_attempt_at <= due_by`. One conditional UpdateItem.
    Returns the message as now stored, or None when another sender got there first.
    """
    pk, sk = message_key(message)
    update = _DeliveryChanges()
    for path, value in set_values.items():
        update.set(path, value)
    update.remove(*remove)
    states = ", ".join(update.value(state) for state in expect_states)
    update.require(f"{update.name('delivery.state')} IN ({states})")
    update.require_equal("delivery.attempts", message["delivery"]["attempts"])
    if due_by is not None:
        update.require_at_most("delivery.next_attempt_at", due_by)
    try:
        resp = table.client().update_item(**update.request(pk, sk), ReturnValues="ALL_NEW")
    except ClientError as err:
        if table.is_conditional_failure(err):
            return None
        raise
    return table.strip_keys(table.from_item(resp["Attributes"]) or {})


def claim_retry(message: dict[str, Any], *, now: int, lease_until: int) -> dict[str, Any] | None:
    """Take a due message for one more send: `sending`, attempts + 1, leased.

    Succeeds only if the message is still `retrying` (or `sending` with an expired lease)
    with the attempt count read. Returns the claimed message, or None if someone else has it.
    """
    return _transition(
        message,
        expect_states=("retrying", "sending"),
        set_values={
            "delivery.state": "sending",
            "delivery.attempts": message["delivery"]["attempts"] + 1,
            "delivery.next_attempt_at": lease_until,
            "GSI2SK": keys.retry_sort_key(lease_until, message["message_id"]),
        },
        due_by=now,
    )


def mark_sent(
    message: dict[str, Any],
    *,
    telegram_message_id: int,
    at: int,
    fields: Mapping[str, Any] | None = None,
) -> dict[str, Any] | None:
    """Record that Telegram has the message: its TGMSG ref first (a plain put: whoever sent
    it, Telegram's id names this message), then `sent` if the state is still as read. Two
    single-item writes instead of a transaction, which would bill both twice. `fields`: top
    attributes the message keeps from Telegram's answer (a file's `media`)."""
    chat_pk, ref_sk = keys.telegram_message_ref(
        message["project_id"], message["tg_user_id"], telegram_message_id
    )
    _, message_sk = message_key(message)
    ref = {
        "PK": chat_pk,
        "SK": ref_sk,
        "kind": "telegram_message_ref",
        "message_sk": message_sk,
        "message_id": message["message_id"],
        "session_id": message["session_id"],
    }
    attempt = 1
    while True:
        try:
            table.client().put_item(**put(ref)["Put"])
            return _transition(
                message,
                expect_states=("sending",),
                set_values={
                    "delivery.state": "sent",
                    "delivery.telegram_message_id": telegram_message_id,
                    "delivery.sent_at": at,
                    "telegram_message_id": telegram_message_id,
                    **(fields or {}),
                },
                remove=(
                    "delivery.next_attempt_at",
                    "delivery.error_code",
                    "delivery.reason",
                    "GSI2PK",
                    "GSI2SK",
                ),
            )
        except ClientError as err:
            # A retry after a write that did land finds the state changed: None, as for a
            # sender that lost the race, and the caller reads what is stored.
            if attempt == SENT_RECORD_ATTEMPTS or not _transient(err):
                raise
        time.sleep(0.05 * 2**attempt)
        attempt += 1


def _transient(error: ClientError) -> bool:
    """Throttling, an internal error, or a write that met a transaction."""
    return error.response.get("Error", {}).get("Code") in _TRANSIENT_ERRORS


def mark_failed(message: dict[str, Any], *, error_code: str, reason: str) -> dict[str, Any] | None:
    return _transition(
        message,
        expect_states=("sending",),
        set_values={
            "delivery.state": "failed",
            "delivery.error_code": error_code,
            "delivery.reason": reason,
        },
        remove=("delivery.next_attempt_at", "GSI2PK", "GSI2SK"),
    )


def mark_retrying(
    message: dict[str, Any],
    *,
    next_attempt_at: int,
    error_code: str,
    reason: str,
    count_attempt: bool = True,
) -> dict[str, Any] | None:
    """`count_attempt=False`: the message never reached Telegram (a limit of tgdesk's own held
    it back), so the attempt its claim counted is given back."""
    attempts = message["delivery"]["attempts"]
    return _transition(
        message,
        expect_states=("sending",),
        set_values={
            "delivery.state": "retrying",
            "delivery.attempts": attempts if count_attempt else attempts - 1,
            "delivery.next_attempt_at": next_attempt_at,
            "delivery.error_code": error_code,
            "delivery.reason": reason,
            "GSI2PK": keys.delivery_retry_index(message["message_id"]),
            "GSI2SK": keys.retry_sort_key(next_attempt_at, message["message_id"]),
        },
    )
