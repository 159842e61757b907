// The project's team group: the bound group's title (as text), a bind code with what to send
// in the group, unbinding.
import { fireEvent, render, waitFor } from "@testing-library/preact";
import type { Api } from "../src/api/client";
import type { Project } from "../src/api/types";
import { TeamChatSettings } from "../src/admin/TeamChatSettings";
import { setLang } from "../src/i18n";

const PROJECT = { project_id: "p1", name: "Support", bot_username: "acme_help_bot" } as unknown as Project;
const BOUND = { bound: true, chat_id: -1002471352452, chat_type: "supergroup", title: "<b>Team</b>", bound_at: 1, bound_by: "a1" };
const CODE = { code: "ABCD2345", command: "/bind@acme_help_bot ABCD2345", expires_at: Date.UTC(2026, 0, 1, 9, 15) };

function api(verbs: Partial<Record<keyof Api, unknown>>): Api {
  const refuse = (name: string) => vi.fn(async (url: string) => Promise.reject(new Error(`unexpected ${name} ${url}`)));
  return { get: refuse("get"), post: refuse("post"), patch: refuse("patch"), put: refuse("put"), del: refuse("del"), ...verbs } as unknown as Api;
}

beforeEach(() => setLang("en"));

describe("the team chat settings", () => {
  it("shows the bound group's title as text and unbinds it", async () => {
    let bound = true;
    const get = vi.fn(async () => (bound ? BOUND : { bound: false }));
    const del = vi.fn(async () => {
      bound = false;
    });
    const page = render(<TeamChatSettings api={api({ get, del })} project={PROJECT} />);

    expect((await page.findByRole("status")).textContent).toBe("Posting to the group “<b>Team</b>”.");
    expect(page.container.querySelector("b")).toBeNull();
    fireEvent.click(page.getByRole("button", { name: "Unbind" }));

    await waitFor(() => expect(page.getByRole("status").textContent).toBe("No group is bound."));
    expect(del).toHaveBeenCalledWith("/api/projects/p1/team-chat");
    expect(page.queryByRole("button", { name: "Unbind" })).toBeNull();
  });

  it("gives a bind code with the command to send in the group", async () => {
    const get = vi.fn(async () => ({ bound: false }));
    const post = vi.fn(async () => CODE);
    const page = render(<TeamChatSettings api={api({ get, post })} project={PROJECT} />);
    await page.findByText("No group is bound.");

    fireEvent.click(page.getByRole("button", { name: "Get bind code" }));

    expect((await page.findByText(CODE.command)).tagName).toBe("CODE");
    expect(post).toHaveBeenCalledWith("/api/projects/p1/team-chat/code");
    expect(page.getByText(/Add the bot to the team's group/).textContent).toContain("works once");
    fireEvent.click(page.getByRole("button", { name: "Done: check again" }));
    await waitFor(() => expect(get).toHaveBeenCalledTimes(2));
    expect(page.queryByText(CODE.command)).toBeNull();
  });

  it("speaks Chinese too", async () => {
    setLang("zh-CN");
    const page = render(<TeamChatSettings api={api({ get: vi.fn(async () => ({ bound: false })) })} project={PROJECT} />);
    expect((await page.findByRole("status")).textContent).toBe("尚未绑定群组。");
  });
});
