import { fireEvent, render, waitFor } from "@testing-library/preact";
import type { Api } from "../src/api/client";
import type { AgentAccount, Items } from "../src/api/types";
import { AgentsAdmin } from "../src/admin/AgentsAdmin";
import { setLang } from "../src/i18n";

const LOCKED_UNTIL = Date.UTC(2026, 11, 1, 23, 15);

function agents(lockedUntil: number | null): Items<AgentAccount> {
  return {
    items: [
      { agent_id: "6t2nwqeabbja", username: "admin", display_name: "Admin", role: "admin", locked_until: null },
      { agent_id: "q8m2k4x7c1vd", username: "maria", display_name: "Maria", role: "agent", locked_until: lockedUntil },
    ],
  };
}

function fakeApi(get: Api["get"], post: Api["post"] = vi.fn(async () => ({})) as Api["post"]): Api {
  return { get, post, patch: vi.fn(), put: vi.fn(), del: vi.fn() } as unknown as Api;
}

beforeEach(() => setLang("en"));

describe("the agents page", () => {
  it("shows a locked account with an Unlock action that calls the API and reloads", async () => {
    const get = vi.fn().mockResolvedValueOnce(agents(LOCKED_UNTIL)).mockResolvedValue(agents(null));
    const post = vi.fn(async () => ({}));
    const page = render(<AgentsAdmin api={fakeApi(get as Api["get"], post as Api["post"])} />);
    const unlock = await page.findByRole("button", { name: "Unlock maria" });
    expect(page.getByText(/^Locked until .+ after failed sign-ins$/)).toBeTruthy();
    expect(page.queryByRole("button", { name: "Unlock admin" })).toBeNull();

    fireEvent.click(unlock);
    await waitFor(() => expect(post).toHaveBeenCalledWith("/api/agents/q8m2k4x7c1vd/unlock"));
    await waitFor(() => expect(page.queryByRole("button", { name: "Unlock maria" })).toBeNull());
    expect(page.queryByText(/Locked until/)).toBeNull();
    expect(get).toHaveBeenCalledTimes(2);
  });

  it("offers no Unlock for accounts that are not locked, and speaks Chinese", async () => {
    setLang("zh-CN");
    const page = render(<AgentsAdmin api={fakeApi(vi.fn(async () => agents(LOCKED_UNTIL)) as Api["get"])} />);
    expect(await page.findByRole("button", { name: "解锁 maria" })).toBeTruthy();
    expect(page.getByText(/^登录失败次数过多，锁定至 /)).toBeTruthy();
    expect(page.getAllByRole("button", { name: /^解锁/ })).toHaveLength(1);
  });
});
