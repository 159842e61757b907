// Links and funnels for the Links page's tests.
import type { Funnel, FunnelCounts, Link } from "./types";

export function linkOf(code: string, created_at: number, extra: Partial<Link> = {}): Link {
  return {
    code,
    project_id: "p1",
    name: `Link ${code}`,
    channel: "x",
    utm: {},
    enabled: true,
    short_url: `https://go.example/l/${code}`,
    created_by: "6t2nwqeabbja",
    created_at,
    updated_at: created_at,
    ...extra,
  };
}

export function countsOf(clicks: number, extra: Partial<FunnelCounts> = {}): FunnelCounts {
  return { clicks, bot_clicks: 0, visitors: clicks, starts: 0, first_messages: 0, first_replies: 0, resolved: 0, rated: 0, average_rating: null, ...extra };
}

export function funnelOf(code: string, clicks: number, extra: Partial<FunnelCounts> = {}): Funnel {
  const none = { channels: [], utm_sources: [], utm_campaigns: [], countries: [], devices: [] };
  return { code, project_id: "p1", from: "2026-11-26", to: "2026-12-02", time_zone: "UTC", days: [], total: countsOf(clicks, extra), ...none };
}
