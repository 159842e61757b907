// The Statistics page's tables, each a dataset: rows (the days, the agents, the SLA targets,
// the ratings) by columns (metrics). A dataset is what a chart draws, what its table shows and
// what its CSV export writes, so the three never disagree.
import { t, type MessageKey } from "../i18n";
import { METRICS, NO_FIGURES, type MetricName, type Unit, type Value } from "./metrics";
import { daysOf } from "./range";
import { SLA_TARGETS, type Figures, type StatsReport } from "./types";

export interface Column {
  /** The CSV column's name. */
  key: string;
  label: string;
  unit: Unit;
  lowerIsBetter?: boolean;
}

export interface DataRow {
  key: string;
  label: string;
  values: Value[];
  /** The row's own unit where it differs from row to row (the headline figures). */
  unit?: Unit;
}

export interface Dataset {
  /** Names its CSV file. */
  name: string;
  title: string;
  /** The rows' own column: its CSV name and its heading. */
  rowKey: { key: string; label: string };
  /** The CSV name of a column of the rows' labels besides their keys (an agent's name beside
   *  its id); none when the key is the label (a day). */
  rowLabel?: string;
  columns: Column[];
  rows: DataRow[];
}

function columnsOf(names: MetricName[]): Column[] {
  return names.map((name) => {
    const m = METRICS[name];
    return { key: m.key, label: t(m.label), unit: m.unit, lowerIsBetter: m.lowerIsBetter };
  });
}

function valuesOf(names: MetricName[], figures: Figures): Value[] {
  return names.map((name) => METRICS[name].of(figures));
}

/** Every day of the report's range with its figures (a day without counters: nothing happened). */
export function dayFigures(report: StatsReport): { day: string; figures: Figures }[] {
  const byDay = new Map(report.rows.map((row) => [row.key, row.figures]));
  return daysOf(report).map((day) => ({ day, figures: byDay.get(day) ?? NO_FIGURES }));
}

/** Chosen metrics per day, from a report by day. */
export function perDay(report: StatsReport, name: string, title: MessageKey, metrics: MetricName[]): Dataset {
  return {
    name,
    title: t(title),
    rowKey: { key: "day", label: t("stats.day") },
    columns: columnsOf(metrics),
    rows: dayFigures(report).map(({ day, figures }) => ({ key: day, label: day, values: valuesOf(metrics, figures) })),
  };
}

export const SESSIONS_PER_DAY: MetricName[] = ["new", "assigned", "handled", "closed", "reopened", "transferred", "escalated", "resolved_by_bot"];
export const MESSAGES_PER_DAY: MetricName[] = ["messages_in", "messages_out", "messages_bot"];
export const FIRST_RESPONSE_PER_DAY: MetricName[] = ["first_response_median", "first_response_p90"];

export const AGENT_COLUMNS: MetricName[] = [
  "assigned",
  "handled",
  "closed",
  "reopen_rate",
  "transferred",
  "messages_out",
  "replies_per_session",
  "first_response_median",
  "first_response_p90",
  "resolution_median",
  "handling_average",
  "active_average",
  "sla_first",
  "sla_resolution",
  "rated",
  "rating_average",
  "online",
  "busy",
];

/** One row per agent, from a report by agent, in the API's order. */
export function perAgent(report: StatsReport, nameOf: (agentId: string) => string | undefined): Dataset {
  return {
    name: "agents",
    title: t("stats.agents"),
    rowKey: { key: "agent_id", label: t("stats.agent") },
    rowLabel: "agent",
    columns: columnsOf(AGENT_COLUMNS),
    rows: report.rows.map((row) => ({
      key: row.key,
      label: row.label || nameOf(row.key) || row.key,
      values: valuesOf(AGENT_COLUMNS, row.figures),
    })),
  };
}

/** Met, warned and breached per SLA target over the range, and the share met. */
export function slaAttainment(figures: Figures): Dataset {
  return {
    name: "sla",
    title: t("stats.sla"),
    rowKey: { key: "target", label: t("stats.slaTarget") },
    columns: [
      { key: "met", label: t("stats.slaMet"), unit: "count" },
      { key: "warned", label: t("stats.slaWarned"), unit: "count" },
      { key: "breached", label: t("stats.slaBreached"), unit: "count", lowerIsBetter: true },
      { key: "attainment", label: t("stats.slaAttainment"), unit: "ratio" },
    ],
    rows: SLA_TARGETS.map((target) => {
      const s = figures.sla[target];
      return { key: target, label: t(`stats.slaTarget.${target}`), values: [s.met, s.warned, s.breached, s.attainment] };
    }),
  };
}

/** How many ratings of 1 to 5 over the range, and each one's share of the ratings. */
export function ratingDistribution(figures: Figures): Dataset {
  const counts = figures.satisfaction.distribution;
  const rated = counts.reduce((sum, n) => sum + n, 0);
  return {
    name: "ratings",
    title: t("stats.ratings"),
    rowKey: { key: "rating", label: t("stats.rating") },
    columns: [
      { key: "count", label: t("stats.ratingCount"), unit: "count" },
      { key: "share", label: t("stats.ratingShare"), unit: "ratio" },
    ],
    rows: [1, 2, 3, 4, 5].map((rating) => {
      const count = counts[rating - 1] ?? 0;
      return { key: String(rating), label: String(rating), values: [count, rated ? count / rated : null] };
    }),
  };
}

export const HEADLINE: MetricName[] = [
  "new",
  "handled",
  "closed",
  "reopen_rate",
  "escalation_ratio",
  "messages_in",
  "messages_out",
  "first_response_median",
  "first_response_p90",
  "resolution_median",
  "sla_first",
  "rating_average",
  "survey_response_rate",
];

/** The headline figures over the range and over the period before it. */
export function headline(report: StatsReport): Dataset {
  return {
    name: "summary",
    title: t("stats.summary"),
    rowKey: { key: "figure", label: t("stats.figure") },
    columns: [
      { key: "current", label: t("stats.current"), unit: "count" },
      { key: "previous", label: t("stats.previous"), unit: "count" },
    ],
    rows: HEADLINE.map((name) => ({
      key: METRICS[name].key,
      label: t(METRICS[name].label),
      unit: METRICS[name].unit,
      values: [METRICS[name].of(report.totals), METRICS[name].of(report.previous)],
    })),
  };
}

export type SortDirection = "ascending" | "descending";
/** A column's index, or "label" for the rows' own column. */
export type SortKey = number | "label";

/** The rows by a column; a row without a figure there comes last either way. */
export function sortRows(rows: DataRow[], by: SortKey, direction: SortDirection): DataRow[] {
  const sign = direction === "ascending" ? 1 : -1;
  return [...rows].sort((a, b) => {
    if (by === "label") return sign * a.label.localeCompare(b.label);
    const x = a.values[by];
    const y = b.values[by];
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return sign * (x - y) || a.label.localeCompare(b.label);
  });
}
