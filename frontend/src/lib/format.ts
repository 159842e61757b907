import { currentLocale } from "../i18n";
import type { TelegramProfile } from "../api/types";

const HAN_OR_KANA = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const HANGUL = /\p{Script=Hangul}/u;

/** A full name in the order its script writes it: Chinese and Japanese family name first
 * with no space ("王小明"), Korean family name first with a space ("김 민준"), others
 * "first last". Telegram keeps every name as first and last name. */
export function fullName(first: string | null | undefined, last: string | null | undefined): string {
  const given = (first ?? "").trim();
  const family = (last ?? "").trim();
  if (!given || !family) return given || family;
  const both = given + family;
  if (HAN_OR_KANA.test(both)) return family + given;
  if (HANGUL.test(both)) return `${family} ${given}`;
  return `${given} ${family}`;
}

/** The ways a search may write a full name (either order, with or without a space),
 * single-spaced, as the server's session search matches them. */
export function fullNameForms(first: string | null | undefined, last: string | null | undefined): string[] {
  const given = singleSpaced(first ?? "");
  const family = singleSpaced(last ?? "");
  return [`${given} ${family}`, `${family} ${given}`, given + family, family + given].map((form) => form.trim());
}

export function singleSpaced(text: string): string {
  return text.split(/\s+/).filter(Boolean).join(" ");
}

export function displayName(user: TelegramProfile | null | undefined, fallbackId?: number): string {
  const name = fullName(user?.first_name, user?.last_name);
  if (name) return name;
  if (user?.username) return `@${user.username}`;
  return fallbackId !== undefined ? String(fallbackId) : "?";
}

export function time(ms: number): string {
  return new Date(ms).toLocaleTimeString(currentLocale(), { hour: "2-digit", minute: "2-digit" });
}

export function day(ms: number): string {
  return new Date(ms).toLocaleDateString(currentLocale(), {
    weekday: "long",
    year: "numeric",
    month: "long",
    day: "numeric",
  });
}

export function dateTime(ms: number): string {
  return new Date(ms).toLocaleString(currentLocale(), {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  });
}

/** A local calendar day, for day separators. */
export function dayKey(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;
}

export function fileSize(bytes: unknown): string {
  if (typeof bytes !== "number" || !Number.isFinite(bytes) || bytes < 0) return "";
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function duration(seconds: unknown): string {
  if (typeof seconds !== "number" || !Number.isFinite(seconds)) return "";
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

export function newClientMessageId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}
