// A session's SLA clocks in its list row and in the side panel, and the "due soonest" order.
import { render } from "@testing-library/preact";
import type { Session } from "../src/api/types";
import { SessionList } from "../src/components/SessionList";
import { ConsoleController } from "../src/console/controller";
import { setLang } from "../src/i18n";
import { filterQuery, NO_FILTERS, visibleSessions } from "../src/sessions/model";
import { SlaPanel } from "../src/sla/SlaClocks";
import { fakeApi, ME } from "./fakeApi";
import { session } from "./fixtures";

const MINUTE = 60_000;
const NOW = Date.now();

function clocks(dueIn: number, extra: Partial<NonNullable<Session["sla"]>> = {}): Session["sla"] {
  const first = {
    clock: "first_response",
    started_at: NOW - MINUTE,
    target_ms: 15 * MINUTE,
    warn_at: NOW + dueIn - 3 * MINUTE,
    due_at: NOW + dueIn,
    paused: false,
    remaining_ms: dueIn,
  };
  return { clocks: [first], due_at: NOW + dueIn, warnings: 0, breaches: 0, events: [], ...extra };
}

const SOON = session({ session_id: "soon", status: "processing", last_activity_at: 10, sla: clocks(12 * MINUTE + 30_000) });
const LATE = session({ session_id: "late", status: "processing", last_activity_at: 30, sla: clocks(-5 * MINUTE - 30_000, { breaches: 1 }) });
const NONE = session({ session_id: "none", status: "processing", last_activity_at: 20 });

const controller = () => new ConsoleController({ api: fakeApi({ get: () => ({ items: [], next_cursor: null }) }), me: ME });

beforeEach(() => setLang("en"));

describe("SLA clocks in the console", () => {
  it("show the time left or how long overdue in each row, in both languages", () => {
    const rows = render(<SessionList controller={controller()} sessions={[SOON, LATE, NONE]} />);
    const chips = [...rows.container.querySelectorAll(".sla-chip")].map((c) => c.textContent);
    expect(chips).toEqual(["12m left", "Overdue by 5m"]);
    expect(rows.container.querySelector(".sla-overdue")?.textContent).toBe("Overdue by 5m");
    rows.unmount();
    setLang("zh-CN");
    const zh = render(<SessionList controller={controller()} sessions={[SOON]} />);
    expect(zh.container.querySelector(".sla-chip")?.textContent).toBe("剩余 12m");
  });

  it("list every clock in the side panel, paused ones with what is left", () => {
    const running = clocks(0)!.clocks![0];
    const paused = clocks(0, { clocks: [{ ...running, paused: true, due_at: null, remaining_ms: 7 * MINUTE }] });
    const panel = render(<SlaPanel session={session({ sla: paused })} />);
    expect(panel.getByRole("heading", { name: "Service level" })).toBeTruthy();
    expect(panel.container.textContent).toContain("First response");
    expect(panel.container.textContent).toContain("Paused, 7m left");
  });

  it("order by due soonest, and ask the server the same", () => {
    const map = { soon: SOON, late: LATE, none: NONE };
    const byDue = { ...NO_FILTERS, order: "due" as const };
    expect(visibleSessions(map, byDue, "", {}).map((s) => s.session_id)).toEqual(["late", "soon", "none"]);
    expect(filterQuery(byDue)).toMatchObject({ order: "due" });
  });
});
