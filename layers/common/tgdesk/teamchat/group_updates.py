"""What the webhook does with the group updates the team chat serves.

- `/bind <code>` binds the group (in place of any group bound before) when the code is this
  project's, unused and unexpired, and answers in the group either way;
- a group that became a supergroup stays bound under its new chat id;
- the bot removed from the bound group unbinds it.
The answer is a Bot API call that the webhook returns as its response body, so the webhook
makes no request to Telegram. Each change writes the update's marker, so a redelivered update
changes nothing and answers nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tgdesk.audit import entries as audit
from tgdesk.core.errors import Conflict
from tgdesk.storage import conversations
from tgdesk.storage import teamchat as store
from tgdesk.storage.records.project import Project
from tgdesk.storage.records.team_chat import TeamChat
from tgdesk.teamchat import binding, codes
from tgdesk.telegram.updates import BotLeftGroup, GroupBind, GroupMigrated, GroupUpdate

BOUND = (
    "This group is now the team chat of {project}: escalations and SLA alerts will be posted here."
)
REFUSED = (
    "This bind code is wrong, used or expired. An administrator can get a new one in the "
    "project's settings."
)
NO_CODE = "Send /bind with the code from the project's settings, for example /bind ABCD2345."


@dataclass(frozen=True, slots=True)
class Handled:
    result: str  # stored, duplicate or ignored (as tgdesk.inbound.ingest counts them)
    answer: dict[str, Any] | None = None


def handle(project: Project, update: GroupUpdate, now: int) -> Handled:
    match update:
        case GroupBind():
            return _bind(project, update, now)
        case GroupMigrated():
            return _migrate(project, update, now)
        case BotLeftGroup():
            return _bot_left(project, update, now)


def _bind(project: Project, update: GroupBind, now: int) -> Handled:
    project_id = project["project_id"]
    named = update.bot_username
    if named and named.lower() != (project.get("bot_username") or "").lower():
        return _ignored(project_id, update.update_id, "group_message", now)  # another bot's
    if not update.code:
        refused = _ignored(project_id, update.update_id, "team_chat_bind_refused", now)
        return _answered(refused, update, NO_CODE)
    code_hash = codes.digest(update.code)
    for _ in range(binding.ATTEMPTS):
        code = store.get_code(code_hash)
        if code is None or not codes.usable(code, project_id, now):
            refused = _ignored(project_id, update.update_id, "team_chat_bind_refused", now)
            return _answered(refused, update, REFUSED)
        before = store.get_binding(project_id)
        after = TeamChat(
            project_id=project_id,
            chat_id=update.chat.id,
            chat_type=update.chat.type,
            title=update.title,
            bound_at=now,
            bound_by=code["created_by"],
        )
        entry = audit.entry(
            "team_chat.bound",
            actor_id=code["created_by"],
            project_id=project_id,
            target_type="project",
            target_id=project_id,
            before=binding.summary(before),
            after=binding.summary(after),
        )
        outcome = store.bind(code, before, after, entry, update_id=update.update_id, now=now)
        if outcome is store.Outcome.DUPLICATE:
            return Handled("duplicate")
        if outcome is store.Outcome.DONE:
            text = BOUND.format(project=project.get("name") or project_id)
            return _answered(Handled("stored"), update, text)
        # the code was used or the binding changed meanwhile: read both again
    raise _busy()


def _migrate(project: Project, update: GroupMigrated, now: int) -> Handled:
    project_id = project["project_id"]
    for _ in range(binding.ATTEMPTS):
        before = store.get_binding(project_id)
        if before is None or before["chat_id"] != update.old_chat_id:
            return _ignored(project_id, update.update_id, "group_message", now)
        after = TeamChat(**{**before, "chat_id": update.new_chat_id, "chat_type": "supergroup"})
        entry = audit.entry(
            "team_chat.migrated",
            actor_id=audit.SYSTEM,
            project_id=project_id,
            target_type="project",
            target_id=project_id,
            before=binding.summary(before),
            after=binding.summary(after),
        )
        outcome = store.replace(before, after, entry, update_id=update.update_id, now=now)
        if outcome is not store.Outcome.STALE:
            return Handled("stored" if outcome is store.Outcome.DONE else "duplicate")
    raise _busy()


def _bot_left(project: Project, update: BotLeftGroup, now: int) -> Handled:
    project_id = project["project_id"]
    for _ in range(binding.ATTEMPTS):
        before = store.get_binding(project_id)
        if before is None or before["chat_id"] != update.chat.id:
            return _ignored(project_id, update.update_id, "group_my_chat_member", now)
        entry = binding.removed_entry(before, actor_id=audit.SYSTEM, reason="bot_removed")
        outcome = store.unbind(before, entry, update_id=update.update_id, now=now)
        if outcome is not store.Outcome.STALE:
            return Handled("stored" if outcome is store.Outcome.DONE else "duplicate")
    raise _busy()


def _ignored(project_id: str, update_id: int, counter: str, now: int) -> Handled:
    write = conversations.count_ignored(project_id, update_id, kind=counter, now=now)
    return Handled("duplicate" if write is conversations.Write.DUPLICATE else "ignored")


def _answered(handled: Handled, update: GroupBind, text: str) -> Handled:
    """Answer in the group, unless the update was handled before (it was answered then)."""
    if handled.result == "duplicate":
        return handled
    method = {"method": "sendMessage", "chat_id": update.chat.id, "text": text}
    return Handled(handled.result, method)


def _busy() -> Conflict:
    return Conflict(
        "The team chat kept changing while the update was handled; Telegram will deliver it again.",
        code="ingest_unavailable",
    )
