// Collaborators on a hard case: the side panel lists them with invite, remove and hand-over
// for the holder and supervisors; a collaborator may only leave, finds the session marked in
// their list, and sees a short explanation where the composer would be.
import { fireEvent, render, waitFor } from "@testing-library/preact";
import { vi } from "vitest";
import type { Api } from "../src/api/client";
import type { AgentAccount, Session } from "../src/api/types";
import { Collaborators } from "../src/collaboration/Collaborators";
import { collaborates, invitable, managesCollaborators } from "../src/collaboration/model";
import { SessionList } from "../src/components/SessionList";
import { ConsoleController } from "../src/console/controller";
import { setLang } from "../src/i18n";
import { session } from "./fixtures";

const MARIA: AgentAccount = { agent_id: "maria", username: "maria", display_name: "Maria", role: "agent" };
const ANA: AgentAccount = { agent_id: "ana", username: "ana", display_name: "Ana", role: "agent" };
const VERA: AgentAccount = { agent_id: "vera", username: "vera", display_name: "Vera", role: "agent" };
const GONE: AgentAccount = { agent_id: "gone", username: "gone", display_name: "Gone", role: "agent", disabled: true };
const BOSS: AgentAccount = { agent_id: "boss", username: "boss", display_name: "Boss", role: "supervisor" };
const AGENTS = Object.fromEntries([MARIA, ANA, VERA, GONE, BOSS].map((a) => [a.agent_id, a]));

function controller(me: AgentAccount, api: Partial<Api> = {}) {
  const full: Api = {
    get: vi.fn(async () => ({ items: [MARIA, ANA, VERA, GONE] })) as Api["get"],
    post: vi.fn(async () => ({})) as Api["post"],
    patch: vi.fn(),
    put: vi.fn(),
    del: vi.fn(async () => undefined),
    ...api,
  };
  const c = new ConsoleController({ api: full, me });
  c.workspace.store.set({ agents: AGENTS });
  return { c, api: full };
}

const held = (overrides: Partial<Session> = {}) => session({ assignee_id: "maria", status: "processing", ...overrides });

beforeEach(() => setLang("en"));
afterEach(() => setLang("en"));

describe("who collaborates and who manages them", () => {
  it("offers the project's enabled agents who are neither the holder nor invited", () => {
    const s = held({ collaborator_ids: ["ana"] });
    expect(invitable([MARIA, ANA, VERA, GONE], s).map((a) => a.agent_id)).toEqual(["vera"]);
    expect(collaborates(s, "ana")).toBe(true);
    expect(collaborates(s, "maria")).toBe(false);
    expect(managesCollaborators(s, MARIA)).toBe(true);
    expect(managesCollaborators(s, BOSS)).toBe(true);
    expect(managesCollaborators(s, ANA)).toBe(false);
  });
});

describe("the side panel's collaborators", () => {
  it("lets the holder invite an agent, then shows the session as it stands", async () => {
    const after = held({ collaborator_ids: ["vera"] });
    const get = vi.fn(async (p: string) => (p.endsWith("/agents") ? { items: [MARIA, ANA, VERA, GONE] } : after)) as Api["get"];
    const { c, api } = controller(MARIA, { get });
    const s = held();
    c.sessions.store.set({ sessions: { [s.session_id]: s } });
    const page = render(<Collaborators controller={c} session={s} />);
    expect(page.getByText("Nobody else works on this conversation.")).toBeTruthy();
    const picker = page.getByLabelText("Invite a colleague (a technical expert, finance…)") as HTMLSelectElement;
    await waitFor(() => expect(picker.options.length).toBe(3)); // the prompt, Ana, Vera
    fireEvent.change(picker, { target: { value: "vera" } });
    fireEvent.click(page.getByRole("button", { name: "Invite" }));
    await waitFor(() => expect(c.sessions.state.sessions[s.session_id].collaborator_ids).toEqual(["vera"]));
    expect(api.post).toHaveBeenCalledWith(`/api/sessions/${s.session_id}/collaborators`, { agent_id: "vera" });
  });

  it("hands the reply over in one click and removes a collaborator", async () => {
    const moved = held({ assignee_id: "ana", collaborator_ids: ["maria"] });
    const post = vi.fn(async () => moved) as Api["post"];
    const { c, api } = controller(MARIA, { post, get: vi.fn(async (p: string) => (p.endsWith("/agents") ? { items: [] } : held())) as Api["get"] });
    const s = held({ collaborator_ids: ["ana", "vera"] });
    c.sessions.store.set({ sessions: { [s.session_id]: s } });
    const page = render(<Collaborators controller={c} session={s} />);

    fireEvent.click(page.getByRole("button", { name: "Hand the reply over to Ana" }));
    await waitFor(() => expect(c.sessions.state.sessions[s.session_id].assignee_id).toBe("ana"));
    expect(api.post).toHaveBeenCalledWith(`/api/sessions/${s.session_id}/collaborators/ana/hand-over`, {});
    expect(c.workspace.state.notice).toEqual({ key: "notice.handedOver", vars: { name: "Ana" } });

    fireEvent.click(page.getByRole("button", { name: "Remove Vera from the collaborators" }));
    await waitFor(() => expect(api.del).toHaveBeenCalledWith(`/api/sessions/${s.session_id}/collaborators/vera`));
  });

  it("shows a collaborator no invite, no hand-over, only leaving; the API's refusal is said", async () => {
    const del = vi.fn(async () => {
      const { ApiError } = await import("../src/api/client");
      throw new ApiError(404, "collaborator_not_found", "gone");
    }) as Api["del"];
    const { c } = controller(ANA, { del });
    const s = held({ collaborator_ids: ["ana"] });
    const page = render(<Collaborators controller={c} session={s} />);
    expect(page.queryByRole("button", { name: "Invite" })).toBeNull();
    expect(page.queryByText("Hand over the reply")).toBeNull();
    fireEvent.click(page.getByRole("button", { name: "Leave this conversation" }));
    await waitFor(() => expect(page.getByRole("alert").textContent).toBe("This agent no longer collaborates on the conversation."));
  });
});

describe("a collaborator's console", () => {
  it("marks collaborating sessions in the list", () => {
    const { c } = controller(ANA);
    const theirs = held({ session_id: "s-collab", collaborator_ids: ["ana"] });
    const own = session({ session_id: "s-own", assignee_id: "ana" });
    const list = render(<SessionList controller={c} sessions={[theirs, own]} />).container;
    const marked = [...list.querySelectorAll(".collab-badge")].map((e) => e.closest("[data-session-id]")?.getAttribute("data-session-id"));
    expect(marked).toEqual(["s-collab"]);
    setLang("zh-CN");
    const zh = render(<SessionList controller={c} sessions={[theirs]} />).container;
    expect(zh.querySelector(".collab-badge")?.textContent).toBe("协作中");
  });

  it("replaces the composer with who replies, and keeps it for the holder", async () => {
    const { ChatPane } = await import("../src/components/ChatPane");
    const s = held({ collaborator_ids: ["ana"] });
    const forAna = controller(ANA, { get: vi.fn(async () => ({ items: [], next_cursor: null })) as Api["get"] }).c;
    forAna.sessions.store.set({ sessions: { [s.session_id]: s }, selectedId: s.session_id });
    const page = render(<ChatPane controller={forAna} />).container;
    expect(page.querySelector("textarea")).toBeNull();
    expect(page.querySelector(".collaborator-notice")?.textContent).toContain("only Maria writes to the user");

    const forMaria = controller(MARIA, { get: vi.fn(async () => ({ items: [], next_cursor: null })) as Api["get"] }).c;
    forMaria.sessions.store.set({ sessions: { [s.session_id]: s }, selectedId: s.session_id });
    const holder = render(<ChatPane controller={forMaria} />).container;
    expect(holder.querySelector(".collaborator-notice")).toBeNull();
    expect(holder.querySelector("textarea")).not.toBeNull();
  });
});
