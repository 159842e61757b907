"""Real-time fan-out: the table's stream, turned into frames for the consoles that may see them.

Every change an agent should see is already a write to the table, so the stream is the one
source of frames: a session item (assigned, transferred, status, priority, tags, activity),
a message item (new, delivery state, edits) and a note item. Who receives a frame is decided
by the same rules as the REST API (`tgdesk.accounts.access`): the session's assignee, its
collaborators and the project's supervisors and admins; a personal note only its author. An
agent who held (or collaborated on) a session and no longer may see it is told
`session.removed`.

Frames carry the item exactly as the REST API shows it, so the console replaces what it
has by the newer state; a frame pushed twice (the stream redelivers) changes nothing.
Pushing is best effort: a console that misses a frame catches up through the REST API
when it reconnects, so nothing here ever fails the stream's batch.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from tgdesk.accounts.access import Scope
from tgdesk.core import correlation, metrics
from tgdesk.core.clock import now_ms
from tgdesk.core.domain import Role
from tgdesk.realtime import connections as websocket
from tgdesk.storage import accounts, connections, conversations, projects, table
from tgdesk.storage.records import message as message_record
from tgdesk.storage.records import session as session_record
from tgdesk.storage.records.agent import Agent

log = logging.getLogger(__name__)

SESSION_ASSIGNED = "session.assigned"
SESSION_UPDATED = "session.updated"
SESSION_REMOVED = "session.removed"
MESSAGE_CREATED = "message.created"
MESSAGE_UPDATED = "message.updated"
NOTE_CREATED = "note.created"
NOTE_UPDATED = "note.updated"
RISK_FLAGGED = "risk.flagged"

# The public attributes of a note and their defaults: what GET /api/sessions/{sid}/notes
# answers. Sessions and messages show what their records name (storage.records).
NOTE_FIELDS: dict[str, Any] = dict.fromkeys(
    ("note_id", "session_id", "project_id", "author_id", "text", "personal", "created_at")
) | {"edited_at": None}


def _project(item: Mapping[str, Any], fields: Mapping[str, Any]) -> dict[str, Any]:
    return {name: item.get(name, default) for name, default in fields.items()}


def session_view(item: Mapping[str, Any]) -> dict[str, Any]:
    return session_record.shown(item)


def message_view(item: Mapping[str, Any]) -> dict[str, Any]:
    return message_record.shown(item)


def note_view(item: Mapping[str, Any]) -> dict[str, Any]:
    return _project(item, NOTE_FIELDS)


@dataclass(frozen=True)
class Frame:
    type: str
    project_id: str
    session_id: str
    at: int
    data: dict[str, Any]

    def encode(self) -> bytes:
        body = {
            "type": self.type,
            "project_id": self.project_id,
            "session_id": self.session_id,
            "at": self.at,
            "data": self.data,
        }
        return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()


@dataclass(frozen=True)
class Outgoing:
    """A frame and the agents who may receive it."""

    frame: Frame
    agent_ids: tuple[str, ...]


@dataclass
class PublishReport:
    frames: int = 0  # frames with at least one recipient
    pushed: int = 0  # frames delivered to a connection
    gone: int = 0  # stale connections found and deleted
    failed: int = 0  # pushes that failed otherwise, and records that could not be read


@dataclass
class Change:
    """One stream record: the item before and after (either may be None)."""

    old: dict[str, Any] | None
    new: dict[str, Any] | None
    at: int

    @property
    def current(self) -> dict[str, Any]:
        return self.new or self.old or {}

    @property
    def kind(self) -> str | None:
        return self.current.get("kind")


def change_from_record(record: Any) -> Change | None:
    """A Lambda DynamoDB stream record (the dict, or Powertools' wrapper of it) -> Change.
    None for TTL deletions, which the service itself makes."""
    raw: Mapping[str, Any] = getattr(record, "raw_event", record)
    identity = raw.get("userIdentity") or {}
    if identity.get("type") == "Service":
        return None
    data = raw.get("dynamodb") or {}
    created = data.get("ApproximateCreationDateTime")
    return Change(
        old=table.from_item(data.get("OldImage")),
        new=table.from_item(data.get("NewImage")),
        at=int(float(created) * 1000) if created is not None else now_ms(),
    )


class Audience:
    """Who may see what, read at most once per batch: agents, their scopes, each
    project's supervisors and admins, sessions and live connections."""

    def __init__(self) -> None:
        self._agents: dict[str, Agent | None] = {}
        self._scopes: dict[str, Scope | None] = {}
        self._staff: dict[str, tuple[str, ...]] = {}
        self._sessions: dict[str, Mapping[str, Any] | None] = {}
        self._connections: dict[str, list[dict[str, Any]]] = {}

    def agent(self, agent_id: str) -> Agent | None:
        if agent_id not in self._agents:
            self._agents[agent_id] = accounts.get_agent(agent_id)
        return self._agents[agent_id]

    def scope(self, agent_id: str) -> Scope | None:
        """The agent's scope; None for an unknown or disabled agent."""
        if agent_id not in self._scopes:
            agent = self.agent(agent_id)
            usable = agent is not None and not agent.get("disabled")
            self._scopes[agent_id] = Scope(dict(agent)) if usable and agent else None
        return self._scopes[agent_id]

    def staff(self, project_id: str) -> tuple[str, ...]:
        """The project's supervisors and every admin: they see all its sessions. Who is an
        admin comes from the container's list (`accounts.admin_ids`, up to a minute old);
        each one's item is read here, so a role taken away is never pushed to."""
        if project_id not in self._staff:
            members = [m["agent_id"] for m in projects.list_members(project_id)]
            admins = accounts.admin_ids()
            wanted = [a for a in dict.fromkeys([*members, *admins]) if a not in self._agents]
            found = accounts.get_agents(wanted)
            self._agents.update({a: found.get(a) for a in wanted})
            self._staff[project_id] = tuple(
                dict.fromkeys(
                    [
                        *(a for a in members if self._has_role(a, Role.SUPERVISOR)),
                        *(a for a in admins if self._has_role(a, Role.ADMIN)),
                    ]
                )
            )
        return self._staff[project_id]

    def _has_role(self, agent_id: str, role: Role) -> bool:
        return (self.agent(agent_id) or {}).get("role") == role

    def session(self, session_id: str) -> Mapping[str, Any] | None:
        if session_id not in self._sessions:
            self._sessions[session_id] = conversations.get_session(session_id)
        return self._sessions[session_id]

    def remember_session(self, session: Mapping[str, Any] | None) -> None:
        """A session image from the batch is newer than any read of it."""
        if session and session.get("session_id"):
            self._sessions[session["session_id"]] = session

    def viewers(self, session: Mapping[str, Any], candidates: Iterable[str]) -> list[str]:
        """The candidates who may see the session, as GET /api/sessions/{sid} decides."""
        out = []
        for agent_id in dict.fromkeys(candidates):
            scope = self.scope(agent_id)
            if scope is not None and scope.can_view_session(dict(session)):
                out.append(agent_id)
        return out

    def connections(self, agent_id: str) -> list[dict[str, Any]]:
        if agent_id not in self._connections:
            found = connections.connections_of([agent_id], now_ms())
            self._connections[agent_id] = found.get(agent_id, [])
        return self._connections[agent_id]

    def forget_connection(self, agent_id: str, connection_id: str) -> None:
        self._connections[agent_id] = [
            c for c in self._connections.get(agent_id, []) if c["connection_id"] != connection_id
        ]


def _holders(*sessions: Mapping[str, Any] | None) -> list[str]:
    """Each session's assignee and its collaborators (tgdesk.collaboration)."""
    out: list[str] = []
    for session in sessions:
        if session:
            assignee = session.get("assignee_id")
            out += [*([assignee] if assignee else []), *(session.get("collaborator_ids") or [])]
    return out


def session_frames(change: Change, audience: Audience) -> list[Outgoing]:
    old, new = change.old, change.new
    old_view = session_view(old) if old else None
    new_view = session_view(new) if new else None
    if old_view == new_view:
        return []  # only keys or internal counters changed
    current = change.current
    project_id, session_id = current["project_id"], current["session_id"]
    candidates = [*_holders(new, old), *audience.staff(project_id)]
    now_seeing = set(audience.viewers(new, candidates)) if new else set()
    before_seeing = set(audience.viewers(old, candidates)) if old else set()
    new_holder = (new or {}).get("assignee_id")
    newly_held = new_holder is not None and new_holder != (old or {}).get("assignee_id")
    by_type: dict[str, list[str]] = {}
    for agent_id in dict.fromkeys(candidates):
        if agent_id in now_seeing:
            kind = SESSION_ASSIGNED if newly_held and agent_id == new_holder else SESSION_UPDATED
        elif agent_id in before_seeing:
            kind = SESSION_REMOVED
        else:
            continue
        by_type.setdefault(kind, []).append(agent_id)
    out = []
    for kind, agent_ids in by_type.items():
        data = {} if kind == SESSION_REMOVED else dict(new_view or {})
        frame = Frame(kind, project_id, session_id, change.at, data)
        out.append(Outgoing(frame, tuple(agent_ids)))
    return out


def _session_item_frame(
    change: Change, audience: Audience, kind: str, data: dict[str, Any], candidates: list[str]
) -> list[Outgoing]:
    item = change.current
    session = audience.session(item["session_id"])
    if session is None:
        return []
    agent_ids = audience.viewers(session, candidates)
    if not agent_ids:
        return []
    frame = Frame(kind, session["project_id"], session["session_id"], change.at, data)
    return [Outgoing(frame, tuple(agent_ids))]


def message_frames(change: Change, audience: Audience) -> list[Outgoing]:
    if change.new is None or not change.new.get("session_id"):
        return []
    view = message_view(change.new)
    if change.old is not None and message_view(change.old) == view:
        return []
    kind = MESSAGE_CREATED if change.old is None else MESSAGE_UPDATED
    session = audience.session(change.new["session_id"])
    candidates = [*_holders(session), *audience.staff(change.new["project_id"])]
    return _session_item_frame(change, audience, kind, view, candidates)


def note_frames(change: Change, audience: Audience) -> list[Outgoing]:
    if change.new is None:
        return []
    view = note_view(change.new)
    if change.old is not None and note_view(change.old) == view:
        return []
    kind = NOTE_CREATED if change.old is None else NOTE_UPDATED
    if view["personal"]:
        candidates = [view["author_id"]]
    else:
        session = audience.session(view["session_id"])
        candidates = [*_holders(session), *audience.staff(view["project_id"])]
    return _session_item_frame(change, audience, kind, view, candidates)


_BY_KIND = {"session": session_frames, "message": message_frames, "note": note_frames}


def frames_for(changes: Iterable[Change], audience: Audience) -> list[Outgoing]:
    """The frames a sequence of changes makes, in order, with their recipients."""
    out: list[Outgoing] = []
    for change in changes:
        build = _BY_KIND.get(change.kind or "")
        if build is None:
            continue
        if change.kind == "session":
            audience.remember_session(change.new)
        out.extend(build(change, audience))
    return out


def _deliver(
    outgoing: Outgoing,
    audience: Audience,
    report: PublishReport,
    correlation_id: str | None = None,
) -> None:
    data = outgoing.frame.encode()
    for agent_id in outgoing.agent_ids:
        agent = audience.agent(agent_id) or {}
        for connection in list(audience.connections(agent_id)):
            connection_id = connection["connection_id"]
            try:
                if not websocket.is_current_login(agent, connection):
                    # Signed in elsewhere, or the login was ended: no more frames here.
                    websocket.close(connection_id)
                    audience.forget_connection(agent_id, connection_id)
                    report.gone += 1
                elif websocket.send(connection_id, data):
                    report.pushed += 1
                else:
                    audience.forget_connection(agent_id, connection_id)
                    report.gone += 1
            except Exception:
                report.failed += 1
                metrics.push_failed()
                log.warning(
                    "push failed",
                    exc_info=True,
                    extra={
                        "connection_id": connection_id,
                        "frame": outgoing.frame.type,
                        "correlation_id": correlation_id,
                    },
                )


def publish_from_stream(records: Iterable[Any]) -> PublishReport:
    """Push what a batch of the table's stream records changed to every console that may
    see it. `records` are the Lambda event's `Records` (dicts or Powertools' records).
    Never raises: a console that misses a frame catches up through the REST API."""
    report = PublishReport()
    if not websocket.can_push():
        return report
    audience = Audience()
    for record in records:
        try:
            change = change_from_record(record)
            outgoing = frames_for([change], audience) if change else []
        except Exception:
            report.failed += 1
            metrics.push_failed()
            log.exception("could not turn a stream record into frames")
            continue
        cid = correlation.of_item(change.current) if change else None
        for item in outgoing:
            report.frames += 1
            _deliver(item, audience, report, cid)
    if report.frames:
        log.info("frames pushed", extra=report.__dict__)
    return report


def push_to_staff(frame: Frame) -> PublishReport:
    """Push one frame to its project's supervisors and admins (they see all its sessions).
    Never raises, like every push."""
    report = PublishReport()
    if not websocket.can_push():
        return report
    try:
        audience = Audience()
        recipients = audience.staff(frame.project_id)
        if recipients:
            report.frames += 1
            _deliver(Outgoing(frame, recipients), audience, report)
    except Exception:
        report.failed += 1
        metrics.push_failed()
        log.exception("could not push a frame to the project's staff")
    return report


def push_to_agents(frame: Frame, agent_ids: Iterable[str]) -> PublishReport:
    """Push one frame to the named agents' consoles (a reminder meant for them alone).
    Never raises, like every push."""
    report = PublishReport()
    recipients = tuple(dict.fromkeys(agent_ids))
    if not recipients or not websocket.can_push():
        return report
    try:
        report.frames += 1
        _deliver(Outgoing(frame, recipients), Audience(), report)
    except Exception:
        report.failed += 1
        metrics.push_failed()
        log.exception("could not push a frame to its agents")
    return report
