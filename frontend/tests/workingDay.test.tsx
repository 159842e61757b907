// A console through an agent's working day, on screen: note drafts per session, the side panel
// as a drawer, replies sent again, the top bar while sends fail, a transfer's outcome in the
// console's language, and Alt+↑/↓ from the composer.
import { act, fireEvent, render } from "@testing-library/preact";
import { ApiError, type Api } from "../src/api/client";
import type { Session } from "../src/api/types";
import { ChatPane, MessageRow } from "../src/components/ChatPane";
import { COMPOSER_ID } from "../src/components/Composer";
import { useShortcuts } from "../src/components/shortcuts";
import { SidePanel, SidePanelToggle } from "../src/components/SidePanel";
import { TopBar } from "../src/components/TopBar";
import { TransferDialog } from "../src/components/TransferDialog";
import { ConsoleController } from "../src/console/controller";
import { setLang } from "../src/i18n";
import { outbound, session } from "./fixtures";

const ME = { agent_id: "6t2nwqeabbja", username: "admin", display_name: "Admin", role: "agent" as const };
const A = session({ session_id: "a" });
const B = session({ session_id: "b", last_activity_at: A.last_activity_at - 1 });

function controllerWith(sessions: Session[] = [A, B]) {
  const post = vi.fn(async (_path: string, body?: unknown) => ({ note_id: "n", session_id: "a", author_id: ME.agent_id, created_at: 1, ...(body as object) }));
  const api: Api = { get: vi.fn(async () => ({ items: [], next_cursor: null })) as Api["get"], post: post as Api["post"], patch: vi.fn(), put: vi.fn(), del: vi.fn() };
  const controller = new ConsoleController({ api, me: ME });
  for (const s of sessions) controller.sessions.applySession(s);
  return { controller, post };
}

beforeEach(() => {
  setLang("en");
  sessionStorage.clear();
});

describe("the note box", () => {
  it("keeps each session's draft, and unticks 'only for me' once a note is filed", async () => {
    const { controller, post } = controllerWith();
    const page = render(<SidePanel controller={controller} />);
    act(() => controller.select("a"));
    const box = () => page.getByPlaceholderText(/Add an internal note/) as HTMLTextAreaElement;
    fireEvent.input(box(), { target: { value: "about a" } });
    act(() => controller.select("b"));
    expect(box().value).toBe("");
    act(() => controller.select("a"));
    expect(box().value).toBe("about a");

    const personal = () => page.getByLabelText("Only for me") as HTMLInputElement;
    fireEvent.click(personal());
    expect(personal().checked).toBe(true);
    await act(async () => {
      fireEvent.click(page.getByRole("button", { name: "Add note" }));
    });
    expect(post).toHaveBeenCalledWith("/api/sessions/a/notes", { text: "about a", personal: true });
    await vi.waitFor(() => expect(box().value).toBe(""));
    expect(personal().checked).toBe(false);
  });
});

describe("the side panel on a narrow screen", () => {
  it("opens as a drawer from the conversation's header and closes with Esc", () => {
    const { controller } = controllerWith();
    act(() => controller.select("a"));
    const page = render(
      <div>
        <SidePanelToggle controller={controller} />
        <SidePanel controller={controller} />
      </div>,
    );
    const toggle = page.getByRole("button", { name: "Details" });
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    expect(toggle.getAttribute("aria-controls")).toBe("side-panel");
    fireEvent.click(toggle);
    expect(page.container.querySelector("#side-panel")!.classList.contains("open")).toBe(true);
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    fireEvent.keyDown(window, { key: "Escape" });
    expect(page.container.querySelector("#side-panel")!.classList.contains("open")).toBe(false);
  });
});

describe("replies", () => {
  it("a failed message sent again successfully no longer shows 'Not delivered'", () => {
    const failed = outbound({ delivery: { state: "failed", attempts: 3, error_code: "network_error" } });
    const page = render(<MessageRow message={failed} retried={new Set([failed.message_id])} resent={new Set([failed.message_id])} />);
    expect(page.queryByRole("alert")).toBeNull();
    expect(page.container.textContent).not.toContain("Not delivered");
    expect(page.container.textContent).toContain("Sent again");
  });

  it("the top bar does not say Live while replies fail to reach the server", () => {
    const { controller } = controllerWith();
    controller.realtime.store.set({ connection: "live" });
    const bar = () => <TopBar controller={controller} view="console" canAdmin={false} onView={() => undefined} onLogout={() => undefined} notifyAsk={false} onAskNotify={() => undefined} />;
    const page = render(bar());
    expect(page.getByRole("status").textContent).toBe("Live");
    act(() => controller.chat.store.set({ sendsFailing: true }));
    expect(page.getByRole("status").textContent).not.toBe("Live");
    expect(page.getByRole("status").textContent).toMatch(/Offline/);
  });
});

describe("a transfer", () => {
  it("that fails says why from the error's code, in Chinese too", async () => {
    setLang("zh-CN");
    const { controller } = controllerWith();
    vi.spyOn(controller.sessions, "transfer").mockResolvedValue(new ApiError(409, "no_eligible_agent", "No eligible agent"));
    const page = render(<TransferDialog controller={controller} session={A} onClose={() => undefined} />);
    fireEvent.click(page.getAllByRole("radio")[2]); // any online agent
    await act(async () => {
      fireEvent.submit(page.container.querySelector("form")!);
    });
    expect(page.getByRole("alert").textContent).toMatch(/没有可接手/);
  });

  it("that succeeds is confirmed to the agent who made it", async () => {
    const { controller } = controllerWith();
    vi.spyOn(controller.sessions, "transfer").mockResolvedValue(null);
    const closed = vi.fn();
    const page = render(<TransferDialog controller={controller} session={A} onClose={closed} />);
    fireEvent.click(page.getByLabelText("Any online agent"));
    await act(async () => {
      fireEvent.click(page.getByRole("button", { name: "Transfer" }));
    });
    expect(closed).toHaveBeenCalled();
    expect(controller.workspace.state.notice).toEqual({ key: "notice.transferDone", vars: { to: "Any online agent" } });
  });
});

describe("Alt+↓ from the composer", () => {
  it("moves to the next session with the focus in its composer", async () => {
    const { controller } = controllerWith();
    function Harness() {
      useShortcuts(controller, [A, B]);
      return <ChatPane controller={controller} />;
    }
    act(() => controller.select("a"));
    const page = render(<Harness />);
    const composer = () => page.container.querySelector<HTMLTextAreaElement>(`#${COMPOSER_ID}`)!;
    composer().focus();
    expect(document.activeElement).toBe(composer());
    const first = composer();
    await act(async () => {
      fireEvent.keyDown(first, { key: "ArrowDown", altKey: true });
    });
    expect(controller.sessions.state.selectedId).toBe("b");
    expect(composer()).not.toBe(first);
    expect(document.activeElement).toBe(composer());
  });
});
