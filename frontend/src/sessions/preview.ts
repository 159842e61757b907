import type { Session } from "../api/types";
import { isMessageKey, t } from "../i18n";

export type LastMessage = NonNullable<Session["last_message"]>;

/** The list row's one line about the session's last message, as plain text: its text (or
 *  caption), a media message's kind from the catalogue before it, and "Reply: " before an
 *  agent's (the preview does not record which agent, so never "You"). */
export function previewText(last: LastMessage): string {
  const kind = `kind.${last.type}`;
  const label = last.type === "text" ? "" : t(isMessageKey(kind) ? kind : "kind.other");
  const body = [label, last.text].filter(Boolean).join(" · ");
  return last.direction === "out" ? t("sessions.previewReply", { text: body }) : body;
}
