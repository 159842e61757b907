// Escalation triggers in the console: a project's triggers (the admin editor) and a session's
// suggestions to escalate (the banner on the chat). Shapes come from the API's own types.
import type { components } from "../api/schema";
import { t } from "../i18n";

type Schemas = components["schemas"];
export type TriggerSettings = Schemas["TriggerSettings"];
export type TriggerSettingsChange = Schemas["TriggerSettingsChange"];
export type Suggestion = Schemas["Suggestion"];
export type SuggestionList = Schemas["SuggestionList"];
export type TriggerName = Suggestion["trigger"];
export type AutoEscalation = Schemas["AutoEscalation"];

export const TRIGGERS: TriggerName[] = ["unresolved", "manager", "keyword"];

/** "Suggested: escalate — the user asked for a manager 2 times", in the console's language. */
export function suggestionText(suggestion: Suggestion): string {
  const reason =
    suggestion.trigger === "manager"
      ? t("triggers.reason.manager", { count: suggestion.count ?? 0 })
      : suggestion.trigger === "keyword"
        ? t("triggers.reason.keyword", { keyword: suggestion.keyword ?? "" })
        : t("triggers.reason.unresolved", { minutes: suggestion.minutes ?? 0 });
  return t("triggers.suggested", { reason });
}

/** Phrases or keywords as one per line, and back (blank lines dropped, spaces trimmed). */
export function linesOf(texts: string[] | undefined): string {
  return (texts ?? []).join("\n");
}

export function textsOf(lines: string): string[] {
  return lines
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
}

/** Phrases per language from one textarea per language code. */
export function phrasesOf(byLanguage: Record<string, string>): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(byLanguage)
      .map(([language, lines]) => [language.trim().toLowerCase(), textsOf(lines)] as const)
      .filter(([language]) => language),
  );
}
