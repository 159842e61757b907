"""A collaborator on a session: its item shape, key, index keys, and conversions.

The agents invited to a session are listed twice, both written in the invitation's one
transaction: the session's `collaborator_ids` (at most MAX_PER_SESSION ids, so the access
check, the realtime fan-out and the list's marks need no read of their own), and one item per
(session, agent) under the session (`SESSION#{id}`, `COLLABORATOR#{agent}`), which sits in
the agent's list of collaborations (GSI1, newest invitation first): how the agent's session
list finds them without a scan.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypedDict, cast

from tgdesk.storage import keys, table

KIND = "collaborator"
MAX_PER_SESSION = 10


class Collaborator(TypedDict):
    """A collaborator item without its key attributes, as storage returns it."""

    session_id: str
    project_id: str
    agent_id: str
    invited_by: str
    invited_at: int


def key(session_id: str, agent_id: str) -> tuple[str, str]:
    return keys.session_collaborator(session_id, agent_id)


def index_keys(collaborator: Mapping[str, Any]) -> dict[str, str]:
    return {
        "GSI1PK": keys.collaborating_index(collaborator["agent_id"]),
        "GSI1SK": f"{keys.ts(collaborator['invited_at'])}#{collaborator['session_id']}",
    }


def to_item(collaborator: Collaborator) -> dict[str, Any]:
    pk, sk = key(collaborator["session_id"], collaborator["agent_id"])
    return {"PK": pk, "SK": sk, **index_keys(collaborator), **collaborator, "kind": KIND}


def from_item(item: Mapping[str, Any]) -> Collaborator:
    found = table.strip_keys(dict(item))
    found.pop("kind", None)
    return cast(Collaborator, found)
