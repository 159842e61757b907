// The conversations' timelines: reading a session and scrolling back through the user's history,
// sending and retrying replies, and the risk dialog for a reply the API refused for its content.
import { path, type Api } from "../api/client";
import type { Assignment, Items, Message, Page, RiskMatch, Session } from "../api/types";
import type { Workspace } from "../console/workspace";
import { newClientMessageId } from "../lib/format";
import { Store } from "../lib/store";
import { isRefusal, localReply, postReply, retryOf } from "./outbox";
import { isLocal, mergeMessages, messageKey, removeKey, upsertLocal, type LocalMessage, type TimelineMessage } from "./timeline";

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
  /** How the session came to each of its agents, oldest first (shown in the timeline). */
  assignments?: Assignment[];
}

/** A reply the API refused for its content, waiting for the agent's decision. */
export interface RiskPrompt {
  action: "confirm" | "block";
  reply: LocalMessage;
  matches: RiskMatch[];
  /** How many matches there were in all (`matches` holds at most 50 of them). */
  count?: number;
}

export interface ChatsState {
  chats: Record<string, ChatState>;
  /** Stored failed messages already sent again (each is retried once, as a new message). */
  retried: ReadonlySet<string>;
  /** Of those, the ones whose new message the server accepted: no longer shown as failed. */
  resent: ReadonlySet<string>;
  /** The last reply failed to reach the server (no network): the console is not live for sends. */
  sendsFailing: boolean;
  riskPrompt: RiskPrompt | null;
}

/** A reply that failed before the server answered: sent again once the connection returns. */
export function failedForNetwork(message: TimelineMessage): message is LocalMessage {
  return isLocal(message) && message.state === "failed" && message.reason === "network_error";
}

export class ChatStore {
  readonly store = new Store<ChatsState>({ chats: {}, retried: new Set(), resent: new Set(), sendsFailing: false, riskPrompt: null });
  private resending = false;

  constructor(
    private readonly api: Api,
    private readonly workspace: Workspace,
    /** The session as the list knows it (whose user's history scrolling back reads). */
    private readonly sessionOf: (sessionId: string) => Session | undefined,
  ) {}

  get state(): ChatsState {
    return this.store.get();
  }

  private updateChat(sessionId: string, change: (chat: ChatState) => Partial<ChatState>): void {
    this.store.set((s) => {
      const chat = s.chats[sessionId] ?? { sessionId, messages: [], loading: false, olderExhausted: false, loadingOlder: false };
      return { chats: { ...s.chats, [sessionId]: { ...chat, ...change(chat) } } };
    });
  }

  /** Reads the whole session, oldest first (this also tells the server the agent opened it). */
  async load(sessionId: string): Promise<void> {
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
      this.workspace.fail(error);
    } finally {
      this.updateChat(sessionId, () => ({ loading: false }));
    }
  }

  /** Reads how the session came to its agents: on opening it, and when it is assigned to this
   *  agent (a transfer's reason and sender). Kept with the session's timeline once that is
   *  loaded; a failure leaves the timeline without those lines. */
  async loadAssignments(sessionId: string): Promise<Assignment[]> {
    try {
      const found = await this.api.get<Items<Assignment>>(path`/api/sessions/${sessionId}/assignments`);
      const assignments = found?.items ?? [];
      this.store.set((s) => {
        const chat = s.chats[sessionId];
        return chat ? { chats: { ...s.chats, [sessionId]: { ...chat, assignments } } } : {};
      });
      return assignments;
    } catch {
      return []; // The session may be gone from this agent meanwhile: its removal frame says so.
    }
  }

  /** Scrolls back through the user's history (all their sessions), newest first. */
  async loadOlder(sessionId: string): Promise<void> {
    const chat = this.state.chats[sessionId];
    const session = this.sessionOf(sessionId);
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
      this.workspace.fail(error);
    } finally {
      this.updateChat(sessionId, () => ({ loadingOlder: false }));
    }
  }

  /** Whether the session's loaded timeline already holds the server's message `messageId`. */
  has(sessionId: string, messageId: string): boolean {
    return Boolean(this.state.chats[sessionId]?.messages.some((m) => !isLocal(m) && m.message_id === messageId));
  }

  /** A new or changed message from a frame, into its session's timeline if that is loaded. */
  applyMessage(sessionId: string, message: Message): void {
    this.store.set((s) => {
      const chat = s.chats[sessionId];
      return chat ? { chats: { ...s.chats, [sessionId]: { ...chat, messages: mergeMessages(chat.messages, [message]) } } } : {};
    });
  }

  /** Drops the timelines of sessions that no longer exist. */
  forget(sessionIds: string[]): void {
    this.store.set((s) => {
      const chats = { ...s.chats };
      for (const id of sessionIds) delete chats[id];
      return { chats };
    });
  }

  // -- replies -------------------------------------------------------------------------------
  /** `originalText`: what the agent wrote when `text` is its translation (both are kept). */
  async send(sessionId: string, text: string, originalText?: string): Promise<void> {
    await this.deliver(localReply(sessionId, text, newClientMessageId(), Date.now(), originalText));
  }

  async retry(message: TimelineMessage): Promise<void> {
    if (isLocal(message)) {
      await this.deliver(retryOf(message, Date.now(), newClientMessageId));
      return;
    }
    const id = message.message_id;
    this.store.set((s) => ({ retried: new Set([...s.retried, id]) }));
    if (await this.deliver(retryOf(message, Date.now(), newClientMessageId))) {
      this.store.set((s) => ({ resent: new Set([...s.resent, id]) }));
    }
  }

  /** The connection is back: every reply that failed for want of it is sent again (with its
   *  client id, so one that did arrive is not sent twice), one after another, in order. */
  async resendFailed(): Promise<void> {
    if (this.resending) return;
    this.resending = true;
    try {
      const waiting = Object.values(this.state.chats).flatMap((chat) => chat.messages.filter(failedForNetwork));
      if (!waiting.length && this.state.sendsFailing) this.store.set({ sendsFailing: false });
      for (const message of waiting.sort((a, b) => a.created_at - b.created_at)) {
        if (!(await this.deliver(retryOf(message, Date.now(), newClientMessageId)))) break;
      }
    } finally {
      this.resending = false;
    }
  }

  /** Sends a reply; true when the server accepted it (stored, whatever its delivery state). */
  private async deliver(local: LocalMessage): Promise<boolean> {
    this.updateChat(local.session_id, (chat) => ({ messages: upsertLocal(chat.messages, local) }));
    const result = await postReply(this.api, local);
    if (isRefusal(result)) {
      // Nothing was stored or sent: the reply leaves the timeline until the agent decides.
      this.updateChat(local.session_id, (chat) => ({ messages: removeKey(chat.messages, messageKey(local)) }));
      this.store.set({ riskPrompt: { action: result.refused, reply: local, matches: result.matches, count: result.count } });
      return false;
    }
    this.updateChat(local.session_id, (chat) => ({
      messages: isLocal(result) ? upsertLocal(chat.messages, result) : mergeMessages(chat.messages, [result]),
    }));
    const offline = failedForNetwork(result);
    if (offline !== this.state.sendsFailing) this.store.set({ sendsFailing: offline });
    return !isLocal(result);
  }

  /** "Send anyway": the refused reply again, with the agent's confirmation. */
  async sendAnyway(): Promise<void> {
    const prompt = this.state.riskPrompt;
    if (!prompt || prompt.action !== "confirm") return;
    this.store.set({ riskPrompt: null });
    await this.deliver({ ...prompt.reply, state: "sending", reason: undefined, confirmedRisk: true });
  }

  /** Closes the risk dialog without sending; a declined confirmation is reported for the audit
   *  log with the reply's text, which the server scans again itself. Returns the reply's text
   *  (what the agent wrote, for a translated reply), for the agent to edit. */
  dropRisky(): string {
    const prompt = this.state.riskPrompt;
    if (!prompt) return "";
    this.store.set({ riskPrompt: null });
    if (prompt.action === "confirm" && prompt.matches.length) {
      const sid = prompt.reply.session_id;
      void this.workspace.guard(() => this.api.post(path`/api/sessions/${sid}/risk-cancel`, { text: prompt.reply.text }));
    }
    return prompt.reply.original_text ?? prompt.reply.text;
  }
}
