// The statistics' date range: today, yesterday, the last 7 or 30 days (today included), or
// chosen days. Figures are kept per day of the PROJECT's time zone, so "today" is the
// project's today: a range is a first and a last such day, `YYYY-MM-DD`, both included.
import { dayStart } from "../links/range";

export type StatsPreset = "today" | "yesterday" | "7d" | "30d" | "custom";
export const STATS_PRESETS: StatsPreset[] = ["today", "yesterday", "7d", "30d", "custom"];

/** The API's limit on a range. */
export const MAX_STATS_DAYS = 366;
const DAY_MS = 86_400_000;

export interface DayRange {
  from: string;
  to: string;
}

/** The day (`YYYY-MM-DD`) an instant falls on in an IANA zone (UTC for a zone the browser
 *  does not know). */
export function dayIn(ms: number, zone: string): string {
  try {
    // en-CA writes dates as YYYY-MM-DD.
    return new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).format(ms);
  } catch {
    return new Date(ms).toISOString().slice(0, 10);
  }
}

/** The day `days` days after `day` (before, when negative). */
export function addDays(day: string, days: number): string {
  return new Date((dayStart(day) ?? 0) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Every day of a range, in order. */
export function daysOf(range: DayRange): string[] {
  const days: string[] = [];
  for (let day = range.from; day <= range.to && days.length <= MAX_STATS_DAYS; day = addDays(day, 1)) days.push(day);
  return days;
}

/** The range a preset (or, for "custom", two date inputs) stands for in the project's zone;
 *  null while the chosen days are incomplete, reversed or more than the API takes. */
export function statsRange(preset: StatsPreset, now: number, zone: string, custom: DayRange): DayRange | null {
  const today = dayIn(now, zone);
  switch (preset) {
    case "today":
      return { from: today, to: today };
    case "yesterday": {
      const yesterday = addDays(today, -1);
      return { from: yesterday, to: yesterday };
    }
    case "7d":
      return { from: addDays(today, -6), to: today };
    case "30d":
      return { from: addDays(today, -29), to: today };
    case "custom": {
      const from = dayStart(custom.from);
      const to = dayStart(custom.to);
      if (from === null || to === null || to < from || (to - from) / DAY_MS >= MAX_STATS_DAYS) return null;
      return { from: custom.from, to: custom.to };
    }
  }
}
