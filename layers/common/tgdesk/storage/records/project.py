"""A project's item (one per bot) and its members' items.

Project: PK `PROJECT#{project_id}`, SK `PROJECT`; every project is on GSI1 under `PROJECTS`,
by creation. Member: PK `PROJECT#{project_id}`, SK `MEMBER#{agent_id}` (a project's members
in one Query), and on GSI1 under `AGENT#{agent_id}#PROJECTS` (an agent's projects).
docs/data-model.md "Team and routing attributes" describes the settings; their defaults are
filled in by tgdesk.team.settings.
"""

from __future__ import annotations

from typing import Any, TypedDict, cast

from tgdesk.core.domain import RoutingMode
from tgdesk.storage import keys, table

KIND = "project"
MEMBER_KIND = "member"
INDEX_PK = keys.PROJECTS_INDEX_PK  # GSI1: every project, by creation


class Routing(TypedDict, total=False):
    mode: RoutingMode
    return_after_minutes: int  # absent: sessions are not returned
    sticky_returning_users: bool
    max_returns: int


class Project(TypedDict, total=False):
    project_id: str
    name: str
    bot_id: int
    bot_username: str | None  # a None is left out of the item
    webhook_secret_hash: str
    created_by: str
    created_at: int
    token_replaced_at: int
    # team and routing settings: absent ones take their defaults
    routing: Routing
    agent_scope: str | list[str]  # "all", or the member agent ids sessions are routed to
    auto_close_after_hours: int
    reopen_within_days: int


class Member(TypedDict, total=False):
    project_id: str
    agent_id: str
    joined_at: int
    permissions: list[str]  # absent: every permission


# -- projects ---------------------------------------------------------------------------
def key(project_id: str) -> tuple[str, str]:
    return keys.project(project_id)


def index_keys(project_id: str, created_at: int) -> dict[str, str]:
    """GSI1: every project, by creation."""
    return {
        "GSI1PK": INDEX_PK,
        "GSI1SK": f"{keys.ts(created_at)}#{project_id}",
    }


def to_item(project: Project) -> dict[str, Any]:
    pk, sk = key(project["project_id"])
    return {
        "PK": pk,
        "SK": sk,
        "kind": KIND,
        **index_keys(project["project_id"], project["created_at"]),
        **project,
    }


def from_item(item: dict[str, Any]) -> Project:
    return cast(Project, table.strip_keys(item))


# -- members ----------------------------------------------------------------------------
def member_key(project_id: str, agent_id: str) -> tuple[str, str]:
    return keys.project_member(project_id, agent_id)


MEMBER_PREFIX = keys.MEMBER_PREFIX  # the sort keys of a project's members


def memberships_index(agent_id: str) -> str:
    """The GSI1 partition of an agent's memberships."""
    return keys.agent_projects_index(agent_id)


def member_index_keys(project_id: str, agent_id: str) -> dict[str, str]:
    """GSI1: an agent's memberships, by project."""
    return {"GSI1PK": memberships_index(agent_id), "GSI1SK": f"PROJECT#{project_id}"}


def member_to_item(member: Member) -> dict[str, Any]:
    pk, sk = member_key(member["project_id"], member["agent_id"])
    return {
        "PK": pk,
        "SK": sk,
        "kind": MEMBER_KIND,
        **member,
        **member_index_keys(member["project_id"], member["agent_id"]),
    }


def member_from_item(item: dict[str, Any]) -> Member:
    return cast(Member, table.strip_keys(item))
