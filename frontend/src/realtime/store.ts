// The console live: the connection's state, the agent's presence and heartbeats, and each frame
// (or catch-up after missed ones) handed to the store it changes.
import type { Api } from "../api/client";
import type { AgentAccount, Presence, RealtimeTicket, Session } from "../api/types";
import type { ChatStore } from "../chat/store";
import { agentName, transferredTo } from "../console/people";
import type { Workspace } from "../console/workspace";
import { displayName } from "../lib/format";
import { Store } from "../lib/store";
import type { SessionsStore } from "../sessions/store";
import type { SidePanelStore } from "../sidepanel/store";
import { slaAlert } from "../sla/clocks";
import { HEARTBEAT_MS, POLL_MS, RealtimeClient, type ConnectionState, type Frame, type SocketLike } from "./client";

export interface RealtimeState {
  connection: ConnectionState;
}

export interface RealtimeStores {
  workspace: Workspace;
  sessions: SessionsStore;
  chat: ChatStore;
  side: SidePanelStore;
}

export interface RealtimeOptions {
  openSocket?: (url: string) => SocketLike;
  /** Heartbeats are sent only while the console is on screen. */
  isVisible?: () => boolean;
}

export class RealtimeStore {
  readonly store = new Store<RealtimeState>({ connection: "stopped" });
  readonly client: RealtimeClient;
  private heartbeatTimer: ReturnType<typeof setInterval> | null = null;
  /** While replies fail to reach the server, the API is re-read (and they are resent) often. */
  private resendTimer: ReturnType<typeof setInterval> | null = null;
  private unwatchSends: (() => void) | null = null;

  constructor(
    private readonly api: Api,
    private readonly stores: RealtimeStores,
    private readonly options: RealtimeOptions = {},
  ) {
    this.client = new RealtimeClient(
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

  get state(): RealtimeState {
    return this.store.get();
  }

  start(): void {
    this.client.start();
    this.heartbeat();
    this.heartbeatTimer = setInterval(() => this.heartbeat(), HEARTBEAT_MS);
    this.unwatchSends = this.stores.chat.store.subscribe(() => this.watchSends());
  }

  stop(): void {
    this.client.stop();
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer);
    this.heartbeatTimer = null;
    this.unwatchSends?.();
    this.unwatchSends = null;
    this.stopResending();
  }

  /** A socket can stay open while requests fail: failing sends start their own catch-ups,
   *  each of which resends the failed replies once the API answers. */
  private watchSends(): void {
    const failing = this.stores.chat.state.sendsFailing;
    if (failing && !this.resendTimer) this.resendTimer = setInterval(() => void this.client.catchUp(), POLL_MS);
    if (!failing) this.stopResending();
  }

  private stopResending(): void {
    if (this.resendTimer) clearInterval(this.resendTimer);
    this.resendTimer = null;
  }

  // -- presence ----------------------------------------------------------------------------
  /** Over the socket when there is one, else over REST. */
  private heartbeat(): void {
    const visible = this.options.isVisible?.() ?? true;
    if (!visible) return;
    if (!this.client.sendHeartbeat()) void this.api.post("/api/me/heartbeat").catch(() => undefined);
  }

  async setPresence(state: Presence): Promise<void> {
    const { workspace } = this.stores;
    const me = await workspace.guard(() => this.api.put<AgentAccount>("/api/me/presence", { state }));
    if (me) workspace.store.set({ me });
  }

  // -- frames --------------------------------------------------------------------------------
  /** Re-reads what a missed frame could have changed: the list's first page, the open chat;
   *  once the API answers again, replies that failed for want of a connection are resent. */
  async catchUp(): Promise<void> {
    const { sessions, chat } = this.stores;
    await sessions.catchUp();
    void chat.resendFailed();
    const selected = sessions.state.selectedId;
    if (selected) await chat.load(selected);
  }

  /** A session just came to this agent: when someone transferred it, say who and why (the
   *  timeline of the session shows the same line). */
  private async announceTransfer(sessionId: string): Promise<void> {
    const { workspace, chat } = this.stores;
    const move = transferredTo(workspace.state.me.agent_id, await chat.loadAssignments(sessionId));
    if (!move) return;
    const from = agentName(workspace.state.agents, move.from_agent_id ?? move.by);
    if (move.reason) workspace.notify("notice.transferredToYou", sessionId, { from, reason: move.reason });
    else workspace.notify("notice.transferredToYouNoReason", sessionId, { from });
  }

  /** The holder hears at once when a clock of theirs is about to run out, or ran out. */
  private announceSla(incoming: Session): void {
    const { sessions, workspace } = this.stores;
    const alert = slaAlert(sessions.state.sessions[incoming.session_id], incoming, workspace.state.me.agent_id);
    if (alert) workspace.notify(`sla.${alert}Notice`, incoming.session_id, { name: displayName(incoming.user, incoming.tg_user_id) });
  }

  applyFrame(frame: Frame): void {
    const { sessions, chat, side } = this.stores;
    switch (frame.type) {
      case "session.assigned":
      case "session.updated":
        this.announceSla(frame.data);
        sessions.applySession(frame.data, frame.type === "session.assigned");
        if (frame.type === "session.assigned") void this.announceTransfer(frame.session_id);
        return;
      case "session.removed":
        sessions.remove(frame.session_id);
        return;
      case "message.created":
      case "message.updated": {
        const message = frame.data;
        const known = chat.has(frame.session_id, message.message_id);
        chat.applyMessage(frame.session_id, message);
        if (frame.type === "message.created" && message.direction === "in" && !known) sessions.markUnseen(frame.session_id);
        return;
      }
      case "note.created":
      case "note.updated":
        side.applyNote(frame.session_id, frame.data);
        return;
      case "task.due": // a follow-up task of this agent is due (tgdesk.tasks reminders)
        this.stores.workspace.notify("tasks.dueNotice", frame.session_id, { note: frame.data.note || "—" });
        return;
      case "shift.reminder": // the agent's shift ends soon (tgdesk.shifts reminders)
        this.stores.workspace.notify("shifts.reminderNotice", undefined, { shift: frame.data.shift_name, minutes: String(frame.data.minutes) });
        return;
      case "handover.unacknowledged": // to supervisors: nobody acknowledged a handover in time
        this.stores.workspace.notify("shifts.unacknowledgedNotice", undefined, { shift: frame.data.shift_name });
        return;
    }
  }
}
