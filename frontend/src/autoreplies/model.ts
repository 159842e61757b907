// The bot's own answers as the console sees them: the settings' types, a rule being edited,
// and the draft of an FAQ rule made from an agent's answer (its phrase: the user's message
// before it).
import type { components } from "../api/schema";
import type { AgentAccount, Message } from "../api/types";
import { isLocal, type TimelineMessage } from "../chat/timeline";

export type AutoreplySettings = components["schemas"]["AutoreplySettings"];
export type AutoreplySettingsChange = components["schemas"]["AutoreplySettingsChange"];
export type FaqRule = components["schemas"]["FaqRule"];
export type AutoAnswer = components["schemas"]["AutoAnswer"];

export const LANGUAGES = ["en", "zh", "ru"] as const;
export const ANSWERS = ["welcome", "off_hours"] as const;
export const MAX_RULES = 50;
export const MAX_PHRASE = 100;

/** Phrases as the admin types them, one a line; blank lines dropped. */
export function linesOf(text: string): string[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
}

/** A new, empty rule in `language`. */
export function newRule(language: string): FaqRule {
  return { language, phrases: [], keywords: [], answer: "", buttons: true, proposed: false };
}

/** Whether an agent's message may become an FAQ answer: stored, sent by an agent, with text. */
export function canBecomeFaq(message: TimelineMessage): message is Message {
  if (isLocal(message) || message.direction !== "out") return false;
  return !message.from_bot && Boolean(message.text?.trim());
}

/** Whether `me` may make `message` an FAQ answer: a supervisor or an administrator any agent's
 *  answer, an agent their own (as a proposal a supervisor approves). */
export function mayMakeFaq(me: Pick<AgentAccount, "agent_id" | "role">, message: Message): boolean {
  return me.role !== "agent" || message.sender_agent_id === me.agent_id;
}

/** The user's question before the agent's answer `messageId`, cut to a phrase's length. */
export function questionBefore(messages: readonly TimelineMessage[], messageId: string): string {
  const at = messages.findIndex((m) => !isLocal(m) && m.message_id === messageId);
  for (let i = at - 1; i >= 0; i -= 1) {
    const m = messages[i];
    if (!isLocal(m) && m.direction === "in") {
      const text = (m.text ?? m.caption ?? "").split(/\s+/).filter(Boolean).join(" ");
      if (text.length <= MAX_PHRASE) return text;
      const cut = text.slice(0, MAX_PHRASE);
      return cut.includes(" ") ? cut.slice(0, cut.lastIndexOf(" ")) : cut;
    }
  }
  return "";
}
