// The SLA settings form's text fields: a weekday's business hours as "09:00-12:00, 13:00-17:00"
// and holidays as dates separated by commas, spaces or lines. The server checks them again.
import type { components } from "../api/schema";

export type SlaSettings = components["schemas"]["SlaSettings"];
export type SlaSettingsChange = components["schemas"]["SlaSettingsChange"];
export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export const PRIORITY_ORDER = ["urgent", "high", "medium", "low"] as const;

const INTERVAL = /^(\d{2}:\d{2})\s*[-–]\s*(\d{2}:\d{2})$/;

export function formatDay(intervals: string[][] | undefined): string {
  return (intervals ?? []).map(([from, to]) => `${from}-${to}`).join(", ");
}

/** A weekday's intervals, or null when a part is not "HH:MM-HH:MM". */
export function parseDay(text: string): string[][] | null {
  const parts = text.split(",").map((p) => p.trim()).filter(Boolean);
  const out: string[][] = [];
  for (const part of parts) {
    const found = INTERVAL.exec(part);
    if (!found) return null;
    out.push([found[1], found[2]]);
  }
  return out;
}

export function parseHolidays(text: string): string[] {
  return text.split(/[\s,]+/).map((d) => d.trim()).filter(Boolean);
}

/** The weekly schedule from the seven texts; weekdays left empty are closed. */
export function parseWeek(texts: Record<string, string>): Record<string, string[][]> | null {
  const week: Record<string, string[][]> = {};
  for (const day of WEEKDAYS) {
    const parsed = parseDay(texts[day] ?? "");
    if (parsed === null) return null;
    if (parsed.length) week[day] = parsed;
  }
  return week;
}
