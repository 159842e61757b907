// Follow-up tasks in the console: the user's night in their own time zone, the list row's
// overdue flag, the side panel's tasks (add a promise, mark one done), the "To do" view, and
// the user's local time with the night warning above the reply box.
import { fireEvent, render, waitFor } from "@testing-library/preact";
import { vi } from "vitest";
import type { Api } from "../src/api/client";
import type { AgentAccount, Task, TelegramUser } from "../src/api/types";
import { ConsoleController } from "../src/console/controller";
import { parseFrame } from "../src/realtime/client";
import { setLang } from "../src/i18n";
import { profileKey } from "../src/sidepanel/store";
import { UserLocalTime } from "../src/tasks/LocalTime";
import { clockIn, isNight } from "../src/tasks/model";
import { OverdueBadge } from "../src/tasks/OverdueBadge";
import { SessionTasks } from "../src/tasks/SessionTasks";
import { TasksPage } from "../src/tasks/TasksPage";
import { session } from "./fixtures";

const MARIA: AgentAccount = { agent_id: "maria", username: "maria", display_name: "Maria", role: "agent" };
// 2026-06-01 15:00 UTC is 23:00 in Shanghai and 17:00 in Berlin.
const AT = Date.UTC(2026, 5, 1, 15, 0);

function task(overrides: Partial<Task> = {}): Task {
  return {
    task_id: "t1",
    session_id: "s1",
    project_id: "p1",
    kind: "promise",
    due_at: AT,
    owner_id: null,
    owner_now: "maria",
    note: "Send progress at 10:00 <b>tomorrow</b>",
    state: "open",
    created_by: "maria",
    created_at: AT - 1000,
    updated_at: AT - 1000,
    version: 1,
    ...overrides,
  };
}

function controller(api: Partial<Api>) {
  const full: Api = { get: vi.fn(), post: vi.fn(), patch: vi.fn(), put: vi.fn(), del: vi.fn(), ...api };
  const c = new ConsoleController({ api: full, me: MARIA });
  c.workspace.store.set({ agents: { maria: MARIA } });
  return { c, api: full };
}

beforeEach(() => setLang("en"));
afterEach(() => {
  setLang("en");
  vi.useRealTimers();
});

describe("the user's night", () => {
  it("is read in the user's own time zone, across midnight", () => {
    expect(clockIn("Asia/Shanghai", AT)?.text).toBe("23:00");
    expect(isNight("Asia/Shanghai", AT)).toBe(true);
    expect(isNight("Europe/Berlin", AT)).toBe(false);
    expect(isNight("Asia/Shanghai", AT + 9 * 3_600_000)).toBe(false); // 08:00
    expect(isNight("Asia/Shanghai", AT, ["23:30", "07:00"])).toBe(false);
    expect(isNight(null, AT)).toBe(false); // unknown: never guessed
    expect(isNight("Not/AZone", AT)).toBe(false);
  });
});

describe("the session list row", () => {
  it("flags overdue tasks", () => {
    const page = render(<OverdueBadge session={{ tasks_overdue: 2 }} />);
    expect(page.getByText("2 overdue")).toBeTruthy();
    expect(render(<OverdueBadge session={{ tasks_overdue: 0 }} />).container.textContent).toBe("");
  });
});

describe("the side panel's tasks", () => {
  it("adds a promise with its due time and note, and marks a task done", async () => {
    const done = task({ state: "done", version: 2 });
    const get = vi.fn(async () => ({ items: [task()] })) as Api["get"];
    const post = vi.fn(async (_p: string, body: unknown) => task({ task_id: "t2", note: (body as { note: string }).note })) as Api["post"];
    const patch = vi.fn(async () => done) as Api["patch"];
    const { c } = controller({ get, post, patch });
    const s = session({ session_id: "s1", assignee_id: "maria", status: "processing" });
    const page = render(<SessionTasks controller={c} session={s} />);
    await waitFor(() => expect(page.getByText("Send progress at 10:00 <b>tomorrow</b>")).toBeTruthy()); // as text
    fireEvent.input(page.getByLabelText("Due"), { target: { value: "2026-06-02T10:00" } });
    fireEvent.input(page.getByLabelText("Note"), { target: { value: "call back" } });
    fireEvent.click(page.getByRole("button", { name: "Add promise" }));
    await waitFor(() => expect(page.getByText("call back")).toBeTruthy());
    const [, body] = (post as ReturnType<typeof vi.fn>).mock.calls[0];
    expect(body).toMatchObject({ kind: "promise", note: "call back", due_at: new Date("2026-06-02T10:00").getTime() });
    fireEvent.click(page.getAllByRole("button", { name: "Mark done" })[0]);
    await waitFor(() => expect(patch).toHaveBeenCalledWith("/api/sessions/s1/tasks/t1", { version: 1, done: true }));
  });
});

describe("the To do view", () => {
  it("lists the caller's tasks and filters them by state", async () => {
    const get = vi.fn(async () => ({ items: [task({ state: "overdue" })] })) as Api["get"];
    const { c, api } = controller({ get });
    const page = render(<TasksPage api={api as never} controller={c} />);
    await waitFor(() => expect(page.getByText("Overdue")).toBeTruthy());
    expect(page.getByRole("link", { name: "Open conversation" }).getAttribute("href")).toContain("s1");
    fireEvent.change(page.getByLabelText("Status"), { target: { value: "overdue" } });
    await waitFor(() => expect(get).toHaveBeenLastCalledWith("/api/tasks", { state: "overdue" }));
  });
});

describe("the user's local time above the reply box", () => {
  it("shows it and warns at the user's night", async () => {
    vi.useFakeTimers({ now: AT, toFake: ["Date"] });
    const get = vi.fn(async () => ({ project_id: "p1", team_chat_reminders: false, night_start: "22:00", night_end: "08:00" })) as Api["get"];
    const { c } = controller({ get });
    const s = session({ session_id: "s1", project_id: "p1", tg_user_id: 7 });
    const profile = { project_id: "p1", tg_user_id: 7, time_zone: "Asia/Shanghai", tags: [], sessions: [] } as unknown as TelegramUser;
    c.side.store.set({ profiles: { [profileKey("p1", 7)]: profile } });
    const page = render(<UserLocalTime controller={c} session={s} />);
    expect(page.getByText("User's local time: 23:00 (Asia/Shanghai)")).toBeTruthy();
    expect(page.getByRole("status").textContent).toContain("It is night for the user (23:00)");
  });

  it("shows nothing when nobody set the user's time zone", () => {
    const { c } = controller({ get: vi.fn(async () => ({ night_start: "22:00", night_end: "08:00" })) as Api["get"] });
    const page = render(<UserLocalTime controller={c} session={session({ project_id: "p1", tg_user_id: 8 })} />);
    expect(page.container.textContent).toBe("");
  });
});

describe("a task's reminder", () => {
  it("tells its owner through the notice banner when the frame arrives", () => {
    const { c } = controller({});
    const raw = JSON.stringify({ type: "task.due", project_id: "p1", session_id: "s1", at: AT, data: { task_id: "t1", note: "call back" } });
    const frame = parseFrame(raw);
    expect(frame?.type).toBe("task.due");
    c.realtime.applyFrame(frame!);
    expect(c.workspace.state.notice).toEqual({ key: "tasks.dueNotice", vars: { note: "call back" } });
  });
});
