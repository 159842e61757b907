import { ApiError, type Api } from "../api/client";
import { setLang } from "../i18n";
import { StatsStore, agentsComparable, statsParams, type StatsQuery } from "./store";
import { dailyReport, figuresOf, reportOf } from "./testData";

const SUPERVISOR = { agent_id: "sup1", username: "sam", display_name: "Sam", role: "supervisor" as const };
const AGENT = { ...SUPERVISOR, agent_id: "ag1", role: "agent" as const };
const WEEK = { from: "2026-11-25", to: "2026-12-01" };
const query = (filter: StatsQuery["filter"] = null, range = WEEK): StatsQuery => ({ projectId: "p1", range, filter });

beforeEach(() => setLang("en"));

describe("the statistics' query", () => {
  it("puts the one filter in its own parameter", () => {
    expect(statsParams(query({ dimension: "tag", value: "t9" }), "day", SUPERVISOR)).toEqual({ project_id: "p1", ...WEEK, by: "day", tag: "t9" });
    expect(statsParams(query({ dimension: "group", value: "g1" }), "day", SUPERVISOR)).toMatchObject({ group_id: "g1" });
  });

  it("asks for an agent's own figures only", () => {
    expect(statsParams(query({ dimension: "group", value: "g1" }), "day", AGENT)).toEqual({ project_id: "p1", ...WEEK, by: "day", agent_id: "ag1" });
  });

  it("compares the agents without a filter or with an agent's only", () => {
    expect(agentsComparable(null)).toBe(true);
    expect(agentsComparable({ dimension: "agent", value: "a1" })).toBe(true);
    expect(agentsComparable({ dimension: "link", value: "spring" })).toBe(false);
  });
});

describe("the statistics' store", () => {
  it("keeps the answer to the latest choice, and the project's time zone", async () => {
    const answers: ((value: unknown) => void)[] = [];
    const get = vi.fn(() => new Promise((resolve) => answers.push(resolve)));
    const store = new StatsStore({ get } as unknown as Api, AGENT);
    const first = store.load(query());
    const second = store.load(query(null, { from: "2026-12-01", to: "2026-12-01" }));
    answers[1](reportOf("day", [], figuresOf({ sessions: { new: 2 } }), figuresOf(), { from: "2026-12-01", to: "2026-12-01" }));
    await second;
    answers[0](dailyReport(() => figuresOf()));
    await first;
    expect(store.state.daily?.from).toBe("2026-12-01");
    expect(store.state.daily?.totals.sessions.new).toBe(2);
    expect(store.state.zones).toEqual({ p1: "Asia/Shanghai" });
    expect(store.state.agents).toBeNull();
  });

  it("says why the figures could not be read", async () => {
    const get = vi.fn(async () => {
      throw new ApiError(404, "project_not_found", "No such project.");
    });
    const store = new StatsStore({ get } as unknown as Api, SUPERVISOR);
    await store.load(query());
    expect(store.state.error).not.toBe("");
    expect(store.state.loading).toBe(false);
    expect(store.state.daily).toBeNull();
  });
});
