"""The surveys' part of the table's stream (functions/assign/app.py calls `on_change` for
every record):
- a session that closed is surveyed (tgdesk.surveys.sending) and, when escalated, gets its
  return visit's timer (tgdesk.surveys.return_visits);
- a rating of 3 or less opens a follow-up task (tgdesk.surveys.followups);
- a bot's message written due at once by a writer that does not send (the webhook's thanks
  for a rating) is sent, claimed first so that the scheduler never sends it twice.
Nothing is read for a project with surveys off (the settings come from the container's
cache). A redelivered record writes nothing new: every write is conditional.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from tgdesk.core.clock import now_ms
from tgdesk.core.domain import Status
from tgdesk.outbound import delivery
from tgdesk.storage import outbound
from tgdesk.surveys import followups, return_visits, sending


def on_change(event_name: str, old: Mapping[str, Any], new: Mapping[str, Any]) -> None:
    kind = new.get("kind")
    if kind == "session" and event_name == "MODIFY":
        if new.get("status") == Status.CLOSED and old.get("status") != Status.CLOSED:
            session = _plain(new)
            sending.on_closed(session, now_ms())
            return_visits.on_closed(session)
        rating = new.get("rating")
        if rating and not old.get("rating") and int(rating["score"]) <= followups.LOW:
            followups.open_task(_plain(new), _plain(rating))
    elif kind == "message" and event_name == "INSERT" and _due_from_bot(new):
        send_now(new)


def _due_from_bot(message: Mapping[str, Any]) -> bool:
    delivery_state = message.get("delivery") or {}
    return (
        bool(message.get("from_bot"))
        and delivery_state.get("state") == "sending"
        and int(delivery_state.get("next_attempt_at", 0)) <= int(message.get("created_at", 0))
    )


def send_now(image: Mapping[str, Any]) -> str | None:
    """Claim and send a due bot message; None when someone else has it."""
    key = outbound.message_key(_plain(image))
    stored = outbound.get_message(*key)
    if stored is None:
        return None
    now = now_ms()
    claimed = outbound.claim_retry(stored, now=now, lease_until=now + delivery.LEASE_SECONDS * 1000)
    if claimed is None:
        return None
    return str(delivery.send(claimed)["delivery"]["state"])


def _plain(image: Mapping[str, Any]) -> dict[str, Any]:
    """Stream images hold numbers as Decimal; keys and arithmetic want ints."""
    return {k: _native(v) for k, v in image.items()}


def _native(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dict):
        return {k: _native(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_native(v) for v in value]
    return value
