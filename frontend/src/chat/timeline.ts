// A conversation's messages: merged by id, newer state replacing older, local sends reconciled.
import type { Assignment, DeliveryState, Message } from "../api/types";
import { dayKey } from "../lib/format";

/** A reply being sent from this tab, shown until the server's message replaces it. */
export interface LocalMessage {
  local: true;
  client_message_id: string;
  session_id: string;
  text: string;
  created_at: number;
  state: "sending" | "failed";
  /** Why it failed (an error code or message from the API), when it did. */
  reason?: string;
  /** The agent chose to send it despite the risk matches the API reported. */
  confirmedRisk?: true;
  /** A translated reply: what the agent wrote (`text` is the translation sent). */
  original_text?: string;
}

export type TimelineMessage = Message | LocalMessage;

export function isLocal(message: TimelineMessage): message is LocalMessage {
  return (message as LocalMessage).local === true;
}

export function messageKey(message: TimelineMessage): string {
  return isLocal(message) ? `local:${message.client_message_id}` : message.message_id;
}

const DELIVERY_RANK: Record<DeliveryState, number> = { sending: 0, retrying: 1, sent: 2, failed: 2 };

function version(message: Message): number[] {
  const delivery = message.delivery;
  return [
    message.edited_at ?? 0,
    delivery ? DELIVERY_RANK[delivery.state] ?? 0 : 0,
    delivery?.attempts ?? 0,
  ];
}

/** True when `incoming` is the same state or newer than `current` (frames are replayed freely). */
export function isNewerOrSame(incoming: Message, current: Message): boolean {
  const a = version(incoming);
  const b = version(current);
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] > b[i];
  return true;
}

export function sortTimeline(messages: TimelineMessage[]): TimelineMessage[] {
  return [...messages].sort((a, b) => a.created_at - b.created_at || messageKey(a).localeCompare(messageKey(b)));
}

/** Adds server messages to a timeline: dedupes by id, keeps the newest state of each, and drops
 *  the local copy of a reply once the server's message with its client id is known. */
export function mergeMessages(current: TimelineMessage[], incoming: Message[]): TimelineMessage[] {
  const byKey = new Map(current.map((m) => [messageKey(m), m]));
  const confirmed = new Set<string>();
  for (const message of incoming) {
    const existing = byKey.get(message.message_id);
    if (!existing || isLocal(existing) || isNewerOrSame(message, existing)) byKey.set(message.message_id, message);
    if (message.client_message_id) confirmed.add(message.client_message_id);
  }
  for (const id of confirmed) byKey.delete(`local:${id}`);
  return sortTimeline([...byKey.values()]);
}

export function upsertLocal(current: TimelineMessage[], local: LocalMessage): TimelineMessage[] {
  const key = messageKey(local);
  return sortTimeline([...current.filter((m) => messageKey(m) !== key), local]);
}

export function removeKey(current: TimelineMessage[], key: string): TimelineMessage[] {
  return current.filter((m) => messageKey(m) !== key);
}

export type TimelineRow =
  | { kind: "day"; key: string; at: number }
  | { kind: "session"; key: string; sessionId: string; at: number }
  | { kind: "message"; key: string; message: TimelineMessage }
  | { kind: "assignment"; key: string; assignment: Assignment };

/** Moves worth a line in the timeline: everything but the first routing to an agent. */
export function shownAssignments(assignments: readonly Assignment[]): Assignment[] {
  return assignments.filter((a) => a.how !== "routed" || a.from_agent_id);
}

/** Messages with a separator before each new day and before each change of session, and a line
 *  for each time the session changed hands (where it happened among the messages). */
export function timelineRows(messages: TimelineMessage[], assignments: readonly Assignment[] = []): TimelineRow[] {
  const rows: TimelineRow[] = [];
  const moves = shownAssignments(assignments);
  let nextMove = 0;
  const movesUntil = (at: number) => {
    for (; nextMove < moves.length && moves[nextMove].at <= at; nextMove++) {
      const move = moves[nextMove];
      rows.push({ kind: "assignment", key: `a:${move.at}:${move.agent_id}`, assignment: move });
    }
  };
  let lastDay = "";
  let lastSession = "";
  for (const message of messages) {
    movesUntil(message.created_at);
    const dayOf = dayKey(message.created_at);
    if (lastSession && message.session_id !== lastSession) {
      rows.push({ kind: "session", key: `s:${message.session_id}`, sessionId: message.session_id, at: message.created_at });
    }
    if (dayOf !== lastDay) rows.push({ kind: "day", key: `d:${dayOf}:${message.session_id}`, at: message.created_at });
    lastDay = dayOf;
    lastSession = message.session_id;
    rows.push({ kind: "message", key: messageKey(message), message });
  }
  movesUntil(Infinity);
  return rows;
}
