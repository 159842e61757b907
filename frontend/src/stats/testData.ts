// Reports as GET /api/stats answers them, for the tests.
import { NO_FIGURES } from "./metrics";
import { daysOf } from "./range";
import type { Figures, StatsReport, StatsRow } from "./types";

type Change = {
  [K in keyof Figures]?: Partial<NonNullable<Figures[K]>>;
};

/** The figures of nothing, with some of their parts changed. */
export function figuresOf(change: Change = {}): Figures {
  const figures = structuredClone(NO_FIGURES) as unknown as Record<string, object | null>;
  for (const [part, values] of Object.entries(change)) figures[part] = { ...(figures[part] ?? {}), ...values };
  return figures as unknown as Figures;
}

export function reportOf(by: StatsReport["by"], rows: StatsRow[], totals = figuresOf(), previous = figuresOf(), range = { from: "2026-11-25", to: "2026-12-01" }): StatsReport {
  return { project_id: "p1", ...range, by, filter: null, time_zone: "Asia/Shanghai", totals, previous, rows, percentile_error: 0.05 };
}

/** A report by day with the days' figures made by `each`. */
export function dailyReport(each: (day: string, index: number) => Figures, totals = figuresOf(), previous = figuresOf()): StatsReport {
  const range = { from: "2026-11-25", to: "2026-12-01" };
  return reportOf("day", daysOf(range).map((day, i) => ({ key: day, label: day, figures: each(day, i) })), totals, previous, range);
}
