// A console through an agent's working day, at the level of the feature stores: counts that
// follow the server, note drafts that stay with their session, replies resent once the network
// returns, and the server's errors in the console's language.
import { ApiError } from "../src/api/client";
import type { SessionList } from "../src/api/types";
import { ChatStore } from "../src/chat/store";
import { isLocal } from "../src/chat/timeline";
import { ConsoleController } from "../src/console/controller";
import { errorText } from "../src/console/errors";
import { linkTo, sessionInLink } from "../src/console/link";
import { setLang } from "../src/i18n";
import { RealtimeStore } from "../src/realtime/store";
import { COUNTS_DELAY_MS, SessionsStore } from "../src/sessions/store";
import { SidePanelStore } from "../src/sidepanel/store";
import { fakeApi, ME, workspaceOf } from "./fakeApi";
import { outbound, session } from "./fixtures";

const S = session();
const SID = S.session_id;
const offline = () => new ApiError(0, "network_error", "network_error");

beforeEach(() => setLang("en"));
afterEach(() => vi.useRealTimers());

describe("status counts", () => {
  function listWith(counts: SessionList["counts"]) {
    const server = { counts, session: S };
    const api = fakeApi({
      get: (path) => (path === "/api/sessions" ? { items: [], next_cursor: null, counts: server.counts, counts_complete: true } : server.session),
      post: () => session({ status: "closed", last_activity_at: S.last_activity_at + 1 }),
    });
    const workspace = workspaceOf(api);
    return { api, server, store: new SessionsStore(api, workspace) };
  }

  it("are read from the server once changes pause, whatever the local estimate said", async () => {
    vi.useFakeTimers();
    const { api, server, store } = listWith({ unread: 0, processing: 2 });
    store.applySession(session({ status: "processing" }));
    store.applySession(session({ session_id: "x", status: "processing" }));
    store.remove("gone");
    expect(store.state.counts).toEqual({ processing: 2 }); // the local estimate meanwhile
    await vi.advanceTimersByTimeAsync(COUNTS_DELAY_MS);
    const reads = api.get.mock.calls.filter(([path]) => path === "/api/sessions");
    expect(reads).toEqual([["/api/sessions", { limit: 1 }]]); // three changes, one read
    expect(store.state.counts).toEqual({ unread: 0, processing: 2 });

    server.counts = { processing: 1, closed: 1 };
    await store.close(SID);
    await vi.advanceTimersByTimeAsync(COUNTS_DELAY_MS);
    expect(store.state.counts).toEqual({ processing: 1, closed: 1 });
  });

  it("are read again when opening a session made it processing on the server", async () => {
    vi.useFakeTimers();
    const { api, server, store } = listWith({ unread: 1 });
    store.store.set({ sessions: { [SID]: S }, counts: { unread: 1 } });
    server.session = session({ status: "processing", last_activity_at: S.last_activity_at + 1 });
    server.counts = { unread: 0, processing: 1 };
    await store.refresh(SID);
    await vi.advanceTimersByTimeAsync(COUNTS_DELAY_MS);
    expect(store.state.counts).toEqual({ unread: 0, processing: 1 });
    await store.refresh(SID); // nothing changed: no read
    await vi.advanceTimersByTimeAsync(COUNTS_DELAY_MS);
    expect(api.get.mock.calls.filter(([path]) => path === "/api/sessions")).toHaveLength(1);
  });
});

describe("note drafts", () => {
  function panel() {
    const api = fakeApi({
      post: (_path, body) => ({ note_id: "n", session_id: SID, project_id: S.project_id, author_id: ME.agent_id, created_at: 1, ...(body as object) }),
    });
    const workspace = workspaceOf(api);
    return { api, side: new SidePanelStore(api, workspace, new SessionsStore(api, workspace)) };
  }

  it("stay with their session", () => {
    const { side } = panel();
    side.setNoteDraft("a", { text: "about a" });
    side.setNoteDraft("a", { personal: true });
    expect(side.noteDraft("b")).toEqual({ text: "", personal: false });
    expect(side.noteDraft("a")).toEqual({ text: "about a", personal: true });
  });

  it("are emptied once filed, and a personal note leaves 'only for me' unticked", async () => {
    const { api, side } = panel();
    side.setNoteDraft(SID, { text: " mine ", personal: true });
    expect(await side.fileNote(SID)).toBe(true);
    expect(api.post).toHaveBeenCalledWith(`/api/sessions/${SID}/notes`, { text: "mine", personal: true });
    expect(side.noteDraft(SID)).toEqual({ text: "", personal: false });
  });
});

describe("replies while offline", () => {
  function chatWith(post: () => unknown) {
    const api = fakeApi({ post, get: () => ({ items: [], next_cursor: null, counts: {}, counts_complete: true }) });
    const workspace = workspaceOf(api);
    const sessions = new SessionsStore(api, workspace);
    const chat = new ChatStore(api, workspace, () => S);
    const side = new SidePanelStore(api, workspace, sessions);
    return { api, chat, realtime: new RealtimeStore(api, { workspace, sessions, chat, side }) };
  }

  it("are resent with their client id when a catch-up reaches the server again", async () => {
    let online = false;
    const { api, chat, realtime } = chatWith(() => {
      if (!online) throw offline();
      return outbound({ client_message_id: "c" });
    });
    await chat.send(SID, "first");
    await chat.send(SID, "second");
    expect(chat.state.sendsFailing).toBe(true);
    expect(chat.state.chats[SID].messages.every((m) => isLocal(m) && m.state === "failed")).toBe(true);

    online = true;
    await realtime.catchUp();
    await vi.waitFor(() => expect(chat.state.sendsFailing).toBe(false), { timeout: 5000 });
    const sent = api.post.mock.calls.slice(2).map(([, body]) => (body as { text: string }).text);
    expect(sent).toEqual(["first", "second"]);
    const firstIds = api.post.mock.calls.map(([, body]) => (body as { client_message_id: string }).client_message_id);
    expect(firstIds.slice(2)).toEqual(firstIds.slice(0, 2));
  });

  it("a reply refused for another reason is not resent", async () => {
    const { api, chat } = chatWith(() => {
      throw new ApiError(409, "session_closed", "closed");
    });
    await chat.send(SID, "late");
    expect(chat.state.sendsFailing).toBe(false);
    await chat.resendFailed();
    expect(api.post).toHaveBeenCalledTimes(1);
  });

  it("a stored failed message sent again is no longer shown as failed", async () => {
    const { chat } = chatWith(() => outbound({ message_id: "new" }));
    const failed = outbound({ delivery: { state: "failed", attempts: 3, error_code: "network_error" } });
    await chat.retry(failed);
    expect(chat.state.resent.has(failed.message_id)).toBe(true);
  });
});

describe("the server's errors", () => {
  it("are shown from their code in the console's language, else in the server's words", () => {
    const taken = new ApiError(409, "tag_name_taken", "A tag with this name exists");
    const api = fakeApi();
    const workspace = workspaceOf(api);
    workspace.fail(taken);
    expect(workspace.state.notice).toEqual({ key: "error.tag_name_taken" });
    expect(errorText(new ApiError(409, "no_eligible_agent", "x"))).toMatch(/No agent can take/);
    setLang("zh-CN");
    expect(errorText(new ApiError(409, "no_eligible_agent", "x"))).toMatch(/没有可接手/);
    expect(errorText(new ApiError(418, "something_new", "The server says so"))).toBe("The server says so");
    workspace.fail(new ApiError(418, "something_new", "The server says so"));
    expect(workspace.state.notice).toEqual({ key: "error.generic", text: "The server says so" });
  });

  it("a notice about one session goes when another is opened; a transfer is confirmed", () => {
    const api = fakeApi({ get: () => ({ items: [], next_cursor: null }) });
    const controller = new ConsoleController({ api, me: ME });
    controller.sessions.applySession(S);
    controller.sessions.applySession(session({ session_id: "other" }));
    controller.select(SID);
    controller.realtime.applyFrame({ type: "session.removed", project_id: S.project_id, session_id: SID, at: 1, data: {} });
    expect(controller.workspace.state.notice).toEqual({ key: "notice.transferredOut" });
    controller.select("other");
    expect(controller.workspace.state.notice).toBeNull();
  });
});

describe("a session's link", () => {
  it("is #/sessions/<id>", () => {
    expect(linkTo(SID)).toBe(`#/sessions/${SID}`);
    expect(sessionInLink(linkTo(SID))).toBe(SID);
    expect(sessionInLink("#admin")).toBeNull();
    expect(sessionInLink("#/sessions/")).toBeNull();
  });
});
