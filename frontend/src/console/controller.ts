// The console: one store per feature, composed. Components read the feature stores and call
// their actions; what spans features (opening a session, forgetting an erased user) is here.
import type { Api } from "../api/client";
import type { AgentAccount, Session } from "../api/types";
import { ChatStore } from "../chat/store";
import type { SocketLike } from "../realtime/client";
import { RealtimeStore } from "../realtime/store";
import { SessionsStore } from "../sessions/store";
import { SidePanelStore } from "../sidepanel/store";
import { Workspace } from "./workspace";

export interface ControllerOptions {
  api: Api;
  me: AgentAccount;
  openSocket?: (url: string) => SocketLike;
  onNewSession?: (session: Session) => void;
  /** A user wrote again in a session already listed (open, or reopened). */
  onNewMessage?: (session: Session) => void;
  isVisible?: () => boolean;
}

export class ConsoleController {
  readonly api: Api;
  /** The agent, projects, tags and the notice banner. */
  readonly workspace: Workspace;
  /** The list, its filters and counts, and which session is open. */
  readonly sessions: SessionsStore;
  /** The timelines, replies and the risk dialog. */
  readonly chat: ChatStore;
  /** Profile, tags, notes and earlier sessions beside the open conversation. */
  readonly side: SidePanelStore;
  /** Connection, presence, and frames into the stores above. */
  readonly realtime: RealtimeStore;

  constructor(options: ControllerOptions) {
    this.api = options.api;
    this.workspace = new Workspace(options.api, options.me);
    this.sessions = new SessionsStore(options.api, this.workspace, {
      onNewSession: options.onNewSession,
      onNewMessage: options.onNewMessage,
    });
    this.chat = new ChatStore(options.api, this.workspace, (id) => this.sessions.state.sessions[id]);
    this.side = new SidePanelStore(options.api, this.workspace, this.sessions);
    this.realtime = new RealtimeStore(
      options.api,
      { workspace: this.workspace, sessions: this.sessions, chat: this.chat, side: this.side },
      { openSocket: options.openSocket, isVisible: options.isVisible },
    );
  }

  /** Loads the agent, projects and list, then goes live. A failed first read is shown and
   *  left to the realtime client's catch-ups (polling until the API answers). */
  async start(): Promise<void> {
    await this.workspace.load();
    await this.sessions.load();
    this.realtime.start();
  }

  stop(): void {
    this.realtime.stop();
    this.sessions.stop();
  }

  /** Opens a session: its timeline (then its fresh state), notes and the user's profile. */
  select(sessionId: string | null): void {
    if (sessionId === this.sessions.state.selectedId) return;
    this.sessions.select(sessionId);
    if (!sessionId) return;
    this.workspace.opened(sessionId);
    void this.chat.load(sessionId).then(() => this.sessions.refresh(sessionId));
    void this.chat.loadAssignments(sessionId); // who it came from, and why: lines in its timeline
    this.side.open(sessionId, this.sessions.state.sessions[sessionId]);
  }

  /** Opens a session by its link (`#/sessions/<id>`), also one not in the loaded list. */
  async openLink(sessionId: string): Promise<void> {
    if (!this.sessions.state.sessions[sessionId]) await this.sessions.refresh(sessionId);
    if (this.sessions.state.sessions[sessionId]) this.select(sessionId);
  }

  /** A user's data was erased: their sessions are gone from the server, so from here too. */
  forgetUser(projectId: string, tgUserId: number): void {
    this.chat.forget(this.sessions.forgetUser(projectId, tgUserId));
  }
}
