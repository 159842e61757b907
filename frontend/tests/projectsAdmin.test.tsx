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
