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
    clicks: 0,
    created_at,
    updated_at: created_at,
    ...extra,
  };
}

export function funnelOf(code: string, clicks: number, extra: Partial<FunnelCounts> = {}): Funnel {
  const totals = { clicks, bot_clicks: 0, unique_visitors: clicks, starts: 0, first_messages: 0, first_replies: 0, resolved: 0, ...extra };
  return { code, from: 0, to: 1, totals, days: [], countries: [], devices: [] };
}
