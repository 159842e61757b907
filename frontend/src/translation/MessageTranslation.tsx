// Under a message's own text: a user's message in the agents' language, or what the agent wrote
// before it was translated and sent. Both are text nodes only, as every message text is.
import type { Message } from "../api/types";
import { t } from "../i18n";

export function MessageTranslation(props: { message: Message }) {
  const { message } = props;
  const translated = message.direction === "in" ? message.translation : null;
  if (translated?.text) {
    return (
      <p class="translation" lang={translated.target} data-provider={translated.provider}>
        <span class="translation-label">{t("translation.from", { language: translated.source })}</span> {translated.text}
      </p>
    );
  }
  if (message.direction === "out" && message.original_text) {
    return (
      <p class="translation original">
        <span class="translation-label">{t("translation.youWrote")}</span> {message.original_text}
      </p>
    );
  }
  return null;
}
