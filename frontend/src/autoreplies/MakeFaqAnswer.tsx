// "Make FAQ answer" under an agent's message, for the project's supervisors and the
// administrators, and for an agent under their own answers: one click opens the rule prefilled
// (its phrase: the user's message before the answer), a second saves it. A supervisor's rule is
// live at once; an agent's is a proposal the bot gives once a supervisor approves it.
import { useState } from "preact/hooks";
import { path } from "../api/client";
import type { Message } from "../api/types";
import type { ConsoleController } from "../console/controller";
import { errorText } from "../console/errors";
import { t } from "../i18n";
import { useStore } from "../lib/store";
import { mayMakeFaq, questionBefore, type FaqRule } from "./model";

export function MakeFaqAnswer(props: { controller: ConsoleController; message: Message; projectId: string }) {
  const { controller, message } = props;
  const me = useStore(controller.workspace.store, (s) => s.me);
  const [phrase, setPhrase] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  if (!mayMakeFaq(me, message)) return null;

  function open() {
    const chat = controller.chat.store.get().chats[message.session_id];
    setPhrase(questionBefore(chat?.messages ?? [], message.message_id));
    setStatus("");
  }

  async function save(event: Event) {
    event.preventDefault();
    try {
      const rule = await controller.api.post<FaqRule>(path`/api/projects/${props.projectId}/faq-rules`, {
        session_id: message.session_id,
        message_id: message.message_id,
        phrases: phrase?.trim() ? [phrase.trim()] : undefined,
      });
      setPhrase(null);
      setStatus(t(rule.proposed ? "autoreplies.proposed" : "autoreplies.made"));
    } catch (e) {
      setStatus(errorText(e));
    }
  }

  if (phrase === null) {
    return (
      <span class="make-faq">
        <button type="button" class="link" data-action="make-faq" onClick={open}>
          {t("autoreplies.make")}
        </button>
        {status && <span role="status">{status}</span>}
      </span>
    );
  }
  return (
    <form class="make-faq-form" onSubmit={save} aria-label={t("autoreplies.make")}>
      <label>
        {t("autoreplies.make.phrase")}
        <input value={phrase} maxLength={100} required onInput={(e) => setPhrase(e.currentTarget.value)} />
      </label>
      <button type="submit" class="primary" data-action="save-faq">
        {t("autoreplies.make.save")}
      </button>
      <button type="button" onClick={() => setPhrase(null)}>
        {t("action.cancel")}
      </button>
      {status && <span role="status">{status}</span>}
    </form>
  );
}

/** Who sent a message the bot sent on its own: shown where an agent's name would be. */
export function BotAuthor() {
  return (
    <span class="message-author bot-author" title={t("autoreplies.fromBot.title")}>
      {t("autoreplies.fromBot")}
    </span>
  );
}
