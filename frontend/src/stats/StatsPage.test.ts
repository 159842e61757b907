// The Statistics page rendered with a fake API (h() rather than JSX: tests next to the code are .ts).
import { fireEvent, render, waitFor, within } from "@testing-library/preact";
import { h } from "preact";
import type { HttpApi } from "../api/client";
import { saveAs } from "../admin/download";
import { ConsoleController } from "../console/controller";
import { setLang } from "../i18n";
import { StatsPage } from "./StatsPage";
import { dailyReport, figuresOf, reportOf } from "./testData";
import type { StatsReport } from "./types";

vi.mock("../admin/download", () => ({ saveAs: vi.fn() }));

const SUPERVISOR = { agent_id: "sup1", username: "sam", display_name: "Sam", role: "supervisor" as const };
const AGENT = { ...SUPERVISOR, agent_id: "ag1", username: "alice", display_name: "Alice", role: "agent" as const };
const PROJECT = { project_id: "p1", name: "Sandbox" };

const DAILY = dailyReport(
  (_day, i) => figuresOf({ sessions: { new: i + 1 }, messages: { in: 2 * i, out: i } }),
  figuresOf({ sessions: { new: 28, handled: 20 }, first_response_ms: { median: 90_000, p90: 600_000, count: 20 } }),
  figuresOf({ sessions: { new: 14, handled: 20 }, first_response_ms: { median: 60_000, p90: 300_000, count: 10 } }),
);
const AGENTS = reportOf("agent", [
  { key: "a1", label: "Ann", figures: figuresOf({ sessions: { handled: 4 }, first_response_ms: { median: 120_000 } }) },
  { key: "a2", label: "小明", figures: figuresOf({ sessions: { handled: 9 }, first_response_ms: { median: 30_000 } }) },
]);

function setUp(me: typeof SUPERVISOR | typeof AGENT = SUPERVISOR, answer: (path: string, query: Record<string, unknown>) => unknown = defaultAnswer) {
  const get = vi.fn(async (path: string, query?: Record<string, unknown>) => answer(path, query ?? {}));
  const api = { get, post: vi.fn(), patch: vi.fn(), put: vi.fn(), del: vi.fn(), blob: vi.fn(), putText: vi.fn() };
  const controller = new ConsoleController({ api: api as unknown as HttpApi, me });
  controller.workspace.store.set({ projects: [PROJECT as never] });
  const page = render(h(StatsPage, { api: api as unknown as HttpApi, controller }));
  const statsCalls = () => get.mock.calls.filter(([p]) => p === "/api/stats").map(([, q]) => q as Record<string, unknown>);
  return { page, get, statsCalls };
}

function defaultAnswer(path: string, query: Record<string, unknown>): StatsReport | unknown {
  if (path === "/api/stats") return query.by === "agent" ? AGENTS : DAILY;
  if (path === "/api/projects/p1/groups") return { items: [{ group_id: "g1", name: "Chinese", project_id: "p1", agent_ids: [] }] };
  throw new Error(`unexpected ${path}`);
}

beforeEach(() => {
  setLang("en");
  vi.mocked(saveAs).mockClear();
});

describe("the Statistics page", () => {
  it("shows the last 7 days' headline figures against the period before, in the project's days", async () => {
    const { page, statsCalls } = setUp();
    const sessions = await page.findByText("New sessions", { selector: ".stats-figure-label" });
    const card = sessions.closest("li")!;
    expect(card.textContent).toContain("28");
    expect(card.textContent).toContain("+100.0 % (before: 14)");
    const closed = page.getByText("Closed", { selector: ".stats-figure-label" }).closest("li")!;
    expect(closed.querySelector(".stats-change")!.textContent).toBe("Before: 0");
    const firstResponse = page.getByText("First response (median)", { selector: ".stats-figure-label" }).closest("li")!;
    expect(firstResponse.textContent).toContain("2 min");
    expect(firstResponse.querySelector(".stats-change")!.className).toContain("stats-worse");
    expect(page.getByText(/Days in Asia\/Shanghai, 2026-11-25 to 2026-12-01/)).toBeTruthy();
    expect(page.getByText(/Changes are against 2026-11-18 to 2026-11-24/)).toBeTruthy();
    expect(page.getByText(/within 5.0 % of the exact figure/)).toBeTruthy();
    const daily = statsCalls().find((q) => q.by === "day")!;
    expect(daily).toEqual({ project_id: "p1", from: expect.stringMatching(/^\d{4}-\d\d-\d\d$/), to: expect.stringMatching(/^\d{4}-\d\d-\d\d$/), by: "day" });
  });

  it("draws the charts with their words and tables", async () => {
    const { page } = setUp();
    const chart = await page.findByRole("img", { name: /^Sessions per day: New sessions from 1 to 7/ });
    expect(chart.querySelectorAll("rect").length).toBe(7 * 3);
    expect(page.getByRole("img", { name: /^Messages per day: Messages in from 0 to 12; Replies from 0 to 6/ })).toBeTruthy();
    expect(page.getByRole("img", { name: /^First response time per day/ })).toBeTruthy();
    expect(page.getByRole("img", { name: /^SLA attainment: Attainment: none/ })).toBeTruthy();
    expect(page.getByRole("img", { name: /^Ratings: Count from 0 to 0/ })).toBeTruthy();
    const table = page.getByText("Sessions per day: every figure").closest("details")!.querySelector("table")!;
    expect(within(table).getByText("2026-12-01").closest("tr")!.querySelector('[data-column="new"]')!.textContent).toBe("7");
  });

  it("compares the agents, sorted by any column", async () => {
    const { page } = setUp();
    const table = (await page.findByText("小明")).closest("table")!;
    const order = () => [...table.querySelectorAll("tbody tr")].map((tr) => tr.getAttribute("data-key"));
    expect(order()).toEqual(["a1", "a2"]);
    const handled = within(table).getByRole("button", { name: "Handled" });
    fireEvent.click(handled);
    expect(order()).toEqual(["a2", "a1"]);
    expect(handled.closest("th")!.getAttribute("aria-sort")).toBe("descending");
    fireEvent.click(handled);
    expect(order()).toEqual(["a1", "a2"]);
    expect(handled.closest("th")!.getAttribute("aria-sort")).toBe("ascending");
    expect(table.querySelector('tr[data-key="a2"] [data-column="first_response_median"]')!.textContent).toBe("30 s");
  });

  it("exports the agents compared as CSV", async () => {
    const { page } = setUp();
    await page.findByText("小明");
    fireEvent.click(page.getByRole("button", { name: "Export Agents compared (CSV)" }));
    const [blob, name] = vi.mocked(saveAs).mock.calls[0];
    expect(name).toMatch(/^stats-agents-\d{4}-\d\d-\d\d-\d{4}-\d\d-\d\d\.csv$/);
    const text = await new Response(blob).text();
    expect(text.split("\r\n")[2]).toMatch(/^a2,小明,0,9,/);
  });

  it("filters by one agent group: no agents compared, as the counters are per dimension", async () => {
    const { page, statsCalls } = setUp();
    await page.findByText("小明");
    fireEvent.change(page.getByLabelText("Filter by"), { target: { value: "group" } });
    await waitFor(() => expect(page.getByRole("option", { name: "Chinese" })).toBeTruthy());
    fireEvent.change(page.getByLabelText("Agent group"), { target: { value: "g1" } });
    await page.findByText(/choose no filter, or an agent/);
    const last = statsCalls().slice(-1)[0];
    expect(last).toMatchObject({ project_id: "p1", by: "day", group_id: "g1" });
    expect(statsCalls().filter((q) => q.group_id)).toHaveLength(1);
    expect(page.queryByText("小明")).toBeNull();
  });

  it("shows an agent their own days only", async () => {
    const { page, statsCalls } = setUp(AGENT);
    await page.findByText("New sessions", { selector: ".stats-figure-label" });
    expect(page.getByText("Your own figures.")).toBeTruthy();
    expect(statsCalls()).toEqual([expect.objectContaining({ by: "day", agent_id: "ag1" })]);
    expect(page.queryByLabelText("Filter by")).toBeNull();
    expect(page.queryByText("Agents compared")).toBeNull();
  });

  it("reads the chosen range and says so when the days cannot be read", async () => {
    const { page, statsCalls } = setUp();
    await page.findByText("New sessions", { selector: ".stats-figure-label" });
    fireEvent.click(page.getByLabelText("Custom"));
    fireEvent.change(page.getByLabelText("From"), { target: { value: "2026-03-01" } });
    fireEvent.change(page.getByLabelText("To"), { target: { value: "2026-03-31" } });
    await waitFor(() => expect(statsCalls().some((q) => q.from === "2026-03-01" && q.to === "2026-03-31")).toBe(true));
    fireEvent.change(page.getByLabelText("To"), { target: { value: "2026-02-01" } });
    expect(await page.findByText(/the last not before the first/)).toBeTruthy();
  });
});
