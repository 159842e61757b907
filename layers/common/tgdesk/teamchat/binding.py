"""Which group a project's events go to: reading it, and changing it (console or group).

Each change is one transaction with its audit entry (tgdesk.storage.teamchat), made only
while the binding is as read; a change that lost a race reads again.
"""

from __future__ import annotations

from typing import Any

from tgdesk.audit import entries as audit
from tgdesk.core.clock import now_ms
from tgdesk.core.errors import Conflict, NotFound
from tgdesk.storage import teamchat as store
from tgdesk.storage.records.team_chat import TeamChat
from tgdesk.team import projects
from tgdesk.teamchat import codes

ATTEMPTS = 4


def current(project_id: str) -> TeamChat | None:
    return store.get_binding(project_id)


def public(chat: TeamChat | None) -> dict[str, Any]:
    """What the console shows: {bound, chat_id, chat_type, title, bound_at, bound_by}."""
    if chat is None:
        return {"bound": False}
    return {
        "bound": True,
        "chat_id": chat["chat_id"],
        "chat_type": chat.get("chat_type"),
        "title": chat.get("title"),
        "bound_at": chat["bound_at"],
        "bound_by": chat.get("bound_by"),
    }


def summary(chat: TeamChat | None) -> dict[str, Any] | None:
    """A binding as its audit entries show it (before / after)."""
    if chat is None:
        return None
    return {"chat_id": chat["chat_id"], "title": chat.get("title")}


def unbind(project_id: str, *, actor_id: str, source_ip: str | None = None) -> None:
    """The console's unbind. NotFound `team_chat_not_bound` when there is nothing to unbind."""
    projects.get_project(project_id)
    for _ in range(ATTEMPTS):
        before = store.get_binding(project_id)
        if before is None:
            raise NotFound("The project has no team chat.", code="team_chat_not_bound")
        entry = removed_entry(before, actor_id=actor_id, reason="unbound", source_ip=source_ip)
        if store.unbind(before, entry, now=now_ms()) is store.Outcome.DONE:
            return
    raise Conflict("The team chat changed meanwhile; try again.")


def removed_entry(
    before: TeamChat, *, actor_id: str, reason: str, source_ip: str | None = None
) -> dict[str, Any]:
    return audit.entry(
        "team_chat.unbound",
        actor_id=actor_id,
        project_id=before["project_id"],
        target_type="project",
        target_id=before["project_id"],
        before=summary(before),
        details={"reason": reason},
        source_ip=source_ip,
    )


# -- the console's part (administrators) ------------------------------------------------------
def show(project_id: str) -> dict[str, Any]:
    """The project's team chat as the console shows it (NotFound for an unknown project)."""
    projects.get_project(project_id)
    return public(current(project_id))


def new_code(project_id: str, *, actor_id: str, source_ip: str | None = None) -> dict[str, Any]:
    """A one-time bind code for the project (tgdesk.teamchat.codes.issue)."""
    project = projects.get_project(project_id)
    return codes.issue(
        project_id,
        actor_id=actor_id,
        bot_username=project.get("bot_username"),
        source_ip=source_ip,
    )
