// The survey settings form: the API's settings <-> what the admin tab edits (times as HH:MM).
import type { components } from "../api/schema";

export type SurveySettings = components["schemas"]["SurveySettings"];
export type SurveySettingsChange = components["schemas"]["SurveySettingsChange"];
export const LANGUAGES = ["en", "zh", "ru"] as const;
export const TEXTS = ["question", "thanks", "return_visit"] as const;

/** Minutes after midnight as HH:MM. */
export function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** HH:MM as minutes after midnight; null when it is not a time of day. */
export function minutesOf(text: string): number | null {
  const found = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!found) return null;
  const [hours, minutes] = [Number(found[1]), Number(found[2])];
  return hours < 24 && minutes < 60 ? hours * 60 + minutes : null;
}
