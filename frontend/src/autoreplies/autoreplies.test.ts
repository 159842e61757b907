// The bot's own answers in the console: its messages marked as the bot's, "Make FAQ answer" in
// two clicks with the user's question as the phrase, and the admin tab saving a new rule.
import { fireEvent, render, waitFor } from "@testing-library/preact";
import { h } from "preact";
import type { HttpApi } from "../api/client";
import type { Message } from "../api/types";
import { MessageRow } from "../components/ChatPane";
import { ConsoleController } from "../console/controller";
import { setLang } from "../i18n";
import { AutorepliesAdmin } from "./AutorepliesAdmin";
import { canBecomeFaq, questionBefore } from "./model";

const BOSS = { agent_id: "boss0000001", username: "boss", display_name: "Boss", role: "supervisor" as const };
const ANA = { agent_id: "ana00000001", username: "ana", display_name: "Ana", role: "agent" as const };

function message(id: string, direction: "in" | "out", text: string, extra: Partial<Message> = {}): Message {
  return { message_id: id, session_id: "s1", project_id: "p1", tg_user_id: 7, direction, type: "text", text, created_at: Number(id.slice(1)), ...extra } as Message;
}

const QUESTION = message("m1", "in", "How long   does a refund take?");
const ANSWER = message("m2", "out", "Refunds take 3 to 5 days.", { sender_agent_id: BOSS.agent_id, delivery: { state: "sent", attempts: 1 } } as Partial<Message>);
const BOT = message("m3", "out", "Withdrawals arrive within 24 hours.", { sender_agent_id: "system", from_bot: true } as Partial<Message>);

function fakeApi() {
  const api = { get: vi.fn(), post: vi.fn(async (): Promise<{ rule_id: string; proposed?: boolean }> => ({ rule_id: "r1" })), patch: vi.fn(), put: vi.fn(), del: vi.fn(), blob: vi.fn(), putText: vi.fn() };
  return api;
}

beforeEach(() => {
  setLang("en");
  localStorage.clear();
  sessionStorage.clear();
});

describe("the bot's own answers", () => {
  it("finds the user's question before an agent's answer, and only agents' texts qualify", () => {
    expect(questionBefore([QUESTION, ANSWER, BOT], "m2")).toBe("How long does a refund take?");
    expect(questionBefore([ANSWER], "m2")).toBe("");
    expect(questionBefore([message("m1", "in", "word ".repeat(40)), ANSWER], "m2").length).toBeLessThanOrEqual(100);
    expect([QUESTION, ANSWER, BOT].map(canBecomeFaq)).toEqual([false, true, false]);
  });

  it("marks the bot's messages and turns an agent's answer into an FAQ rule in two clicks", async () => {
    const api = fakeApi();
    const controller = new ConsoleController({ api: api as unknown as HttpApi, me: BOSS });
    controller.chat.store.set({ chats: { s1: { sessionId: "s1", messages: [QUESTION, ANSWER, BOT], loading: false, olderExhausted: true, loadingOlder: false } } } as never);
    const bot = render(h(MessageRow, { controller, message: BOT, retried: new Set<string>(), agents: {} }));
    expect(bot.getByText("Bot").getAttribute("title")).toBe("Sent by the bot on its own");
    expect(bot.queryByText("Make FAQ answer")).toBeNull();

    const row = render(h(MessageRow, { controller, message: ANSWER, retried: new Set<string>(), agents: {} }));
    fireEvent.click(row.getByText("Make FAQ answer"));
    expect((row.getByLabelText("When a user writes") as HTMLInputElement).value).toBe("How long does a refund take?");
    fireEvent.click(row.getByText("Save FAQ answer"));
    await waitFor(() => expect(row.getByRole("status").textContent).toBe("The bot will give this answer."));
    expect(api.post).toHaveBeenCalledWith("/api/projects/p1/faq-rules", {
      session_id: "s1",
      message_id: "m2",
      phrases: ["How long does a refund take?"],
    });
  });

  it("offers agents the action on their own answers only, and tells them it waits for approval", async () => {
    const api = fakeApi();
    api.post.mockResolvedValue({ rule_id: "r2", proposed: true });
    const controller = new ConsoleController({ api: api as unknown as HttpApi, me: ANA });
    const own = { ...ANSWER, message_id: "m4", sender_agent_id: ANA.agent_id } as Message;
    controller.chat.store.set({ chats: { s1: { sessionId: "s1", messages: [QUESTION, ANSWER, own], loading: false, olderExhausted: true, loadingOlder: false } } } as never);
    const others = render(h(MessageRow, { controller, message: ANSWER, retried: new Set<string>(), agents: {} }));
    expect(others.queryByText("Make FAQ answer")).toBeNull();
    others.unmount();

    const row = render(h(MessageRow, { controller, message: own, retried: new Set<string>(), agents: {} }));
    fireEvent.click(row.getByText("Make FAQ answer"));
    fireEvent.click(row.getByText("Save FAQ answer"));
    await waitFor(() => expect(row.getByRole("status").textContent).toBe("Proposed: the bot gives this answer once a supervisor approves it."));
  });

  it("lists an agent's proposal with who made it, and approving it saves it live", async () => {
    const api = fakeApi();
    const proposal = { rule_id: "r2", language: "en", phrases: ["refund"], keywords: [], answer: "3 to 5 days.", buttons: true, created_by: ANA.agent_id, proposed: true };
    const settings = { project_id: "p1", welcome: { enabled: false, texts: {} }, off_hours: { enabled: false, texts: {} }, faq: [proposal], updated_at: 7 };
    api.get.mockResolvedValue(settings);
    api.put.mockImplementation(async (_url: string, body: unknown) => ({ ...settings, ...(body as object), updated_at: 8 }));
    const controller = new ConsoleController({ api: api as unknown as HttpApi, me: BOSS });
    controller.workspace.store.set({ projects: [{ project_id: "p1", name: "Support" }], agents: { [ANA.agent_id]: ANA } } as never);
    const page = render(h(AutorepliesAdmin, { api: api as unknown as HttpApi, controller }));
    await page.findByText(/^Proposed by Ana/);
    fireEvent.click(page.getByText("Approve rule 1"));
    expect(page.queryByText(/^Proposed by Ana/)).toBeNull();
    fireEvent.click(page.getByText("Save"));
    await page.findByText("Saved.");
    expect(api.put).toHaveBeenCalledWith("/api/projects/p1/autoreply-settings", expect.objectContaining({ faq: [{ ...proposal, proposed: false }], updated_at: 7 }));
  });

  it("saves a new FAQ rule from the admin tab", async () => {
    const api = fakeApi();
    const settings = {
      project_id: "p1",
      welcome: { enabled: true, texts: { en: "Hi!" } },
      off_hours: { enabled: false, texts: { en: "Back at {back}." } },
      faq: [],
      updated_at: 5,
    };
    api.get.mockResolvedValue(settings);
    api.put.mockImplementation(async (_url: string, body: unknown) => ({ ...settings, ...(body as object), updated_at: 6 }));
    const controller = new ConsoleController({ api: api as unknown as HttpApi, me: BOSS });
    controller.workspace.store.set({ projects: [{ project_id: "p1", name: "Support" }] } as never);
    const page = render(h(AutorepliesAdmin, { api: api as unknown as HttpApi, controller }));
    await page.findByText("No FAQ rules yet.");
    fireEvent.click(page.getByText("Add a rule"));
    fireEvent.input(page.getByLabelText("Phrases (one a line)"), { target: { value: "withdrawal time\n\nвывод средств" } });
    fireEvent.input(page.getByLabelText("Answer"), { target: { value: "Within a day." } });
    fireEvent.click(page.getByText("Save"));
    await page.findByText("Saved.");
    expect(api.put).toHaveBeenCalledWith("/api/projects/p1/autoreply-settings", {
      welcome: settings.welcome,
      off_hours: settings.off_hours,
      faq: [{ language: "en", phrases: ["withdrawal time", "вывод средств"], keywords: [], answer: "Within a day.", buttons: true, proposed: false }],
      updated_at: 5,
    });
  });
});
