"""Who may see and do what: every authorization decision of the API, in one module.

Roles are global (tgdesk.core.domain.Role); projects scope them. An admin sees everything.
A supervisor sees every session of the projects they are a member of. An agent sees the
sessions assigned to them and those they collaborate on. Per project, a member's permissions
can be narrowed (`permissions` on the member item; absent means all of them).

Anything the caller may not see answers 404, exactly like a thing that does not exist, so
that guessed ids tell nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tgdesk.core.domain import Role
from tgdesk.core.errors import Forbidden, NotFound
from tgdesk.storage import conversations, projects
from tgdesk.storage.records.project import Member
from tgdesk.storage.records.session import Session

PERMISSIONS = ("reply", "transfer", "edit_tags", "export", "send_files")


class Scope:
    """The projects one authenticated agent belongs to, read once per request.

    `known` holds memberships already read item by item ({project_id: member, or None
    when not a member}): a request about one project's session need not query them all."""

    def __init__(
        self, agent: dict[str, Any], *, known: Mapping[str, Member | None] | None = None
    ) -> None:
        self.agent = agent
        self._members: dict[str, Member] | None = None
        self._known = dict(known or {})

    @property
    def agent_id(self) -> str:
        return self.agent["agent_id"]

    @property
    def is_admin(self) -> bool:
        return self.agent["role"] == Role.ADMIN

    def memberships(self) -> dict[str, Member]:
        if self._members is None:
            self._members = {
                m["project_id"]: m for m in projects.memberships_of_agent(self.agent_id)
            }
        return self._members

    def project_ids(self) -> list[str]:
        """Projects whose data this agent may see at all (admins: every project)."""
        if self.is_admin:
            return [p["project_id"] for p in projects.list_projects()]
        return sorted(self.memberships())

    def _member(self, project_id: str) -> Member | None:
        if project_id in self._known:
            return self._known[project_id]
        return self.memberships().get(project_id)

    def is_member(self, project_id: str) -> bool:
        return self.is_admin or self._member(project_id) is not None

    def supervises(self, project_id: str) -> bool:
        """Admins supervise everything; supervisors the projects they belong to."""
        if self.is_admin:
            return True
        return self.agent["role"] == Role.SUPERVISOR and self._member(project_id) is not None

    def has_permission(self, project_id: str, permission: str) -> bool:
        if self.is_admin:
            return True
        member = self._member(project_id)
        if member is None:
            return False
        allowed = member.get("permissions")
        return allowed is None or permission in allowed

    def require_project(self, project_id: str) -> None:
        if not self.is_member(project_id):
            raise NotFound("no such project", code="project_not_found")

    def require_supervisor(self, project_id: str) -> None:
        self.require_project(project_id)
        if not self.supervises(project_id):
            raise Forbidden("only a supervisor of this project can do this", code="supervisor_only")

    def require_permission(self, project_id: str, permission: str) -> None:
        if not self.has_permission(project_id, permission):
            raise Forbidden(
                f"you do not have the '{permission}' permission in this project",
                code="permission_denied",
                permission=permission,
            )

    def can_view_session(self, session: Mapping[str, Any]) -> bool:
        if self.holds_or_collaborates(session) and self.is_member(session["project_id"]):
            return True
        return self.supervises(session["project_id"])

    def holds_or_collaborates(self, session: Mapping[str, Any]) -> bool:
        """Its assignee, or an agent invited to collaborate (tgdesk.collaboration): the ids
        are on the session item, so no read is added and a removal applies at once."""
        return session.get("assignee_id") == self.agent_id or self.collaborates(session)

    def collaborates(self, session: Mapping[str, Any]) -> bool:
        return self.agent_id in (session.get("collaborator_ids") or ())

    def session(self, session_id: str) -> Session:
        """The session if this agent may see it; NotFound otherwise."""
        found = conversations.get_session(session_id)
        if found is None or not self.can_view_session(found):
            raise NotFound("no such session", code="session_not_found")
        return found

    def can_send(self, session: Mapping[str, Any]) -> bool:
        """Only the session's current holder talks to the user: two agents never answer
        the same user at once. A supervisor takes the session over first."""
        return session.get("assignee_id") == self.agent_id and self.has_permission(
            session["project_id"], "reply"
        )
