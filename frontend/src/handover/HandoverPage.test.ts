// The handover view with a fake API: the summary's figures and texts, acknowledging, and
// the CSV download's address (h() rather than JSX: tests next to the code are .ts).
import { fireEvent, render, waitFor } from "@testing-library/preact";
import { h } from "preact";
import type { HttpApi } from "../api/client";
import type { Handover } from "../api/types";
import { ConsoleController } from "../console/controller";
import { setLang } from "../i18n";
import { parseFrame } from "../realtime/client";
import { HandoverPage } from "./HandoverPage";

const ANA = { agent_id: "ana00000001", username: "ana", display_name: "Ana", role: "agent" as const };
const PROJECT = { project_id: "p1", name: "Support" };
const END = Date.UTC(2026, 11, 7, 14, 0);

function handover(extra: Partial<Handover> = {}): Handover {
  return {
    project_id: "p1",
    shift_id: "s1",
    shift_name: "Day",
    started_at: END - 8 * 3_600_000,
    ended_at: END,
    generated_at: END,
    agents: [{ agent_id: ANA.agent_id, handled: 3, closed: 1, median_first_response_ms: 300_000, average_handling_ms: 5_400_000 }],
    open_sessions: [
      { session_id: "x1", agent_id: ANA.agent_id, status: "follow_up", priority: "high", tags: ["complaint"], user: "<b>Alice</b>", last_note: "called back", next_step: "send the refund status", moved_to_follow_up: true },
    ],
    events: [{ session_id: "x1", event: "tag:complaint", detail: "complaint" }],
    promises: [],
    truncated: false,
    reads: 12,
    next_agent_ids: [ANA.agent_id],
    ...extra,
  };
}

function setUp(found: Handover) {
  const post = vi.fn(async () => ({ ...found, acknowledged_at: END + 1, acknowledged_by: ANA.agent_id }));
  const blob = vi.fn(async () => new Blob(["\ufeffsection"], { type: "text/csv" }));
  const get = vi.fn(async () => ({ items: [found] }));
  const api = { get, post, patch: vi.fn(), put: vi.fn(), del: vi.fn(), blob, putText: vi.fn() };
  const controller = new ConsoleController({ api: api as unknown as HttpApi, me: ANA });
  controller.workspace.store.set({ projects: [PROJECT as never], agents: { [ANA.agent_id]: ANA as never } });
  const page = render(h(HandoverPage, { api: api as unknown as HttpApi, controller }));
  return { api, page };
}

beforeEach(() => setLang("en"));

describe("the handover view", () => {
  it("shows each agent's figures and the open sessions as text", async () => {
    const { page } = setUp(handover());
    const row = (await page.findByRole("rowheader", { name: "Ana" })).closest("tr")!;
    expect(row.textContent).toBe("Ana315.090.0");
    expect(page.getByText("<b>Alice</b>")).toBeTruthy(); // a user's name is never HTML
    expect(page.container.textContent).toContain("Next step: send the refund status");
    expect(page.container.textContent).toContain("moved to follow-up");
  });

  it("acknowledges and downloads the CSV", async () => {
    URL.createObjectURL = vi.fn(() => "blob:x");
    URL.revokeObjectURL = vi.fn();
    const { api, page } = setUp(handover());
    fireEvent.click(await page.findByRole("button", { name: "Acknowledge" }));
    await waitFor(() => expect(api.post).toHaveBeenCalledWith("/api/projects/p1/handovers/s1/" + END + "/acknowledge", {}));
    fireEvent.click(page.getByRole("button", { name: "Download CSV" }));
    await waitFor(() => expect(api.blob).toHaveBeenCalledWith(`/api/projects/p1/handovers/s1/${END}/csv`));
  });
});

describe("a shift's reminder", () => {
  it("tells the agent on shift through the notice banner when the frame arrives", () => {
    const { api } = setUp(handover());
    const controller = new ConsoleController({ api: api as unknown as HttpApi, me: ANA });
    const raw = JSON.stringify({ type: "shift.reminder", project_id: "p1", session_id: "", at: END, data: { shift_name: "Day", minutes: 30 } });
    controller.realtime.applyFrame(parseFrame(raw)!);
    expect(controller.workspace.state.notice).toEqual({ key: "shifts.reminderNotice", vars: { shift: "Day", minutes: "30" } });
  });
});
