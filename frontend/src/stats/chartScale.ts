// The arithmetic of the Statistics page's SVG charts, apart from drawing: the value axis's top,
// which categories get a label, a line's unbroken runs, and the words that stand for a chart.
import { t } from "../i18n";
import type { Dataset } from "./datasets";
import { formatValue } from "./format";

/** The axis's top: the smallest 1, 2, 2.5 or 5 times a power of ten at or above `max`; for
 *  whole numbers (counts), an even one from 2 up, so that the middle line is whole too. */
export function niceMax(max: number, whole = false): number {
  if (whole && max <= 2) return 2;
  if (!(max > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  const steps = whole ? [2, 4, 6, 8, 10] : [1, 2, 2.5, 5, 10];
  for (const step of steps) if (step * power >= max) return step * power;
  return 10 * power;
}

/** Which of `count` categories are labelled along the axis, at most `most` of them evenly. */
export function labelledIndexes(count: number, most = 8): Set<number> {
  const every = Math.max(1, Math.ceil(count / most));
  const shown = new Set<number>();
  for (let i = 0; i < count; i += every) shown.add(i);
  return shown;
}

/** A line's unbroken runs: the points between missing values. */
export function runs<T>(values: (T | null)[]): { start: number; points: T[] }[] {
  const found: { start: number; points: T[] }[] = [];
  values.forEach((value, i) => {
    if (value === null) return;
    const last = found[found.length - 1];
    if (last && last.start + last.points.length === i) last.points.push(value);
    else found.push({ start: i, points: [value] });
  });
  return found;
}

/** The chart in words, for its `aria-label`: per series, its lowest and highest figures. */
export function chartSummary(dataset: Dataset, series: number[]): string {
  const parts = series.map((index) => {
    const column = dataset.columns[index];
    const values = dataset.rows.map((row) => row.values[index]).filter((v): v is number => v !== null);
    if (values.length === 0) return t("stats.seriesEmpty", { series: column.label });
    return t("stats.seriesRange", {
      series: column.label,
      low: formatValue(column.unit, Math.min(...values)),
      high: formatValue(column.unit, Math.max(...values)),
    });
  });
  return `${dataset.title}: ${parts.join("; ")}`;
}
