// The values the page's one filter can take in a project: its agents, its agent groups, the
// priorities, its tags and its tracked links, each read when that filter is chosen.
import { path, type Api } from "../api/client";
import { PRIORITIES, type AgentAccount, type Group, type Items, type Link, type Tag } from "../api/types";
import { t } from "../i18n";
import type { FilterDimension } from "./types";

export interface FilterOption {
  value: string;
  label: string;
}

const byLabel = (a: FilterOption, b: FilterOption) => a.label.localeCompare(b.label);

export async function filterOptions(api: Api, projectId: string, dimension: FilterDimension, tags: Tag[]): Promise<FilterOption[]> {
  switch (dimension) {
    case "agent": {
      const { items } = await api.get<Items<AgentAccount>>(path`/api/projects/${projectId}/agents`);
      return items.map((a) => ({ value: a.agent_id, label: a.display_name || a.username })).sort(byLabel);
    }
    case "group": {
      const { items } = await api.get<Items<Group>>(path`/api/projects/${projectId}/groups`);
      return items.map((g) => ({ value: g.group_id, label: g.name })).sort(byLabel);
    }
    case "priority":
      return PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) }));
    case "tag":
      return tags.map((tag) => ({ value: tag.tag_id, label: tag.name })).sort(byLabel);
    case "link": {
      const { items } = await api.get<Items<Link>>("/api/links", { project_id: projectId });
      return items.map((l) => ({ value: l.code, label: `${l.name} (${l.code})` })).sort(byLabel);
    }
  }
}
