import type { Note } from "../src/api/types";
import { SessionsStore } from "../src/sessions/store";
import { profileKey, profileOf, SidePanelStore } from "../src/sidepanel/store";
import { fakeApi, workspaceOf } from "./fakeApi";
import { session } from "./fixtures";

const S = session();
const SID = S.session_id;

function note(overrides: Partial<Note> = {}): Note {
  return { note_id: "n1", session_id: SID, project_id: S.project_id, author_id: "a1", text: "first", personal: false, created_at: 10, ...overrides };
}

function panelWith(handlers: Parameters<typeof fakeApi>[0]) {
  const api = fakeApi(handlers);
  const workspace = workspaceOf(api);
  const sessions = new SessionsStore(api, workspace);
  return { api, workspace, sessions, side: new SidePanelStore(api, workspace, sessions) };
}

const PROFILE = { first_name: "Alice", tags: [], sessions: [] };

describe("the side panel", () => {
  it("reads the notes and the user's profile of a session opened", async () => {
    const { side } = panelWith({ get: (path) => (path.endsWith("/notes") ? { items: [note()] } : PROFILE) });
    side.open(SID, S);
    await vi.waitFor(() => expect(profileOf(side.state, S)).toEqual(PROFILE));
    expect(side.state.notes[SID]).toEqual([note()]);
    expect(Object.keys(side.state.profiles)).toEqual([profileKey(S.project_id, S.tg_user_id)]);
  });

  it("keeps a session's notes oldest first, each once, and only when they are loaded", () => {
    const { side } = panelWith({});
    side.applyNote(SID, note());
    expect(side.state.notes).toEqual({});
    side.store.set({ notes: { [SID]: [note()] } });
    side.applyNote(SID, note({ note_id: "n0", created_at: 5 }));
    side.applyNote(SID, note({ text: "edited", edited_at: 20 }));
    expect(side.state.notes[SID].map((n) => [n.note_id, n.text])).toEqual([
      ["n0", "first"],
      ["n1", "edited"],
    ]);
  });

  it("shows a note once it is saved; a refusal goes to the notice", async () => {
    const { side, api, workspace } = panelWith({ post: (_p, body) => note({ note_id: "n2", text: (body as { text: string }).text }) });
    side.store.set({ notes: { [SID]: [] } });
    expect(await side.addNote(SID, "call back", true)).toBe(true);
    expect(api.post).toHaveBeenCalledWith(`/api/sessions/${SID}/notes`, { text: "call back", personal: true });
    expect(side.state.notes[SID].map((n) => n.text)).toEqual(["call back"]);
    api.patch.mockRejectedValueOnce(new Error("not yours"));
    expect(await side.editNote(note({ note_id: "n2" }), "x")).toBe(false);
    expect(workspace.state.notice?.key).toBe("error.generic");
  });

  it("re-reads the session after its tags change, and the profile after the user's", async () => {
    const tagged = { ...S, tags: ["t1"], last_activity_at: S.last_activity_at + 1 };
    const { side, sessions, api } = panelWith({ put: () => ({ items: [] }), get: (path) => (path.includes("/users/") ? PROFILE : tagged) });
    await side.setSessionTags(SID, ["t1"]);
    await vi.waitFor(() => expect(sessions.state.sessions[SID]?.tags).toEqual(["t1"]));
    await side.setUserTags(S.project_id, S.tg_user_id, ["t2"]);
    await vi.waitFor(() => expect(profileOf(side.state, S)).toEqual(PROFILE));
    expect(api.put.mock.calls.map(([path, body]) => [path, body])).toEqual([
      [`/api/sessions/${SID}/tags`, { tag_ids: ["t1"] }],
      [`/api/projects/${S.project_id}/users/${S.tg_user_id}/tags`, { tag_ids: ["t2"] }],
    ]);
  });
});
