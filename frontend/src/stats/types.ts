// The Statistics page's names for the API's statistics types (src/api/types.ts), and what only
// the page itself has: the filters' query parameters and the SLA targets' order.
import type { StatsFigures, StatsReport } from "../api/types";

export type { StatsReport, StatsRow } from "../api/types";
export type Figures = StatsFigures;

/** What the rows are: the project's local days, or the values of one dimension. */
export type Breakdown = StatsReport["by"];

/** The one filter the API takes besides the project, and the query parameter it goes in. */
export type StatsFilter = NonNullable<StatsReport["filter"]>;
export type FilterDimension = StatsFilter["dimension"];
export const FILTER_DIMENSIONS: FilterDimension[] = ["agent", "group", "priority", "tag", "link"];
export const FILTER_PARAMS: Record<FilterDimension, string> = {
  agent: "agent_id",
  group: "group_id",
  priority: "priority",
  tag: "tag",
  link: "link",
};

export type SlaTarget = keyof Figures["sla"];
export const SLA_TARGETS: SlaTarget[] = ["first", "next", "resolution"];
