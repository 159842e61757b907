// "Translate before sending": offered in a conversation whose user writes in another language
// than the agents' (the timeline holds a translated message of theirs), whose language the
// preview then translates to. Sending asks for the preview first; the agent reads both texts,
// then sends the translation with their own words as its `original_text`.
import { useState } from "preact/hooks";
import { path } from "../api/client";
import type { TimelineMessage } from "../chat/timeline";
import type { ConsoleController } from "../console/controller";
import { errorText } from "../console/errors";
import { useStore } from "../lib/store";
import type { TranslationPreview } from "./types";

export interface Translating {
  /** The user's language, when the conversation shows they write in another one. */
  userLanguage: string | null;
  on: boolean;
  setOn: (on: boolean) => void;
  preview: TranslationPreview | null;
  busy: boolean;
  error: string;
  /** Asks for the preview of `text`; `onSent` runs once the translation is sent. */
  ask: (text: string, onSent: () => void) => Promise<void>;
  send: () => void;
  cancel: () => void;
}

/** The language the user's latest translated message was in. */
export function userLanguageOf(messages: readonly TimelineMessage[] | undefined): string | null {
  for (let i = (messages?.length ?? 0) - 1; i >= 0; i--) {
    const message = messages![i];
    if ("direction" in message && message.direction === "in" && message.translation?.text) return message.translation.source;
  }
  return null;
}

export function useTranslateBeforeSending(controller: ConsoleController, sessionId: string): Translating {
  const userLanguage = useStore(controller.chat.store, (s) => userLanguageOf(s.chats[sessionId]?.messages));
  const [on, setOn] = useState(false);
  const [preview, setPreview] = useState<TranslationPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");
  const [afterSend, setAfterSend] = useState<(() => void) | null>(null);

  async function ask(text: string, onSent: () => void) {
    setBusy(true);
    setError("");
    try {
      const body = { text, ...(userLanguage ? { target: userLanguage } : {}) };
      setPreview(await controller.api.post<TranslationPreview>(path`/api/sessions/${sessionId}/translation-preview`, body));
      setAfterSend(() => onSent);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  function send() {
    if (!preview) return;
    const sameText = preview.translated === preview.original;
    void controller.chat.send(sessionId, preview.translated, sameText ? undefined : preview.original);
    afterSend?.();
    setPreview(null);
  }

  function cancel() {
    setPreview(null);
    setError("");
  }

  return { userLanguage, on: on && userLanguage !== null, setOn, preview, busy, error, ask, send, cancel };
}
