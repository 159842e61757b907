// The administrators' agent list rendered with a fake API (h() rather than JSX: tests next to the code are .ts).
import { render } from "@testing-library/preact";
import { h } from "preact";
import type { Api } from "../api/client";
import { setLang } from "../i18n";
import { dateTime } from "../lib/format";
import { AgentsAdmin } from "./AgentsAdmin";

const SIGNED_IN_AT = Date.UTC(2026, 2, 14, 9, 30);

function agentOf(username: string, extra: Record<string, unknown> = {}) {
  return { agent_id: `id-${username}`, username, display_name: username.toUpperCase(), role: "agent", created_at: 0, presence: "online", ...extra };
}

function setUp(agents: unknown[]) {
  const get = vi.fn(async (path: string) => {
    if (path === "/api/agents") return { items: agents };
    if (path === "/api/projects") return { items: [] };
    throw new Error(`unexpected GET ${path}`);
  });
  const api = { get, post: vi.fn(), patch: vi.fn(), put: vi.fn(), del: vi.fn() } as unknown as Api;
  return render(h(AgentsAdmin, { api, meId: "id-ada" }));
}

describe("the agents' last sign-in", () => {
  for (const lang of ["en", "zh-CN"] as const) {
    it(`shows it and flags agents without one for 7 days (${lang})`, async () => {
      setLang(lang);
      const page = setUp([
        agentOf("maria", { last_sign_in_at: SIGNED_IN_AT, no_recent_sign_in: false }),
        agentOf("ana", { last_sign_in_at: SIGNED_IN_AT, no_recent_sign_in: true }),
        agentOf("li", { last_sign_in_at: null, no_recent_sign_in: false }),
      ]);
      const flag = lang === "en" ? "Not signed in for 7 days" : "7 天未登录";
      const row = async (name: string) => (await page.findByText(name, { selector: "td" })).closest("tr")!;
      expect((await row("maria")).textContent).toContain(dateTime(SIGNED_IN_AT));
      expect((await row("maria")).textContent).not.toContain(flag);
      expect((await row("ana")).textContent).toContain(flag);
      expect((await row("li")).textContent).toContain(lang === "en" ? "Never" : "从未登录");
      expect(page.getByRole("columnheader", { name: lang === "en" ? "Last sign-in" : "最近登录" })).toBeTruthy();
    });
  }
});
