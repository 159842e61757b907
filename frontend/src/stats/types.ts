// The shapes of GET /api/stats: a project's figures over a range of its local days, in total,
// for the same-length period just before, and per value of one dimension (`by`).
/** What the figures can be broken down by (`by`); "day" is the project's local days. */
export type Breakdown = "day" | "agent" | "group" | "priority" | "tag" | "link" | "channel";

/** The one filter the API takes besides the project, and the query parameter it goes in. */
export type FilterDimension = "group" | "agent" | "priority" | "tag" | "link";
export const FILTER_DIMENSIONS: FilterDimension[] = ["agent", "group", "priority", "tag", "link"];
export const FILTER_PARAMS: Record<FilterDimension, string> = {
  agent: "agent_id",
  group: "group_id",
  priority: "priority",
  tag: "tag",
  link: "link",
};

export interface StatsFilter {
  dimension: FilterDimension;
  value: string;
}

export type SlaTarget = "first" | "next" | "resolution";
export const SLA_TARGETS: SlaTarget[] = ["first", "next", "resolution"];

export interface SlaFigures {
  met: number;
  warned: number;
  breached: number;
  attainment: number | null;
}

export interface Percentiles {
  median: number | null;
  p90: number | null;
  count: number;
}

export interface Average {
  average: number | null;
  count: number;
}

export interface Figures {
  sessions: {
    new: number;
    assigned: number;
    handled: number;
    closed: number;
    reopened: number;
    transferred: number;
    escalated: number;
    escalated_l2: number;
    escalated_l3: number;
    resolved_by_bot: number;
    reopen_rate: number | null;
    escalation_ratio: number | null;
  };
  first_response_ms: Percentiles;
  resolution_ms: Percentiles;
  handling_ms: Average;
  active_ms: Average;
  messages: { in: number; out: number; bot: number; replies_per_session: number | null };
  sla: Record<SlaTarget, SlaFigures>;
  satisfaction: {
    surveyed: number;
    rated: number;
    average: number | null;
    /** How many ratings of 1 to 5. */
    distribution: number[];
    response_rate: number | null;
  };
  /** Agent rows only. */
  presence_ms?: { online: number; busy: number; offline: number } | null;
}

export interface StatsRow {
  key: string;
  label: string;
  figures: Figures;
}

export interface StatsReport {
  project_id: string;
  from: string;
  to: string;
  by: Breakdown;
  filter: { dimension: string; value: string } | null;
  /** The project's IANA zone, whose days these are. */
  time_zone: string;
  totals: Figures;
  previous: Figures;
  rows: StatsRow[];
  /** The worst-case relative error of a median or 90th percentile merged from time buckets. */
  percentile_error?: number | null;
}
