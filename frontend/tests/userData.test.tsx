import { fireEvent, render, waitFor } from "@testing-library/preact";
import type { Api } from "../src/api/client";
import { SidePanel } from "../src/components/SidePanel";
import { UserDataActions } from "../src/components/UserData";
import { ConsoleController } from "../src/console/controller";
import { setLang } from "../src/i18n";
import { eraseUserData, exportUserData } from "../src/lib/userData";
import { session } from "./fixtures";

const ADMIN = { agent_id: "6t2nwqeabbja", username: "admin", display_name: "Admin", role: "admin" as const };
const AGENT = { ...ADMIN, agent_id: "a2", username: "maria", role: "agent" as const };

function api(overrides: Partial<Api> = {}): Api {
  return {
    get: vi.fn(async () => ({ items: [] })) as Api["get"],
    post: vi.fn() as Api["post"],
    patch: vi.fn(),
    put: vi.fn(),
    del: vi.fn(),
    ...overrides,
  };
}

function panel(me: typeof ADMIN | typeof AGENT) {
  const controller = new ConsoleController({ api: api(), me });
  const s = session();
  controller.sessions.store.set({ sessions: { [s.session_id]: s }, selectedId: s.session_id });
  return render(<SidePanel controller={controller} />);
}

beforeEach(() => setLang("en"));

describe("a user's data", () => {
  it("is offered to administrators only", () => {
    const asAdmin = panel(ADMIN);
    expect(asAdmin.queryByRole("button", { name: "Erase data" })).not.toBeNull();
    asAdmin.unmount();
    expect(panel(AGENT).queryByRole("button", { name: "Export data" })).toBeNull();
  });

  it("exports every page into one document", async () => {
    const get = vi.fn(async (_path: string, query?: Record<string, unknown>) =>
      query?.cursor
        ? { profile: null, messages: [{ message_id: "m2" }], notes: [], next_cursor: null }
        : { profile: { first_name: "Ada" }, messages: [{ message_id: "m1" }], notes: [{ note_id: "n1" }], next_cursor: "c1" },
    );
    const document = await exportUserData(api({ get: get as Api["get"] }), "p1", 700);
    expect(get).toHaveBeenCalledWith("/api/projects/p1/users/700/export", { cursor: "c1" });
    expect(document).toEqual({ profile: { first_name: "Ada" }, messages: [{ message_id: "m1" }, { message_id: "m2" }], notes: [{ note_id: "n1" }] });
  });

  it("erases by calling again until the erasure is done", async () => {
    const post = vi
      .fn()
      .mockResolvedValueOnce({ phase: "items", items_erased: 2000, audit_entries_redacted: 0 })
      .mockResolvedValueOnce({ phase: "done", items_erased: 2100, audit_entries_redacted: 3 });
    const seen: number[] = [];
    const done = await eraseUserData(api({ post: post as Api["post"] }), "p1", 700, (p) => seen.push(p.items_erased));
    expect(post).toHaveBeenCalledWith("/api/projects/p1/users/700/erase", { confirm_tg_user_id: 700 });
    expect(seen).toEqual([2000, 2100]);
    expect(done.phase).toBe("done");
  });

  it("asks for the user's id before erasing", async () => {
    const post = vi.fn(async () => ({ phase: "done", items_erased: 12, audit_entries_redacted: 1 }));
    const page = render(<UserDataActions api={api({ post: post as Api["post"] })} projectId="p1" tgUserId={700} />);
    fireEvent.click(page.getByRole("button", { name: "Erase data" }));
    const confirm = page.getByRole("button", { name: "Erase for good" }) as HTMLButtonElement;
    const box = page.getByLabelText("Telegram id of the user");
    fireEvent.input(box, { target: { value: "701" } });
    expect(confirm.disabled).toBe(true);
    fireEvent.input(box, { target: { value: "700" } });
    expect(confirm.disabled).toBe(false);
    fireEvent.click(confirm);
    await waitFor(() => expect(page.getByRole("status").textContent).toBe("The user's data was erased (12 items)."));
    expect(post).toHaveBeenCalledTimes(1);
  });

  it("drops the erased user's conversations from the console and says why", async () => {
    const post = vi.fn(async () => ({ phase: "done", items_erased: 12, audit_entries_redacted: 1 }));
    const controller = new ConsoleController({ api: api({ post: post as Api["post"] }), me: ADMIN });
    const erased = session();
    const other = session({ session_id: "other", tg_user_id: 5000000002 });
    controller.sessions.store.set({ sessions: { [erased.session_id]: erased, other }, selectedId: erased.session_id });
    const page = render(<SidePanel controller={controller} />);
    fireEvent.click(page.getByRole("button", { name: "Erase data" }));
    fireEvent.input(page.getByLabelText("Telegram id of the user"), { target: { value: String(erased.tg_user_id) } });
    fireEvent.click(page.getByRole("button", { name: "Erase for good" }));
    await waitFor(() => expect(controller.sessions.state.selectedId).toBeNull());
    expect(Object.keys(controller.sessions.state.sessions)).toEqual(["other"]);
    expect(controller.workspace.state.notice).toEqual({ key: "notice.userErased" });
  });
});
