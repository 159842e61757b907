// A session's SLA clocks as the console shows them: time left, overdue by, or paused.
// The server's snapshot (`session.sla`) holds each running clock's due time and, while the
// session is follow_up, exactly what is left; the console counts on from there.
import type { Session } from "../api/types";

export type Clock = NonNullable<NonNullable<Session["sla"]>["clocks"]>[number];

export interface ClockState {
  clock: string;
  /** "left": due in `ms`; "overdue": due `ms` ago; "paused": `ms` left when it resumes. */
  state: "left" | "overdue" | "paused";
  ms: number;
  /** The holder was warned (80 % of the target passed, by default). */
  warned: boolean;
}

export function clockState(clock: Clock, now: number): ClockState {
  const warned = clock.warned_at != null;
  if (clock.paused || clock.due_at == null) {
    return { clock: clock.clock, state: "paused", ms: Math.max(0, clock.remaining_ms), warned };
  }
  const left = clock.due_at - now;
  return left >= 0
    ? { clock: clock.clock, state: "left", ms: left, warned }
    : { clock: clock.clock, state: "overdue", ms: -left, warned };
}

export function clockStates(session: Pick<Session, "sla">, now: number): ClockState[] {
  return (session.sla?.clocks ?? []).map((clock) => clockState(clock, now));
}

/** The clock to show in a list row: the most overdue, else the one due soonest, else a paused one. */
export function mostUrgent(session: Pick<Session, "sla">, now: number): ClockState | null {
  const rank = (c: ClockState) => (c.state === "overdue" ? -c.ms : c.state === "left" ? c.ms : Number.MAX_SAFE_INTEGER);
  const states = clockStates(session, now).sort((a, b) => rank(a) - rank(b));
  return states[0] ?? null;
}

/** Due soonest first; sessions without a running clock after them. */
export function dueAt(session: Pick<Session, "sla">): number {
  return session.sla?.due_at ?? Number.POSITIVE_INFINITY;
}

/** A span in its two largest units: "3d 4h", "1h 05m", "12m", "<1m". */
export function formatSpan(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return "<1m";
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return `${days}d ${hours}h`;
  if (hours > 0) return `${hours}h ${String(mins).padStart(2, "0")}m`;
  return `${mins}m`;
}

/** What the holder is told when a frame brings a session of theirs a new SLA warning or
 *  breach (the server records each once): "breach", "warning" or null. */
export function slaAlert(
  previous: Pick<Session, "sla"> | undefined,
  incoming: Pick<Session, "sla" | "assignee_id">,
  meId: string,
): "breach" | "warning" | null {
  if (!previous || incoming.assignee_id !== meId) return null;
  const before = previous.sla ?? { warnings: 0, breaches: 0 };
  const after = incoming.sla ?? { warnings: 0, breaches: 0 };
  if ((after.breaches ?? 0) > (before.breaches ?? 0)) return "breach";
  if ((after.warnings ?? 0) > (before.warnings ?? 0)) return "warning";
  return null;
}
