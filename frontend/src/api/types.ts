// Shapes of the REST API that the console reads, taken from schema.d.ts: the types
// openapi-typescript generates from the API's own OpenAPI document (`make api-types`).
// The console imports API types from here only. Where the document is looser than what the
// API answers (a field typed as a plain string or an open object), the alias narrows it and
// says so.

import type { components } from "./schema";

type Schemas = components["schemas"];

/**
 * An agent as the console holds it: the login's `AgentPublic`, a project's `AgentSummary` or
 * `/api/me`'s and the administrators' `AgentAccount`; what only some of them carry is optional.
 */
export type AgentAccount = Pick<Schemas["AgentPublic"], "agent_id" | "username" | "display_name" | "role"> &
  Partial<Schemas["AgentAccount"]>;
export type Role = Schemas["AgentAccount"]["role"];
export type Presence = Schemas["AgentAccount"]["presence"];
export type Permission = NonNullable<Schemas["MemberDetail"]["permissions"]>[number];
export type Priority = NonNullable<Schemas["SessionUpdate"]["priority"]>;
export type SessionStatus = keyof Schemas["StatusCounts"];

export const STATUSES: SessionStatus[] = ["unread", "processing", "follow_up", "closed"];
export const PRIORITIES: Priority[] = ["urgent", "high", "medium", "low"];
export const PERMISSIONS: Permission[] = ["reply", "transfer", "edit_tags", "export", "send_files"];

export type LoginResponse = Schemas["LoginResponse"];

/** A Telegram user's profile; a session's `user` is this (an open object in the document). */
export type TelegramProfile = Partial<
  Pick<Schemas["TelegramUserPublic"], "first_name" | "last_name" | "username" | "language_code" | "is_premium">
>;

/** The document types `status` and `priority` as strings; they are always these values. */
type WithStates<T> = Omit<T, "status" | "priority"> & { status: SessionStatus; priority: Priority };

/** The task counts are absent (or null in a realtime frame) on a session that never had a task. */
export type Session = Omit<WithStates<Schemas["SessionView"]>, "user" | "tasks_open" | "tasks_overdue"> & {
  user?: TelegramProfile | null;
  tasks_open?: number | null;
  tasks_overdue?: number | null;
};

/** Per-status counts; the console's own tally may not know every status yet. */
export type StatusCounts = Partial<Schemas["StatusCounts"]>;

/** `unread_ids` defaults to none (as the server's model does). */
export type SessionList = Omit<Schemas["SessionList"], "items" | "counts" | "unread_ids"> & {
  items: Session[];
  counts: StatusCounts;
  unread_ids?: string[];
};

export type Delivery = Schemas["DeliveryPublic"];
export type DeliveryState = Delivery["state"];

export type Json = Record<string, unknown>;

/** One earlier version of an edited message (an open object in the document). */
export interface MessageVersion {
  at?: number;
  text?: string;
  caption?: string;
}

export type Message = Omit<Schemas["MessagePublic"], "edits"> & { edits?: MessageVersion[] | null };

/** `Page_X_` and `Items_X_` in the document: one page of a list, or a whole list. */
export interface Page<T> {
  items: T[];
  next_cursor?: string | null;
}

export interface Items<T> {
  items: T[];
}

export type Tag = Schemas["TagPublic"];
export type Note = Schemas["NotePublic"];
/** How a session came to one of its agents (routed, transferred, taken over, ...). */
export type Assignment = Schemas["Assignment"];
export type UserSession = WithStates<Schemas["UserSessionPublic"]>;
export type TelegramUser = Omit<Schemas["TelegramUserPublic"], "sessions"> & { sessions: UserSession[] };

export type RoutingMode = Schemas["RoutingSettings"]["mode"];

/** A follow-up task on a session (tgdesk.tasks), and a project's task settings. */
export type Task = Schemas["TaskPublic"];
export type TaskSettings = Schemas["TaskSettingsPublic"];
export type Project = Schemas["ProjectDetail"];
export type Member = Schemas["MemberDetail"];
export type Group = Schemas["GroupPublic"];
export type Invitation = Schemas["InvitationPublic"];
export type InvitationDetail = Schemas["InvitationDetail"];
export type AgentCreated = Schemas["AgentCreated"];
export type RealtimeTicket = Schemas["RealtimeTicket"];

/** What the console sends as `TransferRequest.to`: exactly one of the three. */
export type TransferTarget = { agent_id: string } | { group_id: string } | { any_online: true };

// -- risk control ----------------------------------------------------------------------------
export type RiskAction = Schemas["RiskGroupSummary"]["action"];
export type RiskEntry = Schemas["RiskEntry"];
export type RiskKind = RiskEntry["kind"];
export const RISK_ACTIONS: RiskAction[] = ["confirm", "block"];
export const RISK_KINDS: RiskKind[] = ["keyword", "trc20", "erc20", "btc"];

/**
 * One hit of a risk group in a text; `start`/`end` count Unicode code points of that text.
 * (`ErrorBody.matches` and a trigger's `details.matches`: open objects in the document.)
 */
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

/**
 * A risk group as listed; a single group's answer also carries its `entries`. `project_ids`
 * is always in the answer (null: every project), though the document makes it optional.
 */
export type RiskGroup = Omit<Schemas["RiskGroupSummary"], "project_ids"> &
  Partial<Pick<Schemas["RiskGroupPublic"], "entries">> & { project_ids: string[] | null };

/** What a bulk paste or a CSV import did; `invalid_lines` numbers the unusable lines. */
export type EntryCounts = Schemas["EntryCounts"];

export type RiskOutcome = "blocked" | "confirmation_required" | "confirmed_sent" | "cancelled" | "flagged";

/** A trigger: an audit entry with action `risk.trigger` (`details` is an open object in the document). */
export type RiskTrigger = Omit<Schemas["TriggerPublic"], "details"> & {
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
};

/** GET /api/projects/{id}/ignored-updates: updates acknowledged but not served, by kind. */
export type IgnoredCounts = Schemas["IgnoredUpdates"];
export type TeamChat = Schemas["TeamChatPublic"];
export type BindCode = Schemas["BindCodePublic"];

// -- tracked links ---------------------------------------------------------------------------
/** A link as listed, created or edited; `short_url` is the full URL to share. */
export type Link = Schemas["LinkPublic"];
/** UTM defaults as the editor sends them (`utm_source`, ...). */
export type Utm = Schemas["Utm"];
export type Click = Schemas["ClickPublic"];
/** A link's funnel over UTC days `from`..`to` (both `YYYY-MM-DD`, included). */
export type Funnel = Schemas["LinkFunnelPublic"];
export type FunnelCounts = Schemas["FunnelSteps"];
/** A country's or device class's clicks. */
export type Tally = Schemas["ClickCount"];
export type FunnelValue = Schemas["FunnelValue"];
/** A project's click privacy: what a click keeps of the address, and for how many days. */
export type LinkSettings = Schemas["LinkSettingsPublic"];
/** The tracked link's click that brought a user (a session's `link`, a profile's `source`). */
export type LinkTouch = Schemas["LinkTouchPublic"];
export type UserSource = Schemas["UserSourcePublic"];

/** Shifts and handovers (tgdesk.shifts). */
export type Shift = Schemas["ShiftPublic"];
export type ShiftChange = Schemas["ShiftChange"];
export type OnShift = Schemas["OnShift"];
export type Handover = Schemas["HandoverPublic"];

/** Statistics (GET /api/stats): a project's figures over a range of its local days, in total,
 *  for the period before and per day or per value of one dimension (tgdesk.stats). */
export type StatsReport = Schemas["StatsReport"];
export type StatsFigures = Schemas["StatsFigures"];
export type StatsRow = Schemas["StatsRow"];

/** Exports and retention (tgdesk.exports): a project's background export with its progress and
 *  download link, and a project's retention with its backfill. */
export type ProjectExport = Schemas["ProjectExportPublic"];
export type ProjectExportList = Schemas["ProjectExportList"];
export type Retention = Schemas["RetentionPublic"];
