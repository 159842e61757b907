"""Routing against the table: reads what `tgdesk.routing.policy` decides on, writes its claims.

Cost per session, whatever the size of the project: one Query of the members, one
consistent BatchGetItem (session, routing item, project, user profile, group, the members'
agent items: up to 95 members, +1 per 100 more), one GetItem for a returning user's
previous session, for a session a tracked link opened one GetItem of the link (and one
of its group: tgdesk.attribution.targets), and one TransactWriteItems (with the routing
item only for a new session's turn). A lost race repeats the read and the write, at most
`routing.MAX_CLAIM_ATTEMPTS` times. A new session nobody can take yet gets one more
UpdateItem: its `queued_at`. A transfer's message to the user is stored by the claim's own
transaction: it exists exactly when the session moved.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any

from tgdesk.accounts import access
from tgdesk.attribution import targets
from tgdesk.audit import entries as audit
from tgdesk.core.clock import now_ms
from tgdesk.core.domain import Status
from tgdesk.core.errors import Conflict, InvalidInput, NotFound, TgdeskError
from tgdesk.routing.policy import (
    REOPENED,
    RETURNED,
    ROUTED,
    TAKEN_OVER,
    TRANSFERRED,
    Candidate,
    Claim,
    ClaimResult,
    Outcome,
    Routed,
    RoutingState,
    SessionToRoute,
    Snapshot,
    route,
)
from tgdesk.storage import accounts, assignments, conversations, outbound, projects, sessions
from tgdesk.storage.expressions import Changes
from tgdesk.storage.records.agent import Agent
from tgdesk.storage.records.session import Session
from tgdesk.team import presence
from tgdesk.team import settings as team

RETURNING_USER_WINDOW_MS = 30 * 24 * 3_600_000  # "recently closed" for sticky routing
_MINUTE_MS = 60_000


class DynamoRoutingStore:
    """tgdesk.routing.policy.RoutingStore on the single table. `message`, if given, is stored by
    the claim's transaction (a transfer's message to the user); so are `also` (more writes that
    must happen only with the move, such as an escalation's ticket), and `session_changes`
    are merged into the claim's update of the session."""

    message: outbound.NewMessage | None = None

    def __init__(
        self,
        message: outbound.NewMessage | None = None,
        *,
        also: Sequence[dict[str, Any]] = (),
        session_changes: Callable[[Changes], Changes] | None = None,
    ) -> None:
        self.message = message
        self.also = tuple(also)
        self.session_changes = session_changes

    def snapshot(self, session: SessionToRoute) -> Snapshot:
        now = now_ms()
        member_ids = [m["agent_id"] for m in projects.list_members(session.project_id)]
        read = assignments.read_for_routing(
            session.session_id,
            session.project_id,
            member_ids,
            # a returning user's previous agent matters only to a new session
            tg_user_id=session.tg_user_id if session.how == ROUTED else None,
            group_id=session.group_id,
        )
        stored = read.session
        routable = (
            stored is not None
            and stored.get("status") != Status.CLOSED
            and stored.get("assignee_id") == session.from_agent_id
        )
        settings = team.project_settings(read.project or {"project_id": session.project_id})
        eligible = set(member_ids)
        linked = _link_scope(session, stored, eligible, read.agents)
        if linked is not None:
            eligible = linked
        elif settings["agent_scope"] != team.ALL_AGENTS:
            eligible &= set(settings["agent_scope"])
        if session.group_id is not None:
            if read.group is None:
                raise NotFound("no such group", code="group_not_found")
            eligible &= set(read.group.get("agent_ids", []))
        candidates = tuple(
            _candidate(aid, agent, now) for aid, agent in read.agents.items() if aid in eligible
        )
        routing = settings["routing"]
        minutes = routing.get("return_after_minutes")
        preferred = None
        if read.profile is not None and routing["sticky_returning_users"]:
            preferred = _previous_agent(read.profile, now)
        cursor = read.routing.get("rr_seq")
        return Snapshot(
            routable=routable,
            candidates=candidates,
            state=RoutingState(
                cursor=int(cursor) if cursor is not None else None,
                last_at=int(read.routing.get("updated_at", 0)),
            ),
            mode=routing["mode"],
            preferred=preferred,
            return_after_ms=int(minutes) * _MINUTE_MS
            if minutes and session.target is None
            else None,
            assigned_at=int((stored or {}).get("assigned_at", 0)),
        )

    def claim(self, claim: Claim) -> ClaimResult:
        entry = _assign_entry(claim.session, claim.agent_id)
        if self.message is None and not self.also and self.session_changes is None:
            return assignments.claim(claim, entry)
        return assignments.claim(
            claim, entry, also=self._also(), session_changes=self._session_changes
        )

    def _also(self) -> tuple[dict[str, Any], ...]:
        return (*(self.message.operations if self.message else ()), *self.also)

    def _session_changes(self, update: Changes) -> Changes:
        if self.message is not None:
            self.message.touch_session(update)
        return self.session_changes(update) if self.session_changes else update

    def keep(self, session: SessionToRoute, at: int) -> None:
        assert session.from_agent_id is not None
        assignments.keep(
            session, session.from_agent_id, at, _assign_entry(session, session.from_agent_id)
        )


def _link_scope(
    session: SessionToRoute,
    stored: Session | None,
    members: set[str],
    agents: dict[str, Agent],
) -> set[str] | None:
    """The members a session's tracked link routes to (tgdesk.attribution.targets), in place
    of the project's agent scope; None when the link has no target, when the routing is a
    person's choice (a transfer, a take-over), or when nobody enabled is left in the target
    (then the project's scope applies)."""
    if session.how not in (ROUTED, RETURNED, REOPENED) or session.target or session.group_id:
        return None
    target = targets.link_scope(stored)
    if target is None:
        return None
    chosen = members & target
    if not any(not agents[a].get("disabled") for a in chosen if a in agents):
        return None
    return chosen


def _candidate(agent_id: str, agent: Agent, now: int) -> Candidate:
    limit = agent.get("max_open_sessions")
    last = agent.get("last_assigned_at")
    return Candidate(
        agent_id=agent_id,
        disabled=bool(agent.get("disabled")),
        online=presence.is_online(agent, now),
        open_sessions=int(agent.get("open_sessions", 0)),
        max_open_sessions=int(limit) if limit is not None else None,
        last_assigned_at=int(last) if last is not None else None,
    )


def _previous_agent(profile: dict[str, Any] | None, now: int) -> str | None:
    """The agent of a returning user's latest session, if it closed recently."""
    if not profile or not profile.get("last_session_id"):
        return None
    if now - int(profile.get("last_closed_at", 0)) > RETURNING_USER_WINDOW_MS:
        return None
    return assignments.get_assignee(profile["last_session_id"])


def _assign_entry(session: SessionToRoute, agent_id: str) -> dict[str, Any]:
    return audit.entry(
        f"session.{'assign' if session.how in (ROUTED, REOPENED) else session.how}",
        actor_id=session.by,
        project_id=session.project_id,
        target_type="session",
        target_id=session.session_id,
        before={"assignee_id": session.from_agent_id},
        after={"assignee_id": agent_id},
        details={"how": session.how, "reason": session.reason},
        source_ip=session.source_ip,
    )


store = DynamoRoutingStore()


# -- what the assign function and the scheduler call ---------------------------------------
def route_session(session: SessionToRoute) -> Routed:
    return route(session, store, now_ms)


def route_arrival(session: SessionToRoute) -> Routed:
    """Route a session the stream announces (new, or reopened). A session without an agent
    that nobody can take yet is marked `queued_at`: it waits in the project's queue."""
    result = route_session(session)
    if result.outcome is Outcome.NO_ELIGIBLE_AGENT and session.from_agent_id is None:
        sessions.mark_queued(session.session_id, now_ms())
    return result


def drain_queues_of(agent_id: str, *, limit: int) -> Iterator[tuple[str, int]]:
    """Drain the queue of each project the agent is a member of, one after the other (up
    to `limit` sessions each): each project, with how many got an agent."""
    for project_id in projects.projects_of_agent(agent_id):
        yield project_id, drain_queue(project_id, limit=limit)


def drain_queue(project_id: str, *, limit: int) -> int:
    """Route up to `limit` waiting sessions of a project, oldest first; stops at the first
    that finds nobody with room. Returns how many got an agent."""
    assigned = 0
    for waiting in conversations.list_queue(project_id, limit=limit):
        result = route_session(
            SessionToRoute(
                session_id=waiting["session_id"],
                project_id=project_id,
                tg_user_id=waiting.get("tg_user_id"),
            )
        )
        if result.outcome is Outcome.NO_ELIGIBLE_AGENT:
            break
        assigned += result.outcome is Outcome.ASSIGNED
    return assigned


# -- transfers and take-overs (the API) ---------------------------------------------------
def transfer(
    scope: access.Scope,
    session_id: str,
    *,
    agent_id: str | None = None,
    group_id: str | None = None,
    any_online: bool = False,
    reason: str | None = None,
    source_ip: str | None = None,
    message: outbound.NewMessage | None = None,
) -> Session:
    """Give the session to another agent: a named one (eligible; online or not, within
    their capacity), the project's mode inside a group, or any online agent. By its
    assignee with the `transfer` permission, or a supervisor of the project. `message`
    (tgdesk.outbound.delivery.prepare) is stored with the move, in its transaction, or not at all;
    the caller sends it once this returns."""
    session = scope.session(session_id)
    project_id = session["project_id"]
    if not scope.supervises(project_id):
        scope.require_permission(project_id, "transfer")
    if session.get("status") == Status.CLOSED:
        raise Conflict("This session is closed; reopen it first.", code="session_closed")
    current = session.get("assignee_id")
    if agent_id is not None and agent_id == current:
        raise InvalidInput("The session is already this agent's.", code="same_agent", field="to")
    wanted = SessionToRoute(
        session_id=session_id,
        project_id=project_id,
        how=TRANSFERRED,
        by=scope.agent_id,
        from_agent_id=current,
        exclude=frozenset({current}) if current else frozenset(),
        group_id=group_id,
        online_only=any_online,
        target=agent_id,
        status=Status.UNREAD,
        reason=reason,
        source_ip=source_ip,
    )
    return move(wanted, DynamoRoutingStore(message) if message else store)


def take_over(
    scope: access.Scope, session_id: str, *, reason: str | None = None, source_ip: str | None = None
) -> Session:
    """A supervisor of the project makes the session theirs (their capacity does not apply)."""
    session = scope.session(session_id)
    scope.require_supervisor(session["project_id"])
    if session.get("status") == Status.CLOSED:
        raise Conflict("This session is closed; reopen it first.", code="session_closed")
    if session.get("assignee_id") == scope.agent_id:
        return session
    wanted = SessionToRoute(
        session_id=session_id,
        project_id=session["project_id"],
        how=TAKEN_OVER,
        by=scope.agent_id,
        from_agent_id=session.get("assignee_id"),
        target=scope.agent_id,
        enforce_capacity=False,
        status=Status.PROCESSING,
        reason=reason,
        source_ip=source_ip,
    )
    return move(wanted)


def transfer_message(notify_user: bool | None, message: str | None) -> str | None:
    """The text a transfer sends to the user, or None. A message given is always sent;
    `notify_user: true` needs one, and `notify_user: false` cannot come with one, so a
    message is never dropped silently."""
    text = (message or "").strip() or None
    if notify_user and text is None:
        raise InvalidInput(
            "notify_user asks to tell the user about the transfer: write the message to send.",
            code="message_required",
            field="message",
        )
    if notify_user is False and text is not None:
        raise InvalidInput(
            "A transfer's message is always sent to the user; drop notify_user: false to "
            "send it, or drop the message.",
            code="message_not_wanted",
            field="notify_user",
        )
    return text


def move(wanted: SessionToRoute, via: DynamoRoutingStore = store) -> Session:
    """Move a session as `wanted` says (a transfer, a take-over, an escalation) and return it
    as stored after the move; a refusal raises (Conflict, InvalidInput), nothing moved."""
    # A move never keeps the session with its agent (`same_agent`, `exclude`), so writes
    # given to `via` are always written by a claim, never dropped by `keep`.
    result = route(wanted, via, now_ms)
    if result.outcome is Outcome.ALREADY_ROUTED:
        raise Conflict(
            "The session changed meanwhile; reload it and try again.", code="session_changed"
        )
    if result.outcome is Outcome.NO_ELIGIBLE_AGENT:
        if wanted.target is not None:
            raise _not_eligible(wanted.project_id, wanted.target)
        raise Conflict(
            "Nobody eligible can take this session now (offline, or at capacity).",
            code="no_eligible_agent",
        )
    if result.outcome is Outcome.TARGET_FULL:
        raise Conflict(
            "This agent has as many open sessions as they can take.", code="agent_at_capacity"
        )
    moved = conversations.get_session(wanted.session_id)
    assert moved is not None
    if moved.get("assignee_id") != result.agent_id:
        raise Conflict("The session changed meanwhile; reload it.", code="session_changed")
    return moved


def _not_eligible(project_id: str, agent_id: str) -> TgdeskError:
    """Why a named agent cannot take the project's sessions (read only on this refusal)."""
    field = "to.agent_id"
    if agent_id not in {m["agent_id"] for m in projects.list_members(project_id)}:
        return InvalidInput(
            "This agent is not a member of this project; an admin adds members.",
            code="agent_not_member",
            field=field,
        )
    if (accounts.get_agent(agent_id) or {}).get("disabled"):
        return InvalidInput("This agent's account is disabled.", code="agent_disabled", field=field)
    chosen = team.project_settings(projects.get_project(project_id) or {})["agent_scope"]
    if chosen != team.ALL_AGENTS and agent_id not in chosen:
        return InvalidInput(
            "This agent is a member but not in the project's agent scope (its routing "
            "settings); a supervisor can add them.",
            code="agent_not_in_scope",
            field=field,
        )
    return InvalidInput(
        "This agent cannot take sessions of this project now.",
        code="agent_not_eligible",
        field=field,
    )
