// The session list as the agent sees it: the loaded sessions, filters and search, per-status
// counts, paging, which session is open and what arrived unseen; and the actions on a session.
import { ApiError, path, type Api } from "../api/client";
import type { Priority, Session, SessionList, SessionStatus, StatusCounts, TransferTarget } from "../api/types";
import type { Workspace } from "../console/workspace";
import { Store } from "../lib/store";
import { filterQuery, mergeSessions, NO_FILTERS, type Filters } from "./model";
import { reconcileFirstPage } from "./reconcile";

const LIST_PAGE = 100;
/** The search box asks the server once typing pauses; the loaded list filters at once. */
const SEARCH_DELAY_MS = 250;
/** After a change that moves sessions between statuses, the counts are read from the server
 *  once changes pause: a local estimate shows at once, the server's answer settles it. */
export const COUNTS_DELAY_MS = 400;
/** One sound or notification per session within this time: a burst of messages, or a new
 *  session and its first message, chimes once. */
export const ANNOUNCE_GAP_MS = 5_000;

export interface SessionAlerts {
  /** Told once of each session that newly reaches this agent unread. */
  onNewSession?: (session: Session) => void;
  /** Told of a user's new message in a session already on the list (open, or reopened). */
  onNewMessage?: (session: Session) => void;
}

export interface SessionsState {
  sessions: Record<string, Session>;
  listCursor: string | null;
  listLoading: boolean;
  counts: StatusCounts;
  countsComplete: boolean;
  filters: Filters;
  search: string;
  /** Messages that arrived in a session the agent did not have open, per session; 0 for a
   *  session the server says the user wrote to since this agent last opened it. */
  unseen: Record<string, number>;
  selectedId: string | null;
}

/** The per-status counts once one session went from `from` (undefined: it is new) to `to`. */
export function moveCount(counts: StatusCounts, from: SessionStatus | undefined, to: SessionStatus): StatusCounts {
  const next = { ...counts, [to]: (counts[to] ?? 0) + 1 };
  if (from) next[from] = Math.max((counts[from] ?? 0) - 1, 0);
  return next;
}

export class SessionsStore {
  readonly store = new Store<SessionsState>({
    sessions: {},
    listCursor: null,
    listLoading: false,
    counts: {},
    countsComplete: true,
    filters: NO_FILTERS,
    search: "",
    unseen: {},
    selectedId: null,
  });
  /** Bumped by every fresh read of the list; an answer to an older one is dropped. */
  private generation = 0;
  private searchTimer: ReturnType<typeof setTimeout> | null = null;
  private countsTimer: ReturnType<typeof setTimeout> | null = null;
  /** When each session was last announced (epoch ms). */
  private announced = new Map<string, number>();
  private readonly alerts: SessionAlerts;

  constructor(
    private readonly api: Api,
    private readonly workspace: Workspace,
    alerts: SessionAlerts | ((session: Session) => void) = {},
  ) {
    this.alerts = typeof alerts === "function" ? { onNewSession: alerts } : alerts;
  }

  get state(): SessionsState {
    return this.store.get();
  }

  get selected(): Session | null {
    const { selectedId, sessions } = this.state;
    return selectedId ? sessions[selectedId] ?? null : null;
  }

  stop(): void {
    if (this.searchTimer) clearTimeout(this.searchTimer);
    if (this.countsTimer) clearTimeout(this.countsTimer);
    this.searchTimer = this.countsTimer = null;
  }

  // -- reading the list ------------------------------------------------------------------------
  /** The one read of `GET /api/sessions`, for the current filters and search from `cursor`.
   *  Undefined when the filters or search changed while it was on its way (a newer read of
   *  `generation` owns the list then). */
  private async readPage(generation: number, cursor?: string, limit = LIST_PAGE): Promise<SessionList | undefined> {
    const query = { ...filterQuery(this.state.filters), q: this.state.search.trim() || undefined, limit };
    const page = await this.api.get<SessionList>("/api/sessions", cursor ? { ...query, cursor } : query);
    return generation === this.generation ? page : undefined;
  }

  /** A read the list shows as loading; a failure goes to the notice banner. */
  private async loadPage(generation: number, cursor: string | undefined, apply: (page: SessionList) => void): Promise<void> {
    this.store.set({ listLoading: true });
    try {
      const page = await this.readPage(generation, cursor);
      if (page) apply(page);
    } catch (error) {
      this.workspace.fail(error);
    } finally {
      if (generation === this.generation) this.store.set({ listLoading: false });
    }
  }

  /** The first page afresh (after a filter or search change); the open session stays known. */
  load(): Promise<void> {
    return this.loadPage(++this.generation, undefined, (page) =>
      this.store.set((s) => ({
        sessions: mergeSessions(selectedOnly(s), page.items),
        unseen: withServerUnread(s, page),
        listCursor: page.next_cursor ?? null,
        counts: page.counts,
        countsComplete: page.counts_complete,
      })),
    );
  }

  async loadMore(): Promise<void> {
    const { listCursor, listLoading } = this.state;
    if (!listCursor || listLoading) return;
    await this.loadPage(this.generation, listCursor, (page) =>
      this.store.set((s) => ({
        sessions: mergeSessions(s.sessions, page.items),
        unseen: withServerUnread(s, page),
        listCursor: page.next_cursor ?? null,
      })),
    );
  }

  setFilters(change: Partial<Filters>): void {
    this.store.set((s) => ({ filters: { ...s.filters, ...change } }));
    void this.load();
  }

  setSearch(search: string): void {
    const changed = search.trim() !== this.state.search.trim();
    this.store.set({ search });
    if (!changed) return;
    if (this.searchTimer) clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => {
      this.searchTimer = null;
      void this.load();
    }, SEARCH_DELAY_MS);
  }

  /** Re-reads the first page after frames may have been missed: new activity in a known
   *  session counts as unseen, sessions gone from the page leave (the open one stays), and a
   *  new unread session is announced. A failure is thrown to the caller (the realtime client
   *  retries). */
  async catchUp(): Promise<void> {
    const page = await this.readPage(this.generation);
    if (!page) return;
    const before = this.state.sessions;
    const fresh = page.items.filter((s) => !before[s.session_id]);
    const written = page.items.filter((s) => before[s.session_id] && (s.last_user_msg_at ?? 0) > (before[s.session_id].last_user_msg_at ?? 0));
    this.store.set((s) => {
      const unseen = withServerUnread(s, page);
      for (const session of written) {
        if (session.session_id !== s.selectedId) unseen[session.session_id] = (unseen[session.session_id] ?? 0) + 1;
      }
      const sessions = reconcileFirstPage(s.sessions, page.items, !page.next_cursor);
      if (s.selectedId && before[s.selectedId] && !sessions[s.selectedId]) sessions[s.selectedId] = before[s.selectedId];
      return { sessions, unseen, counts: page.counts, countsComplete: page.counts_complete };
    });
    for (const session of fresh) if (session.status === "unread") this.announce(session, "session");
    for (const session of written) this.announce(session, "message");
  }

  /** Asks for the server's per-status counts once changes pause (several frames, an action and
   *  its echo become one read). Local moves between the chips are only an estimate: a session
   *  opened, closed, transferred away or taken over elsewhere would otherwise leave them wrong. */
  recount(): void {
    if (this.countsTimer) clearTimeout(this.countsTimer);
    this.countsTimer = setTimeout(() => {
      this.countsTimer = null;
      void this.readCounts();
    }, COUNTS_DELAY_MS);
  }

  /** The counts of `GET /api/sessions` for the current filters (one row is enough to get them). */
  async readCounts(): Promise<void> {
    try {
      const page = await this.readPage(this.generation, undefined, 1);
      if (page) this.store.set({ counts: page.counts, countsComplete: page.counts_complete });
    } catch {
      // The next catch-up reads them again.
    }
  }

  // -- what frames and other parts of the console report ---------------------------------------
  /** A newer state of a session (or a new one), moving it between the count chips; a session
   *  newly assigned to this agent is announced. */
  applySession(session: Session, assigned = false): void {
    const isNew = !this.state.sessions[session.session_id];
    this.store.set((s) => {
      const sessions = mergeSessions(s.sessions, [session]);
      const before = s.sessions[session.session_id]?.status;
      const after = sessions[session.session_id].status;
      return { sessions, counts: before === after ? s.counts : moveCount(s.counts, before, after) };
    });
    this.recount();
    if (assigned && isNew) this.announce(session, "session");
  }

  /** The session left this agent (transferred away); if it was open, the agent is told. */
  remove(sessionId: string): void {
    const wasOpen = this.state.selectedId === sessionId;
    this.store.set((s) => {
      const sessions = { ...s.sessions };
      delete sessions[sessionId];
      return { sessions, selectedId: wasOpen ? null : s.selectedId };
    });
    this.recount();
    if (wasOpen) this.workspace.notify("notice.transferredOut", sessionId);
  }

  /** A user's message arrived: unseen unless its session is open (then the server is told it
   *  was read, or a reload would mark it unread), and announced when its session is listed
   *  (a session not yet listed is announced as new when it is). */
  markUnseen(sessionId: string): void {
    const session = this.state.sessions[sessionId];
    if (session) this.announce(session, "message");
    if (this.state.selectedId === sessionId) {
      void this.refresh(sessionId);
      return;
    }
    this.store.set((s) => ({ unseen: { ...s.unseen, [sessionId]: (s.unseen[sessionId] ?? 0) + 1 } }));
  }

  /** The tone and notification, at most once per session within ANNOUNCE_GAP_MS. */
  private announce(session: Session, what: "session" | "message"): void {
    const now = Date.now();
    if (now - (this.announced.get(session.session_id) ?? -Infinity) < ANNOUNCE_GAP_MS) return;
    this.announced.set(session.session_id, now);
    if (what === "session") this.alerts.onNewSession?.(session);
    else this.alerts.onNewMessage?.(session);
  }

  /** Opens a session (null: none), which clears its unseen count. */
  select(sessionId: string | null): void {
    this.store.set((s) => {
      const unseen = { ...s.unseen };
      if (sessionId) delete unseen[sessionId];
      return { selectedId: sessionId, unseen };
    });
  }

  /** A user's data was erased: their sessions are gone from the server, so from here too.
   *  Returns the ids of the sessions dropped. */
  forgetUser(projectId: string, tgUserId: number): string[] {
    const gone = Object.values(this.state.sessions)
      .filter((x) => x.project_id === projectId && x.tg_user_id === tgUserId)
      .map((x) => x.session_id);
    this.store.set((s) => {
      const sessions = { ...s.sessions };
      for (const id of gone) delete sessions[id];
      return { sessions, selectedId: s.selectedId && gone.includes(s.selectedId) ? null : s.selectedId };
    });
    this.workspace.notify("notice.userErased");
    return gone;
  }

  async refresh(sessionId: string): Promise<void> {
    try {
      const session = await this.api.get<Session>(path`/api/sessions/${sessionId}`);
      const before = this.state.sessions[sessionId]?.status;
      this.store.set((s) => ({ sessions: mergeSessions(s.sessions, [session]) }));
      // Opening an unread session makes it processing on the server.
      if (before !== this.state.sessions[sessionId]?.status) this.recount();
    } catch {
      // The list's next catch-up settles it.
    }
  }

  // -- actions on a session --------------------------------------------------------------------
  private async act(work: () => Promise<Session>): Promise<boolean> {
    const session = await this.workspace.guard(work);
    if (!session) return false;
    this.store.set((s) => ({ sessions: mergeSessions(s.sessions, [session]) }));
    this.recount();
    return true;
  }

  update(sessionId: string, change: { status?: "processing" | "follow_up"; priority?: Priority }): Promise<boolean> {
    return this.act(() => this.api.patch<Session>(path`/api/sessions/${sessionId}`, change));
  }

  close(sessionId: string): Promise<boolean> {
    return this.act(() => this.api.post<Session>(path`/api/sessions/${sessionId}/close`));
  }

  reopen(sessionId: string): Promise<boolean> {
    return this.act(() => this.api.post<Session>(path`/api/sessions/${sessionId}/reopen`));
  }

  takeOver(sessionId: string, reason?: string): Promise<boolean> {
    return this.act(() => this.api.post<Session>(path`/api/sessions/${sessionId}/take-over`, reason ? { reason } : {}));
  }

  /** Answers the refusal for the dialog to show, or null. A plain agent no longer sees a
   *  session handed to someone else. */
  async transfer(
    sessionId: string,
    request: { to: TransferTarget; reason?: string; notify_user?: boolean; message?: string },
  ): Promise<ApiError | null> {
    try {
      const session = await this.api.post<Session>(path`/api/sessions/${sessionId}/transfer`, request);
      this.store.set((s) => ({ sessions: mergeSessions(s.sessions, [session]) }));
      const { me } = this.workspace.state;
      if (session.assignee_id !== me.agent_id && me.role === "agent") {
        this.store.set((s) => {
          const sessions = { ...s.sessions };
          delete sessions[sessionId];
          return { sessions, selectedId: s.selectedId === sessionId ? null : s.selectedId };
        });
      }
      this.recount();
      return null;
    } catch (error) {
      return error instanceof ApiError ? error : new ApiError(0, "error", String(error));
    }
  }
}

/** The unseen map with the page's sessions the server counts as unread for this agent (the
 *  user wrote since they last opened it), but the open one. */
function withServerUnread(state: SessionsState, page: SessionList): Record<string, number> {
  const unseen = { ...state.unseen };
  for (const id of page.unread_ids ?? []) if (id !== state.selectedId) unseen[id] ??= 0;
  return unseen;
}

/** A filter change starts the list afresh, but the open session stays known. */
function selectedOnly(state: SessionsState): Record<string, Session> {
  const open = state.selectedId ? state.sessions[state.selectedId] : undefined;
  return open ? { [open.session_id]: open } : {};
}
