import { fireEvent, render, waitFor } from "@testing-library/preact";
import type { Api } from "../src/api/client";
import { ApiError } from "../src/api/client";
import type { Project } from "../src/api/types";
import type { ConsoleController } from "../src/console/controller";
import { ProjectsAdmin } from "../src/admin/ProjectsAdmin";
import { setLang } from "../src/i18n";

const PROJECT: Project = {
  project_id: "p1",
  name: "Support",
  bot_id: 7000001,
  bot_username: "tgdesk_test_bot",
  webhook_url: "https://desk.example/telegram/p1",
  routing: { mode: "round_robin", sticky_returning_users: true, max_returns: 3 },
  agent_scope: "all",
  auto_close_after_hours: 24,
  reopen_within_days: 7,
  created_at: 1795414459464,
  created_by: "6t2nwqeabbja",
};
const TOKEN = "7000002:AAGq3sWcWw1dX0Bq2yN1oQe4yU5HkJ0pL8c";

function fakeApi(put: Api["put"]): Api {
  const get = vi.fn(async (url: string) => (url === "/api/projects" ? { items: [PROJECT] } : { items: [] }));
  return { get, post: vi.fn(), patch: vi.fn(), put, del: vi.fn() } as unknown as Api;
}

function controller(role: string) {
  return { workspace: { state: { me: { role } }, reloadProjects: vi.fn(async () => undefined) } } as unknown as ConsoleController;
}

async function replace(page: ReturnType<typeof render>, label: string, button: string) {
  fireEvent.input(await page.findByLabelText(label), { target: { value: TOKEN } });
  fireEvent.submit(page.getByRole("button", { name: button }).closest("form")!);
}

beforeEach(() => setLang("en"));

describe("replacing a project's bot token", () => {
  it("sends the token once, says another bot took over, and clears the field", async () => {
    const put = vi.fn(async () => ({ ...PROJECT, bot_id: 7000002, bot_username: "tgdesk_second_bot", new_bot: true }));
    const c = controller("admin");
    const page = render(<ProjectsAdmin api={fakeApi(put as Api["put"])} controller={c} />);
    await replace(page, "New bot token", "Replace bot token");
    await waitFor(() => expect(put).toHaveBeenCalledWith("/api/projects/p1/bot-token", { bot_token: TOKEN }));
    expect((await page.findByRole("status")).textContent).toBe(
      "Token replaced: this project now answers as another bot, @tgdesk_second_bot.",
    );
    expect((page.getByLabelText("New bot token") as HTMLInputElement).value).toBe("");
    expect(page.container.innerHTML).not.toContain(TOKEN);
    expect(c.workspace.reloadProjects).toHaveBeenCalled();
  });

  it("shows Telegram's failure and speaks Chinese", async () => {
    setLang("zh-CN");
    const put = vi.fn(async () => {
      throw new ApiError(502, "telegram_unavailable", "Telegram could not be reached; try again in a minute.");
    });
    const page = render(<ProjectsAdmin api={fakeApi(put as Api["put"])} controller={controller("admin")} />);
    await replace(page, "新的机器人令牌", "更换机器人令牌");
    expect((await page.findByRole("status")).textContent).not.toBe("");
    expect(page.queryByText(/令牌已更换/)).toBeNull();
  });

  it("is offered to administrators only", async () => {
    const page = render(<ProjectsAdmin api={fakeApi(vi.fn() as Api["put"])} controller={controller("supervisor")} />);
    await page.findByText("https://desk.example/telegram/p1");
    expect(page.queryByRole("button", { name: "Replace bot token" })).toBeNull();
  });
});

describe("updates the bot received but tgdesk does not serve", () => {
  function countingApi(counts: Record<string, number>): Api {
    const get = vi.fn(async (url: string) => {
      if (url === "/api/projects") return { items: [PROJECT] };
      if (url === "/api/projects/p1/ignored-updates") return { counts };
      return { items: [] };
    });
    return { get, post: vi.fn(), patch: vi.fn(), put: vi.fn(), del: vi.fn() } as unknown as Api;
  }

  it("shows an administrator the project's counts by kind, in both languages", async () => {
    const api = countingApi({ group_message: 12, channel_post: 3 });
    const page = render(<ProjectsAdmin api={api} controller={controller("admin")} />);
    const section = await page.findByRole("region", { name: "Updates not served" });
    await waitFor(() => expect(section.querySelectorAll("tbody tr")).toHaveLength(2));
    const rows = [...section.querySelectorAll("tbody tr")].map((row) => row.textContent);
    expect(rows).toEqual(["channel_post3", "group_message12"]);
    page.unmount();
    setLang("zh-CN");
    const again = render(<ProjectsAdmin api={countingApi({})} controller={controller("admin")} />);
    const empty = await again.findByRole("region", { name: "未处理的更新" });
    await waitFor(() => expect(empty.textContent).toContain("暂无。"));
  });

  it("is not offered to a supervisor, whom the API refuses", async () => {
    const api = countingApi({ group_message: 1 });
    const page = render(<ProjectsAdmin api={api} controller={controller("supervisor")} />);
    await page.findByRole("region", { name: "Members and permissions" });
    expect(page.queryByRole("region", { name: "Updates not served" })).toBeNull();
    expect(api.get).not.toHaveBeenCalledWith("/api/projects/p1/ignored-updates");
  });
});

describe("saving a project's settings", () => {
  async function save(page: ReturnType<typeof render>, title: string) {
    fireEvent.submit(await page.findByRole("form", { name: title }));
    return (await page.findByRole("status")).textContent;
  }

  it("says the change reaches incoming messages within the webhook's minute", async () => {
    const api = fakeApi(vi.fn() as Api["put"]);
    const page = render(<ProjectsAdmin api={api} controller={controller("admin")} />);
    expect(await save(page, "Settings")).toBe("Saved. Incoming messages follow the change within 60 seconds.");
    expect(api.patch).toHaveBeenCalledWith("/api/projects/p1", expect.objectContaining({ name: "Support" }));
  });

  it("says so in Chinese", async () => {
    setLang("zh-CN");
    const page = render(<ProjectsAdmin api={fakeApi(vi.fn() as Api["put"])} controller={controller("admin")} />);
    expect(await save(page, "设置")).toBe("已保存。新收到的消息将在 60 秒内按新设置处理。");
  });
});
