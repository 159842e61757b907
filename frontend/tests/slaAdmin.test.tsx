// The admin area's service levels: a project's settings read, edited and saved whole.
import { fireEvent, render, waitFor } from "@testing-library/preact";
import { SlaAdmin } from "../src/admin/SlaAdmin";
import type { Api } from "../src/api/client";
import { ConsoleController } from "../src/console/controller";
import { setLang } from "../src/i18n";
import { fakeApi, ME } from "./fakeApi";

const policy = (first: number, resolution: number) => ({
  first_response_minutes: first,
  next_response_minutes: first,
  resolution_minutes: resolution,
  business_hours: false,
  breach_action: { notify: true, raise_priority: false, reassign_group_id: null },
});
const SETTINGS = {
  project_id: "p1",
  enabled: false,
  time_zone: "UTC",
  business_hours: null,
  holidays: [],
  warn_percent: 80,
  policies: { urgent: policy(15, 120), high: policy(30, 240), medium: policy(120, 1440), low: policy(240, 2880) },
};

function adminConsole(role: "admin" | "supervisor") {
  const controller = new ConsoleController({ api: fakeApi(), me: { ...ME, role } });
  controller.workspace.store.set({ ...controller.workspace.state, projects: [{ project_id: "p1", name: "Support" }] as never });
  return controller;
}

beforeEach(() => setLang("en"));

describe("the SLA settings", () => {
  it("are saved whole, business hours and holidays read from their text", async () => {
    const put = vi.fn(async (_url: string, body: Record<string, unknown>) => ({ ...SETTINGS, ...body }));
    const get = vi.fn(async (url: string) => (url.endsWith("/groups") ? { items: [{ group_id: "g1", name: "L2 support" }] } : SETTINGS));
    const api = { get, put, post: vi.fn(), patch: vi.fn(), del: vi.fn() } as unknown as Api;
    const page = render(<SlaAdmin api={api} controller={adminConsole("admin")} />);

    fireEvent.click(await page.findByLabelText("Track service levels in this project"));
    fireEvent.click(page.getByLabelText("No business hours: every hour counts"));
    fireEvent.input(page.getByLabelText("Monday"), { target: { value: "09:00-12:00, 13:00-17:00" } });
    fireEvent.input(page.getByLabelText("Holidays (YYYY-MM-DD, separated by commas)"), { target: { value: "2026-12-25" } });
    fireEvent.click(page.getByRole("button", { name: "Save" }));

    await waitFor(() => expect(put).toHaveBeenCalled());
    const [url, body] = put.mock.calls[0];
    expect(url).toBe("/api/projects/p1/sla");
    expect(body).toMatchObject({
      enabled: true,
      business_hours: { mon: [["09:00", "12:00"], ["13:00", "17:00"]] },
      holidays: ["2026-12-25"],
    });
    expect(await page.findByRole("status")).toBeTruthy();
  });

  it("are read only for supervisors", async () => {
    const get = vi.fn(async (url: string) => (url.endsWith("/groups") ? { items: [] } : SETTINGS));
    const api = { get, put: vi.fn(), post: vi.fn(), patch: vi.fn(), del: vi.fn() } as unknown as Api;
    const page = render(<SlaAdmin api={api} controller={adminConsole("supervisor")} />);
    const enabled = await page.findByLabelText("Track service levels in this project");
    expect(enabled.closest("fieldset")?.disabled).toBe(true);
    expect(page.queryByRole("button", { name: "Save" })).toBeNull();
  });
});
