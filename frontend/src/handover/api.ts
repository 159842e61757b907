// The shifts' and handovers' API, as the console calls it.
import { path, type Api, type HttpApi } from "../api/client";
import type { Handover, Items, OnShift, Shift, ShiftChange } from "../api/types";

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

export function listShifts(api: Api, projectId: string): Promise<Items<Shift>> {
  return api.get<Items<Shift>>(path`/api/projects/${projectId}/shifts`);
}

export function onShiftNow(api: Api, projectId: string): Promise<Items<OnShift>> {
  return api.get<Items<OnShift>>(path`/api/projects/${projectId}/shifts/on-now`);
}

export function saveShift(api: Api, projectId: string, shiftId: string | null, body: ShiftChange): Promise<Shift> {
  return shiftId
    ? api.put<Shift>(path`/api/projects/${projectId}/shifts/${shiftId}`, body)
    : api.post<Shift>(path`/api/projects/${projectId}/shifts`, body);
}

export function deleteShift(api: Api, projectId: string, shiftId: string): Promise<void> {
  return api.del(path`/api/projects/${projectId}/shifts/${shiftId}`);
}

export function listHandovers(api: Api, projectId: string): Promise<Items<Handover>> {
  return api.get<Items<Handover>>(path`/api/projects/${projectId}/handovers`);
}

function handoverPath(h: Pick<Handover, "project_id" | "shift_id" | "ended_at">): string {
  return path`/api/projects/${h.project_id}/handovers/${h.shift_id}/${h.ended_at}`;
}

export function acknowledge(api: Api, h: Handover): Promise<Handover> {
  return api.post<Handover>(`${handoverPath(h)}/acknowledge`, {});
}

/** The summary as a file: `csv` (UTF-8 with a BOM, safe for spreadsheets) or `markdown`. */
export function download(api: HttpApi, h: Handover, format: "csv" | "markdown"): Promise<Blob> {
  return api.blob(`${handoverPath(h)}/${format}`);
}
