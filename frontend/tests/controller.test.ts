import type { Api } from "../src/api/client";
import type { Message, Page, SessionList } from "../src/api/types";
import { isLocal } from "../src/chat/timeline";
import { ConsoleController } from "../src/console/controller";
import { message, outbound, session } from "./fixtures";

const ME = { agent_id: "6t2nwqeabbja", username: "admin", display_name: "Admin", role: "agent" as const };

/** A REST API in memory: the session list and one session's messages, oldest first. */
function fakeBackend() {
  const state = {
    sessions: [session()],
    messages: [message()] as Message[],
    posted: [] as unknown[],
  };
  const get = vi.fn(async (path: string): Promise<unknown> => {
    if (path === "/api/me") return ME;
    if (path === "/api/projects") return { items: [] };
    if (path === "/api/sessions")
      return { items: state.sessions, next_cursor: null, counts: { unread: state.sessions.length }, counts_complete: true } satisfies SessionList;
    if (path.endsWith("/messages")) return { items: state.messages, next_cursor: null } satisfies Page<Message>;
    if (path.startsWith("/api/sessions/")) return state.sessions[0];
    if (path.endsWith("/notes")) return { items: [] };
    throw new Error(`unexpected GET ${path}`);
  });
  const post = vi.fn(async (path: string, body?: unknown): Promise<unknown> => {
    state.posted.push({ path, body });
    if (path.endsWith("/messages")) return outbound({ client_message_id: (body as { client_message_id: string }).client_message_id });
    if (path === "/api/me/heartbeat") return { heartbeat_at: 1 };
    throw new Error("no realtime here");
  });
  const api: Api = { get: get as Api["get"], post: post as Api["post"], patch: vi.fn(), put: vi.fn(), del: vi.fn() };
  return { api, state, get, post };
}

function controllerWith(backend: ReturnType<typeof fakeBackend>, onNewSession = vi.fn()) {
  const controller = new ConsoleController({ api: backend.api, me: ME, onNewSession, isVisible: () => true });
  return { controller, onNewSession };
}

afterEach(() => vi.useRealTimers());

describe("frames and catch-up together", () => {
  it("a message seen in a frame and again in the catch-up is shown once", async () => {
    const backend = fakeBackend();
    const { controller } = controllerWith(backend);
    await controller.sessions.load();
    controller.select(session().session_id);
    await vi.waitFor(() => expect(controller.chat.state.chats[session().session_id]?.loading).toBe(false));

    const inbound = message({ message_id: "02", text: "second", created_at: message().created_at + 5 });
    controller.realtime.applyFrame({ type: "message.created", project_id: "p", session_id: session().session_id, at: 1, data: inbound });
    controller.realtime.applyFrame({ type: "message.created", project_id: "p", session_id: session().session_id, at: 1, data: inbound });
    backend.state.messages = [message(), inbound];
    await controller.realtime.catchUp();

    const ids = controller.chat.state.chats[session().session_id].messages.map((m) => (isLocal(m) ? m.client_message_id : m.message_id));
    expect(ids).toEqual([message().message_id, "02"]);
  });

  it("what was missed while disconnected appears after the catch-up", async () => {
    const backend = fakeBackend();
    const { controller, onNewSession } = controllerWith(backend);
    await controller.sessions.load();
    const fresh = session({ session_id: "01new", tg_user_id: 42, last_activity_at: session().last_activity_at + 10 });
    backend.state.sessions = [fresh, session()];
    await controller.realtime.catchUp();
    expect(Object.keys(controller.sessions.state.sessions).sort()).toEqual(["01m83gn12c75chx0rpmgvne239", "01new"]);
    expect(onNewSession).toHaveBeenCalledTimes(1);
    await controller.realtime.catchUp();
    expect(onNewSession).toHaveBeenCalledTimes(1);
  });

  it("a session assigned by frame is announced once, and counts as unread", async () => {
    const backend = fakeBackend();
    const { controller, onNewSession } = controllerWith(backend);
    const fresh = session({ session_id: "01new" });
    const frame = { type: "session.assigned" as const, project_id: "p", session_id: "01new", at: 1, data: fresh };
    controller.realtime.applyFrame(frame);
    controller.realtime.applyFrame(frame);
    expect(onNewSession).toHaveBeenCalledTimes(1);
    controller.realtime.applyFrame({ type: "message.created", project_id: "p", session_id: "01new", at: 2, data: message({ session_id: "01new" }) });
    expect(controller.sessions.state.unseen["01new"]).toBe(1);
  });

  it("a session transferred away leaves the list, and the catch-up drops it too", async () => {
    const backend = fakeBackend();
    const { controller } = controllerWith(backend);
    await controller.sessions.load();
    controller.realtime.applyFrame({ type: "session.removed", project_id: "p", session_id: session().session_id, at: 2, data: {} });
    expect(controller.sessions.state.sessions).toEqual({});
    backend.state.sessions = [];
    await controller.realtime.catchUp();
    expect(controller.sessions.state.sessions).toEqual({});
  });

  it("a status change by frame moves the session between the count chips", async () => {
    const backend = fakeBackend();
    const { controller } = controllerWith(backend);
    await controller.sessions.load();
    expect(controller.sessions.state.counts).toEqual({ unread: 1 });
    const frame = (data: ReturnType<typeof session>, type: "session.updated" | "session.assigned" = "session.updated") =>
      controller.realtime.applyFrame({ type, project_id: "p", session_id: data.session_id, at: 2, data });

    frame(session({ status: "processing", last_activity_at: session().last_activity_at + 1 }));
    expect(controller.sessions.state.counts).toEqual({ unread: 0, processing: 1 });
    frame(session({ status: "processing", last_activity_at: session().last_activity_at + 2, priority: "high" }));
    expect(controller.sessions.state.counts).toEqual({ unread: 0, processing: 1 });
    frame(session({ session_id: "01new" }), "session.assigned");
    expect(controller.sessions.state.counts).toEqual({ unread: 1, processing: 1 });
    frame(session({ status: "unread", last_activity_at: 1 }));
    expect(controller.sessions.state.counts).toEqual({ unread: 1, processing: 1 });
  });

  it("an older session state never replaces a newer one", () => {
    const backend = fakeBackend();
    const { controller } = controllerWith(backend);
    const newer = session({ status: "processing", last_activity_at: 20 });
    controller.realtime.applyFrame({ type: "session.updated", project_id: "p", session_id: newer.session_id, at: 2, data: newer });
    controller.realtime.applyFrame({ type: "session.updated", project_id: "p", session_id: newer.session_id, at: 1, data: session({ last_activity_at: 10 }) });
    expect(controller.sessions.state.sessions[newer.session_id].status).toBe("processing");
  });
});

describe("replies", () => {
  it("shows the reply at once and replaces it by the server's message", async () => {
    const backend = fakeBackend();
    const { controller } = controllerWith(backend);
    await controller.sessions.load();
    controller.select(session().session_id);
    await vi.waitFor(() => expect(controller.chat.state.chats[session().session_id]?.loading).toBe(false));
    const sending = controller.chat.send(session().session_id, "hi there");
    const during = controller.chat.state.chats[session().session_id].messages;
    expect(during.some((m) => isLocal(m) && m.state === "sending")).toBe(true);
    await sending;
    const after = controller.chat.state.chats[session().session_id].messages;
    expect(after.filter((m) => !isLocal(m) && m.direction === "out")).toHaveLength(1);
    expect(after.some(isLocal)).toBe(false);
  });
});

describe("presence", () => {
  it("posts a heartbeat while the tab is visible and there is no socket", async () => {
    const backend = fakeBackend();
    const { controller } = controllerWith(backend);
    vi.useFakeTimers();
    await controller.start();
    await vi.advanceTimersByTimeAsync(30_000);
    controller.stop();
    const beats = backend.post.mock.calls.filter(([path]) => path === "/api/me/heartbeat");
    expect(beats.length).toBeGreaterThanOrEqual(2);
  });
});

describe("the search box", () => {
  it("asks the server with q once typing pauses, and only when the words change", async () => {
    vi.useFakeTimers();
    const backend = fakeBackend();
    const { controller } = controllerWith(backend);
    // The fake reads only the path; the query is the call's second argument.
    const calls = () => backend.get.mock.calls as unknown as [string, unknown][];
    const searches = () => calls().filter(([path]) => path === "/api/sessions").map(([, query]) => query);
    controller.sessions.setSearch("al");
    controller.sessions.setSearch("alice ");
    expect(searches()).toEqual([]);
    await vi.advanceTimersByTimeAsync(300);
    expect(searches()).toEqual([{ limit: 100, q: "alice" }]);
    controller.sessions.setSearch("alice");
    await vi.advanceTimersByTimeAsync(300);
    expect(searches()).toHaveLength(1);
    controller.sessions.setSearch("");
    await vi.advanceTimersByTimeAsync(300);
    expect(searches()[1]).toEqual({ limit: 100, q: undefined });
  });
});
