// A list row's last message (text only, the kind of a media message, "Reply: " for a reply) and
// the session's tags in their colours.
import { render } from "@testing-library/preact";
import type { Session, Tag } from "../src/api/types";
import { SessionList } from "../src/components/SessionList";
import { ConsoleController } from "../src/console/controller";
import { setLang } from "../src/i18n";
import { fakeApi, ME } from "./fakeApi";
import { session } from "./fixtures";

const PROJECT = session().project_id;
const tag = (tag_id: string, name: string, colour: string): Tag => ({ tag_id, name, colour, project_id: PROJECT, created_at: 1 });
const VIP = tag("t-vip", "VIP", "#f59e0b");
const REFUND = tag("t-refund", "Refund", "#1e3a8a");

function rowOf(s: Session) {
  const c = new ConsoleController({ api: fakeApi({}), me: ME });
  c.workspace.store.set({ tags: { [PROJECT]: [VIP, REFUND] } });
  const view = render(<SessionList controller={c} sessions={[s]} />);
  return { view, preview: () => view.container.querySelector(".session-preview"), chips: () => [...view.container.querySelectorAll<HTMLElement>(".session-meta .tag-chip")] };
}

const last = (overrides: Partial<NonNullable<Session["last_message"]>>) => ({ direction: "in" as const, type: "text", text: "", at: 1, ...overrides });

beforeEach(() => setLang("en"));

describe("a list row's last message", () => {
  it("shows a user's text as text, never as HTML", () => {
    const { preview } = rowOf(session({ last_message: last({ text: "<b>hi</b> <img src=x onerror=alert(1)>" }) }));
    expect(preview()?.textContent).toBe("<b>hi</b> <img src=x onerror=alert(1)>");
    expect(preview()?.querySelector("b, img")).toBeNull();
  });

  it("names a media message's kind, with its caption, in both languages", () => {
    const photo = session({ last_message: last({ type: "photo", text: "my receipt" }) });
    const sticker = session({ last_message: last({ type: "sticker" }) });
    expect(rowOf(photo).preview()?.textContent).toBe("Photo · my receipt");
    expect(rowOf(sticker).preview()?.textContent).toBe("Sticker");
    expect(rowOf(session({ last_message: last({ type: "something_new" }) })).preview()?.textContent).toBe(
      "A message of a kind the console cannot show",
    );
    setLang("zh-CN");
    expect(rowOf(sticker).preview()?.textContent).not.toBe("Sticker");
    expect(rowOf(sticker).preview()?.textContent).toBeTruthy();
  });

  it("marks an agent's reply as the agent's own, in both languages", () => {
    const reply = session({ last_message: last({ direction: "out", text: "On its way" }) });
    expect(rowOf(reply).preview()?.textContent).toBe("Reply: On its way");
    setLang("zh-CN");
    expect(rowOf(reply).preview()?.textContent).toBe("回复：On its way");
  });

  it("is left out when the session has none yet", () => {
    expect(rowOf(session()).preview()).toBeNull();
  });
});

describe("a list row's tags", () => {
  it("shows the session's tags as chips in the tags' colours, unknown ids left out", () => {
    const { chips } = rowOf(session({ tags: ["t-refund", "t-gone", "t-vip"] }));
    expect(chips().map((c) => c.textContent)).toEqual(["Refund", "VIP"]);
    expect(chips()[0].style.getPropertyValue("--tag-colour")).toBe("#1e3a8a");
    expect(chips()[0].style.getPropertyValue("--tag-text")).toBe("#ffffff");
    expect(chips()[1].style.getPropertyValue("--tag-text")).toBe("#000000");
  });

  it("shows none for an untagged session", () => {
    expect(rowOf(session()).chips()).toEqual([]);
  });
});
