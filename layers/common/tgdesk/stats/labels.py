"""What the console shows for a dimension's values: an agent's, group's, tag's or link's
name (one read of the project's groups, tags or links; one batch read of the agents), the
value itself for days, priorities and channels and for what no longer exists."""

from __future__ import annotations

from collections.abc import Collection

from tgdesk.stats import counters as c
from tgdesk.storage import accounts, groups, links, tags


def labels(project_id: str, dimension: str, values: Collection[str]) -> dict[str, str]:
    """{value: label} for every value (a value without a name is its own label)."""
    if not values:
        return {}
    names = _names(project_id, dimension, values)
    return {value: names.get(value) or value for value in values}


def _names(project_id: str, dimension: str, values: Collection[str]) -> dict[str, str]:
    if dimension == c.AGENT:
        found = accounts.get_agents(list(values))
        return {
            agent_id: str(agent.get("display_name") or agent.get("username") or agent_id)
            for agent_id, agent in found.items()
        }
    if dimension == c.GROUP:
        return {g["group_id"]: str(g["name"]) for g in groups.list_groups(project_id)}
    if dimension == c.TAG:
        return {t["tag_id"]: str(t["name"]) for t in tags.catalog(project_id)}
    if dimension == c.LINK:
        return {link["code"]: str(link["name"]) for link in links.list_project_links(project_id)}
    return {}
