"""The triggers' part of the table's stream (functions/assign/app.py calls `on_change` for
every record): a session's opening (or reopening) sets its unresolved timer; a user's new
message is matched against the manager phrases and the keywords, and counted.

Nothing is read or written for a project with no trigger on, nor for a message that
matches nothing: the project's settings come from the container's cache
(tgdesk.triggers.settings.current). A matching message reads the session and its trigger
item, and makes one conditional write. A redelivered record changes nothing: the trigger
item remembers the last message counted (`counted_through`, the message's sort key, as the
stream gives a user's messages in order) and every write is conditioned on its version.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from tgdesk.core.clock import now_ms
from tgdesk.core.domain import Status
from tgdesk.core.errors import Conflict
from tgdesk.storage import sessions
from tgdesk.storage import triggers as store
from tgdesk.storage.records.triggers import SessionTriggers, Suggestion
from tgdesk.triggers import firing, phrases
from tgdesk.triggers import settings as trigger_settings
from tgdesk.triggers.settings import KEYWORD, MANAGER, UNRESOLVED

_ATTEMPTS = 3  # the session's tags or triggers may change between the read and the write
_MINUTE_MS = 60_000


def on_change(event_name: str, old: Mapping[str, Any], new: Mapping[str, Any]) -> None:
    """One stream record (its event name, old and new images)."""
    kind = new.get("kind")
    if kind == "session":
        opened_at = _opened_at(event_name, old, new)
        if opened_at is not None:
            set_unresolved_timer(new, opened_at)
    elif kind == "message" and event_name == "INSERT" and new.get("direction") == "in":
        on_user_message(new)


def _opened_at(event_name: str, old: Mapping[str, Any], new: Mapping[str, Any]) -> int | None:
    """When the session opened, for a record that opens or reopens it; else None."""
    if new.get("status") == Status.CLOSED:
        return None
    if event_name == "INSERT":
        return _int(new.get("opened_at") or new.get("created_at"))
    if event_name == "MODIFY" and old.get("status") == Status.CLOSED:
        return _int(new.get("reopened_at"))
    return None


def set_unresolved_timer(session: Mapping[str, Any], opened_at: int) -> bool:
    """Put the session's unresolved timer when its project has the trigger on."""
    unresolved = trigger_settings.current(session["project_id"])[UNRESOLVED]
    if not unresolved.get("enabled"):
        return False
    due_at = opened_at + int(unresolved["minutes"]) * _MINUTE_MS
    store.set_unresolved_timer(
        {"session_id": session["session_id"], "project_id": session["project_id"]}, due_at
    )
    return True


def on_user_message(image: Mapping[str, Any]) -> list[Suggestion]:
    """Match and count a user's new message (a stream record's new image); what fired."""
    session_id, project_id = image.get("session_id"), image.get("project_id")
    if not session_id or not project_id:
        return []
    settings = trigger_settings.current(str(project_id))
    text = "\n".join(str(image.get(k) or "") for k in ("text", "caption")).strip()
    if not text:
        return []
    manager, keyword = settings[MANAGER], settings[KEYWORD]
    asked = manager.get("enabled") and phrases.find(
        text, phrases.all_phrases(manager.get("phrases", {}))
    )
    found = keyword.get("enabled") and phrases.find(text, keyword.get("keywords", []))
    if not asked and not found:
        return []
    marker = str(image["SK"])
    for _ in range(_ATTEMPTS):
        session = sessions.get(str(session_id))
        if session is None:
            return []
        read = store.get_state(str(session_id))
        fired = _counted(
            session,
            read,
            marker,
            asked=bool(asked),
            keyword=found or None,
            times=int(manager.get("times", 1)),
        )
        if fired is None:
            return []  # a redelivered record with nothing left to do
        state, made = fired
        try:
            written = firing.record(
                session,
                state,
                read_version=(read or {}).get("version"),
                fired=made,
                message_id=image.get("message_id"),
            )
        except Conflict:
            written = False
        if written:
            firing.escalate_on_their_own(session, made, settings)
            return made
    return []


def _counted(
    session: Mapping[str, Any],
    read: SessionTriggers | None,
    marker: str,
    *,
    asked: bool,
    keyword: str | None,
    times: int,
) -> tuple[SessionTriggers, list[Suggestion]] | None:
    """The trigger item after this message, and what fires with it; None when a
    redelivered message has nothing left to change."""
    state: SessionTriggers = (
        dict(read)
        if read
        else {  # type: ignore[assignment]
            "session_id": session["session_id"],
            "project_id": session["project_id"],
        }
    )
    fired_before = state.get("fired", {})
    seen = state.get("counted_through", "") >= marker
    count = int(state.get("manager_count", 0)) + (1 if asked and not seen else 0)
    now = now_ms()
    made: list[Suggestion] = []
    if asked and MANAGER not in fired_before and count >= times:
        made.append(firing.suggestion(MANAGER, now, count=count))
    if keyword and KEYWORD not in fired_before:
        made.append(firing.suggestion(KEYWORD, now, keyword=keyword))
    if seen and not made:
        return None
    state["counted_through"] = max(marker, state.get("counted_through", ""))
    if asked:
        state["manager_count"] = count
    return firing.with_fired(state, made), made


def _int(value: Any) -> int | None:
    if isinstance(value, Decimal | int) and not isinstance(value, bool):
        return int(value)
    return None
