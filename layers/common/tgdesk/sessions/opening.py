"""Where a user's message goes: the rules, decided from what was read, with no storage.

A message goes to the user's open session; else it reopens their last session if that
closed recently enough (after `InboundTiming.reopen_since`) and is still closed; else it
opens a new session. A session that opens or reopens gets its auto-close timer at
`InboundTiming.autoclose_due`; a message to the open session leaves the timer alone (the
scheduler moves it to the end of the user's silence when it comes due).

Storage writes a `Placement` as one transaction conditioned on what it was decided from
(tgdesk.storage.conversations.store_inbound_message); when that changed meanwhile, the
caller reads again and decides again.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from tgdesk.core.domain import Status


@dataclass(frozen=True, slots=True)
class InboundTiming:
    """What an inbound message does to session timing, per its project's settings."""

    autoclose_due: int  # the session closes then unless the user writes again
    reopen_since: int  # a session closed after this moment is reopened, not replaced
    sla_tracked: bool = False  # the project's SLA clocks run (tgdesk.sla)


@dataclass(frozen=True, slots=True)
class Placement:
    """The session a message goes to, and what that takes."""

    session_id: str
    autoclose_due: int  # the auto-close timer of a session that (re)opens is set there
    opens: bool = False  # a new session, `session_id`
    reopens: Mapping[str, Any] | None = None  # the user's last session, closed, as read
    sla_tracked: bool = False  # the message starts SLA clocks (storage.sla.inbound_timers)

    @property
    def continues(self) -> bool:
        """The user's open session takes the message."""
        return not self.opens and self.reopens is None


def reopen_candidate(user: Mapping[str, Any] | None, timing: InboundTiming) -> str | None:
    """The id of the session to read before deciding: the user's last session, when they
    have none open and it closed after `timing.reopen_since`."""
    if not user or user.get("open_session_id"):
        return None
    last_id, closed_at = user.get("last_session_id"), user.get("last_closed_at")
    if not last_id or closed_at is None or closed_at <= timing.reopen_since:
        return None
    return str(last_id)


def place_message(
    user: Mapping[str, Any] | None,
    last_session: Mapping[str, Any] | None,
    timing: InboundTiming,
    *,
    new_session_id: str,
) -> Placement:
    """Where the message goes, given the user's profile and (read when `reopen_candidate`
    named it) their last session; `new_session_id` is the id a new session would get."""
    open_session_id = (user or {}).get("open_session_id")
    if open_session_id:
        return Placement(
            session_id=open_session_id,
            autoclose_due=timing.autoclose_due,
            sla_tracked=timing.sla_tracked,
        )
    candidate = reopen_candidate(user, timing)
    if (
        last_session is not None
        and candidate is not None
        and last_session.get("session_id") == candidate
        and last_session.get("status") == Status.CLOSED
    ):
        return Placement(
            session_id=candidate,
            autoclose_due=timing.autoclose_due,
            reopens=last_session,
            sla_tracked=timing.sla_tracked,
        )
    return Placement(
        session_id=new_session_id,
        autoclose_due=timing.autoclose_due,
        opens=True,
        sla_tracked=timing.sla_tracked,
    )
