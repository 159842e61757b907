"""Projects (one per bot) and their members."""

from __future__ import annotations

from typing import Any

from botocore.exceptions import ClientError

from tgdesk.core.clock import now_ms
from tgdesk.core.errors import NotFound
from tgdesk.storage import expressions, table
from tgdesk.storage.expressions import Changes
from tgdesk.storage.records import project as project_record
from tgdesk.storage.records.project import Member, Project


def get_project(project_id: str) -> Project | None:
    item = table.get(*project_record.key(project_id))
    return None if item is None else project_record.from_item(item)


def create_project(project: Project) -> None:
    """Store a new project item. `project` holds project_id, name, bot_id, bot_username,
    webhook_secret_hash, created_by; `created_at` is set here unless given."""
    project.setdefault("created_at", now_ms())
    try:
        table.client().put_item(**expressions.put_new(project_record.to_item(project))["Put"])
    except ClientError as err:
        raise table.conflict_from(err, "this project already exists") from err


def update_project(project_id: str, changes: dict[str, Any]) -> Project:
    """Set attributes of an existing project; returns the new item."""
    update = Changes().require_item()
    for attribute, value in changes.items():
        update.set(attribute, value)
    try:
        resp = table.client().update_item(
            **update.request(*project_record.key(project_id)), ReturnValues="ALL_NEW"
        )
    except ClientError as err:
        if table.is_conditional_failure(err):
            raise NotFound("no such project", code="project_not_found") from err
        raise
    return project_record.from_item(table.from_item(resp["Attributes"]) or {})


def list_projects() -> list[Project]:
    """Every project, by creation."""
    items = table.query_all(pk=project_record.INDEX_PK, index="GSI1")
    return [project_record.from_item(i) for i in items]


def add_member(project_id: str, agent_id: str) -> bool:
    """Make an agent a member of a project. Returns False if they already were."""
    member = Member(project_id=project_id, agent_id=agent_id, joined_at=now_ms())
    try:
        table.client().put_item(**expressions.put_new(project_record.member_to_item(member))["Put"])
    except ClientError as err:
        if table.is_conditional_failure(err):
            return False
        raise
    return True


def list_members(project_id: str) -> list[Member]:
    """Members of a project, ordered by agent id (a stable order for round robin)."""
    pk, _ = project_record.key(project_id)
    items = table.query_all(pk=pk, sk_prefix=project_record.MEMBER_PREFIX)
    return [project_record.member_from_item(i) for i in items]


def memberships_of_agent(agent_id: str) -> list[Member]:
    """The member items of an agent, one per project they belong to."""
    items = table.query_all(pk=project_record.memberships_index(agent_id), index="GSI1")
    return [project_record.member_from_item(i) for i in items]


def projects_of_agent(agent_id: str) -> list[str]:
    return [m["project_id"] for m in memberships_of_agent(agent_id)]
