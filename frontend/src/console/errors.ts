// A failed console action for the notice banner or a dialog: the API's stable `code` through the
// catalogue (`error.<code>`, the same entries the admin pages use), in the console's language;
// the server's own words only for a code the catalogue does not know.
import { ApiError } from "../api/client";
import { isMessageKey, t, type MessageKey } from "../i18n";

export interface ErrorWords {
  key: MessageKey;
  vars?: Record<string, string>;
}

/** The catalogue's entry for the error's code, if it has one. */
export function errorWords(error: unknown): ErrorWords | null {
  if (!(error instanceof ApiError)) return null;
  if (error.code === "network_error") return { key: "error.network" };
  const field = typeof error.details.field === "string" ? error.details.field : "";
  // invalid_input's entry names the field; without one the API's message says more.
  if (error.code === "invalid_input" && !field) return null;
  const key = `error.${error.code}`;
  if (!isMessageKey(key) || key === "error.generic") return null;
  return field ? { key, vars: { field } } : { key };
}

/** The error as one sentence. */
export function errorText(error: unknown): string {
  const words = errorWords(error);
  if (words) return t(words.key, words.vars);
  return error instanceof ApiError ? error.message || t("error.generic") : String(error);
}
