// The Links page's names for the API's link types (src/api/types.ts), and what only the page
// itself has: the editor's draft and the orders of UTM fields and funnel steps.
import type { FunnelCounts, LinkSettings, Utm } from "../api/types";

export type { Click, Funnel, FunnelCounts, FunnelValue, Link, LinkSettings, Tally, Utm } from "../api/types";

export const UTM_FIELDS = ["utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content"] as const satisfies readonly (keyof Utm)[];
export type UtmField = (typeof UTM_FIELDS)[number];

/** The funnel's steps, in order: each a count of the one before it or fewer (bot clicks are
 *  counted apart, never a step). `rated` counts the sessions a satisfaction survey rated; their
 *  average is `average_rating`. */
export const FUNNEL_STEPS = ["clicks", "visitors", "starts", "first_messages", "first_replies", "resolved", "rated"] as const satisfies readonly (keyof FunnelCounts)[];
export type FunnelStep = (typeof FUNNEL_STEPS)[number];

/** What the editor sends: a create (the code left out to have one generated) or a change. */
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

/** How a click keeps the visitor's address (the project's link settings). */
export const ADDRESS_MODES = ["hashed", "truncated", "full"] as const satisfies readonly LinkSettings["address_mode"][];
export type AddressMode = (typeof ADDRESS_MODES)[number];
export const MAX_RETENTION_DAYS = 730;
