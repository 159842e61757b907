"""Routing by the link: a session opened by a tracked link's click is routed within the
link's target (its group's agents, or the agents it names) instead of the project's agent
scope. tgdesk.routing.service asks `link_scope` while it reads what it decides on.

Read at routing time, so a session follows its link's target as it is now: one GetItem of
the link, and one of the group for a group target. A link that is gone or deleted,
or that names a group that is gone, routes as the project does (None).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tgdesk import links
from tgdesk.storage import groups


def link_scope(session: Mapping[str, Any] | None) -> frozenset[str] | None:
    """The agent ids the session's link routes to, or None: the project's scope applies."""
    code = ((session or {}).get("link") or {}).get("code")
    if not code or session is None:
        return None
    link = links.get_link(str(code))
    if link is None or link.get("project_id") != session.get("project_id"):
        return None
    if link.get("target_agent_ids"):
        return frozenset(link["target_agent_ids"])
    group_id = link.get("target_group_id")
    if group_id:
        group = groups.get_group(link["project_id"], group_id)
        return frozenset(group.get("agent_ids", [])) if group else None
    return None
