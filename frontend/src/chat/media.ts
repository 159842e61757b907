// A message's file, fetched through the API with the login token (an <img src> could not send
// it, and Telegram's own file URLs carry the bot token), shown from a blob: URL that is revoked
// as soon as nothing shows it any more.
import { createContext } from "preact";
import { useContext, useEffect, useState } from "preact/hooks";
import { ApiError, path, type Query } from "../api/client";
import type { Message } from "../api/types";

/** What the chat needs from the API client to show files. */
export interface MediaApi {
  blob(path: string, query?: Query): Promise<Blob>;
}

/** The console provides its API client here; without one, files show as cards only. */
export const MediaContext = createContext<MediaApi | null>(null);

export function useMediaApi(): MediaApi | null {
  return useContext(MediaContext);
}

export type MediaSize = "thumb" | "full";

export type MediaState =
  | { status: "idle" }
  | { status: "loading" }
  | { status: "ready"; url: string }
  | { status: "error"; code: string };

/** Larger audio and video wait for a click rather than loading with the timeline. */
export const AUTOLOAD_BYTES = 1_500_000;

// Types a blob: URL may carry when shown in place. A blob: URL has the console's origin, so
// anything a browser could run as a page (HTML, SVG, XML...) must never get its own type.
const SHOWABLE = /^(image\/(jpeg|png|gif|webp)|audio\/[a-z0-9.+-]+|video\/[a-z0-9.+-]+)$/;

export function mediaPath(message: Message): string {
  return path`/api/sessions/${message.session_id}/messages/${message.message_id}/media`;
}

/** The blob with a type safe to show in place, or an opaque one that can only download. */
export function showable(blob: Blob): Blob {
  const type = blob.type.split(";")[0].trim().toLowerCase();
  return SHOWABLE.test(type) ? blob : new Blob([blob], { type: "application/octet-stream" });
}

export function downloadable(blob: Blob): Blob {
  return new Blob([blob], { type: "application/octet-stream" });
}

function errorCode(error: unknown): string {
  return error instanceof ApiError ? error.code : "error";
}

export async function fetchMedia(api: MediaApi, message: Message, size: MediaSize): Promise<Blob> {
  return api.blob(mediaPath(message), size === "thumb" ? { size: "thumb" } : undefined);
}

/** Load a message's file (when `enabled`) and give its blob: URL while mounted. */
export function useMediaUrl(api: MediaApi | null, message: Message, size: MediaSize, enabled = true): MediaState {
  const [state, setState] = useState<MediaState>({ status: enabled && api ? "loading" : "idle" });
  useEffect(() => {
    if (!api || !enabled) {
      setState({ status: "idle" });
      return;
    }
    let url: string | null = null;
    let live = true;
    setState({ status: "loading" });
    fetchMedia(api, message, size).then(
      (blob) => {
        if (!live) return;
        url = URL.createObjectURL(showable(blob));
        setState({ status: "ready", url });
      },
      (error: unknown) => live && setState({ status: "error", code: errorCode(error) }),
    );
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [api, message.session_id, message.message_id, size, enabled]);
  return state;
}

/** Save a message's file under `name`, through a short-lived blob: URL. */
export async function saveMedia(api: MediaApi, message: Message, name: string): Promise<void> {
  const blob = await fetchMedia(api, message, "full");
  const url = URL.createObjectURL(downloadable(blob));
  try {
    const link = document.createElement("a");
    link.href = url;
    link.download = name;
    link.rel = "noopener";
    document.body.appendChild(link);
    link.click();
    link.remove();
  } finally {
    // The click starts the download synchronously; the URL is not needed after it.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}
