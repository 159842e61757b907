// Escalation triggers in the console: the suggestion banner on the chat (its reasons in both
// languages, gone once the session is escalated, the Escalate action) and the admin editor of a
// project's triggers (administrators save, supervisors only read).
import { fireEvent, render, waitFor } from "@testing-library/preact";
import { vi } from "vitest";
import { TriggersAdmin } from "../src/admin/TriggersAdmin";
import type { Api } from "../src/api/client";
import { ConsoleController } from "../src/console/controller";
import { setLang } from "../src/i18n";
import { SuggestionBanner } from "../src/triggers/SuggestionBanner";
import { suggestionText, type Suggestion, type TriggerSettings } from "../src/triggers/model";
import { ME } from "./fakeApi";
import { session } from "./fixtures";

const ASKED: Suggestion = { trigger: "manager", reason: "the user asked for a manager 2 times", at: 5, count: 2 };
const WROTE: Suggestion = { trigger: "keyword", reason: 'the user wrote "refund"', at: 6, keyword: "<b>refund</b>" };

const SETTINGS: TriggerSettings = {
  project_id: "p1",
  unresolved: { enabled: false, minutes: 60 },
  manager: { enabled: false, times: 2, phrases: { en: ["manager", "complain"], zh: ["投诉"], ru: ["жалоб"] } },
  keyword: { enabled: false, keywords: ["refund", "lawyer"] },
  updated_at: 7,
};

function controllerWith(api: Record<string, unknown>, role: "admin" | "supervisor" | "agent" = "agent") {
  const full = { get: vi.fn(), post: vi.fn(), patch: vi.fn(), put: vi.fn(), del: vi.fn(), ...api } as unknown as Api;
  const controller = new ConsoleController({ api: full, me: { ...ME, role } });
  controller.workspace.store.set({ ...controller.workspace.state, projects: [{ project_id: "p1", name: "Support" }] as never });
  return controller;
}

beforeEach(() => setLang("en"));

describe("the suggestion to escalate", () => {
  it("says why, in English and in Chinese", () => {
    expect(suggestionText(ASKED)).toBe("Suggested: escalate — the user asked for a manager 2 times");
    expect(suggestionText({ trigger: "unresolved", reason: "", at: 1, minutes: 30 })).toBe("Suggested: escalate — unresolved for 30 minutes");
    setLang("zh-CN");
    expect(suggestionText(ASKED)).toBe("建议：升级 — 用户 2 次要求找经理或投诉");
  });

  it("shows each fired trigger as text on a first-level session, with an Escalate action", async () => {
    const get = vi.fn(async (url: string) => (url.endsWith("/escalation-suggestions") ? { items: [ASKED, WROTE] } : { items: [] }));
    const controller = controllerWith({ get });
    const page = render(<SuggestionBanner controller={controller} session={session({ status: "processing" })} />);

    const banner = await page.findByRole("status", { name: "Suggested escalation" });
    expect(get).toHaveBeenCalledWith("/api/sessions/01m83gn12c75chx0rpmgvne239/escalation-suggestions");
    expect([...banner.querySelectorAll("li")].map((li) => li.textContent)).toEqual([
      "Suggested: escalate — the user asked for a manager 2 times",
      "Suggested: escalate — the user wrote “<b>refund</b>”",
    ]);
    expect(banner.querySelector("b")).toBeNull(); // the user's words are text, never HTML
    fireEvent.click(page.getByRole("button", { name: "Escalate" }));
    expect(await page.findByRole("dialog")).toBeTruthy();
  });

  it("is not asked for once the session is escalated", async () => {
    const get = vi.fn(async () => ({ items: [ASKED] }));
    const page = render(<SuggestionBanner controller={controllerWith({ get })} session={session({ level: "l2" })} />);
    await Promise.resolve();
    expect(get).not.toHaveBeenCalled();
    expect(page.container.textContent).toBe("");
  });
});

describe("the project's escalation triggers", () => {
  it("are saved whole by an administrator: phrases and keywords one per line, an automatic escalation", async () => {
    const get = vi.fn(async (url: string) => (url.endsWith("/groups") ? { items: [{ group_id: "g1", name: "L2 support" }] } : SETTINGS));
    const put = vi.fn(async (_url: string, body: unknown) => ({ ...SETTINGS, ...(body as object) }));
    const page = render(<TriggersAdmin api={{ get, put } as unknown as Api} controller={controllerWith({}, "admin")} />);

    const keywords = await page.findByLabelText("Keywords, one per line");
    fireEvent.input(keywords, { target: { value: "refund\n\n  chargeback \n" } });
    const manager = page.container.querySelector('fieldset[data-trigger="manager"]') as HTMLElement;
    fireEvent.click(manager.querySelector('input[type="checkbox"]') as HTMLElement);
    fireEvent.input(page.getByLabelText("Phrases (ru), one per line"), { target: { value: "жалоб\nруководител" } });
    const keywordSet = page.container.querySelector('fieldset[data-trigger="keyword"]') as HTMLElement;
    await waitFor(() => expect(keywordSet.querySelectorAll("option").length).toBe(2));
    fireEvent.change(keywordSet.querySelector("select") as HTMLSelectElement, { target: { value: "g1" } });
    fireEvent.click(page.getByRole("button", { name: "Save" }));

    await waitFor(() => expect(put).toHaveBeenCalled());
    const [url, body] = put.mock.calls[0];
    expect(url).toBe("/api/projects/p1/escalation-triggers");
    expect(body).toMatchObject({
      manager: { enabled: true, times: 2, phrases: { en: ["manager", "complain"], zh: ["投诉"], ru: ["жалоб", "руководител"] }, escalate: null },
      keyword: { enabled: false, keywords: ["refund", "chargeback"], escalate: { group_id: "g1", level: "l2" } },
      updated_at: 7,
    });
    expect(await page.findByText("Saved.")).toBeTruthy();
  });

  it("are read only for a supervisor", async () => {
    const get = vi.fn(async (url: string) => (url.endsWith("/groups") ? { items: [] } : SETTINGS));
    const page = render(<TriggersAdmin api={{ get } as unknown as Api} controller={controllerWith({}, "supervisor")} />);
    await page.findByLabelText("Keywords, one per line");
    for (const set of page.container.querySelectorAll("fieldset")) expect((set as HTMLFieldSetElement).disabled).toBe(true);
    expect(page.queryByRole("button", { name: "Save" })).toBeNull();
  });
});
