"""Risk control where messages pass: an agent's reply before it is stored or sent, and a
user's message once it is stored. Every trigger is an audit entry `risk.trigger` whose
details say who (agent_id), where (session_id), what (a bounded report of the matches:
matches, match_count, group_ids; see tgdesk.risk.report), the strongest action of the groups
matched and the outcome: `blocked`, `confirmation_required`, `confirmed_sent` and `cancelled`
for replies, `flagged` for users' messages.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from tgdesk.accounts.access import Scope
from tgdesk.audit import entries as audit
from tgdesk.core import metrics
from tgdesk.core.errors import Conflict, InvalidInput
from tgdesk.realtime import fanout as realtime
from tgdesk.risk import groups as risk_groups
from tgdesk.risk import report as risk_report
from tgdesk.sessions import tags
from tgdesk.storage import audit as audit_store
from tgdesk.storage import conversations
from tgdesk.storage import risk as store

log = logging.getLogger(__name__)

TRIGGER = risk_report.TRIGGER_ACTION
BLOCKED = "blocked"
CONFIRMATION_REQUIRED = "confirmation_required"
CONFIRMED_SENT = "confirmed_sent"
CANCELLED = "cancelled"
FLAGGED = "flagged"
SENSITIVE_TAG = "sensitive"
SENSITIVE_COLOUR = "#e5484d"
_FLAG_ATTEMPTS = 3  # the session's tags may change between the read and the write


def scan(project_id: str, text: str, *, field: str | None = None) -> list[dict[str, Any]]:
    """The matches of the project's groups in `text`, as the API and the audit log show
    them (start and end index `text`; `field` names the part of a message scanned)."""
    if not text:
        return []
    found = [m.as_dict() for m in risk_groups.matcher_for(project_id).scan(text)]
    if field is not None:
        for view in found:
            view["field"] = field
    return found


def trigger_entry(
    *,
    actor_id: str,
    session: Mapping[str, Any],
    matches: Sequence[Mapping[str, Any]],
    outcome: str,
    direction: str,
    agent_id: str | None,
    message_id: str | None = None,
    source_ip: str | None = None,
) -> dict[str, Any]:
    """The audit entry of one trigger, with a bounded report of its matches."""
    made = risk_report.report(matches)
    return audit.entry(
        TRIGGER,
        actor_id=actor_id,
        project_id=session["project_id"],
        target_type="session",
        target_id=session["session_id"],
        details={
            "direction": direction,
            "outcome": outcome,
            "action": made.action,
            "agent_id": agent_id,
            "session_id": session["session_id"],
            "message_id": message_id,
            "group_ids": made.group_ids,
            "matches": made.matches,
            "match_count": made.count,
        },
        source_ip=source_ip,
    )


# -- outbound -------------------------------------------------------------------------------
def check_outbound(
    agent_id: str, session: Mapping[str, Any], text: str, *, confirmed: bool
) -> list[dict[str, Any]]:
    """Check a reply before anything is stored or sent. A `block` match raises InvalidInput
    `risk_blocked`; `confirm` matches without `confirmed` raise Conflict
    `risk_confirmation_required`; both carry a bounded report of the matches (`matches`,
    `match_count`) and are audited. Returns the matches a confirmed reply goes out with
    (their entry is `confirmed_sent_entry`, written with the message that carries them)."""
    matches = scan(session["project_id"], text)
    if not matches:
        return []
    made = risk_report.report(matches)
    if made.action == risk_report.BLOCK:
        _record(agent_id, session, matches, BLOCKED)
        raise InvalidInput(
            "This message contains entries that may not be sent; it was not sent.",
            code="risk_blocked",
            field="text",
            matches=made.matches,
            match_count=made.count,
        )
    if not confirmed:
        _record(agent_id, session, matches, CONFIRMATION_REQUIRED)
        raise Conflict(
            "This message contains risky entries; send it again with `confirm_risk` to "
            "send it anyway.",
            code="risk_confirmation_required",
            matches=made.matches,
            match_count=made.count,
        )
    return matches


def confirmed_sent_entry(
    agent_id: str,
    session: Mapping[str, Any],
    matches: Sequence[Mapping[str, Any]],
    message_id: str,
) -> dict[str, Any]:
    """The trigger entry of a confirmed message, for the transaction that stores it (so a
    failure after the message is stored cannot lose the entry)."""
    metrics.risk_trigger(CONFIRMED_SENT)
    return trigger_entry(
        actor_id=agent_id,
        session=session,
        matches=matches,
        outcome=CONFIRMED_SENT,
        direction="out",
        agent_id=agent_id,
        message_id=message_id,
    )


def record_cancelled(
    scope: Scope, session_id: str, text: str, *, source_ip: str | None = None
) -> dict[str, Any]:
    """The agent gave up sending `text` after the confirmation was asked. The matches are
    the server's own scan of that text, never the client's word: a text that would not
    have asked for a confirmation (no match, or a `block` match) records nothing and
    raises InvalidInput `no_risk_match`."""
    session = scope.session(session_id)
    matches = scan(session["project_id"], text)
    if not matches or risk_report.strongest_action(matches) == risk_report.BLOCK:
        raise InvalidInput(
            "This text does not need a confirmation to be sent (it matches no risk entry, or "
            "it is blocked): there is no send to cancel.",
            code="no_risk_match",
            field="text",
        )
    return _record(scope.agent_id, session, matches, CANCELLED, source_ip=source_ip)


def _record(
    agent_id: str,
    session: Mapping[str, Any],
    matches: Sequence[Mapping[str, Any]],
    outcome: str,
    *,
    source_ip: str | None = None,
) -> dict[str, Any]:
    entry = trigger_entry(
        actor_id=agent_id,
        session=session,
        matches=matches,
        outcome=outcome,
        direction="out",
        agent_id=agent_id,
        source_ip=source_ip,
    )
    audit_store.append(entry)
    metrics.risk_trigger(outcome)
    return entry


# -- inbound --------------------------------------------------------------------------------
def _plain(value: Any) -> Any:
    """Stream images carry numbers as Decimal."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def flag_inbound(image: Mapping[str, Any]) -> bool:
    """Scan a new message item (a stream record's new image) when it comes from a user:
    a match sets `risk` on it, tags its session `sensitive` (creating the project's tag when
    missing), is audited and pushed to the project's supervisors as `risk.flagged`.
    Delivery is never held up. True when this call flagged the message."""
    if image.get("kind") != "message" or image.get("direction") != "in":
        return False
    message = {k: _plain(image.get(k)) for k in _MESSAGE_KEYS}
    if not message["session_id"]:
        return False
    project_id = message["project_id"]
    matches = scan(project_id, image.get("text") or "", field="text")
    matches += scan(project_id, image.get("caption") or "", field="caption")
    if not matches:
        return False
    kept = risk_report.report(matches).matches
    tag = _sensitive_tag(project_id)
    for attempt in range(1, _FLAG_ATTEMPTS + 1):
        session = conversations.get_session(message["session_id"])
        if session is None:
            return False
        entry = trigger_entry(
            actor_id=audit.SYSTEM,
            session=session,
            matches=matches,
            outcome=FLAGGED,
            direction="in",
            agent_id=session.get("assignee_id"),
            message_id=message["message_id"],
        )
        try:
            flagged = store.flag_inbound(
                message,
                kept,
                session_tags=session.get("tags"),
                tag_id=tag["tag_id"],
                entry=entry,
            )
        except Conflict:
            if attempt == _FLAG_ATTEMPTS:
                raise
            continue
        if flagged:
            metrics.risk_trigger(FLAGGED)
            _notify(session, message, entry)
        return flagged
    return False


_MESSAGE_KEYS = ("message_id", "project_id", "tg_user_id", "session_id", "created_at")


def _notify(
    session: Mapping[str, Any], message: Mapping[str, Any], entry: Mapping[str, Any]
) -> None:
    details = entry["details"]
    frame = realtime.Frame(
        realtime.RISK_FLAGGED,
        session["project_id"],
        session["session_id"],
        entry["at"],
        {
            "message_id": message["message_id"],
            "tg_user_id": message["tg_user_id"],
            "assignee_id": session.get("assignee_id"),
            "action": details["action"],
            "matches": details["matches"],
            "match_count": details["match_count"],
        },
    )
    realtime.push_to_staff(frame)


def _sensitive_tag(project_id: str) -> dict[str, Any]:
    """The project's `sensitive` tag, created (by the system) when missing."""
    return tags.system_tag(project_id, SENSITIVE_TAG, SENSITIVE_COLOUR)
