// Escalation tickets as the console reads them (schema.d.ts, `make api-types`), and the levels
// a session can still be escalated to.
import type { components } from "../api/schema";

type Schemas = components["schemas"];

export type Ticket = Schemas["TicketView"];
export type EscalationRequest = Schemas["EscalationRequest"];
export type Level = Ticket["level"];
export type Emotion = Ticket["emotion"];

export const LEVELS: Level[] = ["l1", "l2", "l3"];
export const EMOTIONS: Emotion[] = ["calm", "dissatisfied", "angry", "threatening"];

/** The levels above the session's (an escalation only goes up). */
export function higherLevels(current: Level | undefined | null): Exclude<Level, "l1">[] {
  const from = LEVELS.indexOf(current ?? "l1");
  return LEVELS.slice(from + 1).filter((level): level is Exclude<Level, "l1"> => level !== "l1");
}

/** "#1234". */
export function ticketLabel(number: number): string {
  return `#${number}`;
}
