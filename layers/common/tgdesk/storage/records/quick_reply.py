"""A quick reply: its item shape, keys and conversions.

A project's replies are items under the project (`PROJECT#{p}`, `QUICKREPLY#{id}`); an
agent's personal ones under the agent (`AGENT#{a}`, `QUICKREPLY#{id}`): either library is
one Query. A counter item beside each library (`QUICKREPLIES`) bounds how many it holds;
`uses` is ADDed on the reply itself at each use.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, NamedTuple, NotRequired, TypedDict, cast

from tgdesk.storage import keys, table

KIND = "quick_reply"
MAX_TITLE_CHARS = 100
MAX_TEXT_CHARS = 4096  # a Telegram message's limit
MAX_PER_PROJECT = 500
MAX_PER_AGENT = 100


class Owner(NamedTuple):
    """Whose library a reply belongs to: a project's, or one agent's (personal)."""

    kind: Literal["project", "agent"]
    owner_id: str

    @property
    def most(self) -> int:
        return MAX_PER_PROJECT if self.kind == "project" else MAX_PER_AGENT


class QuickReply(TypedDict):
    reply_id: str
    owner: Literal["project", "agent"]
    owner_id: str  # the project id, or the agent id of a personal reply
    title: str
    texts: dict[str, str]  # language (en, zh, ru) -> text with placeholders
    version: int
    created_at: int
    created_by: str
    updated_at: int
    updated_by: str
    uses: NotRequired[int]  # ADDed at each use; absent: never used
    last_used_at: NotRequired[int]


def key(owner: Owner, reply_id: str) -> tuple[str, str]:
    if owner.kind == "project":
        return keys.project_quick_reply(owner.owner_id, reply_id)
    return keys.agent_quick_reply(owner.owner_id, reply_id)


def library_partition(owner: Owner) -> str:
    return key(owner, "")[0]


def count_key(owner: Owner) -> tuple[str, str]:
    if owner.kind == "project":
        return keys.project_quick_reply_count(owner.owner_id)
    return keys.agent_quick_reply_count(owner.owner_id)


def owner_of(reply: Mapping[str, Any]) -> Owner:
    return Owner(reply["owner"], reply["owner_id"])


def to_item(reply: QuickReply) -> dict[str, Any]:
    pk, sk = key(owner_of(reply), reply["reply_id"])
    return {"PK": pk, "SK": sk, **reply, "kind": KIND}


def from_item(item: Mapping[str, Any]) -> QuickReply:
    found = table.strip_keys(dict(item))
    found.pop("kind", None)
    return cast(QuickReply, found)
