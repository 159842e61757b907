// How the Statistics page writes a figure: counts and averages in the console's language,
// durations in the largest two units that fit, shares and changes as percentages.
import { currentLocale, t } from "../i18n";
import type { Change, Unit, Value } from "./metrics";

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function number(value: number, digits: number): string {
  return new Intl.NumberFormat(currentLocale(), { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value);
}

/** "42 s", "12 min", "3 h 5 min", "2 d 4 h". */
export function duration(ms: number): string {
  if (ms < MINUTE) return t("stats.duration.s", { s: Math.round(ms / SECOND) });
  if (ms < HOUR) return t("stats.duration.min", { min: Math.round(ms / MINUTE) });
  if (ms < DAY) return t("stats.duration.h", { h: Math.floor(ms / HOUR), min: Math.round((ms % HOUR) / MINUTE) });
  return t("stats.duration.d", { d: Math.floor(ms / DAY), h: Math.round((ms % DAY) / HOUR) });
}

/** A figure as shown; "—" when there is none (nothing to take a median or a share of). */
export function formatValue(unit: Unit, value: Value): string {
  if (value === null || value === undefined) return "—";
  switch (unit) {
    case "count":
      return number(value, 0);
    case "ms":
      return duration(value);
    case "ratio":
      return `${number(value * 100, 1)} %`;
    case "decimal":
      return number(value, 1);
    case "rating":
      return number(value, 2);
  }
}

/** "+12.5 %", "−3.0 pts", "±0"; "—" without a previous figure to compare with. */
export function formatChange(change: Change | null): string {
  if (!change) return "—";
  if (change.amount === 0) return "±0";
  const sign = change.amount > 0 ? "+" : "−";
  const size = number(Math.abs(change.amount), 1);
  return change.points ? t("stats.changePoints", { change: `${sign}${size}` }) : `${sign}${size} %`;
}
