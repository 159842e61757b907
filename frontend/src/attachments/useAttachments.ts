// The files waiting in the composer: checked (size and kind, before any upload), uploaded at once
// to storage through the API's presigned form, then sent together with the composer's text as
// their caption. Picked, dropped, pasted (a screenshot) or recorded (a voice note).
import { useEffect, useRef, useState } from "preact/hooks";
import { ApiError, type Api } from "../api/client";
import { errorText } from "../console/errors";
import { t } from "../i18n";
import { newClientMessageId } from "../lib/format";
import { isAlbum, kindOf, pastedName, refusalOf, type AttachmentKind } from "./limits";
import { postToStorage, requestUpload, sendMedia } from "./upload";

export const CAPTION_LIMIT = 1024;

export interface Attachment {
  id: string;
  file: File;
  kind: AttachmentKind;
  status: "uploading" | "ready";
  uploadId?: string;
  /** A blob: URL of an image, for its preview. */
  preview?: string;
}

export interface Attachments {
  items: Attachment[];
  /** Every file uploaded and the set one Telegram takes together. */
  ready: boolean;
  problem: string;
  /** The last send needs the agent's confirmation (risk control). */
  confirmRisk: boolean;
  add(files: File[], kind?: AttachmentKind): void;
  remove(id: string): void;
  /** Sends the files with `caption`; true once the API accepted them (the composer clears). */
  send(caption: string, confirmed?: boolean): Promise<boolean>;
  onPaste(event: ClipboardEvent): void;
  onDragOver(event: DragEvent): void;
  onDrop(event: DragEvent): void;
}

/** What the timeline needs of the console: the API, and a place for the message sent. */
export interface AttachmentHost {
  api: Api;
  applyMessage(sessionId: string, message: import("../api/types").Message): void;
}

let counter = 0;

export function useAttachments(host: AttachmentHost, sessionId: string): Attachments {
  const [items, setItems] = useState<Attachment[]>([]);
  const [problem, setProblem] = useState("");
  const [confirmRisk, setConfirmRisk] = useState(false);
  const clientId = useRef<string | null>(null);
  const live = useRef(items);
  live.current = items;

  // Previews go with their files, and everything with the session.
  useEffect(() => () => live.current.forEach((item) => item.preview && URL.revokeObjectURL(item.preview)), []);
  useEffect(() => {
    setItems((current) => {
      current.forEach((item) => item.preview && URL.revokeObjectURL(item.preview));
      return [];
    });
    setProblem("");
  }, [sessionId]);

  function update(id: string, change: Partial<Attachment> | null) {
    setItems((current) =>
      change === null ? current.filter((item) => item.id !== id) : current.map((item) => (item.id === id ? { ...item, ...change } : item)),
    );
  }

  async function upload(item: Attachment, asked?: AttachmentKind) {
    try {
      const form = await requestUpload(host.api, sessionId, item.file, asked);
      await postToStorage(form, item.file);
      update(item.id, { status: "ready", uploadId: form.upload_id, kind: form.kind });
      setProblem((shown) => (shown === t("attach.still_uploading") ? "" : shown));
    } catch (error) {
      remove(item.id);
      setProblem(`${item.file.name}: ${errorText(error)}`);
    }
  }

  function add(files: File[], asked?: AttachmentKind) {
    setProblem("");
    clientId.current = null;
    for (const file of files) {
      const kind = asked ?? kindOf(file.type);
      const refusal = refusalOf(file.name, file.size, kind);
      if (refusal) {
        setProblem(t(refusal.key, refusal.vars));
        continue;
      }
      const preview = kind === "photo" ? URL.createObjectURL(file) : undefined;
      const item: Attachment = { id: `a${++counter}`, file, kind, status: "uploading", preview };
      setItems((current) => [...current, item]);
      void upload(item, asked);
    }
  }

  function remove(id: string) {
    const item = live.current.find((each) => each.id === id);
    if (item?.preview) URL.revokeObjectURL(item.preview);
    clientId.current = null;
    update(id, null);
  }

  const kinds = items.map((item) => item.kind);
  const ready = items.length > 0 && items.every((item) => item.status === "ready") && isAlbum(kinds);

  async function send(caption: string, confirmed = false): Promise<boolean> {
    if (!ready) {
      const uploading = items.some((item) => item.status === "uploading");
      setProblem(uploading ? t("attach.still_uploading") : isAlbum(kinds) ? "" : t("attach.not_album"));
      return false;
    }
    if (caption.length > CAPTION_LIMIT) {
      setProblem(t("attach.caption_too_long", { limit: CAPTION_LIMIT }));
      return false;
    }
    // The same id for a send tried again, so that it is never sent twice.
    clientId.current ??= newClientMessageId();
    setProblem("");
    setConfirmRisk(false);
    try {
      const message = await sendMedia(host.api, {
        sessionId,
        uploadIds: items.map((item) => item.uploadId as string),
        caption,
        clientMessageId: clientId.current,
        confirmRisk: confirmed,
      });
      host.applyMessage(sessionId, message);
      items.forEach((item) => item.preview && URL.revokeObjectURL(item.preview));
      setItems([]);
      clientId.current = null;
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.code.startsWith("risk_")) clientId.current = null;
      setConfirmRisk(error instanceof ApiError && error.code === "risk_confirmation_required");
      setProblem(errorText(error));
      return false;
    }
  }

  function onPaste(event: ClipboardEvent) {
    const files = Array.from(event.clipboardData?.files ?? []);
    if (!files.length) return;
    event.preventDefault();
    const now = new Date();
    add(files.map((file) => (file.type.startsWith("image/") ? new File([file], pastedName(file.type, now), { type: file.type }) : file)));
  }

  function onDragOver(event: DragEvent) {
    if (event.dataTransfer?.types.includes("Files")) event.preventDefault();
  }

  function onDrop(event: DragEvent) {
    const files = Array.from(event.dataTransfer?.files ?? []);
    if (!files.length) return;
    event.preventDefault();
    add(files);
  }

  return { items, ready, problem, confirmRisk, add, remove, send, onPaste, onDragOver, onDrop };
}
