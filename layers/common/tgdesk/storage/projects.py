"""Projects (one per bot) and their members."""

from __future__ import annotations

from typing import Any

from botocore.exceptions import ClientError

from tgdesk.core.clock import now_ms
from tgdesk.storage import keys, table


def get_project(project_id: str) -> dict[str, Any] | None:
    pk, sk = keys.project(project_id)
    return table.get(pk, sk)


def create_project(project: dict[str, Any]) -> None:
    """Store a new project item. `project` holds project_id, name, bot_id, bot_username,
    webhook_secret_hash, created_by; the key attributes are added here."""
    pk, sk = keys.project(project["project_id"])
    created_at = project.setdefault("created_at", now_ms())
    item = {
        "PK": pk,
        "SK": sk,
        "kind": "project",
        "GSI1PK": keys.PROJECTS_INDEX_PK,
        "GSI1SK": f"{keys.ts(created_at)}#{project['project_id']}",
        **project,
    }
    try:
        table.client().put_item(
            TableName=table.table_name(),
            Item=table.to_item(item),
            ConditionExpression="attribute_not_exists(PK)",
        )
    except ClientError as err:
        raise table.conflict_from(err, "this project already exists") from err


def update_project(project_id: str, changes: dict[str, Any]) -> dict[str, Any]:
    """Set attributes of an existing project; returns the new item."""
    pk, sk = keys.project(project_id)
    names = {f"#a{i}": k for i, k in enumerate(changes)}
    vals = {f":v{i}": v for i, v in enumerate(changes.values())}
    expr = "SET " + ", ".join(f"#a{i} = :v{i}" for i in range(len(changes)))
    try:
        resp = table.client().update_item(
            TableName=table.table_name(),
            Key=table.to_item({"PK": pk, "SK": sk}),
            UpdateExpression=expr,
            ConditionExpression="attribute_exists(PK)",
            ExpressionAttributeNames=names,
            ExpressionAttributeValues=table.values(vals),
            ReturnValues="ALL_NEW",
        )
    except ClientError as err:
        if table.is_conditional_failure(err):
            from tgdesk.core.errors import NotFound

            raise NotFound("no such project", code="project_not_found") from err
        raise
    return table.from_item(resp["Attributes"]) or {}


def list_projects() -> list[dict[str, Any]]:
    return table.query_all(pk=keys.PROJECTS_INDEX_PK, index="GSI1")


def add_member(project_id: str, agent_id: str) -> bool:
    """Make an agent a member of a project. Returns False if they already were."""
    pk, sk = keys.project_member(project_id, agent_id)
    item = {
        "PK": pk,
        "SK": sk,
        "kind": "member",
        "project_id": project_id,
        "agent_id": agent_id,
        "joined_at": now_ms(),
        "GSI1PK": keys.agent_projects_index(agent_id),
        "GSI1SK": f"PROJECT#{project_id}",
    }
    try:
        table.client().put_item(
            TableName=table.table_name(),
            Item=table.to_item(item),
            ConditionExpression="attribute_not_exists(PK)",
        )
    except ClientError as err:
        if table.is_conditional_failure(err):
            return False
        raise
    return True


def remove_member(project_id: str, agent_id: str) -> None:
    pk, sk = keys.project_member(project_id, agent_id)
    table.client().delete_item(
        TableName=table.table_name(), Key=table.to_item({"PK": pk, "SK": sk})
    )


def list_members(project_id: str) -> list[dict[str, Any]]:
    """Members of a project, ordered by agent id (a stable order for round robin)."""
    pk, _ = keys.project(project_id)
    return table.query_all(pk=pk, sk_prefix=keys.MEMBER_PREFIX)


def memberships_of_agent(agent_id: str) -> list[dict[str, Any]]:
    """The member items of an agent, one per project they belong to."""
    return table.query_all(pk=keys.agent_projects_index(agent_id), index="GSI1")


def projects_of_agent(agent_id: str) -> list[str]:
    return [m["project_id"] for m in memberships_of_agent(agent_id)]
