// Session list state: merging server data idempotently, filtering and ordering.
import type { Priority, Session, SessionStatus } from "../api/types";
import { fullNameForms, singleSpaced } from "../lib/format";
import { dueAt } from "../sla/clocks";

export interface Filters {
  project_id: string;
  status: SessionStatus | "";
  tag: string;
  priority: Priority | "";
  unread: boolean;
  /** Only sessions whose user waits for an answer (`waiting_since`). */
  waiting: boolean;
  /** "waiting": those waiting longest first (the server orders each page the same way). */
  order: SessionOrder;
}

/** "due": the earliest SLA due time first (`sla.due_at`; the server orders each page so too). */
export type SessionOrder = "activity" | "waiting" | "due";

export const NO_FILTERS: Filters = {
  project_id: "",
  status: "",
  tag: "",
  priority: "",
  unread: false,
  waiting: false,
  order: "activity",
};

/** The server's query for a filter set (the search box filters the loaded list locally). */
export function filterQuery(filters: Filters): Record<string, string | boolean | undefined> {
  return {
    project_id: filters.project_id || undefined,
    status: filters.status || undefined,
    tag: filters.tag || undefined,
    priority: filters.priority || undefined,
    unread: filters.unread || undefined,
    waiting: filters.waiting || undefined,
    order: filters.order === "activity" ? undefined : filters.order,
  };
}

/** Keeps the newer of two states of one session; equal activity means the later report wins. */
export function newerSession(current: Session | undefined, incoming: Session): Session {
  if (current && incoming.last_activity_at < current.last_activity_at) return current;
  return incoming;
}

export function mergeSessions(map: Record<string, Session>, incoming: Session[]): Record<string, Session> {
  const next = { ...map };
  for (const session of incoming) next[session.session_id] = newerSession(next[session.session_id], session);
  return next;
}

/** `unseen` holds a session with the count of messages that arrived live, or with 0 when the
 *  server said the user wrote since this agent last opened it (after a reload: how many is
 *  not known). */
export function isUnread(session: Session, unseen: Record<string, number>): boolean {
  return session.status === "unread" || session.session_id in unseen;
}

export function matchesFilters(session: Session, filters: Filters, unseen: Record<string, number>): boolean {
  if (filters.project_id && session.project_id !== filters.project_id) return false;
  if (filters.status && session.status !== filters.status) return false;
  if (filters.priority && session.priority !== filters.priority) return false;
  if (filters.tag && !(session.tags ?? []).includes(filters.tag)) return false;
  if (filters.unread && !isUnread(session, unseen)) return false;
  if (filters.waiting && session.waiting_since == null) return false;
  return true;
}

export function matchesSearch(session: Session, search: string): boolean {
  const needle = singleSpaced(search).toLowerCase().replace(/^@/, "");
  if (!needle) return true;
  const user = session.user ?? {};
  const names = fullNameForms(user.first_name, user.last_name);
  return [...names, user.username ?? "", String(session.tg_user_id)].some((field) =>
    field.toLowerCase().includes(needle),
  );
}

export function visibleSessions(
  map: Record<string, Session>,
  filters: Filters,
  search: string,
  unseen: Record<string, number>,
): Session[] {
  return Object.values(map)
    .filter((s) => matchesFilters(s, filters, unseen) && matchesSearch(s, search))
    .sort(filters.order === "waiting" ? byWaiting : filters.order === "due" ? byDue : byActivity);
}

/** Due soonest first; sessions without a running SLA clock after them, by activity. */
function byDue(a: Session, b: Session): number {
  return dueAt(a) - dueAt(b) || byActivity(a, b);
}

function byActivity(a: Session, b: Session): number {
  return b.last_activity_at - a.last_activity_at || a.session_id.localeCompare(b.session_id);
}

/** Waiting longest first; sessions nobody waits on after them, by activity. */
function byWaiting(a: Session, b: Session): number {
  const since = (s: Session) => s.waiting_since ?? Number.POSITIVE_INFINITY;
  return since(a) - since(b) || byActivity(a, b);
}

/** How many sessions have something the agent has not read: the tab title's number. */
export function unreadCount(map: Record<string, Session>, unseen: Record<string, number>): number {
  return Object.values(map).filter((s) => s.status !== "closed" && isUnread(s, unseen)).length;
}
