// The console's state and every action an agent takes, over the REST API and the realtime feed.
import { ApiError, path, type Api } from "../api/client";
import type {
  AgentAccount,
  Message,
  Note,
  Page,
  Presence,
  Priority,
  Project,
  RealtimeTicket,
  Session,
  SessionList,
  SessionStatus,
  StatusCounts,
  Tag,
  TelegramUser,
  TransferTarget,
  Items,
  RiskMatch,
} from "../api/types";
import { isRefusal, localReply, postReply, retryOf } from "../chat/outbox";
import { isLocal, mergeMessages, messageKey, removeKey, upsertLocal, type LocalMessage, type TimelineMessage } from "../chat/timeline";
import { newClientMessageId } from "../lib/format";
import { Store } from "../lib/store";
import { RealtimeClient, HEARTBEAT_MS, type ConnectionState, type Frame, type SocketLike } from "../realtime/client";
import { filterQuery, mergeSessions, NO_FILTERS, type Filters } from "../sessions/model";
import { reconcileFirstPage } from "../sessions/reconcile";

const LIST_PAGE = 100;
/** The search box asks the server once typing pauses; the loaded list filters at once. */
const SEARCH_DELAY_MS = 250;
const MESSAGE_PAGE = 200;
const MAX_SESSION_PAGES = 10;
const HISTORY_PAGE = 50;

export interface ChatState {
  sessionId: string;
  messages: TimelineMessage[];
  loading: boolean;
  /** Cursor into the user's whole history for scrolling back; undefined before the first page. */
  olderCursor?: string | null;
  olderExhausted: boolean;
  loadingOlder: boolean;
}

/** A reply the API refused for its content, waiting for the agent's decision. */
export interface RiskPrompt {
  action: "confirm" | "block";
  reply: LocalMessage;
  matches: RiskMatch[];
  /** How many matches there were in all (`matches` holds at most 50 of them). */
  count?: number;
}

export interface ConsoleState {
  me: AgentAccount;
  projects: Project[];
  tags: Record<string, Tag[]>;
  sessions: Record<string, Session>;
  listCursor: string | null;
  listLoading: boolean;
  counts: StatusCounts;
  countsComplete: boolean;
  filters: Filters;
  search: string;
  unseen: Record<string, number>;
  selectedId: string | null;
  chats: Record<string, ChatState>;
  notes: Record<string, Note[]>;
  profiles: Record<string, TelegramUser>;
  retried: ReadonlySet<string>;
  connection: ConnectionState;
  notice: { key: string; text?: string } | null;
  riskPrompt: RiskPrompt | null;
}

export interface ControllerOptions {
  api: Api;
  me: AgentAccount;
  openSocket?: (url: string) => SocketLike;
  onNewSession?: (session: Session) => void;
  isVisible?: () => boolean;
}

export function profileKey(projectId: string, userId: number): string {
  return `${projectId}:${userId}`;
}

/** The per-status counts once one session went from `from` (undefined: it is new) to `to`. */
export function moveCount(counts: StatusCounts, from: SessionStatus | undefined, to: SessionStatus): StatusCounts {
  const next = { ...counts, [to]: (counts[to] ?? 0) + 1 };
  if (from) next[from] = Math.max((counts[from] ?? 0) - 1, 0);
  return next;
}

export class ConsoleController {
  readonly store: Store<ConsoleState>;
  readonly realtime: RealtimeClient;
  readonly api: Api;
  private heartbeatTimer: ReturnType<typeof setInterval> | null = null;
  private listGeneration = 0;
  private searchTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly options: ControllerOptions) {
    this.api = options.api;
    this.store = new Store<ConsoleState>({
      me: options.me,
      projects: [],
      tags: {},
      sessions: {},
      listCursor: null,
      listLoading: false,
      counts: {},
      countsComplete: true,
      filters: NO_FILTERS,
      search: "",
      unseen: {},
      selectedId: null,
      chats: {},
      notes: {},
      profiles: {},
      retried: new Set(),
      connection: "stopped",
      notice: null,
      riskPrompt: null,
    });
    this.realtime = new RealtimeClient(
      {
        ticket: () => this.api.post<RealtimeTicket>("/api/realtime/ticket"),
        openSocket: options.openSocket ?? ((url) => new WebSocket(url) as unknown as SocketLike),
      },
      {
        onFrame: (frame) => this.applyFrame(frame),
        catchUp: () => this.catchUp(),
        onState: (connection) => this.store.set({ connection }),
      },
    );
  }

  get state(): ConsoleState {
    return this.store.get();
  }

  /** Loads the agent, projects and list, then goes live. A failed first read is shown and
   *  left to the realtime client's catch-ups (polling until the API answers). */
  async start(): Promise<void> {
    try {
      const [me, projects] = await Promise.all([
        this.api.get<AgentAccount>("/api/me"),
        this.api.get<Items<Project>>("/api/projects"),
      ]);
      this.store.set({ me, projects: projects.items });
      void this.loadTags(projects.items);
    } catch (error) {
      this.fail(error);
    }
    await this.loadSessions();
    this.realtime.start();
    this.heartbeat();
    this.heartbeatTimer = setInterval(() => this.heartbeat(), HEARTBEAT_MS);
  }

  stop(): void {
    this.realtime.stop();
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer);
    this.heartbeatTimer = null;
    if (this.searchTimer) clearTimeout(this.searchTimer);
    this.searchTimer = null;
  }

  dismissNotice(): void {
    this.store.set({ notice: null });
  }

  /** A user's data was erased: their sessions are gone from the server, so from here too. */
  forgetUser(projectId: string, tgUserId: number): void {
    this.store.set((s) => {
      const gone = Object.values(s.sessions).filter((x) => x.project_id === projectId && x.tg_user_id === tgUserId);
      const sessions = { ...s.sessions };
      const chats = { ...s.chats };
      for (const x of gone) {
        delete sessions[x.session_id];
        delete chats[x.session_id];
      }
      const selectedGone = gone.some((x) => x.session_id === s.selectedId);
      return { sessions, chats, selectedId: selectedGone ? null : s.selectedId, notice: { key: "notice.userErased" } };
    });
  }

  private fail(error: unknown): void {
    const text = error instanceof ApiError ? error.message : String(error);
    const key = error instanceof ApiError && error.code === "network_error" ? "error.network" : "error.generic";
    this.store.set({ notice: { key, text } });
  }

  private async guard<T>(work: () => Promise<T>): Promise<T | undefined> {
    try {
      return await work();
    } catch (error) {
      this.fail(error);
      return undefined;
    }
  }

  // -- presence ----------------------------------------------------------------------------
  private heartbeat(): void {
    const visible = this.options.isVisible?.() ?? true;
    if (!visible) return;
    if (!this.realtime.sendHeartbeat()) void this.api.post("/api/me/heartbeat").catch(() => undefined);
  }

  async setPresence(state: Presence): Promise<void> {
    const me = await this.guard(() => this.api.put<AgentAccount>("/api/me/presence", { state }));
    if (me) this.store.set({ me });
  }

  // -- catalog -----------------------------------------------------------------------------
  async loadTags(projects: Project[] = this.state.projects): Promise<void> {
    const lists = await Promise.all(
      projects.map((p) =>
        this.api.get<Items<Tag>>(path`/api/projects/${p.project_id}/tags`).then((r) => r.items, () => [] as Tag[]),
      ),
    );
    const tags: Record<string, Tag[]> = {};
    projects.forEach((p, i) => (tags[p.project_id] = lists[i]));
    this.store.set({ tags });
  }

  async reloadProjects(): Promise<void> {
    const projects = await this.guard(() => this.api.get<Items<Project>>("/api/projects"));
    if (!projects) return;
    this.store.set({ projects: projects.items });
    await this.loadTags(projects.items);
  }

  // -- the session list ----------------------------------------------------------------------
  async loadSessions(): Promise<void> {
    const generation = ++this.listGeneration;
    this.store.set({ listLoading: true });
    try {
      const page = await this.api.get<SessionList>("/api/sessions", {
        ...this.listQuery(),
        limit: LIST_PAGE,
      });
      if (generation !== this.listGeneration) return;
      this.store.set((s) => ({
        sessions: mergeSessions(selectedOnly(s), page.items),
        listCursor: page.next_cursor ?? null,
        counts: page.counts,
        countsComplete: page.counts_complete,
      }));
    } catch (error) {
      this.fail(error);
    } finally {
      if (generation === this.listGeneration) this.store.set({ listLoading: false });
    }
  }

  async loadMoreSessions(): Promise<void> {
    const { listCursor, listLoading } = this.state;
    if (!listCursor || listLoading) return;
    const generation = this.listGeneration;
    this.store.set({ listLoading: true });
    try {
      const page = await this.api.get<SessionList>("/api/sessions", {
        ...this.listQuery(),
        limit: LIST_PAGE,
        cursor: listCursor,
      });
      if (generation !== this.listGeneration) return;
      this.store.set((s) => ({ sessions: mergeSessions(s.sessions, page.items), listCursor: page.next_cursor ?? null }));
    } catch (error) {
      this.fail(error);
    } finally {
      if (generation === this.listGeneration) this.store.set({ listLoading: false });
    }
  }

  setFilters(change: Partial<Filters>): void {
    this.store.set((s) => ({ filters: { ...s.filters, ...change } }));
    void this.loadSessions();
  }

  setSearch(search: string): void {
    const changed = search.trim() !== this.state.search.trim();
    this.store.set({ search });
    if (!changed) return;
    if (this.searchTimer) clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => {
      this.searchTimer = null;
      void this.loadSessions();
    }, SEARCH_DELAY_MS);
  }

  /** The list's filters and search as the server reads them (`q`: the user's name, username or id). */
  private listQuery() {
    return { ...filterQuery(this.state.filters), q: this.state.search.trim() || undefined };
  }

  /** Re-reads what a missed frame could have changed: the list's first page, the open chat. */
  async catchUp(): Promise<void> {
    const generation = this.listGeneration;
    const page = await this.api.get<SessionList>("/api/sessions", {
      ...this.listQuery(),
      limit: LIST_PAGE,
    });
    if (generation === this.listGeneration) {
      const before = this.state.sessions;
      const fresh = page.items.filter((s) => !before[s.session_id]);
      this.store.set((s) => {
        const unseen = { ...s.unseen };
        for (const session of page.items) {
          const known = before[session.session_id];
          const newer = (session.last_user_msg_at ?? 0) > (known?.last_user_msg_at ?? 0);
          if (known && newer && session.session_id !== s.selectedId) unseen[session.session_id] = (unseen[session.session_id] ?? 0) + 1;
        }
        const sessions = reconcileFirstPage(s.sessions, page.items, !page.next_cursor);
        if (s.selectedId && before[s.selectedId] && !sessions[s.selectedId]) sessions[s.selectedId] = before[s.selectedId];
        return { sessions, unseen, counts: page.counts, countsComplete: page.counts_complete };
      });
      for (const session of fresh) if (session.status === "unread") this.options.onNewSession?.(session);
    }
    const selected = this.state.selectedId;
    if (selected) await this.loadSessionMessages(selected);
  }

  // -- realtime frames -----------------------------------------------------------------------
  applyFrame(frame: Frame): void {
    switch (frame.type) {
      case "session.assigned":
      case "session.updated": {
        const isNew = !this.state.sessions[frame.session_id];
        this.store.set((s) => {
          const sessions = mergeSessions(s.sessions, [frame.data]);
          const before = s.sessions[frame.session_id]?.status;
          const after = sessions[frame.session_id].status;
          return { sessions, counts: before === after ? s.counts : moveCount(s.counts, before, after) };
        });
        if (frame.type === "session.assigned" && isNew) this.options.onNewSession?.(frame.data);
        return;
      }
      case "session.removed": {
        this.store.set((s) => {
          const sessions = { ...s.sessions };
          delete sessions[frame.session_id];
          const wasOpen = s.selectedId === frame.session_id;
          return {
            sessions,
            selectedId: wasOpen ? null : s.selectedId,
            notice: wasOpen ? { key: "notice.transferredOut" } : s.notice,
          };
        });
        return;
      }
      case "message.created":
      case "message.updated": {
        const message = frame.data;
        this.store.set((s) => {
          const chat = s.chats[frame.session_id];
          const chats = chat ? { ...s.chats, [frame.session_id]: { ...chat, messages: mergeMessages(chat.messages, [message]) } } : s.chats;
          const known = chat?.messages.some((m) => !isLocal(m) && m.message_id === message.message_id);
          const counts =
            frame.type === "message.created" && message.direction === "in" && !known && s.selectedId !== frame.session_id;
          const unseen = counts ? { ...s.unseen, [frame.session_id]: (s.unseen[frame.session_id] ?? 0) + 1 } : s.unseen;
          return { chats, unseen };
        });
        return;
      }
      case "note.created":
      case "note.updated": {
        const note = frame.data;
        this.store.set((s) => {
          const notes = s.notes[frame.session_id];
          if (!notes) return {};
          const others = notes.filter((n) => n.note_id !== note.note_id);
          return { notes: { ...s.notes, [frame.session_id]: [...others, note].sort((a, b) => a.created_at - b.created_at) } };
        });
        return;
      }
    }
  }

  // -- the open session ----------------------------------------------------------------------
  select(sessionId: string | null): void {
    if (sessionId === this.state.selectedId) return;
    this.store.set((s) => {
      const unseen = { ...s.unseen };
      if (sessionId) delete unseen[sessionId];
      return { selectedId: sessionId, unseen };
    });
    if (!sessionId) return;
    const session = this.state.sessions[sessionId];
    void this.loadSessionMessages(sessionId).then(() => this.refreshSession(sessionId));
    void this.loadNotes(sessionId);
    if (session) void this.loadProfile(session.project_id, session.tg_user_id);
  }

  get selected(): Session | null {
    const { selectedId, sessions } = this.state;
    return selectedId ? sessions[selectedId] ?? null : null;
  }

  private updateChat(sessionId: string, change: (chat: ChatState) => Partial<ChatState>): void {
    this.store.set((s) => {
      const chat = s.chats[sessionId] ?? {
        sessionId,
        messages: [],
        loading: false,
        olderExhausted: false,
        loadingOlder: false,
      };
      return { chats: { ...s.chats, [sessionId]: { ...chat, ...change(chat) } } };
    });
  }

  /** Reads the whole session, oldest first (this also tells the server the agent opened it). */
  async loadSessionMessages(sessionId: string): Promise<void> {
    this.updateChat(sessionId, () => ({ loading: true }));
    try {
      let cursor: string | null | undefined;
      for (let pages = 0; pages < MAX_SESSION_PAGES; pages++) {
        const page = await this.api.get<Page<Message>>(path`/api/sessions/${sessionId}/messages`, {
          limit: MESSAGE_PAGE,
          cursor: cursor ?? undefined,
        });
        this.updateChat(sessionId, (chat) => ({ messages: mergeMessages(chat.messages, page.items) }));
        cursor = page.next_cursor;
        if (!cursor) break;
      }
    } catch (error) {
      this.fail(error);
    } finally {
      this.updateChat(sessionId, () => ({ loading: false }));
    }
  }

  async refreshSession(sessionId: string): Promise<void> {
    try {
      const session = await this.api.get<Session>(path`/api/sessions/${sessionId}`);
      this.store.set((s) => ({ sessions: mergeSessions(s.sessions, [session]) }));
    } catch {
      // The list's next catch-up settles it.
    }
  }

  /** Scrolls back through the user's history (all their sessions), newest first. */
  async loadOlder(sessionId: string): Promise<void> {
    const chat = this.state.chats[sessionId];
    const session = this.state.sessions[sessionId];
    if (!chat || !session || chat.loadingOlder || chat.olderExhausted) return;
    const oldest = chat.messages.find((m) => !isLocal(m));
    this.updateChat(sessionId, () => ({ loadingOlder: true }));
    try {
      const query =
        chat.olderCursor != null
          ? { limit: HISTORY_PAGE, cursor: chat.olderCursor }
          : { limit: HISTORY_PAGE, before: oldest ? oldest.created_at : undefined };
      const page = await this.api.get<Page<Message>>(
        path`/api/projects/${session.project_id}/users/${session.tg_user_id}/messages`,
        query,
      );
      this.updateChat(sessionId, (c) => ({
        messages: mergeMessages(c.messages, page.items),
        olderCursor: page.next_cursor ?? null,
        olderExhausted: !page.next_cursor,
      }));
    } catch (error) {
      this.fail(error);
    } finally {
      this.updateChat(sessionId, () => ({ loadingOlder: false }));
    }
  }

  // -- replies -------------------------------------------------------------------------------
  async send(sessionId: string, text: string): Promise<void> {
    await this.deliver(localReply(sessionId, text, newClientMessageId(), Date.now()));
  }

  async retry(message: TimelineMessage): Promise<void> {
    if (!isLocal(message)) this.store.set((s) => ({ retried: new Set([...s.retried, message.message_id]) }));
    await this.deliver(retryOf(message, Date.now(), newClientMessageId));
  }

  private async deliver(local: LocalMessage): Promise<void> {
    this.updateChat(local.session_id, (chat) => ({ messages: upsertLocal(chat.messages, local) }));
    const result = await postReply(this.api, local);
    if (isRefusal(result)) {
      // Nothing was stored or sent: the reply leaves the timeline until the agent decides.
      this.updateChat(local.session_id, (chat) => ({ messages: removeKey(chat.messages, messageKey(local)) }));
      this.store.set({ riskPrompt: { action: result.refused, reply: local, matches: result.matches, count: result.count } });
      return;
    }
    this.updateChat(local.session_id, (chat) => ({
      messages: isLocal(result) ? upsertLocal(chat.messages, result) : mergeMessages(chat.messages, [result]),
    }));
  }

  /** "Send anyway": the refused reply again, with the agent's confirmation. */
  async sendAnyway(): Promise<void> {
    const prompt = this.state.riskPrompt;
    if (!prompt || prompt.action !== "confirm") return;
    this.store.set({ riskPrompt: null });
    await this.deliver({ ...prompt.reply, state: "sending", reason: undefined, confirmedRisk: true });
  }

  /** Closes the risk dialog without sending; a declined confirmation is reported for the audit
   *  log with the reply's text, which the server scans again itself. Returns the reply's text,
   *  for the agent to edit. */
  dropRisky(): string {
    const prompt = this.state.riskPrompt;
    if (!prompt) return "";
    this.store.set({ riskPrompt: null });
    if (prompt.action === "confirm" && prompt.matches.length) {
      const sid = prompt.reply.session_id;
      void this.guard(() => this.api.post(path`/api/sessions/${sid}/risk-cancel`, { text: prompt.reply.text }));
    }
    return prompt.reply.text;
  }

  // -- session actions -----------------------------------------------------------------------
  private async sessionAction(work: () => Promise<Session>): Promise<boolean> {
    const session = await this.guard(work);
    if (!session) return false;
    this.store.set((s) => ({ sessions: mergeSessions(s.sessions, [session]) }));
    return true;
  }

  update(sessionId: string, change: { status?: "processing" | "follow_up"; priority?: Priority }): Promise<boolean> {
    return this.sessionAction(() => this.api.patch<Session>(path`/api/sessions/${sessionId}`, change));
  }

  close(sessionId: string): Promise<boolean> {
    return this.sessionAction(() => this.api.post<Session>(path`/api/sessions/${sessionId}/close`));
  }

  reopen(sessionId: string): Promise<boolean> {
    return this.sessionAction(() => this.api.post<Session>(path`/api/sessions/${sessionId}/reopen`));
  }

  async transfer(
    sessionId: string,
    request: { to: TransferTarget; reason?: string; notify_user?: boolean; message?: string },
  ): Promise<ApiError | null> {
    try {
      const session = await this.api.post<Session>(path`/api/sessions/${sessionId}/transfer`, request);
      this.store.set((s) => ({ sessions: mergeSessions(s.sessions, [session]) }));
      if (session.assignee_id !== this.state.me.agent_id && this.state.me.role === "agent") {
        this.store.set((s) => {
          const sessions = { ...s.sessions };
          delete sessions[sessionId];
          return { sessions, selectedId: s.selectedId === sessionId ? null : s.selectedId };
        });
      }
      return null;
    } catch (error) {
      return error instanceof ApiError ? error : new ApiError(0, "error", String(error));
    }
  }

  takeOver(sessionId: string, reason?: string): Promise<boolean> {
    return this.sessionAction(() =>
      this.api.post<Session>(path`/api/sessions/${sessionId}/take-over`, reason ? { reason } : {}),
    );
  }

  async setSessionTags(sessionId: string, tagIds: string[]): Promise<void> {
    const result = await this.guard(() => this.api.put<Items<Tag>>(path`/api/sessions/${sessionId}/tags`, { tag_ids: tagIds }));
    if (result) void this.refreshSession(sessionId);
  }

  // -- the right panel -----------------------------------------------------------------------
  async loadProfile(projectId: string, userId: number): Promise<void> {
    const profile = await this.guard(() => this.api.get<TelegramUser>(path`/api/projects/${projectId}/users/${userId}`));
    if (profile) this.store.set((s) => ({ profiles: { ...s.profiles, [profileKey(projectId, userId)]: profile } }));
  }

  async setUserTags(projectId: string, userId: number, tagIds: string[]): Promise<void> {
    const result = await this.guard(() =>
      this.api.put<Items<Tag>>(path`/api/projects/${projectId}/users/${userId}/tags`, { tag_ids: tagIds }),
    );
    if (result) void this.loadProfile(projectId, userId);
  }

  async loadNotes(sessionId: string): Promise<void> {
    const notes = await this.guard(() => this.api.get<Items<Note>>(path`/api/sessions/${sessionId}/notes`));
    if (notes) this.store.set((s) => ({ notes: { ...s.notes, [sessionId]: notes.items } }));
  }

  async addNote(sessionId: string, text: string, personal: boolean): Promise<boolean> {
    const note = await this.guard(() => this.api.post<Note>(path`/api/sessions/${sessionId}/notes`, { text, personal }));
    if (note) this.applyFrame({ type: "note.created", project_id: note.project_id, session_id: sessionId, at: Date.now(), data: note });
    return Boolean(note);
  }

  async editNote(note: Note, text: string): Promise<boolean> {
    const saved = await this.guard(() =>
      this.api.patch<Note>(path`/api/sessions/${note.session_id}/notes/${note.note_id}`, { text }),
    );
    if (saved) this.applyFrame({ type: "note.updated", project_id: saved.project_id, session_id: saved.session_id, at: Date.now(), data: saved });
    return Boolean(saved);
  }
}

/** A filter change starts the list afresh, but the open session stays known. */
function selectedOnly(state: ConsoleState): Record<string, Session> {
  const open = state.selectedId ? state.sessions[state.selectedId] : undefined;
  return open ? { [open.session_id]: open } : {};
}
