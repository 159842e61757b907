// The realtime connection: a WebSocket opened with a single-use ticket, heartbeats, reconnection
// with backoff, and polling while there is no socket. Every (re)connection and every poll calls
// `catchUp`, which re-reads the REST API; frames and re-reads merge idempotently by id.
import type { Message, Note, RealtimeTicket, Session } from "../api/types";

export type Frame =
  | { type: "session.assigned" | "session.updated"; project_id: string; session_id: string; at: number; data: Session }
  | { type: "session.removed"; project_id: string; session_id: string; at: number; data: Record<string, never> }
  | { type: "message.created" | "message.updated"; project_id: string; session_id: string; at: number; data: Message }
  | { type: "note.created" | "note.updated"; project_id: string; session_id: string; at: number; data: Note }
  | { type: "task.due"; project_id: string; session_id: string; at: number; data: { task_id: string; note?: string } }
  // a shift of this agent ends soon; a handover nobody acknowledged (tgdesk.shifts, no session)
  | { type: "shift.reminder"; project_id: string; session_id: string; at: number; data: { shift_name: string; minutes: number } }
  | { type: "handover.unacknowledged"; project_id: string; session_id: string; at: number; data: { shift_name: string } };

export type ConnectionState = "connecting" | "live" | "polling" | "stopped";

export interface SocketLike {
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
  send(data: string): void;
  close(): void;
}

export interface RealtimeDeps {
  ticket(): Promise<RealtimeTicket>;
  openSocket(url: string): SocketLike;
  random?: () => number;
}

export interface RealtimeHandlers {
  onFrame(frame: Frame): void;
  catchUp(): Promise<void>;
  onState?(state: ConnectionState): void;
}

export const HEARTBEAT_MS = 30_000;
export const POLL_MS = 5_000;
/** While live, a slow re-read still runs: pushing is best effort, and a frame lost on an open
 *  socket would otherwise stay lost until the next reconnect. */
export const RESYNC_MS = 60_000;
const BASE_DELAY_MS = 1_000;
const MAX_DELAY_MS = 30_000;

/** Exponential backoff with jitter: 1 s, 2 s, 4 s ... capped at 30 s, each scaled by 0.5–1. */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempt));
  return Math.round(ceiling * (0.5 + random() / 2));
}

const FRAME_TYPES = new Set([
  "session.assigned",
  "session.updated",
  "session.removed",
  "message.created",
  "message.updated",
  "note.created",
  "note.updated",
  "task.due",
  "shift.reminder",
  "handover.unacknowledged",
]);

export function parseFrame(raw: unknown): Frame | null {
  if (typeof raw !== "string") return null;
  try {
    const frame = JSON.parse(raw) as Partial<Frame>;
    if (!frame || typeof frame.type !== "string" || !FRAME_TYPES.has(frame.type)) return null;
    if (typeof frame.session_id !== "string" || typeof frame.data !== "object" || frame.data === null) return null;
    return frame as Frame;
  } catch {
    return null;
  }
}

export class RealtimeClient {
  private socket: SocketLike | null = null;
  private attempt = 0;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private heartbeatTimer: ReturnType<typeof setInterval> | null = null;
  private pollTimer: ReturnType<typeof setInterval> | null = null;
  private resyncTimer: ReturnType<typeof setInterval> | null = null;
  private catchingUp: Promise<void> | null = null;
  private current: ConnectionState = "stopped";

  constructor(
    private readonly deps: RealtimeDeps,
    private readonly handlers: RealtimeHandlers,
  ) {}

  get state(): ConnectionState {
    return this.current;
  }

  start(): void {
    if (this.current !== "stopped") return;
    this.setState("connecting");
    void this.connect();
  }

  stop(): void {
    this.setState("stopped");
    this.clearTimers();
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.onclose = socket.onmessage = socket.onerror = socket.onopen = null;
      socket.close();
    }
  }

  /** Sends the presence heartbeat frame; false when there is no live socket to carry it. */
  sendHeartbeat(): boolean {
    if (this.current !== "live" || !this.socket) return false;
    try {
      this.socket.send(JSON.stringify({ action: "heartbeat" }));
      return true;
    } catch {
      return false;
    }
  }

  /** Runs one catch-up, never two at once (a poll and a reconnect may ask together). */
  catchUp(): Promise<void> {
    if (!this.catchingUp) {
      this.catchingUp = this.handlers.catchUp().catch(() => undefined).finally(() => {
        this.catchingUp = null;
      });
    }
    return this.catchingUp;
  }

  private async connect(): Promise<void> {
    let url: string;
    try {
      const ticket = await this.deps.ticket();
      url = `${ticket.url}${ticket.url.includes("?") ? "&" : "?"}ticket=${encodeURIComponent(ticket.ticket)}`;
    } catch {
      if (this.current !== "stopped") this.scheduleReconnect();
      return;
    }
    if (this.current === "stopped") return;
    let socket: SocketLike;
    try {
      socket = this.deps.openSocket(url);
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      if (this.socket !== socket) return;
      this.attempt = 0;
      this.stopPolling();
      this.setState("live");
      this.heartbeatTimer = setInterval(() => this.sendHeartbeat(), HEARTBEAT_MS);
      this.resyncTimer = setInterval(() => void this.catchUp(), RESYNC_MS);
      void this.catchUp();
    };
    socket.onmessage = (event) => {
      if (this.socket !== socket) return;
      const frame = parseFrame(event.data);
      if (frame) this.handlers.onFrame(frame);
    };
    socket.onerror = () => undefined; // a close event always follows
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.stopLiveTimers();
      if (this.current !== "stopped") this.scheduleReconnect();
    };
  }

  private scheduleReconnect(): void {
    this.startPolling();
    const delay = backoffDelay(this.attempt++, this.deps.random);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      if (this.current === "stopped") return;
      void this.connect();
    }, delay);
  }

  private startPolling(): void {
    this.setState("polling");
    if (this.pollTimer) return;
    void this.catchUp();
    this.pollTimer = setInterval(() => void this.catchUp(), POLL_MS);
  }

  private stopPolling(): void {
    if (this.pollTimer) clearInterval(this.pollTimer);
    this.pollTimer = null;
  }

  private stopLiveTimers(): void {
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer);
    if (this.resyncTimer) clearInterval(this.resyncTimer);
    this.heartbeatTimer = this.resyncTimer = null;
  }

  private clearTimers(): void {
    this.stopPolling();
    this.stopLiveTimers();
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
  }

  private setState(state: ConnectionState): void {
    if (state === this.current) return;
    this.current = state;
    this.handlers.onState?.(state);
  }
}
