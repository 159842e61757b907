// The funnel's date range: today, the last 7 or 30 days (today included), or chosen days.
// The counters are kept per UTC day, so a range is a first and a last UTC day, `YYYY-MM-DD`,
// both included, as the funnel's API takes them.

export type RangePreset = "today" | "7d" | "30d" | "custom";
export const RANGE_PRESETS: RangePreset[] = ["today", "7d", "30d", "custom"];

/** The API's limit on a range. */
export const MAX_RANGE_DAYS = 92;
const DAY_MS = 86_400_000;

export interface DateRange {
  from: string;
  to: string;
}

const DAYS: Record<Exclude<RangePreset, "custom">, number> = { today: 1, "7d": 7, "30d": 30 };

/** The UTC day of an instant. */
export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The instant a UTC day starts, or null for anything but `YYYY-MM-DD`. */
export function dayStart(day: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const ms = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(ms) || utcDay(ms) !== day ? null : ms;
}

/** The last `days` UTC days up to `now`'s. */
export function lastDays(days: number, now: number): DateRange {
  return { from: utcDay(now - (days - 1) * DAY_MS), to: utcDay(now) };
}

/** The range a preset (or, for "custom", two date inputs) stands for; null while the chosen
 *  days are incomplete, reversed or more than the API takes. */
export function rangeOf(preset: RangePreset, now: number, custom: DateRange): DateRange | null {
  if (preset !== "custom") return lastDays(DAYS[preset], now);
  const from = dayStart(custom.from);
  const to = dayStart(custom.to);
  if (from === null || to === null || to < from || (to - from) / DAY_MS >= MAX_RANGE_DAYS) return null;
  return { from: custom.from, to: custom.to };
}

/** Whether an instant falls on one of the range's days. */
export function inRange(ms: number, range: DateRange): boolean {
  const day = utcDay(ms);
  return day >= range.from && day <= range.to;
}
