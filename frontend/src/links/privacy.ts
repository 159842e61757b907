// The privacy note a project can paste into its own privacy notice: what a click on one of its
// short links records (the address as its settings keep it) and how long, in the console's
// language. Worded after docs/privacy.md, "Tracked links".
import { t } from "../i18n";
import type { LinkSettings } from "./types";

/** The note's paragraphs. */
export function privacyNote(settings: LinkSettings): string[] {
  const days = settings.retention_days;
  return [
    t("links.privacy.records"),
    t(`links.privacy.address.${settings.address_mode}`),
    days === 1 ? t("links.privacy.retentionOne") : t("links.privacy.retention", { days }),
  ];
}

/** The note as plain text, paragraphs apart: what the copy button puts on the clipboard. */
export function privacyNoteText(settings: LinkSettings): string {
  return privacyNote(settings).join("\n\n");
}
