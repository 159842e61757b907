// The Links page's CSV exports: a link's funnel over the chosen range (a line per day, then the
// totals; the average rating empty when nothing was rated) and its clicks.
import type { DateRange } from "./range";
import { csvDocument } from "./csv";
import { FUNNEL_STEPS, UTM_FIELDS, type Click, type Funnel, type FunnelCounts } from "./types";

const FUNNEL_HEADER = ["day", ...FUNNEL_STEPS, "average_rating", "bot_clicks"];

function counts(day: string, c: FunnelCounts): unknown[] {
  return [day, ...FUNNEL_STEPS.map((step) => c[step]), c.average_rating, c.bot_clicks];
}

export function funnelCsv(funnel: Funnel): string {
  const rows = funnel.days.map((d) => counts(d.day, d));
  rows.push(counts("total", funnel.total));
  return csvDocument(FUNNEL_HEADER, rows);
}

const CLICKS_HEADER = ["click_id", "at", "bot", "channel", "country", "device", "browser", "referrer", ...UTM_FIELDS];

export function clicksCsv(clicks: readonly Click[]): string {
  return csvDocument(
    CLICKS_HEADER,
    clicks.map((c) => [
      c.click_id,
      new Date(c.at).toISOString(),
      c.is_bot ? "yes" : "no",
      c.channel,
      c.country,
      c.device,
      c.browser,
      c.referrer,
      ...UTM_FIELDS.map((f) => c.utm?.[f]),
    ]),
  );
}

/** `<code>-funnel-<first day>-<last day>.csv` */
export function exportName(code: string, what: "funnel" | "clicks", range: DateRange): string {
  return `${code}-${what}-${range.from}-${range.to}.csv`;
}
