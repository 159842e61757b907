// Exports and retention, as the console calls them: a session's transcript (a file through
// the API with the login token), a project's background export and its progress, a project's
// retention.
import { path, type Api } from "../api/client";
import type { MediaApi } from "../chat/media";
import type { ProjectExport, ProjectExportList, Retention } from "../api/types";

export const TRANSCRIPT_FORMATS = ["markdown", "csv", "json"] as const;
export type TranscriptFormat = (typeof TRANSCRIPT_FORMATS)[number];

const EXTENSIONS: Record<TranscriptFormat, string> = { markdown: "md", csv: "csv", json: "json" };

/** The transcript as a file and its name; `notes` adds the notes the caller may read. */
export async function transcript(
  api: MediaApi,
  sessionId: string,
  format: TranscriptFormat,
  notes: boolean,
): Promise<{ blob: Blob; name: string }> {
  const blob = await api.blob(path`/api/sessions/${sessionId}/transcript`, { format, notes });
  return { blob, name: `transcript-${sessionId}.${EXTENSIONS[format]}` };
}

export function listExports(api: Api, projectId: string): Promise<ProjectExportList> {
  return api.get<ProjectExportList>(path`/api/projects/${projectId}/exports`);
}

export function startExport(api: Api, projectId: string, fromAt: number, toAt: number): Promise<ProjectExport> {
  return api.post<ProjectExport>(path`/api/projects/${projectId}/exports`, { from_at: fromAt, to_at: toAt });
}

export function getRetention(api: Api, projectId: string): Promise<Retention> {
  return api.get<Retention>(path`/api/projects/${projectId}/retention`);
}

export function setRetention(api: Api, projectId: string, days: number | null): Promise<Retention> {
  return api.put<Retention>(path`/api/projects/${projectId}/retention`, { retention_days: days });
}

/** A day of the browser's time zone as yyyy-mm-dd (what a date input holds). */
export function isoDay(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The range of whole days from `from` to `to` (yyyy-mm-dd, the browser's time zone), in ms. */
export function dayRange(from: string, to: string): { fromAt: number; toAt: number } | null {
  const start = new Date(`${from}T00:00:00`).getTime();
  const end = new Date(`${to}T00:00:00`).getTime();
  if (Number.isNaN(start) || Number.isNaN(end) || end < start) return null;
  return { fromAt: start, toAt: end + 24 * 3600 * 1000 - 1 };
}

export function isRunning(job: ProjectExport): boolean {
  return job.state === "running";
}
