// CSV documents a spreadsheet opens safely and in the right encoding, by the rules of the
// API's exports (tgdesk.core.csv_safe): a cell that a spreadsheet would run as a formula
// (`=`, `+`, `-`, `@`, a tab or a carriage return first) gets a leading single quote; quotes,
// commas and line breaks are quoted; lines end in CRLF; the document starts with a UTF-8 BOM
// so that Excel reads non-Latin names (a link called 双十一) as they are.

const FORMULA = /^(?:[=+\-@\t\r]|'+[=+\-@\t\r])/;
const BOM = "\uFEFF";

/** One cell's text: never a formula, quoted when it holds a quote, comma or line break. */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (FORMULA.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole document, header first. */
export function csvDocument(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return BOM + [header, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

export function csvBlob(text: string): Blob {
  return new Blob([text], { type: "text/csv;charset=utf-8" });
}
