import { fireEvent, render, waitFor } from "@testing-library/preact";
import type { HttpApi } from "../src/api/client";
import type { RiskEntry, RiskGroup, RiskTrigger } from "../src/api/types";
import { RiskEntries, findEntries } from "../src/admin/RiskEntries";
import { RiskTriggers, triggerQuery } from "../src/admin/RiskTriggers";
import { ConsoleController } from "../src/console/controller";
import { setLang } from "../src/i18n";

const ADMIN = { agent_id: "6t2nwqeabbja", username: "admin", display_name: "Admin", role: "admin" as const };

function group(entries: RiskEntry[]): RiskGroup {
  return {
    group_id: "q8m2k4x7c1vd",
    name: "Wallet address monitoring",
    action: "confirm",
    entries,
    entry_count: entries.length,
    allowed: [],
    project_ids: null,
    created_at: 1795414459464,
    created_by: ADMIN.agent_id,
    updated_at: 1795414459464,
    version: "01m83gn12c75chx0rpmgvne239",
  };
}

function fakeApi(overrides: Partial<HttpApi> = {}): HttpApi {
  return {
    get: vi.fn(async () => ({ items: [] })) as HttpApi["get"],
    post: vi.fn(),
    patch: vi.fn(),
    put: vi.fn(),
    del: vi.fn(),
    blob: vi.fn(async () => new Blob(["value,kind\r\n"])),
    putText: vi.fn(),
    ...overrides,
  } as HttpApi;
}

beforeEach(() => setLang("en"));

describe("a group's entries", () => {
  const many = Array.from({ length: 5000 }, (_, i) => ({ value: `T${i.toString(36).padStart(4, "0")}`, kind: "keyword" as const }));

  it("finds entries case-insensitively and shows a bounded number of thousands", () => {
    expect(findEntries(many, "").shown).toHaveLength(200);
    expect(findEntries(many, "").total).toBe(5000);
    const found = findEntries(many, "t00A");
    expect(found.total).toBe(36);
    expect(found.shown.every((e) => e.value.startsWith("T00a"))).toBe(true);
  });

  it("renders only a page of thousands of entries, and the pasted lines go to the bulk endpoint", async () => {
    const post = vi.fn(async () => ({ added: 2, duplicates: 1, invalid: 1, invalid_lines: [4] }));
    const onChanged = vi.fn();
    const page = render(<RiskEntries api={fakeApi({ post: post as HttpApi["post"] })} group={group(many)} canEdit onChanged={onChanged} />);
    expect(page.container.querySelectorAll("tbody tr")).toHaveLength(200);
    expect(page.getByText("Showing 200 of 5000.")).toBeTruthy();
    const pasted = "T9yD\ndetector:trc20\nT9yD\nx";
    fireEvent.input(page.getByLabelText(/Paste entries/), { target: { value: pasted } });
    fireEvent.click(page.getByRole("button", { name: "Add the entries" }));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(post).toHaveBeenCalledWith("/api/risk/groups/q8m2k4x7c1vd/entries:bulk", { text: pasted });
    expect(page.getByRole("status").textContent).toContain("2 added, 1 already there, 1 invalid. (4)");
  });

  it("imports a CSV file as text/csv and shows entries only as text", async () => {
    const putText = vi.fn(async () => ({ added: 1, duplicates: 0, invalid: 0, invalid_lines: [] }));
    const page = render(
      <RiskEntries api={fakeApi({ putText: putText as HttpApi["putText"] })} group={group([{ value: "<img src=x onerror=alert(1)>", kind: "keyword" }])} canEdit onChanged={vi.fn()} />,
    );
    expect(page.container.querySelector("img")).toBeNull();
    const csv = "value,kind\r\nT9yD,keyword\r\n";
    const input = page.getByLabelText(/Import CSV/) as HTMLInputElement;
    Object.defineProperty(input, "files", { value: [new File([csv], "entries.csv", { type: "text/csv" })] });
    fireEvent.change(input);
    await waitFor(() => expect(putText).toHaveBeenCalledWith("/api/risk/groups/q8m2k4x7c1vd/entries.csv", csv, "text/csv"));
  });

  it("a supervisor reads the entries but cannot change them", () => {
    const page = render(<RiskEntries api={fakeApi()} group={group([{ value: "T9yD", kind: "keyword" }])} canEdit={false} onChanged={vi.fn()} />);
    expect(page.queryByLabelText(/Paste entries/)).toBeNull();
    expect(page.queryByLabelText(/Import CSV/)).toBeNull();
    expect(page.getByRole("button", { name: "Export CSV" })).toBeTruthy();
  });
});

describe("the trigger log", () => {
  it("asks from the first day's start to the last day's end", () => {
    const query = triggerQuery({ project_id: "p1", agent_id: "", group_id: "g1", since: "2026-11-02", until: "2026-11-03" });
    expect(query.since).toBe(new Date(2026, 10, 2).getTime());
    expect(query.until).toBe(new Date(2026, 10, 4).getTime() - 1);
    expect(query).toMatchObject({ project_id: "p1", group_id: "g1" });
    expect(triggerQuery({ project_id: "", agent_id: "", group_id: "", since: "", until: "" })).toMatchObject({ since: undefined, until: undefined });
  });

  it("lists triggers with their outcome and filters them by group", async () => {
    const trigger: RiskTrigger = {
      entry_id: "1795414459464#ab12",
      at: 1795414459464,
      actor_id: ADMIN.agent_id,
      project_id: "h5361jgnrdxy",
      target_id: "01m83gn12c75chx0rpmgvne239",
      details: {
        direction: "out",
        outcome: "cancelled",
        action: "confirm",
        agent_id: ADMIN.agent_id,
        session_id: "01m83gn12c75chx0rpmgvne239",
        group_ids: ["q8m2k4x7c1vd"],
        matches: [{ group_id: "q8m2k4x7c1vd", group_name: "Wallets", action: "confirm", entry: "T9yD", kind: "keyword", start: 0, end: 7, matched: "t 9-y.D" }],
      },
    };
    const get = vi.fn(async (path: string) => {
      if (path === "/api/risk/triggers") return { items: [trigger], next_cursor: null };
      if (path === "/api/agents") return { items: [ADMIN] };
      if (path === "/api/risk/groups") return { items: [group([])] };
      return { items: [] };
    });
    const controller = new ConsoleController({ api: fakeApi(), me: ADMIN });
    const page = render(<RiskTriggers api={fakeApi({ get: get as HttpApi["get"] })} controller={controller} />);
    const row = await page.findByText("Cancelled");
    await waitFor(() => expect(row.closest("tr")!.textContent).toContain("Wallet address monitoring"));
    expect(row.closest("tr")!.textContent).toContain("t 9-y.D");
    expect(row.closest("tr")!.textContent).not.toContain("more");
    fireEvent.change(page.getByLabelText("Group"), { target: { value: "q8m2k4x7c1vd" } });
    await waitFor(() => expect(get).toHaveBeenLastCalledWith("/api/risk/triggers", expect.objectContaining({ group_id: "q8m2k4x7c1vd" })));
  });

  it("says how many matches a trigger had beyond those it lists", async () => {
    const listed = { group_id: "q8m2k4x7c1vd", group_name: "Wallets", action: "confirm" as const, entry: "zq", kind: "keyword" as const, start: 0, end: 2, matched: "zq" };
    const trigger: RiskTrigger = {
      entry_id: "1795414459465#ab13",
      at: 1795414459465,
      actor_id: ADMIN.agent_id,
      project_id: "h5361jgnrdxy",
      details: { direction: "out", outcome: "blocked", action: "block", session_id: "s1", group_ids: ["q8m2k4x7c1vd"], matches: [listed], match_count: 2730 },
    };
    const get = vi.fn(async (path: string) => (path === "/api/risk/triggers" ? { items: [trigger], next_cursor: null } : { items: [] }));
    const controller = new ConsoleController({ api: fakeApi(), me: ADMIN });
    const page = render(<RiskTriggers api={fakeApi({ get: get as HttpApi["get"] })} controller={controller} />);
    const row = await page.findByText("Blocked");
    expect(row.closest("tr")!.textContent).toContain("zq (+2729 more)");
  });
});
