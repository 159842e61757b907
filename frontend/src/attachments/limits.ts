// What may be sent, checked in the browser before any upload (the API checks it again, with the
// project's own rules): Telegram's bot upload limits and the kind each file is sent as.

export type AttachmentKind = "photo" | "document" | "audio" | "video" | "voice";

const MB = 1024 * 1024;
/** sendPhoto takes photos up to 10 MB; every other file a bot sends is at most 50 MB. */
export const PHOTO_LIMIT = 10 * MB;
export const FILE_LIMIT = 50 * MB;
export const ALBUM_MAX = 10;

const PHOTO_TYPES = new Set(["image/jpeg", "image/png", "image/webp"]);
const AUDIO_TYPES = new Set(["audio/mpeg", "audio/mp4", "audio/x-m4a", "audio/aac"]);

export function bareType(type: string): string {
  return type.split(";")[0].trim().toLowerCase() || "application/octet-stream";
}

/** The kind a file is sent as, as the API decides it: JPEG/PNG/WebP a photo, MP4 a video,
 *  MP3/M4A audio, OGG a voice note, anything else a document. */
export function kindOf(type: string): AttachmentKind {
  const bare = bareType(type);
  if (PHOTO_TYPES.has(bare)) return "photo";
  if (bare === "video/mp4") return "video";
  if (bare === "audio/ogg") return "voice";
  if (AUDIO_TYPES.has(bare)) return "audio";
  return "document";
}

export function limitOf(kind: AttachmentKind): number {
  return kind === "photo" ? PHOTO_LIMIT : FILE_LIMIT;
}

export type Refusal = { key: "attach.too_big"; vars: { name: string; size: string; limit: string } } | { key: "attach.empty"; vars: { name: string } };

/** Why this file cannot be sent, or null. */
export function refusalOf(name: string, size: number, kind: AttachmentKind): Refusal | null {
  if (size <= 0) return { key: "attach.empty", vars: { name } };
  const limit = limitOf(kind);
  if (size > limit) return { key: "attach.too_big", vars: { name, size: megabytes(size), limit: String(limit / MB) } };
  return null;
}

export function megabytes(size: number): string {
  return (size / MB).toFixed(1);
}

/** Telegram sends 2 to 10 files as one album: photos with videos, or only documents, or only audio. */
export function isAlbum(kinds: AttachmentKind[]): boolean {
  if (kinds.length < 2) return kinds.length === 1;
  if (kinds.length > ALBUM_MAX) return false;
  const groups: AttachmentKind[][] = [["photo", "video"], ["document"], ["audio"]];
  return groups.some((group) => kinds.every((kind) => group.includes(kind)));
}

/** A pasted screenshot has no useful name: give it one from the time and its type. */
export function pastedName(type: string, now: Date): string {
  const extension = bareType(type).split("/")[1]?.replace("jpeg", "jpg") || "bin";
  const stamp = now.toISOString().slice(0, 19).replace(/[-:]/g, "").replace("T", "-");
  return `screenshot-${stamp}.${extension}`;
}
