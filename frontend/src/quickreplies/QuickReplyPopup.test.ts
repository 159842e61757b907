// The composer's `/` search with a fake API: typing `/refund` lists the reply, Enter inserts it
// filled for the user in place of the query, and nothing is sent.
import { fireEvent, render, waitFor } from "@testing-library/preact";
import { h } from "preact";
import type { HttpApi } from "../api/client";
import type { Session } from "../api/types";
import { Composer } from "../components/Composer";
import { ConsoleController } from "../console/controller";
import { setLang } from "../i18n";

const ANA = { agent_id: "ana00000001", username: "ana", display_name: "Ana", role: "agent" as const };
const SESSION = { session_id: "s1", project_id: "p1", status: "open", tg_user_id: 7 } as unknown as Session;
const REPLIES = [
  { reply_id: "r1", owner: "project", owner_id: "p1", title: "Refund policy", texts: { en: "Hi {first_name}, refunds take 5 days." }, version: 1, updated_at: 1, uses: 0 },
  { reply_id: "r2", owner: "agent", owner_id: ANA.agent_id, title: "Refund status", texts: { en: "Your refund is on its way." }, version: 1, updated_at: 1, uses: 2 },
  { reply_id: "r3", owner: "project", owner_id: "p1", title: "Greeting", texts: { en: "Hello!" }, version: 1, updated_at: 1, uses: 9 },
];

function setUp() {
  const get = vi.fn(async () => ({ items: REPLIES }));
  const post = vi.fn(async (url: string) => ({
    reply_id: url.split("/")[5],
    title: "x",
    language: "en",
    text: url.includes("/r2/") ? "Your refund is on its way." : "Hi Alice, refunds take 5 days.",
    unfilled: [],
  }));
  const api = { get, post, patch: vi.fn(), put: vi.fn(), del: vi.fn(), blob: vi.fn(), putText: vi.fn() };
  const controller = new ConsoleController({ api: api as unknown as HttpApi, me: ANA });
  const send = vi.spyOn(controller.chat, "send");
  const page = render(h(Composer, { controller, session: SESSION }));
  const box = page.getByRole("textbox") as HTMLTextAreaElement;
  return { api, page, box, send };
}

function type(box: HTMLTextAreaElement, value: string) {
  box.value = value;
  box.setSelectionRange(value.length, value.length);
  fireEvent.input(box);
}

beforeEach(() => {
  setLang("en");
  localStorage.clear();
  sessionStorage.clear();
});

describe("the composer's quick replies", () => {
  it("inserts the chosen reply filled for the user, and sends nothing", async () => {
    const { api, page, box, send } = setUp();
    type(box, "Hello! /refund");
    const options = await page.findAllByRole("option");
    expect(options.map((o) => o.textContent)).toEqual([
      "Refund policyHi {first_name}, refunds take 5 days.",
      "Refund statusmineYour refund is on its way.",
    ]);
    expect(api.get).toHaveBeenCalledWith("/api/sessions/s1/quick-replies");
    expect(box.getAttribute("aria-activedescendant")).toBe(options[0].id);

    fireEvent.keyDown(box, { key: "Enter" });
    await waitFor(() => expect(box.value).toBe("Hello! Hi Alice, refunds take 5 days."));
    expect(api.post).toHaveBeenCalledWith("/api/sessions/s1/quick-replies/r1/filled");
    expect(send).not.toHaveBeenCalled();
    expect(page.queryByRole("listbox")).toBeNull();
  });

  it("moves with the arrows and closes with Escape until the next slash", async () => {
    const { api, page, box, send } = setUp();
    type(box, "/refund");
    await page.findAllByRole("option");
    fireEvent.keyDown(box, { key: "ArrowDown" });
    expect(page.getAllByRole("option")[1].getAttribute("aria-selected")).toBe("true");
    fireEvent.keyDown(box, { key: "ArrowDown" }); // wraps round
    expect(page.getAllByRole("option")[0].getAttribute("aria-selected")).toBe("true");
    fireEvent.keyDown(box, { key: "ArrowUp" });
    fireEvent.keyDown(box, { key: "Enter" });
    await waitFor(() => expect(box.value).toBe("Your refund is on its way."));
    expect(api.post).toHaveBeenCalledWith("/api/sessions/s1/quick-replies/r2/filled");

    type(box, "/nothing like it");
    await page.findByText("No quick reply matches.");
    fireEvent.keyDown(box, { key: "Enter" }); // never sends the `/words`
    expect(box.value).toBe("/nothing like it");

    type(box, "/gree");
    await page.findAllByRole("option");
    fireEvent.keyDown(box, { key: "Escape" });
    await waitFor(() => expect(page.queryByRole("listbox")).toBeNull());
    type(box, "/greet"); // the same slash: still closed
    expect(page.queryByRole("listbox")).toBeNull();
    expect(send).not.toHaveBeenCalled();
  });
});
