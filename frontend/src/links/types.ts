// The tracked links' shapes as the Links page reads them. The console's API types come from
// src/api/types.ts; these name what the page needs of them.

/** UTM values a link adds to its clicks when the query carries none. */
export interface Utm {
  utm_source?: string | null;
  utm_medium?: string | null;
  utm_campaign?: string | null;
  utm_term?: string | null;
  utm_content?: string | null;
}

export const UTM_FIELDS = ["utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content"] as const;
export type UtmField = (typeof UTM_FIELDS)[number];

export interface Link {
  code: string;
  project_id: string;
  name: string;
  channel?: string | null;
  utm: Utm;
  /** Who answers the sessions the link brings: a group, some agents, or (neither) the project's routing. */
  target_group_id?: string | null;
  target_agent_ids?: string[] | null;
  language?: string | null;
  enabled: boolean;
  note?: string | null;
  /** The full short URL, `https://<redirect domain>/l/<code>`. */
  short_url: string;
  /** Clicks so far, bots apart. */
  clicks?: number;
  created_at: number;
  updated_at: number;
}

/** What the editor sends: a create (the code may be left out to have one generated) or a change. */
export interface LinkDraft {
  code?: string;
  name: string;
  channel: string;
  utm: Utm;
  target_group_id: string | null;
  target_agent_ids: string[] | null;
  language: string | null;
  enabled: boolean;
  note: string;
}

/** The funnel's steps, in order: each a count of the one before it or fewer. */
export const FUNNEL_STEPS = ["clicks", "visitors", "starts", "first_messages", "first_replies", "resolved"] as const;
export type FunnelStep = (typeof FUNNEL_STEPS)[number];

export type FunnelCounts = Record<FunnelStep, number> & {
  /** Link-preview fetchers and crawlers: counted, never a step. */
  bot_clicks: number;
};

export interface FunnelDay extends FunnelCounts {
  /** The UTC day, `YYYY-MM-DD`. */
  day: string;
}

/** A channel's, UTM source's or UTM campaign's counts over the project's links. */
export interface FunnelValue extends FunnelCounts {
  value: string;
}

/** A country's or device class's clicks. */
export interface Tally {
  value: string;
  clicks: number;
}

export interface Funnel {
  code: string;
  project_id: string;
  /** The first and last UTC day, `YYYY-MM-DD`, both included. */
  from: string;
  to: string;
  days: FunnelDay[];
  total: FunnelCounts;
  channels: FunnelValue[];
  utm_sources: FunnelValue[];
  utm_campaigns: FunnelValue[];
  countries: Tally[];
  devices: Tally[];
}

export interface Click {
  at: number;
  is_bot: boolean;
  country?: string | null;
  device?: string | null;
  browser?: string | null;
  referrer?: string | null;
  utm?: Utm | null;
}
