// "Translate before sending" with a fake API: offered once the user wrote in another language,
// Enter asks for the preview instead of sending, the dialog shows both texts, and the reply
// goes out as the translation with the agent's words as its original_text.
import { fireEvent, render, waitFor } from "@testing-library/preact";
import { h } from "preact";
import { ApiError, type HttpApi } from "../api/client";
import type { Message, Session } from "../api/types";
import { Composer } from "../components/Composer";
import { ConsoleController } from "../console/controller";
import { setLang } from "../i18n";

const ANA = { agent_id: "ana00000001", username: "ana", display_name: "Ana", role: "agent" as const };
const SESSION = { session_id: "s1", project_id: "p1", status: "open", tg_user_id: 7 } as unknown as Session;
const FROM_USER = {
  message_id: "m1",
  session_id: "s1",
  project_id: "p1",
  tg_user_id: 7,
  direction: "in",
  type: "text",
  created_at: 1,
  text: "我的提现还没到账",
  translation: { text: "[en] 我的提现还没到账", source: "zh", target: "en", provider: "stand-in", at: 2 },
} as Message;

function setUp(messages: Message[], refuse = false) {
  const post = vi.fn(async (url: string, body: { text: string }) => {
    if (url.endsWith("/risk-cancel")) return { ok: true };
    if (refuse && url.endsWith("/messages")) {
      const matches = [{ group_id: "g1", group_name: "Wallets", action: "confirm", entry: "T9yD", kind: "keyword", start: 0, end: 4, matched: "T9yD" }];
      throw new ApiError(409, "risk_confirmation_required", "risky", null, { matches, match_count: 1 });
    }
    if (url.endsWith("/translation-preview")) {
      return { original: body.text, translated: `[zh] ${body.text}`, source: "en", target: "zh" };
    }
    return { ...body, message_id: "m2", session_id: "s1", direction: "out", type: "text", created_at: 3, delivery: { state: "sent", attempts: 1 } };
  });
  const api = { get: vi.fn(), post, patch: vi.fn(), put: vi.fn(), del: vi.fn(), blob: vi.fn(), putText: vi.fn() };
  const controller = new ConsoleController({ api: api as unknown as HttpApi, me: ANA });
  controller.chat.store.set({
    chats: { s1: { sessionId: "s1", messages, loading: false, olderExhausted: true, loadingOlder: false } },
  } as never);
  const page = render(h(Composer, { controller, session: SESSION }));
  const box = page.getByRole("textbox", { name: /reply|message|write/i }) as HTMLTextAreaElement;
  return { post, page, box };
}

function type(box: HTMLTextAreaElement, value: string) {
  box.value = value;
  fireEvent.input(box);
}

beforeEach(() => {
  setLang("en");
  localStorage.clear();
  sessionStorage.clear();
});

describe("translate before sending", () => {
  it("is not offered while the user writes in the agents' language", () => {
    const { page } = setUp([{ ...FROM_USER, translation: null } as Message]);
    expect(page.queryByLabelText(/Translate before sending/)).toBeNull();
  });

  it("previews both texts, then sends the translation with the agent's own words", async () => {
    const { post, page, box } = setUp([FROM_USER]);
    fireEvent.click(page.getByLabelText("Translate before sending (zh)"));
    type(box, "Your refund is on its way");
    fireEvent.keyDown(box, { key: "Enter" });

    const dialog = await page.findByRole("dialog", { name: "Check the translation" });
    expect(post).toHaveBeenCalledWith("/api/sessions/s1/translation-preview", { text: "Your refund is on its way", target: "zh" });
    expect(dialog.textContent).toContain("Your refund is on its way");
    expect(dialog.textContent).toContain("[zh] Your refund is on its way");
    expect(post).toHaveBeenCalledTimes(1); // nothing sent yet

    fireEvent.click(page.getByRole("button", { name: "Send the translation" }));
    await waitFor(() => expect(post).toHaveBeenCalledTimes(2));
    const [url, body] = post.mock.calls[1];
    expect(url).toBe("/api/sessions/s1/messages");
    expect(body).toMatchObject({ text: "[zh] Your refund is on its way", original_text: "Your refund is on its way" });
    expect(box.value).toBe("");
    expect(page.queryByRole("dialog")).toBeNull();
  });

  it("goes back to editing without sending", async () => {
    const { post, page, box } = setUp([FROM_USER]);
    fireEvent.click(page.getByLabelText("Translate before sending (zh)"));
    type(box, "Hello");
    fireEvent.keyDown(box, { key: "Enter" });
    await page.findByRole("dialog");
    fireEvent.click(page.getByRole("button", { name: "Back to editing" }));
    expect(page.queryByRole("dialog")).toBeNull();
    expect(box.value).toBe("Hello");
    expect(post).toHaveBeenCalledTimes(1);
  });

  it("gives the agent's own words back when risk control holds the translation", async () => {
    const { page, box } = setUp([FROM_USER], true);
    fireEvent.click(page.getByLabelText("Translate before sending (zh)"));
    type(box, "Pay T9yD");
    fireEvent.keyDown(box, { key: "Enter" });
    await page.findByRole("dialog", { name: "Check the translation" });
    fireEvent.click(page.getByRole("button", { name: "Send the translation" }));
    fireEvent.click(await page.findByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(box.value).toBe("Pay T9yD"));
  });
});
