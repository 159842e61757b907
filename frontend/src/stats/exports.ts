// The Statistics page's CSV exports: any dataset as a document a spreadsheet opens safely and
// in the right encoding (the Links page's csv.ts: formula-safe cells, UTF-8 with a BOM), with
// the figures as the API gives them (durations in milliseconds, shares from 0 to 1).
import { saveAs } from "../admin/download";
import { csvBlob, csvDocument } from "../links/csv";
import type { Dataset } from "./datasets";
import type { DayRange } from "./range";

export function datasetCsv(dataset: Dataset): string {
  const header = [dataset.rowKey.key, ...(dataset.rowLabel ? [dataset.rowLabel] : []), ...dataset.columns.map((c) => c.key)];
  const rows = dataset.rows.map((row) => [row.key, ...(dataset.rowLabel ? [row.label] : []), ...row.values]);
  return csvDocument(header, rows);
}

/** `stats-<dataset>-<first day>-<last day>.csv` */
export function exportName(dataset: Dataset, range: DayRange): string {
  return `stats-${dataset.name}-${range.from}-${range.to}.csv`;
}

export function downloadCsv(dataset: Dataset, range: DayRange): void {
  saveAs(csvBlob(datasetCsv(dataset)), exportName(dataset, range));
}
