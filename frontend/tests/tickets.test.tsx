// Escalation in the console: the dialog offers only higher levels (the supervisors at L3 only)
// and sends the escalation; the ticket card shows the ticket on top of the chat, as text.
import { fireEvent, render, waitFor } from "@testing-library/preact";
import { vi } from "vitest";
import type { Api, HttpApi } from "../src/api/client";
import { ConsoleController } from "../src/console/controller";
import { setLang } from "../src/i18n";
import { EscalateDialog } from "../src/tickets/EscalateDialog";
import { TicketCard } from "../src/tickets/TicketCard";
import { TicketsPage } from "../src/tickets/TicketsPage";
import { higherLevels, type Ticket } from "../src/tickets/model";
import { ME } from "./fakeApi";
import { session } from "./fixtures";

const TICKET: Ticket = {
  session_id: "01m83gn12c75chx0rpmgvne239",
  project_id: "h5361jgnrdxy",
  number: 1234,
  level: "l2",
  group_id: "g1",
  user: { tg_user_id: 5000000001, first_name: "Alice" },
  problem: "<b>Charged twice</b>",
  tried: "Resent the invoice",
  key_messages: [{ message_id: "m1", created_at: 1, type: "photo", excerpt: "the receipt", has_media: true }],
  emotion: "angry",
  priority: "high",
  status: "unread",
  assignee_id: "ana",
  hops: [{ at: 5, by: "maria", from_level: "l1", to_level: "l2", to_group_id: "g1", to_supervisors: false, priority: "high", reason: "refund" }],
  created_at: 5,
  created_by: "maria",
  updated_at: 5,
};

function controller(get: Api["get"], post: Api["post"] = vi.fn()) {
  const api: Api = { get, post, patch: vi.fn(), put: vi.fn(), del: vi.fn() };
  return new ConsoleController({ api, me: ME });
}

beforeEach(() => setLang("en"));
afterEach(() => setLang("en"));

describe("escalating", () => {
  it("only goes up", () => {
    expect(higherLevels("l1")).toEqual(["l2", "l3"]);
    expect(higherLevels("l2")).toEqual(["l3"]);
    expect(higherLevels("l3")).toEqual([]);
  });

  it("sends the level, the target and the ticket's fields, then says the number", async () => {
    const get = vi.fn(async (path: string) => (path.endsWith("/groups") ? { items: [{ group_id: "g1", name: "L2 support" }] } : { items: [] })) as Api["get"];
    const post = vi.fn(async () => TICKET) as Api["post"];
    const c = controller(get, post);
    const closed = vi.fn();
    const view = render(<EscalateDialog controller={c} session={session()} onClose={closed} />);
    expect(view.queryByLabelText("The project's supervisors and admins")).toBeNull(); // L2 first
    await waitFor(() => expect(view.getByRole("option", { name: "L2 support" })).toBeTruthy());
    fireEvent.change(view.getByLabelText("A group", { selector: "select" }), { target: { value: "g1" } });
    fireEvent.input(view.getByLabelText("What was tried"), { target: { value: "Resent the invoice" } });
    fireEvent.input(view.getByLabelText("First response (minutes)"), { target: { value: "10" } });
    fireEvent.submit(view.getByRole("button", { name: "Escalate" }).closest("form")!);
    await waitFor(() => expect(closed).toHaveBeenCalled());
    expect(post).toHaveBeenCalledWith(
      "/api/sessions/01m83gn12c75chx0rpmgvne239/escalations",
      expect.objectContaining({ level: "l2", to: { group_id: "g1", supervisors: false }, tried: "Resent the invoice", notify_user: true, first_response_minutes: 10, resolution_minutes: undefined }),
    );
    expect(c.workspace.store.get().notice).toEqual({ key: "notice.escalated", vars: { ticket: "#1234", level: "L2" } });
  });
});

describe("the ticket card", () => {
  it("shows the ticket in short and its details as text", async () => {
    const get = vi.fn(async () => TICKET) as Api["get"];
    const s = session({ level: "l2", priority: "high", ticket: { number: 1234, level: "l2", emotion: "angry" } });
    const view = render(<TicketCard controller={controller(get)} session={s} />);
    expect(view.container.querySelector("summary")?.textContent).toBe("#1234 · L2 · High · Angry");
    await waitFor(() => expect(view.getByText("<b>Charged twice</b>")).toBeTruthy());
    expect(view.container.querySelector("b")).toBeNull();
    expect(view.getByText("the receipt (attachment)")).toBeTruthy();
  });

  it("shows the escalation's own targets", async () => {
    const get = vi.fn(async () => ({ ...TICKET, targets: { first_response_minutes: 10, since: 5 } })) as Api["get"];
    const s = session({ level: "l2", priority: "high", ticket: { number: 1234, level: "l2", emotion: "angry" } });
    const view = render(<TicketCard controller={controller(get)} session={s} />);
    await waitFor(() => expect(view.getByText("First response within 10 min")).toBeTruthy());
  });

  it("is absent without a ticket", () => {
    const view = render(<TicketCard controller={controller(vi.fn() as Api["get"])} session={session()} />);
    expect(view.container.innerHTML).toBe("");
  });
});

describe("the tickets page", () => {
  it("lists a project's open tickets and asks again with each filter", async () => {
    const get = vi.fn(async () => ({ items: [TICKET] })) as Api["get"];
    const c = controller(get);
    c.workspace.store.set({ projects: [{ project_id: "h5361jgnrdxy", name: "Support" }] as never });
    const api = { get } as unknown as HttpApi;
    const view = render(<TicketsPage api={api} controller={c} />);
    await waitFor(() => expect(view.getByRole("link", { name: "#1234" })).toBeTruthy());
    expect(view.getByRole("link", { name: "#1234" }).getAttribute("href")).toBe("#/sessions/01m83gn12c75chx0rpmgvne239");
    expect(get).toHaveBeenLastCalledWith("/api/tickets", { project_id: "h5361jgnrdxy", level: "", status: "open", priority: "", breach: "" });
    fireEvent.change(view.getByLabelText("To level"), { target: { value: "l3" } });
    await waitFor(() => expect(get).toHaveBeenLastCalledWith("/api/tickets", expect.objectContaining({ level: "l3" })));
    fireEvent.change(view.getByLabelText("Service level"), { target: { value: "true" } });
    await waitFor(() => expect(get).toHaveBeenLastCalledWith("/api/tickets", expect.objectContaining({ breach: "true" })));
  });

  it("shows each ticket's most urgent clock as the session list does", async () => {
    const due = Date.now() - 5 * 60_000;
    const sla = { clocks: [{ clock: "first_response", started_at: 1, target_ms: 60_000, due_at: due, warn_at: due, paused: false, remaining_ms: 0 }] };
    const get = vi.fn(async () => ({ items: [{ ...TICKET, sla }] })) as Api["get"];
    const c = controller(get);
    c.workspace.store.set({ projects: [{ project_id: "h5361jgnrdxy", name: "Support" }] as never });
    const view = render(<TicketsPage api={{ get } as unknown as HttpApi} controller={c} />);
    await waitFor(() => expect(view.container.querySelector("[data-sla-clock=first_response]")).toBeTruthy());
    expect(view.container.querySelector("[data-sla-clock]")?.textContent).toMatch(/^Overdue by/);
  });
});
