// The Statistics page's state: the reports for the chosen project, range and filter (per day,
// and per agent for supervisors and administrators), and each project's time zone as the API
// answered it (its days are the project's). An answer to a choice no longer shown is dropped.
import type { Api, Query } from "../api/client";
import type { AgentAccount } from "../api/types";
import { errorText } from "../console/errors";
import { Store } from "../lib/store";
import type { DayRange } from "./range";
import { FILTER_PARAMS, type Breakdown, type StatsFilter, type StatsReport } from "./types";

export interface StatsQuery {
  projectId: string;
  range: DayRange;
  filter: StatsFilter | null;
}

export interface StatsState {
  /** The figures per day, null until read. */
  daily: StatsReport | null;
  /** The figures per agent; null until read, and when not asked for. */
  agents: StatsReport | null;
  loading: boolean;
  error: string;
  /** Project id → its IANA time zone, from the API's answers. */
  zones: Record<string, string>;
}

/** Whether the per-agent comparison can be read with this filter: the counters are kept per
 *  single dimension, so a filtered report's rows are per day or per the filter's own dimension. */
export function agentsComparable(filter: StatsFilter | null): boolean {
  return filter === null || filter.dimension === "agent";
}

/** GET /api/stats's query. An agent's figures are always their own: the API forces it, and
 *  the page asks for nothing else. */
export function statsParams(query: StatsQuery, by: Breakdown, me: AgentAccount): Query {
  const params: Query = { project_id: query.projectId, from: query.range.from, to: query.range.to, by };
  if (me.role === "agent") params.agent_id = me.agent_id;
  else if (query.filter) params[FILTER_PARAMS[query.filter.dimension]] = query.filter.value;
  return params;
}

export class StatsStore {
  readonly store = new Store<StatsState>({ daily: null, agents: null, loading: false, error: "", zones: {} });
  private shown = "";

  constructor(
    private readonly api: Api,
    private readonly me: AgentAccount,
  ) {}

  get state(): StatsState {
    return this.store.get();
  }

  /** Whether the page shows the per-agent comparison: supervisors and administrators. */
  get comparesAgents(): boolean {
    return this.me.role !== "agent";
  }

  async load(query: StatsQuery): Promise<void> {
    const key = JSON.stringify(query);
    if (key === this.shown && (this.state.loading || this.state.daily)) return;
    this.shown = key;
    this.store.set({ loading: true, error: "" });
    const withAgents = this.comparesAgents && agentsComparable(query.filter);
    try {
      const [daily, agents] = await Promise.all([
        this.api.get<StatsReport>("/api/stats", statsParams(query, "day", this.me)),
        withAgents ? this.api.get<StatsReport>("/api/stats", statsParams(query, "agent", this.me)) : Promise.resolve(null),
      ]);
      if (this.shown !== key) return;
      this.store.set((s) => ({ daily, agents, loading: false, zones: { ...s.zones, [query.projectId]: daily.time_zone } }));
    } catch (failure) {
      if (this.shown !== key) return;
      this.store.set({ daily: null, agents: null, loading: false, error: errorText(failure) });
    }
  }
}
