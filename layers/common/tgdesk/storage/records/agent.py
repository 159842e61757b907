"""An agent's account item, and the claim that keeps its username unique.

PK `AGENT#{agent_id}`, SK `AGENT`; every agent is on GSI1 in its shard of `AGENTS#{n}` (by
agent id), sorted by username (the administrators' list reads every shard). The username
claim (`USERNAME#{lower-cased name}`) is written in the same transaction as the agent; an
agent is found by username through it, not through the index.
"""

from __future__ import annotations

from typing import Any, TypedDict, cast

from tgdesk.core.domain import Presence, Role
from tgdesk.storage import keys, table

KIND = "agent"
USERNAME_KIND = "username"


class Agent(TypedDict, total=False):
    agent_id: str
    username: str
    display_name: str
    role: Role
    # absent for an agent created invited, or once an administrator voided it (an
    # invitation sets one): nobody signs in as the agent meanwhile
    password_hash: str
    disabled: bool
    created_at: int
    # the one valid login (single device): its token's digest and when it started
    token_digest: str
    token_since: int
    last_sign_in_at: int  # every login sets it (the admin area flags agents without one lately)
    # presence and load, kept by the console and by routing
    presence: Presence
    presence_at: int
    heartbeat_at: int
    open_sessions: int
    max_open_sessions: int
    last_assigned_at: int


def key(agent_id: str) -> tuple[str, str]:
    return keys.agent(agent_id)


def index_keys(agent_id: str, username: str) -> dict[str, str]:
    """GSI1: every agent, by username, in the agent's shard."""
    return {"GSI1PK": keys.agents_index(agent_id), "GSI1SK": username}


def index_shards() -> tuple[str, ...]:
    """Every GSI1 shard of the agents, read together for their list."""
    return keys.agents_shards()


def to_item(agent: Agent) -> dict[str, Any]:
    pk, sk = key(agent["agent_id"])
    return {
        "PK": pk,
        "SK": sk,
        "kind": KIND,
        **index_keys(agent["agent_id"], agent["username"]),
        **agent,
    }


def from_item(item: dict[str, Any]) -> Agent:
    return cast(Agent, table.strip_keys(item))


def username_key(username: str) -> tuple[str, str]:
    """The key of a username's claim (names compare lower-cased)."""
    return keys.username(username)


def username_claim(agent: Agent) -> dict[str, Any]:
    """The item that makes the agent's username theirs (put only if absent)."""
    pk, sk = username_key(agent["username"])
    return {"PK": pk, "SK": sk, "kind": USERNAME_KIND, "agent_id": agent["agent_id"]}
