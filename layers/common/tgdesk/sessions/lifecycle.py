"""The life of a session: status, priority, closing, reopening, and auto-close.

Statuses: `unread` (new or reopened; its agent has not opened it), `processing` (the
assignee opened it), `follow_up` (the agent promised to come back), `closed`. A session
closes when its agent or a supervisor ends it, or after the user has been silent for the
project's `auto_close_after_hours`; a user who writes within `reopen_within_days` of the
close gets the same session back (tgdesk.sessions.opening decides it on ingest).

Every change is a conditional transaction that also appends its audit entry.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

from tgdesk.accounts.access import Scope
from tgdesk.audit import entries as audit
from tgdesk.core import metrics
from tgdesk.core.clock import now_ms
from tgdesk.core.domain import SETTABLE_STATUSES, Priority, Status, values
from tgdesk.core.errors import Conflict, Forbidden, InvalidInput, NotFound
from tgdesk.sessions.opening import InboundTiming
from tgdesk.sla import clocks as sla_clocks
from tgdesk.storage import conversations, projects, sessions
from tgdesk.storage import sla as sla_store
from tgdesk.storage.records.project import Project
from tgdesk.storage.records.session import Session
from tgdesk.team import settings as team

TIMERS_PER_RUN = 500  # auto-closes per scheduler run; the rest wait a minute
_HOUR_MS = 3_600_000


# -- project settings -------------------------------------------------------------------------
def auto_close_after_ms(project: Project) -> int:
    return team.project_settings(project)["auto_close_after_hours"] * _HOUR_MS


def inbound_timing(project: Project, now: int) -> InboundTiming:
    """What a user's message at `now` means for their session's timing in this project."""
    settings = team.project_settings(project)
    return InboundTiming(
        autoclose_due=now + settings["auto_close_after_hours"] * _HOUR_MS,
        reopen_since=now - settings["reopen_within_days"] * 24 * _HOUR_MS,
        sla_tracked=bool(project.get("sla_tracked")),
    )


# -- the console's actions ----------------------------------------------------------------------
def note_opened(scope: Scope, session: Session) -> Session:
    """The assignee reads the session: unread -> processing. Anybody else's read (a
    supervisor looking in) changes only their own read time (`has_unread`)."""
    if has_unread(session, scope.agent_id):
        at = now_ms()
        if sessions.mark_read(session, scope.agent_id, at):
            session = {**session, "read_at": {**session.get("read_at", {}), scope.agent_id: at}}
    if session.get("status") != Status.UNREAD or session.get("assignee_id") != scope.agent_id:
        return session
    entry = _entry(
        scope,
        session,
        "session.status",
        {"status": Status.UNREAD},
        {"status": Status.PROCESSING},
        details={"cause": "opened"},
    )
    if sessions.mark_processing(session, scope.agent_id, entry):
        return {**session, "status": Status.PROCESSING}
    return session


def has_unread(session: Mapping[str, Any], agent_id: str) -> bool:
    """Whether the user wrote since `agent_id` last opened the session (an unread badge that
    survives a reload)."""
    last_user = session.get("last_user_msg_at")
    return bool(last_user) and last_user > session.get("read_at", {}).get(agent_id, 0)


def update(
    scope: Scope,
    session_id: str,
    *,
    status: str | None = None,
    priority: str | None = None,
    source_ip: str | None = None,
) -> Session:
    """Set the status (processing or follow_up) and/or the priority of an open session."""
    if status is not None and status not in SETTABLE_STATUSES:
        raise InvalidInput(
            f"status can be set to {' or '.join(SETTABLE_STATUSES)}; close a session with "
            "POST /api/sessions/{session_id}/close",
            code="invalid_status",
            field="status",
        )
    if priority is not None and priority not in values(Priority):
        raise InvalidInput(
            f"priority is one of {', '.join(values(Priority))}",
            code="invalid_priority",
            field="priority",
        )
    session = _held_session(scope, session_id)
    _require_open(session)
    wanted = {"status": status, "priority": priority}
    changes = {k: v for k, v in wanted.items() if v is not None and session.get(k) != v}
    if not changes:
        return session
    entries = [
        _entry(
            scope,
            session,
            f"session.{name}",
            {name: session.get(name)},
            {name: value},
            source_ip=source_ip,
        )
        for name, value in changes.items()
    ]
    at = now_ms()
    changed = sessions.change(session, {**changes, **_sla_changes(session, changes, at)}, entries)
    if session.get(sla_store.ATTRIBUTE) is not None:
        sla_store.look_again(changed, at)  # a pause, a resume or new targets: due times move
    return changed


def _sla_changes(session: Session, changes: Mapping[str, Any], at: int) -> dict[str, Any]:
    """The session's SLA clocks pause while it is follow_up (when its project tracks them)."""
    if "status" not in changes or session.get(sla_store.ATTRIBUTE) is None:
        return {}
    after = sla_clocks.status_changed(session, changes["status"], at)
    return {} if after is None else {sla_store.ATTRIBUTE: after}


def close(scope: Scope, session_id: str, *, source_ip: str | None = None) -> Session:
    """End a session (its assignee or a supervisor of its project)."""
    session = _held_session(scope, session_id)
    _require_open(session)
    at = now_ms()
    entry = _entry(
        scope,
        session,
        "session.close",
        {"status": session["status"]},
        {"status": Status.CLOSED, "closed_at": at},
        source_ip=source_ip,
    )
    return sessions.close(session, at=at, entry=entry)


def reopen(scope: Scope, session_id: str, *, source_ip: str | None = None) -> Session:
    """Reopen a closed session for its last assignee (or by a supervisor), when it is the
    user's latest session and the user has no other open session."""
    session = _held_session(scope, session_id)
    if session["status"] != Status.CLOSED:
        raise Conflict("This session is not closed.", code="session_not_closed")
    user = conversations.get_user(session["project_id"], session["tg_user_id"]) or {}
    if user.get("open_session_id"):
        raise Conflict(
            "The user has another open session; continue there.",
            code="user_has_open_session",
            session_id=user["open_session_id"],
        )
    if user.get("last_session_id") != session_id:
        raise Conflict("Only the user's latest session can be reopened.", code="not_latest_session")
    project = projects.get_project(session["project_id"]) or {}
    at = now_ms()
    entry = _entry(
        scope,
        session,
        "session.reopen",
        {"status": Status.CLOSED, "closed_at": session["closed_at"]},
        {"status": Status.UNREAD},
        source_ip=source_ip,
    )
    reopened = sessions.reopen(
        session, at=at, autoclose_due=at + auto_close_after_ms(project), entry=entry
    )
    if project.get(sla_store.TRACKED):
        sla_store.look_again(reopened, at)  # a new resolution clock
    return reopened


def require_can_send(scope: Scope, session: Mapping[str, Any]) -> None:
    """Only the session's holder writes to the user, and only while it is open."""
    if not scope.can_send(session):
        if session.get("assignee_id") == scope.agent_id:
            scope.require_permission(session["project_id"], "reply")
        if scope.collaborates(session):
            raise Forbidden(
                "You collaborate on this session: only the agent holding it writes to the "
                "user. Write a note, or ask them to hand the reply over to you.",
                code="collaborator_cannot_reply",
            )
        raise Forbidden(
            "Only the agent holding this session can write to the user; take it over first.",
            code="not_assignee",
        )
    if session.get("status") == Status.CLOSED:
        raise Conflict("This session is closed; reopen it to write.", code="session_closed")


# -- the scheduler ----------------------------------------------------------------------------
def run_due_timers(now: int | None = None) -> dict[str, int]:
    """Close the sessions whose user has been silent for the project's auto-close time.

    A user's message to their open session does not move the timer (that was a write and an
    index move per message): a timer that comes due while the user has written since is
    moved to their silence's end instead (`moved`), once per auto-close period at most. A
    timer that moved meanwhile or whose session changed loses its condition and is left
    alone (`skipped`)."""
    now = now if now is not None else now_ms()
    counts = {"due": 0, "closed": 0, "moved": 0, "skipped": 0, "dropped": 0}
    oldest: int | None = None  # timers come earliest first
    silence_ms: dict[str, int] = {}  # project id -> its auto-close time, read once a run
    for timer in sessions.each_due_timer(sessions.AUTOCLOSE, now, most=TIMERS_PER_RUN):
        counts["due"] += 1
        if oldest is None:
            oldest = int(timer["due_at"])
        counts[_auto_close(timer, now, silence_ms)] += 1
    metrics.scheduler_job("autoclose", due=counts["due"], oldest_due_at=oldest, now=now)
    return counts


def _auto_close(timer: dict[str, Any], now: int, silence_ms: dict[str, int]) -> str:
    session = sessions.get(timer["session_id"])
    if session is None or session.get("status") == Status.CLOSED:
        return "dropped" if sessions.drop_timer(timer) else "skipped"
    silence_ends = _silence_ends(session, silence_ms)
    if silence_ends is not None and silence_ends > now:
        return "moved" if sessions.move_timer(timer, silence_ends) else "skipped"
    entry = audit.entry(
        "session.close",
        actor_id=audit.SYSTEM,
        project_id=session["project_id"],
        target_type="session",
        target_id=session["session_id"],
        before={"status": session["status"]},
        after={"status": Status.CLOSED, "closed_at": now},
        details={"cause": "auto_close", "last_user_msg_at": session.get("last_user_msg_at")},
    )
    try:
        sessions.close(session, at=now, entry=entry, due_timer=timer)
    except Conflict:
        return "skipped"
    return "closed"


def _silence_ends(session: Mapping[str, Any], silence_ms: dict[str, int]) -> int | None:
    """When the user's silence reaches the project's auto-close time: from their last
    message (None when the session has none). `silence_ms` keeps each project's time for
    the rest of the run."""
    last = session.get("last_user_msg_at")
    if last is None:
        return None
    project_id = session["project_id"]
    if project_id not in silence_ms:
        project = projects.get_project(project_id) or {}
        silence_ms[project_id] = auto_close_after_ms(cast(Project, project))
    return int(last) + silence_ms[project_id]


# -- helpers ----------------------------------------------------------------------------------
def _held_session(scope: Scope, session_id: str) -> Session:
    """The session, if the caller is its assignee or supervises its project."""
    session = scope.session(session_id)
    if session.get("assignee_id") == scope.agent_id or scope.supervises(session["project_id"]):
        return session
    raise NotFound("no such session", code="session_not_found")


def _require_open(session: Mapping[str, Any]) -> None:
    if session["status"] == Status.CLOSED:
        raise Conflict("This session is closed; reopen it first.", code="session_closed")


def _entry(
    scope: Scope,
    session: Mapping[str, Any],
    action: str,
    before: dict[str, Any],
    after: dict[str, Any],
    *,
    details: dict[str, Any] | None = None,
    source_ip: str | None = None,
) -> dict[str, Any]:
    return audit.entry(
        action,
        actor_id=scope.agent_id,
        project_id=session["project_id"],
        target_type="session",
        target_id=session["session_id"],
        before=before,
        after=after,
        details=details,
        source_ip=source_ip,
    )
