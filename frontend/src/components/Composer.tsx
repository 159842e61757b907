import { useEffect, useRef, useState } from "preact/hooks";
import type { Session } from "../api/types";
import { AttachmentBar } from "../attachments/AttachmentBar";
import { useAttachments } from "../attachments/useAttachments";
import type { ConsoleController } from "../console/controller";
import { t } from "../i18n";
import { drafts } from "../lib/storage";
import { useStore } from "../lib/store";
import { MyQuickReplies } from "../quickreplies/MyQuickReplies";
import { QuickReplyPopup } from "../quickreplies/QuickReplyPopup";
import { useQuickReplies } from "../quickreplies/useQuickReplies";
import { TranslateBeforeSending } from "../translation/TranslateBeforeSending";
import { useTranslateBeforeSending } from "../translation/useTranslateBeforeSending";
import { RiskDialog } from "./RiskDialog";

export const COMPOSER_ID = "composer";
const MAX_TEXT = 4096;

/** Moving to another session from the composer keeps the agent typing: the next composer to
 *  appear takes the focus. */
let focusNextComposer = false;
export function keepComposerFocus(): void {
  focusNextComposer = true;
}

/** Enter sends, Shift+Enter starts a new line; the unsent draft is kept per session. A reply the
 *  API refuses for its content opens the risk dialog; when it is not sent, its text comes back
 *  here to be edited. */
export function Composer(props: { controller: ConsoleController; session: Session }) {
  const { controller, session } = props;
  const [text, setText] = useState(() => drafts.get(session.session_id));
  const field = useRef<HTMLTextAreaElement>(null);
  const closed = session.status === "closed";
  const riskPrompt = useStore(controller.chat.store, (s) =>
    s.riskPrompt?.reply.session_id === session.session_id ? s.riskPrompt : null,
  );
  const quick = useQuickReplies(controller.api, session.session_id, text, setText, field);
  const translating = useTranslateBeforeSending(controller, session.session_id);
  const files = useAttachments({ api: controller.api, applyMessage: (id, m) => controller.chat.applyMessage(id, m) }, session.session_id);

  useEffect(() => drafts.set(session.session_id, text), [text, session.session_id]);
  useEffect(() => {
    if (!focusNextComposer) return;
    focusNextComposer = false;
    field.current?.focus();
  }, []);

  function send() {
    const body = text.trim();
    if (files.items.length) {
      if (!closed) void files.send(body).then((sent) => sent && setText("")); // the text is the caption
      return;
    }
    if (!body || closed || body.length > MAX_TEXT) return;
    if (translating.on) return void translating.ask(body, () => setText("")); // sent from its preview
    setText("");
    void controller.chat.send(session.session_id, body);
    field.current?.focus();
  }

  function dropRisky() {
    const refused = controller.chat.dropRisky();
    if (refused) setText((current) => (current.trim() ? current : refused));
    field.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent) {
    if (quick.onKeyDown(event)) return; // the `/` search's keys while it is open
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      send();
    }
  }

  return (
    <form
      class="composer"
      onPaste={files.onPaste}
      onDragOver={files.onDragOver}
      onDrop={files.onDrop}
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      <label for={COMPOSER_ID} class="visually-hidden">
        {t("composer.label")}
      </label>
      <textarea
        id={COMPOSER_ID}
        ref={field}
        rows={3}
        value={text}
        disabled={closed}
        maxLength={MAX_TEXT}
        placeholder={closed ? t("composer.closed") : t("composer.placeholder")}
        aria-describedby="composer-hint"
        onInput={(e) => setText(e.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      <QuickReplyPopup quick={quick} />
      <AttachmentBar attachments={files} disabled={closed} caption={text} onSent={() => setText("")} />
      <div class="composer-bar">
        <span id="composer-hint" class="muted">
          {t("composer.hint")}
        </span>
        <TranslateBeforeSending translating={translating} disabled={closed} />
        <MyQuickReplies api={controller.api} />
        <button type="submit" class="primary" disabled={closed || (!text.trim() && !files.ready)}>
          {t("composer.send")}
        </button>
      </div>
      {riskPrompt && <RiskDialog prompt={riskPrompt} onSendAnyway={() => void controller.chat.sendAnyway()} onClose={dropRisky} />}
    </form>
  );
}
