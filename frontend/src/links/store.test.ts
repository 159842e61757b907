import { deferred, fakeApi, workspaceOf } from "../../tests/fakeApi";
import { LinksStore } from "./store";
import { funnelOf as funnel, linkOf as link } from "./testData";
import type { Funnel } from "./types";

/** Noon UTC of a day of November 2026. */
const day = (n: number) => Date.UTC(2026, 10, n, 12);

describe("the links store", () => {
  it("lists a project's links newest first, and puts a created link among them", async () => {
    const api = fakeApi({
      get: () => ({ items: [link("old", 1), link("new", 2)] }),
      post: (_path, body) => link((body as { code: string }).code, 3),
    });
    const store = new LinksStore(api, workspaceOf(api));
    await store.showProject("p1");
    expect(api.get).toHaveBeenCalledWith("/api/links", { project_id: "p1" });
    expect(store.state.links!.map((l) => l.code)).toEqual(["new", "old"]);
    await store.create({ code: "fresh", name: "Fresh", channel: "", utm: {}, target_group_id: null, target_agent_ids: null, language: null, enabled: true, note: "" });
    expect(api.post).toHaveBeenCalledWith("/api/links", expect.objectContaining({ code: "fresh", project_id: "p1" }));
    expect(store.state.links!.map((l) => l.code)).toEqual(["fresh", "new", "old"]);
  });

  it("sends an edit without the code, and drops a deleted link and its open funnel", async () => {
    const api = fakeApi({ get: (p) => (p === "/api/links" ? { items: [link("a", 1)] } : funnel("a", 1)), patch: () => link("a", 1, { name: "Renamed" }), del: () => undefined });
    const store = new LinksStore(api, workspaceOf(api));
    await store.showProject("p1");
    await store.update("a", { code: "a", name: "Renamed", channel: "", utm: {}, target_group_id: null, target_agent_ids: null, language: null, enabled: true, note: "" });
    expect(api.patch).toHaveBeenCalledWith("/api/links/a", expect.not.objectContaining({ code: "a" }));
    expect(store.state.links![0].name).toBe("Renamed");
    await store.open("a", { from: "2026-11-01", to: "2026-11-02" });
    expect(await store.remove("a")).toBe(true);
    expect(store.state).toMatchObject({ links: [], openCode: null, funnel: null });
  });

  it("drops a funnel answered for a range no longer chosen", async () => {
    const slow = deferred<Funnel>();
    const api = fakeApi({ get: (_p, query) => ((query as { from: string }).from === "2026-11-01" ? slow.promise : funnel("a", 9)) });
    const store = new LinksStore(api, workspaceOf(api));
    const first = store.open("a", { from: "2026-11-01", to: "2026-11-02" });
    await store.setRange({ from: "2026-11-05", to: "2026-11-06" });
    slow.resolve(funnel("a", 1));
    await first;
    expect(store.state.funnel!.total.clicks).toBe(9);
  });

  it("reads the clicks, newest first, page after page until they are older than the range", async () => {
    const click = (n: number) => ({ click_id: `c${n}`, code: "a", at: day(n), is_bot: false });
    const pages: Record<string, { items: ReturnType<typeof click>[]; next_cursor?: string }> = {
      first: { items: [click(12), click(8)], next_cursor: "second" },
      second: { items: [click(6), click(4)], next_cursor: "third" },
    };
    const api = fakeApi({ get: (_p, query) => pages[(query as { cursor?: string }).cursor ?? "first"] });
    const store = new LinksStore(api, workspaceOf(api));
    const clicks = await store.clicks("a", { from: "2026-11-05", to: "2026-11-10" });
    expect(clicks!.map((c) => c.at)).toEqual([day(8), day(6)]);
    expect(api.get).toHaveBeenCalledTimes(2);
    expect(api.get).toHaveBeenLastCalledWith("/api/links/a/clicks", { limit: 500, cursor: "second" });
  });
});
