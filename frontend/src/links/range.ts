// The funnel's date range: today, the last 7 or 30 days (today included), or chosen days.
// Bounds are epoch milliseconds, from the start of the first local day to the end of the last.

export type RangePreset = "today" | "7d" | "30d" | "custom";
export const RANGE_PRESETS: RangePreset[] = ["today", "7d", "30d", "custom"];

export interface DateRange {
  from: number;
  to: number;
}

const DAYS: Record<Exclude<RangePreset, "custom">, number> = { today: 1, "7d": 7, "30d": 30 };

function startOfDay(ms: number): number {
  const d = new Date(ms);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
}

/** The last `days` local days up to `now`'s, `now`'s day whole. */
export function lastDays(days: number, now: number): DateRange {
  const today = startOfDay(now);
  const first = new Date(today);
  first.setDate(first.getDate() - (days - 1));
  const next = new Date(today);
  next.setDate(next.getDate() + 1);
  return { from: first.getTime(), to: next.getTime() - 1 };
}

/** A date input's value (`YYYY-MM-DD`) as a local day's start, or null. */
export function parseDay(value: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const ms = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])).getTime();
  return Number.isNaN(ms) ? null : ms;
}

/** A day as a date input writes it. */
export function dayValue(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The range a preset (or, for "custom", two date inputs) stands for; null while the chosen
 *  days are incomplete or reversed. */
export function rangeOf(preset: RangePreset, now: number, custom: { from: string; to: string }): DateRange | null {
  if (preset !== "custom") return lastDays(DAYS[preset], now);
  const from = parseDay(custom.from);
  const to = parseDay(custom.to);
  if (from === null || to === null || to < from) return null;
  const after = new Date(to);
  after.setDate(after.getDate() + 1);
  return { from, to: after.getTime() - 1 };
}
