// The tags and the project team forms: a refused save keeps the input, a saved group shows what
// was saved and says so, deleting asks first, errors speak the console's language.
import { fireEvent, render, waitFor, within } from "@testing-library/preact";
import { ApiError, type Api } from "../src/api/client";
import type { Group, Project, Tag } from "../src/api/types";
import type { ConsoleController } from "../src/console/controller";
import { ProjectsAdmin } from "../src/admin/ProjectsAdmin";
import { TagsAdmin } from "../src/admin/TagsAdmin";
import { setLang } from "../src/i18n";

const PROJECT = {
  project_id: "p1",
  name: "Support",
  routing: { mode: "round_robin", sticky_returning_users: true, max_returns: 3 },
  agent_scope: "all",
  auto_close_after_hours: 24,
  reopen_within_days: 7,
} as unknown as Project;
const TAG: Tag = { tag_id: "t1", project_id: "p1", name: "VIP", colour: "#ff0000" } as Tag;
const MARIA = { agent_id: "maria1", username: "maria", display_name: "Maria", role: "agent" };
const LI = { agent_id: "li1", username: "li", display_name: "Li", role: "agent" };

function controller(): ConsoleController {
  return {
    workspace: {
      state: { me: { role: "supervisor", agent_id: "sup1" }, projects: [PROJECT] },
      loadTags: vi.fn(async () => undefined),
      reloadProjects: vi.fn(async () => undefined),
    },
  } as unknown as ConsoleController;
}

function api(verbs: Partial<Record<keyof Api, unknown>>): Api {
  const refuse = (name: string) => vi.fn(async (url: string) => Promise.reject(new Error(`unexpected ${name} ${url}`)));
  return { get: refuse("get"), post: refuse("post"), patch: refuse("patch"), put: refuse("put"), del: refuse("del"), ...verbs } as unknown as Api;
}

beforeEach(() => setLang("en"));

describe("the tags page", () => {
  const get = () => vi.fn(async () => ({ items: [TAG] }));

  it("keeps a refused tag name, in the console's language, and clears it once created", async () => {
    setLang("zh-CN");
    let taken = true;
    const post = vi.fn(async () => {
      if (taken) throw new ApiError(409, "tag_name_taken", "A tag with this name already exists in this project.");
      return TAG;
    });
    const page = render(<TagsAdmin api={api({ get: get(), post })} controller={controller()} />);
    await page.findByDisplayValue("VIP");
    const form = page.getByRole("button", { name: "创建" }).closest("form")!;
    const name = within(form).getByLabelText("名称") as HTMLInputElement;
    fireEvent.input(name, { target: { value: "VIP" } });
    fireEvent.submit(name.closest("form")!);
    expect((await page.findByRole("alert")).textContent).toBe("此项目中已有同名标签。");
    expect(name.value).toBe("VIP");

    taken = false;
    fireEvent.submit(name.closest("form")!);
    await waitFor(() => expect(name.value).toBe(""));
    expect(page.queryByRole("alert")).toBeNull();
  });

  it("says a tag was saved", async () => {
    const patch = vi.fn(async () => TAG);
    const page = render(<TagsAdmin api={api({ get: get(), patch })} controller={controller()} />);
    fireEvent.input(await page.findByDisplayValue("VIP"), { target: { value: "VIP+" } });
    fireEvent.click(page.getByRole("button", { name: "Save" }));
    expect((await page.findByRole("status")).textContent).toBe("Tag “VIP+” saved.");
    expect(patch).toHaveBeenCalledWith("/api/projects/p1/tags/t1", { name: "VIP+", colour: "#ff0000" });
  });

  it("deletes a tag only once confirmed", async () => {
    const del = vi.fn(async () => undefined);
    const page = render(<TagsAdmin api={api({ get: get(), del })} controller={controller()} />);
    fireEvent.click(await page.findByRole("button", { name: "Delete VIP" }));
    const dialog = page.getByRole("dialog", { name: "Delete the tag “VIP”?" });
    fireEvent.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(page.queryByRole("dialog")).toBeNull();
    expect(del).not.toHaveBeenCalled();

    fireEvent.click(page.getByRole("button", { name: "Delete VIP" }));
    fireEvent.click(within(page.getByRole("dialog")).getByRole("button", { name: "Delete" }));
    await waitFor(() => expect(del).toHaveBeenCalledWith("/api/projects/p1/tags/t1"));
  });
});

describe("a project's groups and members", () => {
  function group(agent_ids: string[], updated_at: number): Group {
    return { group_id: "g1", project_id: "p1", name: "Night shift", agent_ids, created_at: 1, created_by: "sup1", updated_at };
  }

  /** GET answers; `stale` keeps the group list as it was first read (a re-read that lags). */
  function getter(state: { members: (typeof MARIA)[]; groups: Group[] }) {
    return vi.fn(async (url: string) => {
      if (url === "/api/projects") return { items: [PROJECT] };
      if (url === "/api/projects/p1/agents" || url === "/api/agents") return { items: state.members };
      if (url === "/api/projects/p1/members") return { items: state.members.map((m) => ({ ...m, permissions: null })) };
      if (url === "/api/projects/p1/groups") return { items: state.groups };
      throw new Error(`unexpected GET ${url}`);
    });
  }

  function groupBox(page: ReturnType<typeof render>) {
    return within(page.getByRole("group", { name: "Night shift" }));
  }

  /** Ticks an agent in the group editor and lets it render. */
  async function tick(page: ReturnType<typeof render>, name: string) {
    await waitFor(() => expect(groupBox(page).getByLabelText(name)).toBeTruthy());
    fireEvent.change(groupBox(page).getByLabelText(name), { target: { checked: true } });
    await new Promise((resolve) => setTimeout(resolve, 0));
  }

  it("shows the group as saved (from the answer, whatever a re-read says) and says so", async () => {
    const state = { members: [MARIA, LI], groups: [group(["maria1"], 10)] };
    const patch = vi.fn(async () => group(["maria1", "li1"], 11));
    const page = render(<ProjectsAdmin api={api({ get: getter(state), patch })} controller={controller()} />);
    await tick(page, "Li");
    fireEvent.click(groupBox(page).getByRole("button", { name: "Save" }));

    expect((await page.findByText("Group “Night shift” saved.")).getAttribute("role")).toBe("status");
    expect(patch).toHaveBeenCalledWith("/api/projects/p1/groups/g1", { agent_ids: ["maria1", "li1"] });
    expect((groupBox(page).getByLabelText("Li") as HTMLInputElement).checked).toBe(true);
    expect((groupBox(page).getByLabelText("Maria") as HTMLInputElement).checked).toBe(true);
  });

  it("keeps the chosen members when saving fails", async () => {
    const state = { members: [MARIA, LI], groups: [group(["maria1"], 10)] };
    const patch = vi.fn(async () => {
      throw new ApiError(422, "not_a_member", "only members of the project can be named here; not members: li1");
    });
    const page = render(<ProjectsAdmin api={api({ get: getter(state), patch })} controller={controller()} />);
    await tick(page, "Li");
    fireEvent.click(groupBox(page).getByRole("button", { name: "Save" }));
    expect((await page.findByText(/^Only members of the project can be chosen here/)).getAttribute("role")).toBe("alert");
    expect((groupBox(page).getByLabelText("Li") as HTMLInputElement).checked).toBe(true);
  });

  it("offers a new member in the group editor at once", async () => {
    const state = { members: [MARIA], groups: [group(["maria1"], 10)] };
    const get = getter(state);
    (get as unknown as { mockImplementation: (f: (url: string) => unknown) => void }).mockImplementation(async (url: string) => {
      if (url === "/api/agents") return { items: [MARIA, LI] };
      return getter(state)(url);
    });
    const post = vi.fn(async () => {
      state.members = [MARIA, LI];
      return {};
    });
    const page = render(<ProjectsAdmin api={api({ get, post })} controller={controller()} />);
    await waitFor(() => expect(groupBox(page).getByLabelText("Maria")).toBeTruthy());
    expect(groupBox(page).queryByLabelText("Li")).toBeNull();
    fireEvent.change(await page.findByLabelText("Add a member"), { target: { value: "li1" } });
    fireEvent.click(page.getByRole("button", { name: "Add" }));
    await waitFor(() => expect(groupBox(page).getByLabelText("Li")).toBeTruthy());
  });

  it("deletes a group only once confirmed", async () => {
    const state = { members: [MARIA], groups: [group(["maria1"], 10)] };
    const del = vi.fn(async () => {
      state.groups = [];
    });
    const page = render(<ProjectsAdmin api={api({ get: getter(state), del })} controller={controller()} />);
    fireEvent.click(await page.findByRole("button", { name: "Delete Night shift" }));
    expect(page.getByRole("dialog", { name: "Delete the group “Night shift”?" })).toBeTruthy();
    expect(del).not.toHaveBeenCalled();
    fireEvent.click(within(page.getByRole("dialog")).getByRole("button", { name: "Delete" }));
    await waitFor(() => expect(del).toHaveBeenCalledWith("/api/projects/p1/groups/g1"));
    await waitFor(() => expect(page.queryByRole("group", { name: "Night shift" })).toBeNull());
  });

  it("keeps a refused group name", async () => {
    const state = { members: [MARIA], groups: [] as Group[] };
    const post = vi.fn(async () => {
      throw new ApiError(422, "invalid_input", "name: String should have at most 60 characters", null, { field: "name" });
    });
    const page = render(<ProjectsAdmin api={api({ get: getter(state), post })} controller={controller()} />);
    const name = (await page.findByLabelText("New group")) as HTMLInputElement;
    fireEvent.input(name, { target: { value: "Too long a name" } });
    fireEvent.submit(name.closest("form")!);
    expect((await page.findByText("The server did not accept the field “name”.")).getAttribute("role")).toBe("alert");
    expect(name.value).toBe("Too long a name");
  });
});
