import { fireEvent, render, waitFor } from "@testing-library/preact";
import { ApiError, type Api } from "../src/api/client";
import type { AgentAccount, Items } from "../src/api/types";
import { AgentsAdmin } from "../src/admin/AgentsAdmin";
import { setLang } from "../src/i18n";
import { dateTime } from "../src/lib/format";

const LOCKED_UNTIL = Date.UTC(2026, 11, 1, 23, 15);
const ADMIN_ID = "6t2nwqeabbja";
const MARIA_ID = "q8m2k4x7c1vd";
const INVITATION = { url: "http://desk.example/#/invitation/abcdefghijklmnopqrstuvwxyz012345", expires_at: Date.UTC(2026, 11, 4) };

function agents(lockedUntil: number | null): Items<AgentAccount> {
  return {
    items: [
      { agent_id: ADMIN_ID, username: "admin", display_name: "Admin", role: "admin", locked_until: null },
      { agent_id: MARIA_ID, username: "maria", display_name: "Maria", role: "agent", locked_until: lockedUntil },
    ],
  };
}

/** GET answers: the agents from `list`, one project whose only member is `members`. */
function getter(list: () => Items<AgentAccount>, members: string[] = [ADMIN_ID, MARIA_ID]) {
  return vi.fn(async (url: string) => {
    if (url === "/api/agents") return list();
    if (url === "/api/projects") return { items: [{ project_id: "p1" }] };
    if (url === "/api/projects/p1/members") return { items: members.map((agent_id) => ({ agent_id })) };
    throw new Error(`unexpected GET ${url}`);
  });
}

function fakeApi(get: unknown, post: unknown = vi.fn(async () => ({})), patch: unknown = vi.fn(async () => ({}))): Api {
  return { get, post, patch, put: vi.fn(), del: vi.fn() } as unknown as Api;
}

function fillNewAgent(page: ReturnType<typeof render>, username: string, displayName: string) {
  fireEvent.input(page.getAllByLabelText("Username").at(-1)!, { target: { value: username } });
  fireEvent.input(page.getAllByLabelText("Display name").at(-1)!, { target: { value: displayName } });
  fireEvent.submit(page.getByRole("button", { name: "Create and get the invitation link" }).closest("form")!);
}

beforeEach(() => setLang("en"));

describe("the agents page", () => {
  it("shows a locked account with an Unlock action that calls the API and reloads", async () => {
    let lockedUntil: number | null = LOCKED_UNTIL;
    const get = getter(() => agents(lockedUntil));
    const post = vi.fn(async () => {
      lockedUntil = null;
      return {};
    });
    const page = render(<AgentsAdmin api={fakeApi(get, post)} meId={ADMIN_ID} />);
    const unlock = await page.findByRole("button", { name: "Unlock maria" });
    expect(page.getByText(/^Locked until .+ after failed sign-ins$/)).toBeTruthy();
    expect(page.queryByRole("button", { name: "Unlock admin" })).toBeNull();

    fireEvent.click(unlock);
    await waitFor(() => expect(post).toHaveBeenCalledWith("/api/agents/q8m2k4x7c1vd/unlock"));
    await waitFor(() => expect(page.queryByRole("button", { name: "Unlock maria" })).toBeNull());
    expect(page.queryByText(/Locked until/)).toBeNull();
    expect(get.mock.calls.filter(([url]) => url === "/api/agents")).toHaveLength(2);
  });

  it("offers no Unlock for accounts that are not locked, and speaks Chinese", async () => {
    setLang("zh-CN");
    const page = render(<AgentsAdmin api={fakeApi(getter(() => agents(LOCKED_UNTIL)))} meId={ADMIN_ID} />);
    expect(await page.findByRole("button", { name: "解锁 maria" })).toBeTruthy();
    expect(page.getByText(/^登录失败次数过多，锁定至 /)).toBeTruthy();
    expect(page.getAllByRole("button", { name: /^解锁/ })).toHaveLength(1);
  });

  it("offers the administrator's own row neither Disable nor a role change", async () => {
    const page = render(<AgentsAdmin api={fakeApi(getter(() => agents(null)))} meId={ADMIN_ID} />);
    expect(await page.findByRole("combobox", { name: "Role of maria" })).toBeTruthy();
    expect(page.queryByRole("combobox", { name: "Role of admin" })).toBeNull();
    const rows = page.getAllByRole("row");
    const own = rows.find((row) => row.textContent?.startsWith("admin"))!;
    const other = rows.find((row) => row.textContent?.startsWith("maria"))!;
    expect(own.textContent).toContain("(you)");
    expect(own.textContent).toContain("Administrator");
    expect([...own.querySelectorAll("button")].map((b) => b.textContent)).not.toContain("Disable");
    expect([...other.querySelectorAll("button")].map((b) => b.textContent)).toContain("Disable");
  });

  it("offers no password reset on the administrator's own row, in either language", async () => {
    const page = render(<AgentsAdmin api={fakeApi(getter(() => agents(null)))} meId={ADMIN_ID} />);
    const other = (await page.findByRole("combobox", { name: "Role of maria" })).closest("tr")!;
    const own = page.getAllByRole("row").find((row) => row.textContent?.startsWith("admin"))!;
    expect([...other.querySelectorAll("button")].map((b) => b.textContent)).toContain("Reset password");
    expect([...own.querySelectorAll("button")].map((b) => b.textContent)).not.toContain("Reset password");
    expect(page.getAllByRole("button", { name: "Reset password" })).toHaveLength(1);
    page.unmount();

    setLang("zh-CN");
    const zh = render(<AgentsAdmin api={fakeApi(getter(() => agents(null)))} meId={ADMIN_ID} />);
    await zh.findByRole("combobox", { name: /maria/ });
    expect(zh.getAllByRole("button", { name: "重置密码" })).toHaveLength(1);
  });

  it("marks an agent who is not a member of any project", async () => {
    const page = render(<AgentsAdmin api={fakeApi(getter(() => agents(null), [ADMIN_ID]))} meId={ADMIN_ID} />);
    const marker = await page.findByText("Not in any project yet");
    expect(marker.closest("tr")!.textContent).toMatch(/^maria/);
    expect(page.getAllByText("Not in any project yet")).toHaveLength(1);
  });
});

describe("inviting a new agent", () => {
  it("sends no password: the account is created invited, and the link it answers is shown", async () => {
    const post = vi.fn(async () => ({ agent_id: "n3w4g3nt0001", username: "li.wei", display_name: "Li Wei", role: "agent", invitation: INVITATION }));
    const page = render(<AgentsAdmin api={fakeApi(getter(() => agents(null)), post)} meId={ADMIN_ID} />);
    await page.findByRole("combobox", { name: "Role of maria" });
    const form = page.getByRole("button", { name: "Create and get the invitation link" }).closest("form")!;
    expect(form.querySelector("input[type=password]")).toBeNull();

    fillNewAgent(page, "li.wei", "Li Wei");
    const status = await page.findByRole("status");
    expect(status.textContent).toMatch(/^Invitation link for li\.wei, valid until /);
    expect((page.getByLabelText("Invitation link") as HTMLInputElement).value).toBe(INVITATION.url);

    // One call, with no password at all: no reset in the audit log for a new agent.
    expect(post.mock.calls).toEqual([["/api/agents", { username: "li.wei", display_name: "Li Wei", role: "agent" }]]);
    await waitFor(() => expect((page.getAllByLabelText("Username").at(-1) as HTMLInputElement).value).toBe(""));
  });

  it("keeps what was typed when the username is taken, and says so from the code in both languages", async () => {
    const post = vi.fn(async () => {
      throw new ApiError(409, "username_taken", "this username is taken", null, { field: "username" });
    });
    const page = render(<AgentsAdmin api={fakeApi(getter(() => agents(null)), post)} meId={ADMIN_ID} />);
    await page.findByRole("combobox", { name: "Role of maria" });
    fillNewAgent(page, "maria", "Maria Two");
    expect((await page.findByRole("alert")).textContent).toBe("This username is taken; choose another.");
    expect((page.getAllByLabelText("Username").at(-1) as HTMLInputElement).value).toBe("maria");
    expect((page.getAllByLabelText("Display name").at(-1) as HTMLInputElement).value).toBe("Maria Two");
    expect(post).toHaveBeenCalledTimes(1);

    page.unmount();
    setLang("zh-CN");
    const zh = render(<AgentsAdmin api={fakeApi(getter(() => agents(null)), post)} meId={ADMIN_ID} />);
    await zh.findByRole("combobox", { name: "maria 的角色" });
    fireEvent.input(zh.getAllByLabelText("用户名").at(-1)!, { target: { value: "maria" } });
    fireEvent.submit(zh.getByRole("button", { name: "创建并获取邀请链接" }).closest("form")!);
    expect((await zh.findByRole("alert")).textContent).toBe("该用户名已被占用，请换一个。");
  });

  it("shows the API's own message for a code the catalogue does not know", async () => {
    const patch = vi.fn(async () => {
      throw new ApiError(409, "brand_new_code", "Something new went wrong.");
    });
    const page = render(<AgentsAdmin api={fakeApi(getter(() => agents(null)), undefined, patch)} meId={ADMIN_ID} />);
    fireEvent.change(await page.findByRole("combobox", { name: "Role of maria" }), { target: { value: "supervisor" } });
    expect((await page.findByRole("alert")).textContent).toBe("Something new went wrong.");
  });
});

describe("the agents' last sign-in", () => {
  it("shows each agent's last sign-in and flags those without one for 7 days, in English and Chinese", async () => {
    const signedIn = Date.UTC(2026, 10, 20, 9, 30);
    const list = () => ({
      items: [
        { agent_id: ADMIN_ID, username: "admin", display_name: "Admin", role: "admin" as const, last_sign_in_at: signedIn, no_recent_sign_in: false },
        { agent_id: MARIA_ID, username: "maria", display_name: "Maria", role: "agent" as const, last_sign_in_at: signedIn, no_recent_sign_in: true },
        { agent_id: "li", username: "li", display_name: "Li", role: "agent" as const, last_sign_in_at: null, no_recent_sign_in: false },
      ],
    });
    const row = (page: ReturnType<typeof render>, name: string) => page.getAllByRole("row").find((r: HTMLElement) => r.textContent?.startsWith(name))!;
    const page = render(<AgentsAdmin api={fakeApi(getter(list))} meId={ADMIN_ID} />);
    expect(await page.findByRole("columnheader", { name: "Last sign-in" })).toBeTruthy();
    await waitFor(() => expect(row(page, "maria")).toBeTruthy());
    expect(row(page, "admin").textContent).toContain(dateTime(signedIn));
    expect(row(page, "admin").textContent).not.toContain("Not signed in for 7 days");
    expect(row(page, "maria").textContent).toContain("Not signed in for 7 days");
    expect(row(page, "li").textContent).toContain("Never");
    page.unmount();

    setLang("zh-CN");
    const zh = render(<AgentsAdmin api={fakeApi(getter(list))} meId={ADMIN_ID} />);
    expect(await zh.findByRole("columnheader", { name: "最近登录" })).toBeTruthy();
    await waitFor(() => expect(row(zh, "maria").textContent).toContain("7 天未登录"));
    expect(row(zh, "li").textContent).toContain("从未登录");
  });
});
