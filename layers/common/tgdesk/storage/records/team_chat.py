"""The team's Telegram group: a project's binding, and the one-time codes that make one.

TeamChat: PK `PROJECT#{project_id}`, SK `TEAMCHAT` (at most one group per project).
BindCode: PK `TEAMCHATCODE#{sha256 of the code}`, SK `TEAMCHATCODE`; it expires (`ttl`) and is
deleted when used.
"""

from __future__ import annotations

from typing import Any, TypedDict, cast

from tgdesk.storage import keys, table

KIND = "team_chat"
CODE_KIND = "team_chat_code"


class TeamChat(TypedDict, total=False):
    project_id: str
    chat_id: int  # negative: a group or supergroup
    chat_type: str  # "group" or "supergroup"
    title: str | None  # the group's title when it was bound (a None is left out)
    bound_at: int
    bound_by: str  # the agent who asked for the code


class BindCode(TypedDict, total=False):
    code_hash: str
    project_id: str
    created_by: str
    created_at: int
    expires_at: int


def key(project_id: str) -> tuple[str, str]:
    return keys.team_chat(project_id)


def to_item(chat: TeamChat) -> dict[str, Any]:
    pk, sk = key(chat["project_id"])
    return {"PK": pk, "SK": sk, "kind": KIND, **chat}


def from_item(item: dict[str, Any]) -> TeamChat:
    return cast(TeamChat, table.strip_keys(item))


def code_key(code_hash: str) -> tuple[str, str]:
    return keys.team_chat_code(code_hash)


def code_to_item(code: BindCode) -> dict[str, Any]:
    pk, sk = code_key(code["code_hash"])
    ttl = code["expires_at"] // 1000 + 1  # DynamoDB deletes it some time after
    return {"PK": pk, "SK": sk, "kind": CODE_KIND, "ttl": ttl, **code}
