// Session list state: merging server data idempotently, filtering and ordering.
import type { Priority, Session, SessionStatus } from "../api/types";
import { displayName } from "../lib/format";

export interface Filters {
  project_id: string;
  status: SessionStatus | "";
  tag: string;
  priority: Priority | "";
  unread: boolean;
}

export const NO_FILTERS: Filters = { project_id: "", status: "", tag: "", priority: "", unread: false };

/** The server's query for a filter set (the search box filters the loaded list locally). */
export function filterQuery(filters: Filters): Record<string, string | boolean | undefined> {
  return {
    project_id: filters.project_id || undefined,
    status: filters.status || undefined,
    tag: filters.tag || undefined,
    priority: filters.priority || undefined,
    unread: filters.unread || undefined,
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

export function isUnread(session: Session, unseen: Record<string, number>): boolean {
  return session.status === "unread" || (unseen[session.session_id] ?? 0) > 0;
}

export function matchesFilters(session: Session, filters: Filters, unseen: Record<string, number>): boolean {
  if (filters.project_id && session.project_id !== filters.project_id) return false;
  if (filters.status && session.status !== filters.status) return false;
  if (filters.priority && session.priority !== filters.priority) return false;
  if (filters.tag && !(session.tags ?? []).includes(filters.tag)) return false;
  if (filters.unread && !isUnread(session, unseen)) return false;
  return true;
}

export function matchesSearch(session: Session, search: string): boolean {
  const needle = search.trim().toLowerCase();
  if (!needle) return true;
  const user = session.user ?? {};
  return [displayName(user, session.tg_user_id), user.username ?? "", String(session.tg_user_id)].some((field) =>
    field.toLowerCase().includes(needle.replace(/^@/, "")),
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
    .sort((a, b) => b.last_activity_at - a.last_activity_at || a.session_id.localeCompare(b.session_id));
}

/** How many sessions have something the agent has not read: the tab title's number. */
export function unreadCount(map: Record<string, Session>, unseen: Record<string, number>): number {
  return Object.values(map).filter((s) => s.status !== "closed" && isUnread(s, unseen)).length;
}
