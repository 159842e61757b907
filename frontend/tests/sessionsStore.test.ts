import type { Session, SessionList } from "../src/api/types";
import { moveCount, SessionsStore } from "../src/sessions/store";
import { deferred, fakeApi, ME, workspaceOf } from "./fakeApi";
import { session } from "./fixtures";

function page(items: Session[], next_cursor: string | null = null): SessionList {
  return { items, next_cursor, counts: { unread: items.length }, counts_complete: true };
}

/** A list whose every `GET /api/sessions` waits until the test answers it. */
function pendingList() {
  const answers: ReturnType<typeof deferred<SessionList>>[] = [];
  const api = fakeApi({
    get: () => {
      const answer = deferred<SessionList>();
      answers.push(answer);
      return answer.promise;
    },
  });
  const workspace = workspaceOf(api);
  return { api, workspace, store: new SessionsStore(api, workspace), answers };
}

const A = session({ session_id: "a" });
const B = session({ session_id: "b", status: "processing" });

describe("reading the list", () => {
  it("asks with the filters and search, and pages on with the cursor", async () => {
    const api = fakeApi({ get: (_p, query) => page([A], (query as { cursor?: string }).cursor ? null : "c1") });
    const store = new SessionsStore(api, workspaceOf(api));
    store.setFilters({ status: "unread" });
    await vi.waitFor(() => expect(store.state.listCursor).toBe("c1"));
    await store.loadMore();
    expect(api.get.mock.calls.map(([, query]) => query)).toEqual([
      { limit: 100, status: "unread" },
      { limit: 100, status: "unread", cursor: "c1" },
    ]);
    expect(store.state.listCursor).toBeNull();
    expect(store.state.listLoading).toBe(false);
  });

  it("drops a first page answered after the filters changed", async () => {
    const { store, answers } = pendingList();
    const first = store.load();
    store.setFilters({ status: "processing" });
    answers[1].resolve(page([B]));
    await vi.waitFor(() => expect(store.state.listLoading).toBe(false));
    answers[0].resolve(page([A]));
    await first;
    expect(Object.keys(store.state.sessions)).toEqual(["b"]);
    expect(store.state.listLoading).toBe(false);
  });

  it("drops a next page answered after the filters changed", async () => {
    const { store, answers } = pendingList();
    store.store.set({ listCursor: "c1" });
    const more = store.loadMore();
    store.setFilters({ status: "processing" });
    answers[1].resolve(page([B]));
    await vi.waitFor(() => expect(store.state.listLoading).toBe(false));
    answers[0].resolve(page([A]));
    await more;
    expect(Object.keys(store.state.sessions)).toEqual(["b"]);
  });

  it("drops a catch-up answered after the filters changed", async () => {
    const { store, answers } = pendingList();
    const catchUp = store.catchUp();
    const load = store.load();
    answers[1].resolve(page([B]));
    await load;
    answers[0].resolve(page([A]));
    await catchUp;
    expect(Object.keys(store.state.sessions)).toEqual(["b"]);
  });

  it("keeps the open session across a filter change, and reports a failure in the notice", async () => {
    const api = fakeApi({ get: () => page([B]) });
    const workspace = workspaceOf(api);
    const store = new SessionsStore(api, workspace);
    store.store.set({ sessions: { a: A }, selectedId: "a" });
    store.setFilters({ status: "processing" });
    await vi.waitFor(() => expect(Object.keys(store.state.sessions).sort()).toEqual(["a", "b"]));
    api.get.mockRejectedValueOnce(new Error("down"));
    await store.load();
    expect(workspace.state.notice).toEqual({ key: "error.generic", text: "Error: down" });
  });
});

describe("what frames report", () => {
  it("moves a session between the count chips", () => {
    expect(moveCount({ unread: 2 }, "unread", "processing")).toEqual({ unread: 1, processing: 1 });
    expect(moveCount({}, undefined, "unread")).toEqual({ unread: 1 });
    expect(moveCount({ unread: 0 }, "unread", "closed")).toEqual({ unread: 0, closed: 1 });
  });

  it("announces a newly assigned session once", () => {
    const announced = vi.fn();
    const api = fakeApi();
    const store = new SessionsStore(api, workspaceOf(api), announced);
    store.applySession(A, true);
    store.applySession(A, true);
    store.applySession(session({ session_id: "u" }));
    expect(announced).toHaveBeenCalledTimes(1);
    expect(store.state.counts).toEqual({ unread: 2 });
  });

  it("counts unseen messages only in sessions not open", () => {
    const api = fakeApi();
    const store = new SessionsStore(api, workspaceOf(api));
    store.select("a");
    store.markUnseen("a");
    store.markUnseen("b");
    store.markUnseen("b");
    expect(store.state.unseen).toEqual({ b: 2 });
    store.select("b");
    expect(store.state.unseen).toEqual({});
  });

  it("a session transferred away while open closes it and says why", () => {
    const api = fakeApi();
    const workspace = workspaceOf(api);
    const store = new SessionsStore(api, workspace);
    store.store.set({ sessions: { a: A, b: B }, selectedId: "a" });
    store.remove("b");
    expect(workspace.state.notice).toBeNull();
    store.remove("a");
    expect(store.state).toMatchObject({ sessions: {}, selectedId: null });
    expect(workspace.state.notice).toEqual({ key: "notice.transferredOut" });
  });

  it("forgets an erased user's sessions and answers which", () => {
    const api = fakeApi();
    const workspace = workspaceOf(api);
    const store = new SessionsStore(api, workspace);
    const other = session({ session_id: "o", tg_user_id: 9 });
    store.store.set({ sessions: { a: A, o: other }, selectedId: "a" });
    expect(store.forgetUser(A.project_id, A.tg_user_id)).toEqual(["a"]);
    expect(store.state).toMatchObject({ sessions: { o: other }, selectedId: null });
    expect(workspace.state.notice).toEqual({ key: "notice.userErased" });
  });
});

describe("actions on a session", () => {
  it("a plain agent no longer sees a session transferred to someone else", async () => {
    const api = fakeApi({ post: () => ({ ...A, assignee_id: "someone" }) });
    const store = new SessionsStore(api, workspaceOf(api, ME));
    store.store.set({ sessions: { a: A }, selectedId: "a" });
    expect(await store.transfer("a", { to: { any_online: true } })).toBeNull();
    expect(store.state).toMatchObject({ sessions: {}, selectedId: null });
  });

  it("a supervisor keeps it; a refusal is answered for the dialog", async () => {
    const api = fakeApi({ post: () => ({ ...A, assignee_id: "someone" }) });
    const store = new SessionsStore(api, workspaceOf(api, { ...ME, role: "supervisor" }));
    await store.transfer("a", { to: { any_online: true } });
    expect(store.state.sessions.a.assignee_id).toBe("someone");
    api.post.mockRejectedValueOnce(new Error("nope"));
    expect((await store.transfer("a", { to: { any_online: true } }))?.message).toBe("Error: nope");
  });

  it("a closed session shows its new state; a refusal goes to the notice", async () => {
    const api = fakeApi({ post: () => ({ ...A, status: "closed", last_activity_at: A.last_activity_at + 1 }) });
    const workspace = workspaceOf(api);
    const store = new SessionsStore(api, workspace);
    expect(await store.close("a")).toBe(true);
    expect(store.state.sessions.a.status).toBe("closed");
    api.post.mockRejectedValueOnce(new Error("closed already"));
    expect(await store.close("a")).toBe(false);
    expect(workspace.state.notice?.key).toBe("error.generic");
  });
});
