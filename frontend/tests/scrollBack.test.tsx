// Scrolling back into the user's earlier sessions: replies keep the agent's side, and the divider
// before a session says when it began (date and time).
import { readFileSync } from "node:fs";
import { render } from "@testing-library/preact";
import { vi } from "vitest";
import type { Api } from "../src/api/client";
import { ChatPane, MessageRow } from "../src/components/ChatPane";
import { ConsoleController } from "../src/console/controller";
import { setLang } from "../src/i18n";
import { dateTime } from "../src/lib/format";
import { ME } from "./fakeApi";
import { message, outbound, session } from "./fixtures";

const EARLIER = "01m7zzzzzzzzzzzzzzzzzzzzzz";
const CURRENT = session().session_id;
const EARLIER_AT = Date.UTC(2026, 10, 20, 9, 5);
const CURRENT_AT = Date.UTC(2026, 10, 20, 16, 40); // the same day: only the time tells them apart

/** The stylesheet's top-level one-line rules (happy-dom gives up on the whole sheet). */
function topLevelRules(css: string): string {
  return (css.replace(/\/\*[\s\S]*?\*\//g, "").match(/^[^\s@{}][^{}\n]*\{[^{}\n]*\}$/gm) ?? []).join("\n");
}

beforeEach(() => setLang("en"));
afterEach(() => {
  setLang("en");
  document.head.querySelectorAll("style[data-test]").forEach((s) => s.remove());
});

describe("an earlier session's messages", () => {
  it("keep an agent's reply on the agent's side and the user's on theirs", () => {
    const sheet = document.createElement("style");
    sheet.dataset.test = "";
    sheet.textContent = topLevelRules(readFileSync(`${process.cwd()}/src/styles.css`, "utf8")); // Vitest leaves CSS imports empty
    document.head.append(sheet);
    const none = new Set<string>();
    const reply = render(<ol><MessageRow message={outbound({ session_id: EARLIER })} retried={none} current={CURRENT} /></ol>);
    const row = reply.container.querySelector("li.message")!;
    expect(row.classList.contains("out")).toBe(true);
    expect(getComputedStyle(row).flexDirection).not.toBe("column");
    expect(getComputedStyle(row).justifyContent).toBe("flex-end");
    const asked = render(<ol><MessageRow message={message({ session_id: EARLIER })} retried={none} current={CURRENT} /></ol>);
    const userRow = asked.container.querySelector("li.message")!;
    expect(userRow.classList.contains("in")).toBe(true);
    expect(getComputedStyle(userRow).justifyContent).not.toBe("flex-end");
  });
});

describe("the divider between sessions", () => {
  function pane() {
    const api: Api = { get: vi.fn(async () => ({ items: [] })) as Api["get"], post: vi.fn(), patch: vi.fn(), put: vi.fn(), del: vi.fn() };
    const c = new ConsoleController({ api, me: ME });
    const s = session();
    c.sessions.store.set({ sessions: { [s.session_id]: s }, selectedId: s.session_id });
    const messages = [
      message({ message_id: "m1", session_id: EARLIER, created_at: EARLIER_AT - 60_000 }),
      outbound({ message_id: "m2", session_id: EARLIER, created_at: EARLIER_AT }),
      message({ message_id: "m3", session_id: CURRENT, created_at: CURRENT_AT }),
    ];
    c.chat.store.set({ chats: { [CURRENT]: { sessionId: CURRENT, messages, loading: false, olderExhausted: true, loadingOlder: false } } });
    return render(<ChatPane controller={c} />);
  }

  it("says the date and the time the session began, in both languages", () => {
    const page = pane();
    const divider = page.container.querySelector(".session-separator")!;
    expect(divider.textContent).toBe(`Conversation of ${dateTime(CURRENT_AT)}`);
    expect(divider.textContent).toMatch(/\d{1,2}:\d{2}/);
    page.unmount();

    setLang("zh-CN");
    const zh = pane().container.querySelector(".session-separator")!;
    expect(zh.textContent).toBe(`${dateTime(CURRENT_AT)} 的会话`);
    expect(zh.textContent).toMatch(/\d{1,2}:\d{2}/);
  });
});
