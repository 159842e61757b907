import type { Session } from "../api/types";
import { newerSession } from "./model";

/** Applies a fresh first page of the session list (newest activity first) to what is known.
 *  Known sessions that the page should contain but does not (transferred out, no longer matching)
 *  are dropped; sessions on the page replace older states of themselves. */
export function reconcileFirstPage(
  known: Record<string, Session>,
  page: Session[],
  complete: boolean,
): Record<string, Session> {
  const onPage = new Set(page.map((s) => s.session_id));
  const oldestOnPage = page.length ? Math.min(...page.map((s) => s.last_activity_at)) : Infinity;
  const next: Record<string, Session> = {};
  for (const [id, session] of Object.entries(known)) {
    const covered = complete || session.last_activity_at >= oldestOnPage;
    if (!covered || onPage.has(id)) next[id] = session;
  }
  for (const session of page) next[session.session_id] = newerSession(next[session.session_id], session);
  return next;
}
