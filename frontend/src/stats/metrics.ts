// Every figure the Statistics page shows, named once: its catalogue label, its unit (how it is
// written and how its change is told) and where it is in the API's figures. Tables, charts,
// headline figures and CSV exports all pick from here.
import type { MessageKey } from "../i18n";
import type { Figures } from "./types";

export type Value = number | null;
/** count: a number of things; ms: a duration; ratio: a share from 0 to 1; decimal and rating:
 *  an average. */
export type Unit = "count" | "ms" | "ratio" | "decimal" | "rating";

export interface Metric {
  /** The CSV column's name. */
  key: string;
  label: MessageKey;
  unit: Unit;
  /** A fall is an improvement (response times, reopen rate). */
  lowerIsBetter?: boolean;
  of: (figures: Figures) => Value;
}

function metric(key: string, unit: Unit, of: (f: Figures) => Value, lowerIsBetter = false): Metric {
  return { key, label: `stats.metric.${key}` as MessageKey, unit, of, lowerIsBetter };
}

export const METRICS = {
  new: metric("new", "count", (f) => f.sessions.new),
  assigned: metric("assigned", "count", (f) => f.sessions.assigned),
  handled: metric("handled", "count", (f) => f.sessions.handled),
  closed: metric("closed", "count", (f) => f.sessions.closed),
  reopened: metric("reopened", "count", (f) => f.sessions.reopened, true),
  transferred: metric("transferred", "count", (f) => f.sessions.transferred),
  escalated: metric("escalated", "count", (f) => f.sessions.escalated),
  resolved_by_bot: metric("resolved_by_bot", "count", (f) => f.sessions.resolved_by_bot),
  reopen_rate: metric("reopen_rate", "ratio", (f) => f.sessions.reopen_rate, true),
  escalation_ratio: metric("escalation_ratio", "ratio", (f) => f.sessions.escalation_ratio, true),
  messages_in: metric("messages_in", "count", (f) => f.messages.in),
  messages_out: metric("messages_out", "count", (f) => f.messages.out),
  messages_bot: metric("messages_bot", "count", (f) => f.messages.bot),
  replies_per_session: metric("replies_per_session", "decimal", (f) => f.messages.replies_per_session),
  first_response_median: metric("first_response_median", "ms", (f) => f.first_response_ms.median, true),
  first_response_p90: metric("first_response_p90", "ms", (f) => f.first_response_ms.p90, true),
  resolution_median: metric("resolution_median", "ms", (f) => f.resolution_ms.median, true),
  resolution_p90: metric("resolution_p90", "ms", (f) => f.resolution_ms.p90, true),
  handling_average: metric("handling_average", "ms", (f) => f.handling_ms.average, true),
  active_average: metric("active_average", "ms", (f) => f.active_ms.average, true),
  sla_first: metric("sla_first", "ratio", (f) => f.sla.first.attainment),
  sla_next: metric("sla_next", "ratio", (f) => f.sla.next.attainment),
  sla_resolution: metric("sla_resolution", "ratio", (f) => f.sla.resolution.attainment),
  rating_average: metric("rating_average", "rating", (f) => f.satisfaction.average),
  rated: metric("rated", "count", (f) => f.satisfaction.rated),
  survey_response_rate: metric("survey_response_rate", "ratio", (f) => f.satisfaction.response_rate),
  online: metric("online", "ms", (f) => f.presence_ms?.online ?? null),
  busy: metric("busy", "ms", (f) => f.presence_ms?.busy ?? null),
} satisfies Record<string, Metric>;

export type MetricName = keyof typeof METRICS;

/** The figures of a day or value without any counter: nothing happened. */
export const NO_FIGURES: Figures = {
  sessions: {
    new: 0,
    assigned: 0,
    handled: 0,
    closed: 0,
    reopened: 0,
    transferred: 0,
    escalated: 0,
    escalated_l2: 0,
    escalated_l3: 0,
    resolved_by_bot: 0,
    reopen_rate: null,
    escalation_ratio: null,
  },
  first_response_ms: { median: null, p90: null, count: 0 },
  resolution_ms: { median: null, p90: null, count: 0 },
  handling_ms: { average: null, count: 0 },
  active_ms: { average: null, count: 0 },
  messages: { in: 0, out: 0, bot: 0, replies_per_session: null },
  sla: {
    first: { met: 0, warned: 0, breached: 0, attainment: null },
    next: { met: 0, warned: 0, breached: 0, attainment: null },
    resolution: { met: 0, warned: 0, breached: 0, attainment: null },
  },
  satisfaction: { surveyed: 0, rated: 0, average: null, distribution: [0, 0, 0, 0, 0], response_rate: null },
  presence_ms: null,
};

/** How a figure moved against the previous period: a ratio's difference in percentage points,
 *  anything else's relative change; null when either side is missing or there was nothing before. */
export interface Change {
  /** Percentage points for a ratio, else percent. */
  amount: number;
  points: boolean;
  /** Whether the move is for the better (null when it did not move). */
  better: boolean | null;
}

export function changeOf(metric: Metric, current: Value, previous: Value): Change | null {
  if (current === null || previous === null) return null;
  const points = metric.unit === "ratio";
  if (!points && previous === 0) return null;
  const amount = points ? (current - previous) * 100 : ((current - previous) / previous) * 100;
  const better = amount === 0 ? null : amount < 0 === Boolean(metric.lowerIsBetter);
  return { amount, points, better };
}
