import { fireEvent, render } from "@testing-library/preact";
import type { Api } from "../src/api/client";
import { MessageRow } from "../src/components/ChatPane";
import { Composer } from "../src/components/Composer";
import { SessionList } from "../src/components/SessionList";
import { TransferDialog } from "../src/components/TransferDialog";
import { ConsoleController } from "../src/console/controller";
import { localReply } from "../src/chat/outbox";
import { setLang } from "../src/i18n";
import { drafts } from "../src/lib/storage";
import { outbound, session } from "./fixtures";

const ME = { agent_id: "6t2nwqeabbja", username: "admin", display_name: "Admin", role: "agent" as const };

function controller(post = vi.fn(async () => outbound())) {
  const api: Api = { get: vi.fn(async () => ({ items: [] })) as Api["get"], post: post as Api["post"], patch: vi.fn(), put: vi.fn(), del: vi.fn() };
  return new ConsoleController({ api, me: ME });
}

beforeEach(() => {
  setLang("en");
  sessionStorage.clear();
});

describe("the composer", () => {
  it("sends with Enter, keeps Shift+Enter for a new line, and clears the draft", () => {
    const c = controller();
    const send = vi.spyOn(c.chat, "send").mockResolvedValue();
    const s = session();
    const page = render(<Composer controller={c} session={s} />);
    const box = page.getByLabelText("Reply") as HTMLTextAreaElement;
    fireEvent.input(box, { target: { value: "line one" } });
    expect(fireEvent.keyDown(box, { key: "Enter", shiftKey: true })).toBe(true); // not prevented: a newline
    expect(send).not.toHaveBeenCalled();
    expect(drafts.get(s.session_id)).toBe("line one");
    fireEvent.keyDown(box, { key: "Enter" });
    expect(send).toHaveBeenCalledWith(s.session_id, "line one");
    expect(box.value).toBe("");
    expect(drafts.get(s.session_id)).toBe("");
  });

  it("keeps an unsent draft per session", () => {
    drafts.set("other", "half written");
    const page = render(<Composer controller={controller()} session={session({ session_id: "other" })} />);
    expect((page.getByLabelText("Reply") as HTMLTextAreaElement).value).toBe("half written");
  });

  it("cannot reply in a closed session", () => {
    const page = render(<Composer controller={controller()} session={session({ status: "closed" })} />);
    expect((page.getByLabelText("Reply") as HTMLTextAreaElement).disabled).toBe(true);
  });
});

describe("the transfer dialog", () => {
  it("tells the user only with a message, and sends that message", async () => {
    const c = controller();
    const transfer = vi.spyOn(c.sessions, "transfer").mockResolvedValue(null);
    const page = render(<TransferDialog controller={c} session={session()} onClose={() => undefined} />);
    fireEvent.click(page.getByLabelText("Any online agent"));
    const submit = page.getByRole("button", { name: "Transfer" }) as HTMLButtonElement;
    expect(submit.disabled).toBe(false);
    fireEvent.click(page.getByLabelText("Tell the user"));
    expect(submit.disabled).toBe(true); // the API refuses notify_user without a message
    fireEvent.input(page.getByLabelText("Message to the user"), { target: { value: "  " } });
    expect(submit.disabled).toBe(true);
    fireEvent.input(page.getByLabelText("Message to the user"), { target: { value: " Anna takes over " } });
    expect(submit.disabled).toBe(false);
    fireEvent.click(submit);
    expect(transfer).toHaveBeenCalledWith(session().session_id, {
      to: { any_online: true },
      reason: undefined,
      notify_user: true,
      message: "Anna takes over",
    });
  });
});

describe("delivery states on screen", () => {
  it("sending, sent, retrying and failed with the reason and a retry button", () => {
    const c = controller();
    const retry = vi.spyOn(c.chat, "retry").mockResolvedValue();
    const none = new Set<string>();
    const sending = render(<MessageRow controller={c} message={localReply("s", "x", "c", 1)} retried={none} />).container;
    expect(sending.querySelector("[data-delivery=sending]")!.textContent).toContain("Sending…");
    const sent = render(<MessageRow controller={c} message={outbound()} retried={none} />).container;
    expect(sent.textContent).toContain("Sent");
    expect(sent.querySelector("button.retry")).toBeNull(); // only a failed message offers Retry
    const retrying = render(<MessageRow controller={c} message={outbound({ delivery: { state: "retrying", attempts: 2 } })} retried={none} />).container;
    expect(retrying.textContent).toContain("Retrying (2)");
    const failed = outbound({ delivery: { state: "failed", attempts: 1, error_code: "bot_blocked", reason: "Stored by the server" } });
    const page = render(<MessageRow controller={c} message={failed} retried={none} />);
    expect(page.getByRole("alert").textContent).toContain("Not delivered: The user has blocked the bot.");
    fireEvent.click(page.getByRole("button", { name: "Retry" }));
    expect(retry).toHaveBeenCalledWith(failed);
  });
});

describe("the session list", () => {
  it("puts only the visible rows of thousands in the DOM, with their place in the set", () => {
    const c = controller();
    const sessions = Array.from({ length: 3000 }, (_, i) =>
      session({ session_id: `s${i}`, last_activity_at: 10_000 - i, user: { first_name: `User ${i}` } }),
    );
    const page = render(<SessionList controller={c} sessions={sessions} />);
    const rows = page.container.querySelectorAll("li.session-row");
    expect(rows.length).toBeLessThan(40);
    expect(rows[0].getAttribute("aria-setsize")).toBe("3000");
    expect(rows[0].getAttribute("aria-posinset")).toBe("1");
  });

  it("marks a conversation that waits for a free agent", () => {
    const queued = session({ session_id: "q", assignee_id: null, queued_at: 1795414459464 });
    const page = render(<SessionList controller={controller()} sessions={[queued, session({ session_id: "a" })]} />);
    expect(page.getAllByText("Waiting for a free agent")).toHaveLength(1);
  });
});

describe("store subscriptions", () => {
  it("a component follows its props: the side panel shows the newly opened session's notes", async () => {
    const { Store, useStore } = await import("../src/lib/store");
    const store = new Store({ notes: { a: "note of a", b: "note of b" } as Record<string, string> });
    function Note(props: { id: string }) {
      return <p>{useStore(store, (s) => s.notes[props.id])}</p>;
    }
    const page = render(<Note id="a" />);
    expect(page.container.textContent).toBe("note of a");
    page.rerender(<Note id="b" />);
    expect(page.container.textContent).toBe("note of b");
    store.set({ notes: { a: "note of a", b: "edited b" } });
    await Promise.resolve();
    await new Promise((r) => setTimeout(r, 0));
    expect(page.container.textContent).toBe("edited b");
  });
});
