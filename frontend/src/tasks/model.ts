// Follow-up tasks and the user's local time: shapes, ordering, and the clock arithmetic the
// "To do" view, the side panel and the composer's night warning share.
import type { Session, Task } from "../api/types";

export type TaskState = Task["state"];
export const TASK_STATES: TaskState[] = ["open", "overdue", "done"];
export const DEFAULT_NIGHT: [string, string] = ["22:00", "08:00"];

/** Earliest due first; done tasks last. */
export function byDue(tasks: Task[]): Task[] {
  return [...tasks].sort((a, b) => Number(a.state === "done") - Number(b.state === "done") || a.due_at - b.due_at);
}

/** The session's overdue flag for its list row (0: none). */
export function overdueCount(session: Pick<Session, "tasks_overdue">): number {
  return Math.max(0, session.tasks_overdue ?? 0);
}

/** A `datetime-local` input's value (the agent's own time zone) as epoch ms; null if empty. */
export function fromLocalInput(value: string): number | null {
  if (!value) return null;
  const at = new Date(value).getTime();
  return Number.isFinite(at) ? at : null;
}

/** Hours and minutes of `at` in `zone`; null when the zone is unknown to the browser. */
export function clockIn(zone: string, at: number): { hour: number; minute: number; text: string } | null {
  try {
    const parts = new Intl.DateTimeFormat("en-GB", { timeZone: zone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(at);
    const hour = Number(parts.find((p) => p.type === "hour")?.value);
    const minute = Number(parts.find((p) => p.type === "minute")?.value);
    if (!Number.isFinite(hour) || !Number.isFinite(minute)) return null;
    return { hour, minute, text: `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}` };
  } catch {
    return null;
  }
}

function minutesOf(clock: string): number {
  const [h, m] = clock.split(":").map(Number);
  return h * 60 + m;
}

/** Whether `at` is in the user's night in `zone` (start to end, across midnight when start > end),
 *  as the server's `is_quiet_time` decides it. No zone: no night. */
export function isNight(zone: string | null | undefined, at: number, night: [string, string] = DEFAULT_NIGHT): boolean {
  if (!zone) return false;
  const clock = clockIn(zone, at);
  if (!clock) return false;
  const minute = clock.hour * 60 + clock.minute;
  const [start, end] = night.map(minutesOf);
  if (start === end) return false;
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

/** The browser's IANA zones (for the picker's suggestions); empty where it cannot list them. */
export function knownZones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  try {
    return intl.supportedValuesOf?.("timeZone") ?? [];
  } catch {
    return [];
  }
}
