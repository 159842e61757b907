// Shapes of the REST API (GET /api/openapi.json) that the console reads.

export type Role = "admin" | "supervisor" | "agent";
export type Presence = "online" | "busy" | "offline";
export type SessionStatus = "unread" | "processing" | "follow_up" | "closed";
export type Priority = "urgent" | "high" | "medium" | "low";
export type DeliveryState = "sending" | "sent" | "retrying" | "failed";
export type Permission = "reply" | "transfer" | "edit_tags" | "export" | "send_files";

export const STATUSES: SessionStatus[] = ["unread", "processing", "follow_up", "closed"];
export const PRIORITIES: Priority[] = ["urgent", "high", "medium", "low"];
export const PERMISSIONS: Permission[] = ["reply", "transfer", "edit_tags", "export", "send_files"];

export interface AgentAccount {
  agent_id: string;
  username: string;
  display_name: string;
  role: Role;
  disabled?: boolean;
  created_at?: number;
  presence?: Presence;
  open_sessions?: number;
  max_open_sessions?: number | null;
  /** While failed sign-ins lock the account (administrators' list): until when, epoch ms. */
  locked_until?: number | null;
}

export interface LoginResponse {
  token: string;
  expires_at: number;
  agent: AgentAccount;
}

export interface TelegramProfile {
  first_name?: string | null;
  last_name?: string | null;
  username?: string | null;
  language_code?: string | null;
  is_premium?: boolean;
}

export interface Session {
  session_id: string;
  project_id: string;
  tg_user_id: number;
  status: SessionStatus;
  priority: Priority;
  assignee_id?: string | null;
  user?: TelegramProfile | null;
  opened_at: number;
  last_user_msg_at?: number | null;
  last_agent_msg_at?: number | null;
  last_activity_at: number;
  closed_at?: number | null;
  queued_at?: number | null;
  tags?: string[];
}

export type StatusCounts = Partial<Record<SessionStatus, number>>;

export interface SessionList {
  items: Session[];
  next_cursor?: string | null;
  counts: StatusCounts;
  counts_complete: boolean;
}

export interface Delivery {
  state: DeliveryState;
  attempts: number;
  next_attempt_at?: number | null;
  sent_at?: number | null;
  error_code?: string | null;
  reason?: string | null;
}

export type Json = Record<string, unknown>;

export interface MessageVersion {
  at?: number;
  text?: string;
  caption?: string;
}

export interface Message {
  message_id: string;
  session_id: string;
  project_id: string;
  tg_user_id: number;
  direction: "in" | "out";
  type: string;
  created_at: number;
  text?: string | null;
  caption?: string | null;
  media?: Json | null;
  location?: Json | null;
  contact?: Json | null;
  poll?: Json | null;
  dice?: Json | null;
  callback_query?: Json | null;
  forward?: Json | null;
  reply_to?: Json | null;
  telegram_date?: number | null;
  edited_at?: number | null;
  edits?: MessageVersion[] | null;
  edits_dropped?: number | null;
  cut?: string[] | null;
  sender_agent_id?: string | null;
  client_message_id?: string | null;
  delivery?: Delivery | null;
}

export interface Page<T> {
  items: T[];
  next_cursor?: string | null;
}

export interface Items<T> {
  items: T[];
}

export interface Tag {
  tag_id: string;
  project_id: string;
  name: string;
  colour: string;
}

export interface Note {
  note_id: string;
  session_id: string;
  project_id: string;
  author_id: string;
  text: string;
  personal: boolean;
  created_at: number;
  edited_at?: number | null;
}

export interface UserSession {
  session_id: string;
  status: SessionStatus;
  priority: Priority;
  assignee_id?: string | null;
  opened_at: number;
  closed_at?: number | null;
  last_activity_at: number;
}

export interface TelegramUser extends TelegramProfile {
  project_id: string;
  tg_user_id: number;
  first_seen_at?: number | null;
  last_seen_at?: number | null;
  unreachable?: boolean;
  tags?: Tag[];
  sessions?: UserSession[];
}

export type RoutingMode = "round_robin" | "online_first" | "balanced";

export interface Project {
  project_id: string;
  name: string;
  bot_id: number;
  bot_username?: string | null;
  webhook_url: string;
  routing: { mode: RoutingMode; return_after_minutes?: number | null; sticky_returning_users: boolean; max_returns?: number };
  agent_scope: "all" | string[];
  auto_close_after_hours: number;
  reopen_within_days: number;
}

export interface Member {
  project_id: string;
  agent_id: string;
  username?: string | null;
  display_name?: string | null;
  role?: Role | null;
  disabled?: boolean | null;
  permissions?: Permission[] | null;
}

export interface Group {
  group_id: string;
  project_id: string;
  name: string;
  agent_ids: string[];
  updated_at: number;
}

export interface Invitation {
  url: string;
  expires_at: number;
}

export interface RealtimeTicket {
  ticket: string;
  url: string;
  expires_at: number;
}

export type TransferTarget = { agent_id: string } | { group_id: string } | { any_online: true };

// -- risk control ----------------------------------------------------------------------------
export type RiskAction = "confirm" | "block";
export type RiskKind = "keyword" | "trc20" | "erc20" | "btc";
export const RISK_ACTIONS: RiskAction[] = ["confirm", "block"];
export const RISK_KINDS: RiskKind[] = ["keyword", "trc20", "erc20", "btc"];

/** One hit of a risk group in a text; `start`/`end` count Unicode code points of that text. */
export interface RiskMatch {
  group_id: string;
  group_name: string;
  action: RiskAction;
  entry: string;
  kind: RiskKind;
  start: number;
  end: number;
  matched?: string;
}

export interface RiskEntry {
  value: string;
  kind: RiskKind;
}

export interface RiskGroup {
  group_id: string;
  name: string;
  action: RiskAction;
  /** Only in a single group's answer; lists carry `entry_count`. */
  entries?: RiskEntry[];
  entry_count?: number;
  allowed: string[];
  /** null: every project. */
  project_ids: string[] | null;
  updated_at: number;
  version: string;
}

/** What a bulk paste or a CSV import did; `invalid_lines` numbers the unusable lines. */
export interface EntryCounts {
  added: number;
  duplicates: number;
  invalid: number;
  invalid_lines?: number[];
}

export type RiskOutcome = "blocked" | "confirmation_required" | "confirmed_sent" | "cancelled" | "flagged";

/** A trigger: an audit entry with action `risk.trigger`. */
export interface RiskTrigger {
  entry_id: string;
  at: number;
  actor_id: string;
  project_id?: string | null;
  target_id?: string | null;
  details: {
    direction: "in" | "out";
    outcome: RiskOutcome;
    action: RiskAction;
    agent_id?: string | null;
    session_id: string;
    message_id?: string | null;
    group_ids: string[];
    /** At most 50 of the matches (the first of every group and entry first)... */
    matches: RiskMatch[];
    /** ...of this many in all. */
    match_count?: number;
  };
}
