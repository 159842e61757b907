// After a transfer nobody should wonder whose session it is, whose reply or note that was, or why
// it came: the change of hands in the timeline and as it arrives, authors on replies and notes,
// the holder for supervisors, and presence (with a warning for offline) in the transfer picker.
import { fireEvent, render, waitFor } from "@testing-library/preact";
import { vi } from "vitest";
import type { Api } from "../src/api/client";
import type { AgentAccount, Assignment, Note } from "../src/api/types";
import { ChatStore } from "../src/chat/store";
import { timelineRows } from "../src/chat/timeline";
import { AssignmentRow, MessageRow } from "../src/components/ChatPane";
import { SessionList } from "../src/components/SessionList";
import { SidePanel } from "../src/components/SidePanel";
import { TransferDialog } from "../src/components/TransferDialog";
import { ConsoleController } from "../src/console/controller";
import { setLang } from "../src/i18n";
import { RealtimeStore } from "../src/realtime/store";
import { SessionsStore } from "../src/sessions/store";
import { SidePanelStore } from "../src/sidepanel/store";
import { fakeApi, ME, workspaceOf } from "./fakeApi";
import { message, outbound, session } from "./fixtures";

const ALICE: AgentAccount = { agent_id: "alice", username: "alice", display_name: "Alice", role: "agent", presence: "online" };
const BOB: AgentAccount = { agent_id: "bob", username: "bob", display_name: "Bob", role: "agent", presence: "offline" };
const BOSS: AgentAccount = { agent_id: "boss", username: "boss", display_name: "Boss", role: "supervisor" };
const AGENTS = { [ALICE.agent_id]: ALICE, [BOB.agent_id]: BOB, [ME.agent_id]: ME };
const TRANSFER: Assignment = { agent_id: ME.agent_id, how: "transferred", from_agent_id: "alice", by: "alice", reason: "billing question", at: 5_000 };
const ROUTED: Assignment = { agent_id: "alice", how: "routed", from_agent_id: null, by: "system", reason: null, at: 1 };

function controller(me: AgentAccount = ME, get: Api["get"] = vi.fn(async () => ({ items: [] })) as Api["get"]) {
  const api: Api = { get, post: vi.fn(), patch: vi.fn(), put: vi.fn(), del: vi.fn() };
  const c = new ConsoleController({ api, me });
  c.workspace.store.set({ agents: { ...AGENTS, [me.agent_id]: me } });
  return c;
}

beforeEach(() => setLang("en"));
afterEach(() => setLang("en"));

describe("why a session came to its agent", () => {
  it("puts the transfer among the messages, with who it came from and the reason", () => {
    const rows = timelineRows([message({ created_at: 1_000 }), message({ message_id: "m2", created_at: 9_000 })], [ROUTED, TRANSFER]);
    expect(rows.map((r) => r.kind)).toEqual(["day", "message", "assignment", "message"]); // the first routing is no news
    const line = render(<ol><AssignmentRow agents={AGENTS} move={TRANSFER} /></ol>).container;
    expect(line.textContent).toContain("Transferred to Admin from Alice");
    expect(line.textContent).toContain("Reason: billing question");
    setLang("zh-CN");
    const zh = render(<ol><AssignmentRow agents={AGENTS} move={TRANSFER} /></ol>).container;
    expect(zh.textContent).toContain("由 Alice 转接给 Admin");
    expect(zh.textContent).toContain("原因：billing question");
  });

  it("tells the receiver as the session arrives, and keeps the moves with its timeline", async () => {
    const api = fakeApi({ get: (path) => (path.endsWith("/assignments") ? { items: [ROUTED, TRANSFER] } : { items: [], next_cursor: null }) });
    const workspace = workspaceOf(api);
    workspace.store.set({ agents: AGENTS });
    const sessions = new SessionsStore(api, workspace);
    const chat = new ChatStore(api, workspace, (id) => sessions.state.sessions[id]);
    const side = new SidePanelStore(api, workspace, sessions);
    const realtime = new RealtimeStore(api, { workspace, sessions, chat, side });
    const s = session();
    await chat.load(s.session_id);
    realtime.applyFrame({ type: "session.assigned", project_id: s.project_id, session_id: s.session_id, at: 1, data: s });
    await waitFor(() => expect(workspace.state.notice).toEqual({ key: "notice.transferredToYou", vars: { from: "Alice", reason: "billing question" } }));
    expect(chat.state.chats[s.session_id].assignments).toEqual([ROUTED, TRANSFER]);
  });

  it("says nothing when the session was routed, not transferred", async () => {
    const api = fakeApi({ get: () => ({ items: [ROUTED] }) });
    const workspace = workspaceOf(api);
    const sessions = new SessionsStore(api, workspace);
    const chat = new ChatStore(api, workspace, (id) => sessions.state.sessions[id]);
    const realtime = new RealtimeStore(api, { workspace, sessions, chat, side: new SidePanelStore(api, workspace, sessions) });
    realtime.applyFrame({ type: "session.assigned", project_id: "p", session_id: "s", at: 1, data: session({ session_id: "s" }) });
    await waitFor(() => expect(api.get).toHaveBeenCalledWith("/api/sessions/s/assignments"));
    expect(workspace.state.notice).toBeNull();
  });
});

describe("authors", () => {
  it("a reply shows the agent who sent it; the user's messages show no agent", () => {
    const none = new Set<string>();
    const reply = render(<MessageRow message={outbound({ sender_agent_id: "alice" })} retried={none} agents={AGENTS} />).container;
    expect(reply.querySelector(".message-author")?.textContent).toBe("Alice");
    const inbound = render(<MessageRow message={message()} retried={none} agents={AGENTS} />).container;
    expect(inbound.querySelector(".message-author")).toBeNull();
  });

  it("notes show their author", () => {
    const c = controller();
    const s = session();
    c.sessions.store.set({ sessions: { [s.session_id]: s }, selectedId: s.session_id });
    const note: Note = { note_id: "n1", session_id: s.session_id, project_id: s.project_id, author_id: "alice", text: "VIP", personal: false, created_at: 1 };
    c.side.store.set({ notes: { [s.session_id]: [note] } });
    const page = render(<SidePanel controller={c} />);
    expect(page.container.querySelector(".note-author")?.textContent).toBe("Alice");
  });
});

describe("who holds each session, for supervisors", () => {
  it("the list says the holder or unassigned; an agent's own list does not", () => {
    const held = session({ session_id: "a", assignee_id: "alice" });
    const free = session({ session_id: "b", assignee_id: null });
    const forBoss = render(<SessionList controller={controller(BOSS)} sessions={[held, free]} />).container;
    expect([...forBoss.querySelectorAll(".session-holder")].map((e) => e.textContent)).toEqual(["Held by Alice", "Unassigned"]);
    const forAgent = render(<SessionList controller={controller()} sessions={[held]} />).container;
    expect(forAgent.querySelector(".session-holder")).toBeNull();
  });

  it("the chat header says the holder", async () => {
    const { ChatPane } = await import("../src/components/ChatPane");
    const c = controller(BOSS);
    const s = session({ assignee_id: "alice" });
    c.sessions.store.set({ sessions: { [s.session_id]: s }, selectedId: s.session_id });
    setLang("zh-CN");
    const page = render(<ChatPane controller={c} />);
    expect(page.container.querySelector(".chat-holder")?.textContent).toBe("处理人：Alice");
  });
});

describe("the transfer picker", () => {
  it("shows each agent's presence and warns before an offline one, still allowing it", async () => {
    const get = vi.fn(async (path: string) => (path.endsWith("/agents") ? { items: [ALICE, BOB] } : { items: [] })) as Api["get"];
    const c = controller(ME, get);
    const transfer = vi.spyOn(c.sessions, "transfer").mockResolvedValue(null);
    const page = render(<TransferDialog controller={c} session={session()} onClose={() => undefined} />);
    await waitFor(() => expect(page.getByText(/Bob — Offline/)).toBeTruthy());
    expect(page.getByText(/Alice — Online/)).toBeTruthy();
    const picker = page.getByRole("combobox", { name: "An agent" }) as HTMLSelectElement;
    fireEvent.change(picker, { target: { value: "alice" } });
    expect(page.container.querySelector("[data-warning=offline]")).toBeNull();
    fireEvent.change(picker, { target: { value: "bob" } });
    expect(page.container.querySelector("[data-warning=offline]")?.textContent).toContain("Bob is offline");
    fireEvent.click(page.getByRole("button", { name: "Transfer" }));
    expect(transfer).toHaveBeenCalledWith(session().session_id, expect.objectContaining({ to: { agent_id: "bob" } }));
  });
});
