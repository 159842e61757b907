"""The escalation move: a session goes up a level (l2, l3) to a group, a named agent or (l3)
the project's supervisors and admins, with its ticket.

An escalation is a transfer (tgdesk.routing.service.move, assignment `how` "escalated"): the
previous holder loses the session. It happens in two steps, `plan` (every check, then the
ticket number: one UpdateItem on the project's counter) and `carry_out` (the claim
transaction, which also writes the ticket with its new hop, the session's level, ticket
summary and priority, the audit entry of the hop and the message to the user). So the
ticket, the level and the message exist exactly when the session moved; a move refused after
its number was taken leaves a gap in the numbers, never a duplicate.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from typing import Any, cast

from botocore.exceptions import ClientError

from tgdesk import teamchat
from tgdesk.accounts import access
from tgdesk.audit import entries as audit
from tgdesk.core.claims import SessionToRoute
from tgdesk.core.clock import now_ms
from tgdesk.core.domain import Emotion, Level, Priority, Role, Status
from tgdesk.core.errors import Conflict, InvalidInput
from tgdesk.escalation import content, response_time, sla, targets, wording
from tgdesk.outbound import delivery
from tgdesk.risk import checks as risk_checks
from tgdesk.routing import policy
from tgdesk.routing import service as routing
from tgdesk.storage import accounts, outbound, projects
from tgdesk.storage import audit as audit_store
from tgdesk.storage import tickets as store
from tgdesk.storage.records import ticket as ticket_record
from tgdesk.storage.records.session import Session
from tgdesk.storage.records.ticket import Hop, Targets, Ticket, TicketUser
from tgdesk.team import presence

log = logging.getLogger(__name__)

ESCALATED = "escalated"  # the assignment's `how`
_LEVEL_RANK = {Level.L1: 1, Level.L2: 2, Level.L3: 3}


@dataclass(frozen=True, slots=True)
class Request:
    """What the agent asks for. Exactly one target: `group_id`, `agent_id`, or (l3 only)
    `supervisors`. Ticket fields left None keep what the ticket holds (or are picked); the
    targets (minutes), when given, are the ticket's own, stricter than the policy's."""

    level: Level
    group_id: str | None = None
    agent_id: str | None = None
    supervisors: bool = False
    reason: str | None = None
    problem: str | None = None
    tried: str | None = None
    key_message_ids: tuple[str, ...] | None = None
    emotion: Emotion | None = None
    priority: Priority | None = None
    notify_user: bool = True
    confirm_risk: bool = False
    first_response_minutes: int | None = None
    resolution_minutes: int | None = None


@dataclass(frozen=True, slots=True)
class Plan:
    """An escalation checked and numbered, ready to be carried out."""

    session: Session
    wanted: SessionToRoute
    ticket: Ticket
    version_read: int | None  # None: the session has no ticket yet
    priority: Priority
    entry: dict[str, Any]  # the audit entry of the hop
    message: outbound.NewMessage | None


@dataclass(frozen=True, slots=True)
class Escalated:
    session: Session
    ticket: Ticket
    message: dict[str, Any] | None  # the message to the user, as sent (or being retried)


def escalate(
    scope: access.Scope, session_id: str, request: Request, *, source_ip: str | None = None
) -> Escalated:
    """Plan, carry out, then tell the user and the team's group."""
    done = carry_out(plan(scope, session_id, request, source_ip=source_ip))
    sent = delivery.send(done.message) if done.message is not None else None
    _post_to_team(done)
    return replace(done, message=sent)


def plan(
    scope: access.Scope, session_id: str, request: Request, *, source_ip: str | None = None
) -> Plan:
    """Check the escalation (who, the target, the ticket's fields, the message to the user
    against risk control), then take the ticket's number (a new ticket only)."""
    session = scope.session(session_id)
    project_id = session["project_id"]
    if not scope.supervises(project_id):
        scope.require_permission(project_id, "transfer")
    if session.get("status") == Status.CLOSED:
        raise Conflict("This session is closed; reopen it first.", code="session_closed")
    current_level = Level(session.get("level") or Level.L1)
    _check_target(request, current_level)
    holder = session.get("assignee_id")
    if request.agent_id is not None and request.agent_id == holder:
        raise InvalidInput(
            "The session is already this agent's.", code="same_agent", field="to.agent_id"
        )
    existing = store.get(session_id, consistent=True)
    at = now_ms()
    priority = Priority(request.priority or session.get("priority") or Priority.MEDIUM)
    hop: Hop = {
        "at": at,
        "by": scope.agent_id,
        "from_level": current_level,
        "from_agent_id": holder,
        "to_level": request.level,
        "to_group_id": request.group_id,
        "to_agent_id": None,  # known once routing chose: written by the claim
        "to_supervisors": request.supervisors,
        "priority": priority,
        "reason": content.bounded(request.reason, ticket_record.MAX_REASON_CHARS, "reason"),
    }
    fields = _ticket_fields(session, request, existing)
    own_targets = targets.checked(
        project_id,
        priority,
        first_response_minutes=request.first_response_minutes,
        resolution_minutes=request.resolution_minutes,
        at=at,
    ) or (existing or {}).get("targets")
    if own_targets:
        fields["targets"] = own_targets
    wanted = _wanted(session, request, scope.agent_id, hop["reason"], source_ip)
    if request.supervisors:
        wanted = replace(wanted, target=_pick_supervisor(project_id, wanted.exclude))
    if request.notify_user and existing is None:
        # Refusals come before the number is taken: the final text differs only by it.
        draft = _text_to_user(project_id, fields["user"], 0, priority, own_targets)
        risk_checks.check_outbound(scope.agent_id, session, draft, confirmed=request.confirm_risk)
    number = int(existing["number"]) if existing else store.next_number(project_id)
    before: dict[str, Any] = dict(existing or {})
    ticket = cast(
        Ticket,
        {
            **before,
            **fields,
            "session_id": session_id,
            "project_id": project_id,
            "number": number,
            "level": request.level,
            "group_id": request.group_id,
            "hops": [*before.get("hops", []), hop][-ticket_record.MAX_HOPS :],
            "updated_at": at,
            "version": int(before.get("version", 0)) + 1,
        },
    )
    if existing is None:
        ticket["created_at"] = at
        ticket["created_by"] = scope.agent_id
    message = None
    if request.notify_user:
        text = _text_to_user(project_id, ticket["user"], number, priority, own_targets)
        matches = risk_checks.check_outbound(
            scope.agent_id, session, text, confirmed=request.confirm_risk
        )
        message = delivery.prepare(scope.agent_id, session, text, risk_matches=matches)
    entry = audit.entry(
        "ticket.escalate",
        actor_id=scope.agent_id,
        project_id=project_id,
        target_type="ticket",
        target_id=session_id,
        before={"level": current_level, "assignee_id": holder},
        after={"level": request.level, "group_id": request.group_id},
        details={"number": number, "reason": hop["reason"], "priority": priority},
        source_ip=source_ip,
    )
    return Plan(
        session=session,
        wanted=wanted,
        ticket=ticket,
        version_read=int(existing["version"]) if existing else None,
        priority=priority,
        entry=entry,
        message=message,
    )


def carry_out(plan: Plan) -> Escalated:
    """Move the session with its ticket, in the claim's one transaction. Conflict when the
    session or its ticket changed since the plan was made."""
    via = _EscalationStore(plan)
    try:
        moved = routing.move(plan.wanted, via)
    except ClientError as err:  # the ticket's write was refused: it changed meanwhile
        if err.response.get("Error", {}).get("Code") != "TransactionCanceledException":
            raise
        raise Conflict(
            "This ticket changed meanwhile; reload the session and try again.",
            code="ticket_changed",
        ) from err
    sla.priority_or_status_changed(moved)
    message = plan.message.message if plan.message is not None else None
    return Escalated(session=moved, ticket=via.written, message=message)


class _EscalationStore(routing.DynamoRoutingStore):
    """Routing's store with the escalation's writes: the ticket's hop names the agent routing
    chose (known only at the claim, for a group), and goes with the move or not at all."""

    def __init__(self, plan: Plan) -> None:
        super().__init__(
            plan.message, session_changes=store.session_changes(plan.ticket, plan.priority)
        )
        self.plan = plan
        self.written: Ticket = plan.ticket

    def claim(self, claim: policy.Claim) -> policy.ClaimResult:
        plan = self.plan
        *earlier, hop = plan.ticket["hops"]
        self.written = {**plan.ticket, "hops": [*earlier, {**hop, "to_agent_id": claim.agent_id}]}
        entry = {**plan.entry, "after": {**plan.entry["after"], "assignee_id": claim.agent_id}}
        self.also = (
            *store.ticket_writes(self.written, version_read=plan.version_read),
            audit_store.put_operation(entry),
        )
        return super().claim(claim)


# -- checks and targets ---------------------------------------------------------------------
def _check_target(request: Request, current: Level) -> None:
    chosen = [request.group_id is not None, request.agent_id is not None, request.supervisors]
    if sum(chosen) != 1:
        raise InvalidInput(
            "Name exactly one of group_id, agent_id or supervisors: true.",
            code="invalid_target",
            field="to",
        )
    if request.supervisors and request.level != Level.L3:
        raise InvalidInput(
            "Only an escalation to l3 goes to the project's supervisors and admins.",
            code="supervisors_need_l3",
            field="to.supervisors",
        )
    if request.level == Level.L1 or _LEVEL_RANK[request.level] <= _LEVEL_RANK[current]:
        raise InvalidInput(
            f"An escalation goes up: this session is at {current}.",
            code="level_not_higher",
            field="level",
        )


def _wanted(
    session: Session,
    request: Request,
    by: str,
    reason: str | None,
    source_ip: str | None,
) -> SessionToRoute:
    holder = session.get("assignee_id")
    return SessionToRoute(
        session_id=session["session_id"],
        project_id=session["project_id"],
        how=ESCALATED,
        by=by,
        from_agent_id=holder,
        exclude=frozenset({holder}) if holder else frozenset(),
        group_id=request.group_id,
        target=request.agent_id,
        # the project's supervisors and admins take it whatever their load, as on a take-over
        enforce_capacity=not request.supervisors,
        status=Status.UNREAD,
        reason=reason,
        source_ip=source_ip,
    )


def _pick_supervisor(project_id: str, exclude: frozenset[str]) -> str:
    """For l3's one click: among the project's supervisors and admins (its members with
    those roles, enabled, not the holder), an online one with the fewest open sessions, else
    one in turn. Conflict when the project has none."""
    member_ids = [m["agent_id"] for m in projects.list_members(project_id)]
    now = now_ms()
    candidates = [
        policy.Candidate(
            agent_id=agent_id,
            online=presence.is_online(agent, now),
            open_sessions=int(agent.get("open_sessions", 0)),
            last_assigned_at=agent.get("last_assigned_at"),
        )
        for agent_id, agent in accounts.get_agents(member_ids).items()
        if agent.get("role") in (Role.SUPERVISOR, Role.ADMIN) and not agent.get("disabled")
    ]
    chosen = policy.choose(
        candidates,
        policy.RoutingState(cursor=None),
        mode=policy.BALANCED,
        exclude=exclude,
    )
    if chosen is None:
        raise Conflict(
            "This project has no other supervisor or admin to take the session.",
            code="no_eligible_agent",
        )
    return chosen


# -- the ticket's fields and the message to the user ----------------------------------------
def _ticket_fields(session: Session, request: Request, existing: Ticket | None) -> dict[str, Any]:
    if request.key_message_ids is not None:
        key_messages = content.chosen_key_messages(session, request.key_message_ids)
    elif existing is not None:
        key_messages = existing.get("key_messages") or []
    else:
        key_messages = content.picked_key_messages(session)
    problem = content.bounded(request.problem, ticket_record.MAX_PROBLEM_CHARS, "problem")
    tried = content.bounded(request.tried, ticket_record.MAX_TRIED_CHARS, "tried")
    old = existing or {}
    return {
        "user": content.user_of(session),
        "problem": problem or old.get("problem") or content.problem_from(key_messages),
        "tried": tried if tried is not None else old.get("tried", ""),
        "key_messages": key_messages,
        "emotion": Emotion(request.emotion or old.get("emotion") or Emotion.CALM),
    }


def _text_to_user(
    project_id: str,
    user: TicketUser,
    number: int,
    priority: Priority,
    own_targets: Targets | None,
) -> str:
    """The ticket's own first-response target when it has one, else the policy's."""
    response_ms = targets.first_response_ms(own_targets)
    return wording.render(
        store.get_wording(project_id),
        language_code=user.get("language_code"),
        number=number,
        response_ms=response_ms or response_time.first_response_ms(project_id, priority),
        first_name=user.get("first_name"),
    )


def _post_to_team(done: Escalated) -> None:
    """Tell the team's Telegram group, once per hop (the ticket's version names it). The
    escalation is done already: a failure here is logged and never undoes it."""
    ticket = done.ticket
    hop = ticket["hops"][-1]
    text = (
        f"Ticket {wording.ticket_label(ticket['number'])} escalated to "
        f"{str(ticket['level']).upper()} · priority {hop['priority']}"
    )
    if hop.get("reason"):
        text += f"\n{hop['reason']}"
    event = f"escalation#{ticket['session_id']}#{ticket['version']}"
    link = teamchat.session_link(ticket["session_id"])
    try:
        teamchat.post(ticket["project_id"], event, text, link=link)
    except Exception:
        log.exception("posting the escalation to the team's group failed", extra={"event": event})
