// The two steps of sending a file: the API checks it and hands out a presigned form (nothing is
// uploaded when it refuses), then the browser posts the file straight to S3 with that form. The
// media message then names the uploads.
import { ApiError, path, type Api } from "../api/client";
import type { components } from "../api/schema";
import type { Message } from "../api/types";
import type { AttachmentKind } from "./limits";

export type UploadForm = components["schemas"]["UploadForm"];

export async function requestUpload(api: Api, sessionId: string, file: File, kind?: AttachmentKind): Promise<UploadForm> {
  return api.post<UploadForm>(path`/api/sessions/${sessionId}/uploads`, {
    file_name: file.name,
    content_type: file.type || "application/octet-stream",
    size: file.size,
    ...(kind ? { kind } : {}),
  });
}

/** Posts the file to the form's URL (S3): the form's fields first, the file last. */
export async function postToStorage(form: UploadForm, file: Blob, send: typeof fetch = fetch): Promise<void> {
  const body = new FormData();
  for (const [name, value] of Object.entries(form.fields)) body.append(name, value);
  body.append("file", file);
  let response: Response;
  try {
    response = await send(form.url, { method: "POST", body });
  } catch {
    throw new ApiError(0, "network_error", "The file could not be uploaded.");
  }
  if (!response.ok) throw new ApiError(response.status, "upload_failed", "The file could not be uploaded.");
}

export interface MediaSend {
  sessionId: string;
  uploadIds: string[];
  caption: string;
  clientMessageId: string;
  confirmRisk?: boolean;
}

export async function sendMedia(api: Api, send: MediaSend): Promise<Message> {
  return api.post<Message>(path`/api/sessions/${send.sessionId}/media-messages`, {
    uploads: send.uploadIds,
    caption: send.caption,
    client_message_id: send.clientMessageId,
    ...(send.confirmRisk ? { confirm_risk: true } : {}),
  });
}
