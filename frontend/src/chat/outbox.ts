// Sending a reply and retrying one: the delivery states an agent sees per message.
import { ApiError, path, type Api } from "../api/client";
import type { DeliveryState, Message, RiskAction, RiskMatch } from "../api/types";
import { isLocal, type LocalMessage, type TimelineMessage } from "./timeline";

/** The API refused a reply for its content: `block` (never sent) or `confirm` (send it again
 *  with `confirm_risk` to send it anyway). Nothing was stored or sent. */
export interface RiskRefusal {
  refused: RiskAction;
  /** At most 50 of the matches (the API bounds them)... */
  matches: RiskMatch[];
  /** ...of this many in all. */
  count: number;
}

const REFUSALS: Record<string, RiskAction> = { risk_blocked: "block", risk_confirmation_required: "confirm" };

export function riskRefusal(error: unknown): RiskRefusal | null {
  if (!(error instanceof ApiError) || !(error.code in REFUSALS)) return null;
  const found = error.details.matches;
  const matches = Array.isArray(found) ? (found as RiskMatch[]) : [];
  const count = error.details.match_count;
  return { refused: REFUSALS[error.code], matches, count: typeof count === "number" ? count : matches.length };
}

export function isRefusal(result: TimelineMessage | RiskRefusal): result is RiskRefusal {
  return "refused" in result;
}

export function localReply(sessionId: string, text: string, clientMessageId: string, now: number, originalText?: string): LocalMessage {
  const reply: LocalMessage = { local: true, client_message_id: clientMessageId, session_id: sessionId, text, created_at: now, state: "sending" };
  return originalText ? { ...reply, original_text: originalText } : reply;
}

/** POSTs a reply. The server's message (with its own delivery state) on an answer; the refusal
 *  when its content is at risk; otherwise the local copy marked failed with the reason, to be
 *  retried with the same client id. */
export async function postReply(api: Api, local: LocalMessage): Promise<TimelineMessage | RiskRefusal> {
  try {
    return await api.post<Message>(path`/api/sessions/${local.session_id}/messages`, {
      text: local.text,
      client_message_id: local.client_message_id,
      ...(local.confirmedRisk ? { confirm_risk: true } : {}),
      ...(local.original_text ? { original_text: local.original_text } : {}),
    });
  } catch (error) {
    const refusal = riskRefusal(error);
    if (refusal) return refusal;
    const reason = error instanceof ApiError ? (error.code === "network_error" ? "network_error" : error.message) : String(error);
    return { ...local, state: "failed", reason };
  }
}

export function deliveryState(message: TimelineMessage): DeliveryState | null {
  if (isLocal(message)) return message.state;
  if (message.direction !== "out") return null;
  return message.delivery?.state ?? "sent";
}

export function canRetry(message: TimelineMessage, retried: ReadonlySet<string>): boolean {
  if (deliveryState(message) !== "failed") return false;
  return isLocal(message) || !retried.has(message.message_id);
}

/** The send that retries a failed message. A local one never became a message on the server, so
 *  its client id is reused (the server answers the original if it did arrive after all); a
 *  message that the server stored and failed to deliver is sent again as a new message. */
export function retryOf(message: TimelineMessage, now: number, newId: () => string): LocalMessage {
  if (isLocal(message)) return { ...message, state: "sending", reason: undefined };
  return localReply(message.session_id, message.text ?? "", newId(), now, message.original_text ?? undefined);
}
