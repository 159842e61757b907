// Why a reply was not delivered, in the agent's language.
import { isMessageKey, t } from "../i18n";
import { isLocal, type TimelineMessage } from "./timeline";

export interface FailureText {
  /** What the agent reads: localised from the delivery's `error_code`. */
  text: string;
  /** The server's own English wording, when there is one: only ever a tooltip. */
  title?: string;
}

/** A stored delivery's failure is shown from its `error_code` (the codes the server records for
 *  a failed delivery, mostly Telegram's refusals); an unknown code reads as a generic failure. A
 *  reply that never reached the server shows the API's answer, or the console's own network
 *  message. */
export function failureText(message: TimelineMessage): FailureText {
  if (isLocal(message)) {
    if (!message.reason) return { text: t("delivery.unknownReason") };
    return { text: message.reason === "network_error" ? t("error.network") : message.reason };
  }
  const code = message.delivery?.error_code;
  const title = message.delivery?.reason ?? undefined;
  if (!code) return { text: t("delivery.unknownReason"), title };
  const key = `delivery.error.${code}`;
  return { text: isMessageKey(key) ? t(key) : t("delivery.error.other"), title };
}
