// A Telegram user's data on request (docs/privacy.md): the export, gathered from its pages into
// one document, and the erasure, repeated until the API says it is done.
import { path, type Api } from "../api/client";

export type ExportPage = Record<string, unknown> & { next_cursor?: string | null };

export interface ErasureProgress {
  phase: "items" | "audit" | "done";
  items_erased: number;
  audit_entries_redacted: number;
}

/** Every page of the export, merged: the first page's fields, with each list section holding
 *  the items of all pages in order. */
export async function exportUserData(api: Api, projectId: string, tgUserId: number): Promise<Record<string, unknown>> {
  const url = path`/api/projects/${projectId}/users/${tgUserId}/export`;
  let cursor: string | null | undefined;
  let merged: Record<string, unknown> | null = null;
  do {
    const page: ExportPage = await api.get<ExportPage>(url, cursor ? { cursor } : undefined);
    if (!merged) {
      merged = { ...page };
    } else {
      for (const [key, value] of Object.entries(page)) {
        const before = merged[key];
        if (Array.isArray(value) && Array.isArray(before)) merged[key] = [...before, ...value];
      }
    }
    cursor = page.next_cursor;
  } while (cursor);
  delete merged.next_cursor;
  return merged;
}

/** Erase, calling again while the API answers with a partial progress (202); `onProgress`
 *  hears each step. A bound on the calls keeps a stuck erasure from looping for ever. */
export async function eraseUserData(
  api: Api,
  projectId: string,
  tgUserId: number,
  onProgress: (progress: ErasureProgress) => void = () => undefined,
  maxCalls = 500,
): Promise<ErasureProgress> {
  const url = path`/api/projects/${projectId}/users/${tgUserId}/erase`;
  for (let call = 0; call < maxCalls; call++) {
    const progress = await api.post<ErasureProgress>(url, { confirm_tg_user_id: tgUserId });
    onProgress(progress);
    if (progress.phase === "done") return progress;
  }
  throw new Error("erasure_unfinished");
}
