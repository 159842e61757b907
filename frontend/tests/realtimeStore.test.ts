import { ChatStore } from "../src/chat/store";
import { RealtimeStore } from "../src/realtime/store";
import { SessionsStore } from "../src/sessions/store";
import { SidePanelStore } from "../src/sidepanel/store";
import { fakeApi, ME, workspaceOf } from "./fakeApi";
import { message, session } from "./fixtures";

const S = session();
const SID = S.session_id;

function live(handlers: Parameters<typeof fakeApi>[0] = {}) {
  const api = fakeApi(handlers);
  const workspace = workspaceOf(api);
  const sessions = new SessionsStore(api, workspace);
  const chat = new ChatStore(api, workspace, (id) => sessions.state.sessions[id]);
  const side = new SidePanelStore(api, workspace, sessions);
  const realtime = new RealtimeStore(api, { workspace, sessions, chat, side });
  return { api, workspace, sessions, chat, side, realtime };
}

const frame = <T extends string, D>(type: T, data: D, session_id = SID) => ({ type, project_id: S.project_id, session_id, at: 1, data });

describe("frames into the stores", () => {
  it("a user's message counts as unseen once, and not in the open session", async () => {
    const { realtime, sessions, chat } = live({ get: () => ({ items: [], next_cursor: null }) });
    await chat.load(SID);
    realtime.applyFrame(frame("message.created", message()));
    realtime.applyFrame(frame("message.created", message()));
    realtime.applyFrame(frame("message.created", message({ message_id: "out", direction: "out" })));
    expect(sessions.state.unseen).toEqual({ [SID]: 1 });
    expect(chat.state.chats[SID].messages).toHaveLength(2);
    sessions.select(SID);
    realtime.applyFrame(frame("message.created", message({ message_id: "02" })));
    expect(sessions.state.unseen).toEqual({});
  });

  it("sessions, removals and notes go to their stores", () => {
    const { realtime, sessions, side, workspace } = live();
    realtime.applyFrame(frame("session.assigned", S));
    expect(sessions.state.counts).toEqual({ unread: 1 });
    side.store.set({ notes: { [SID]: [] } });
    const note = { note_id: "n", session_id: SID, project_id: S.project_id, author_id: "a", text: "hi", personal: false, created_at: 1 };
    realtime.applyFrame(frame("note.created", note));
    expect(side.state.notes[SID]).toEqual([note]);
    sessions.select(SID);
    realtime.applyFrame(frame("session.removed", {}));
    expect(sessions.state.sessions).toEqual({});
    expect(workspace.state.notice).toEqual({ key: "notice.transferredOut" });
  });

  it("a catch-up re-reads the list and the open conversation", async () => {
    const later = message({ message_id: "02", created_at: message().created_at + 1 });
    const { realtime, sessions, chat, api } = live({
      get: (path) =>
        path === "/api/sessions"
          ? { items: [S], next_cursor: null, counts: { unread: 1 }, counts_complete: true }
          : { items: [message(), later], next_cursor: null },
    });
    sessions.select(SID);
    await realtime.catchUp();
    expect(Object.keys(sessions.state.sessions)).toEqual([SID]);
    expect(chat.state.chats[SID].messages).toHaveLength(2);
    expect(api.get.mock.calls.map(([path]) => path)).toEqual(["/api/sessions", `/api/sessions/${SID}/messages`]);
  });
});

describe("presence", () => {
  it("shows the presence the server answers, and a refusal in the notice", async () => {
    const { realtime, workspace, api } = live({ put: (_p, body) => ({ ...ME, presence: (body as { state: string }).state }) });
    await realtime.setPresence("busy");
    expect(workspace.state.me.presence).toBe("busy");
    api.put.mockRejectedValueOnce(new Error("down"));
    await realtime.setPresence("offline");
    expect(workspace.state.me.presence).toBe("busy");
    expect(workspace.state.notice?.key).toBe("error.generic");
  });

  it("sends no heartbeat while the console is hidden", () => {
    vi.useFakeTimers();
    const api = fakeApi({ post: () => ({}) });
    const workspace = workspaceOf(api);
    const sessions = new SessionsStore(api, workspace);
    const stores = { workspace, sessions, chat: new ChatStore(api, workspace, () => undefined), side: new SidePanelStore(api, workspace, sessions) };
    const realtime = new RealtimeStore(api, stores, { isVisible: () => false, openSocket: () => ({}) as never });
    realtime.start();
    vi.advanceTimersByTime(60_000);
    realtime.stop();
    vi.useRealTimers();
    expect(api.post.mock.calls.filter(([path]) => path === "/api/me/heartbeat")).toEqual([]);
  });
});
