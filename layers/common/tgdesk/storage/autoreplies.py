"""The bot's own answers in the table (docs/data-model.md: autoreply settings, a session's
`welcomed_at`, `off_hours_until`, `faq_rules` and `faq_answer`).

Every write is conditional, so a redelivered stream record or a second press of a button
changes nothing the second time:
- a welcome is written on its session only while the session has none (once per session);
- an off-hours answer only while the session's `off_hours_until` is still as read (once per
  off-hours period);
- an FAQ answer only while the session has not had that rule answered (once per rule);
- a press only while the session's latest FAQ answer carries the token pressed and no press.
Each is one transaction with the bot's message (tgdesk.outbound.delivery.prepare_from_bot).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from tgdesk.core.domain import Status
from tgdesk.storage import conversations, table
from tgdesk.storage.expressions import Changes
from tgdesk.storage.feature_settings import SettingsItem
from tgdesk.storage.records import autoreplies as record
from tgdesk.storage.records import session as session_record
from tgdesk.storage.records.autoreplies import AutoreplySettings, FaqAnswer

# -- settings ---------------------------------------------------------------------------------
_SETTINGS = SettingsItem[AutoreplySettings](record.key, record.to_item, record.from_item)
get_settings = _SETTINGS.get
save_settings = _SETTINGS.save


# -- answers ----------------------------------------------------------------------------------
def _open_session(session_id: str) -> Changes:
    return Changes().require_item().require_not_equal("status", Status.CLOSED)


def record_welcome(session_id: str, at: int, operations: Sequence[dict[str, Any]]) -> bool:
    """The session's welcome with its message: False when it had one (or closed)."""
    update = (
        _open_session(session_id).set(record.WELCOMED_AT, at).require_absent(record.WELCOMED_AT)
    )
    return _transact([update.item(*session_record.key(session_id)), *operations])


def record_off_hours(
    session_id: str,
    until: int,
    *,
    read_until: int | None,
    operations: Sequence[dict[str, Any]],
) -> bool:
    """The off-hours answer for the period ending `until`, while the session's last one is
    still the one read (`read_until`). False when it changed (or the session closed)."""
    update = _open_session(session_id).set(record.OFF_HOURS_UNTIL, until)
    update.require_as_read(record.OFF_HOURS_UNTIL, read_until)
    return _transact([update.item(*session_record.key(session_id)), *operations])


def record_faq_answer(
    session_id: str, answer: FaqAnswer, operations: Sequence[dict[str, Any]]
) -> bool:
    """The FAQ answer of `answer["rule_id"]`, once per session, as the session's latest (its
    buttons' token). False when that rule was answered in it before (or the session closed)."""
    update = _open_session(session_id).set(record.FAQ_ANSWER, dict(answer))
    rules = update.name(record.FAQ_RULES)
    rule = update.value(answer["rule_id"])
    update.require(f"NOT contains({rules}, {rule})")
    update.adds.append(f"{rules} {update.value({answer['rule_id']})}")
    return _transact([update.item(*session_record.key(session_id)), *operations])


def record_press(
    project_id: str,
    update_id: int,
    session_id: str,
    *,
    token: str,
    pressed: str,
    at: int,
) -> bool:
    """What the user pressed under the session's latest FAQ answer, with the update's marker:
    once, for the answer whose `token` was pressed. False when handled before or stale."""
    update = Changes().require_item()
    answer = update.name(record.FAQ_ANSWER)
    token_name, pressed_name = update.name("token"), update.name("pressed")
    at_name = update.name("pressed_at")
    update.sets.append(f"{answer}.{pressed_name} = {update.value(pressed)}")
    update.sets.append(f"{answer}.{at_name} = {update.value(at)}")
    update.require(f"{answer}.{token_name} = {update.value(token)}")
    update.require(f"attribute_not_exists({answer}.{pressed_name})")
    items = [
        conversations.update_marker(project_id, update_id, at),
        update.item(*session_record.key(session_id)),
    ]
    return _transact(items)


_transact = table.transact_unless_lost


def faq_answer_of(session: Mapping[str, Any]) -> FaqAnswer:
    found = session.get(record.FAQ_ANSWER)
    return dict(found) if isinstance(found, Mapping) else {}  # type: ignore[return-value]
