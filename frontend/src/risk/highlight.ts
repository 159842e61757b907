// Marking a risk refusal's matches in the text the agent wrote.
import type { RiskMatch } from "../api/types";

export interface Segment {
  text: string;
  /** The matches covering this piece; empty for the unmarked text between them. */
  matches: RiskMatch[];
}

/** The UTF-16 offset of each code point index of `text`, and of its end. The API counts code
 *  points (Python string indices) and JavaScript counts UTF-16 units: they differ after an emoji. */
function unitOffsets(text: string): number[] {
  const offsets: number[] = [];
  let unit = 0;
  for (const char of text) {
    offsets.push(unit);
    unit += char.length;
  }
  offsets.push(unit);
  return offsets;
}

/** The text cut into unmarked and marked pieces, in order; overlapping matches share one mark.
 *  Spans outside the text are clipped and empty or malformed ones ignored. */
export function highlight(text: string, matches: readonly RiskMatch[]): Segment[] {
  const offsets = unitOffsets(text);
  const length = offsets.length - 1;
  const clip = (index: number) => Math.min(Math.max(index, 0), length);
  const spans = matches
    .filter((m) => Number.isInteger(m.start) && Number.isInteger(m.end))
    .map((m) => ({ start: clip(m.start), end: clip(m.end), match: m }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);

  const marks: { start: number; end: number; matches: RiskMatch[] }[] = [];
  for (const span of spans) {
    const last = marks[marks.length - 1];
    if (last && span.start < last.end) {
      last.end = Math.max(last.end, span.end);
      last.matches.push(span.match);
    } else {
      marks.push({ start: span.start, end: span.end, matches: [span.match] });
    }
  }

  const segments: Segment[] = [];
  const piece = (from: number, to: number) => text.slice(offsets[from], offsets[to]);
  let at = 0;
  for (const mark of marks) {
    if (mark.start > at) segments.push({ text: piece(at, mark.start), matches: [] });
    segments.push({ text: piece(mark.start, mark.end), matches: mark.matches });
    at = mark.end;
  }
  if (at < length || segments.length === 0) segments.push({ text: piece(at, length), matches: [] });
  return segments;
}

/** Each group's hits once: "group name: entry" for the list under the marked text. */
export function matchSummary(matches: readonly RiskMatch[]): { key: string; group: string; entry: string; kind: RiskMatch["kind"] }[] {
  const seen = new Map<string, { key: string; group: string; entry: string; kind: RiskMatch["kind"] }>();
  for (const m of matches) {
    const key = `${m.group_id}\u0000${m.kind}\u0000${m.entry}`;
    if (!seen.has(key)) seen.set(key, { key, group: m.group_name, entry: m.entry, kind: m.kind });
  }
  return [...seen.values()];
}
