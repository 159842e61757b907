// A message's translation under its own text, as text only.
import { render } from "@testing-library/preact";
import { h } from "preact";
import type { Message } from "../api/types";
import { MessageBody } from "../chat/MessageBody";
import { setLang } from "../i18n";

const BASE = { message_id: "m1", session_id: "s1", project_id: "p1", tg_user_id: 7, type: "text", created_at: 1 };

beforeEach(() => setLang("en"));

describe("a message's translation", () => {
  it("shows a user's message in the agents' language under the original", () => {
    const message = {
      ...BASE,
      direction: "in",
      text: "<b>提现</b>",
      translation: { text: "[en] <b>提现</b>", source: "zh", target: "en", provider: "stand-in", at: 2 },
    } as Message;
    const { container } = render(h(MessageBody, { message }));
    const paragraphs = [...container.querySelectorAll("p")].map((p) => p.textContent);
    expect(paragraphs).toEqual(["<b>提现</b>", "Translated from zh: [en] <b>提现</b>"]);
    expect(container.querySelector("b")).toBeNull();
    expect(container.querySelector(".translation")?.getAttribute("lang")).toBe("en");
  });

  it("shows nothing more for a message that was in the agents' language", () => {
    const message = { ...BASE, direction: "in", text: "Hello", translation: { source: "en", target: "en", provider: "stand-in", at: 2 } } as Message;
    const { container } = render(h(MessageBody, { message }));
    expect(container.querySelector(".translation")).toBeNull();
  });

  it("shows what the agent wrote under a translated reply", () => {
    const message = { ...BASE, direction: "out", text: "[zh] Thanks", original_text: "Thanks" } as Message;
    const { container } = render(h(MessageBody, { message }));
    expect(container.querySelector(".translation.original")?.textContent).toBe("You wrote: Thanks");
  });
});
