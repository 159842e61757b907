// The Links page rendered with a fake API (h() rather than JSX: tests next to the code are .ts).
import { fireEvent, render, waitFor } from "@testing-library/preact";
import { h } from "preact";
import type { HttpApi } from "../api/client";
import { ConsoleController } from "../console/controller";
import { setLang } from "../i18n";
import { LinksPage } from "./LinksPage";
import { funnelOf, linkOf } from "./testData";

const SUPERVISOR = { agent_id: "6t2nwqeabbja", username: "sam", display_name: "Sam", role: "supervisor" as const };
const ADMIN = { ...SUPERVISOR, agent_id: "6t2nwqeadmin", username: "ada", role: "admin" as const };
const PROJECT = { project_id: "p1", name: "Sandbox" };
const SETTINGS_PATH = "/api/projects/p1/link-settings";
const SETTINGS = { address_mode: "hashed", retention_days: 90 };

type Handler = (path: string, arg?: unknown) => unknown;

/** The page over a fake API; the project's link settings are SETTINGS unless a handler answers them. */
function setUp(handlers: Partial<Record<"get" | "post" | "patch" | "put" | "del" | "settings", Handler>> = {}, me: typeof SUPERVISOR | typeof ADMIN = SUPERVISOR) {
  const call = (name: Exclude<keyof typeof handlers, "settings">) =>
    vi.fn(async (path: string, arg?: unknown) => {
      if (name === "get" && path === SETTINGS_PATH) return handlers.settings ? handlers.settings(path) : SETTINGS;
      const handler = handlers[name];
      if (!handler) throw new Error(`unexpected ${name} ${path}`);
      return handler(path, arg);
    });
  const api = { get: call("get"), post: call("post"), patch: call("patch"), put: call("put"), del: call("del"), blob: vi.fn(), putText: vi.fn() };
  const controller = new ConsoleController({ api: api as unknown as HttpApi, me });
  controller.workspace.store.set({ projects: [PROJECT as never] });
  return { api, page: render(h(LinksPage, { api: api as unknown as HttpApi, controller })) };
}

beforeEach(() => setLang("en"));

describe("the Links page", () => {
  it("lists the links with their short URLs, and copies one", async () => {
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    const { page } = setUp({ get: () => ({ items: [linkOf("spring", 1, { name: "Spring sale" })] }) });
    const row = (await page.findByText("Spring sale")).closest("tr")!;
    expect(row.textContent).toContain("https://go.example/l/spring");
    fireEvent.click(page.getByLabelText("Copy the short URL of Spring sale"));
    await page.findByText("Copied.");
    expect(writeText).toHaveBeenCalledWith("https://go.example/l/spring");
  });

  it("opens a link's QR code and funnel, bot clicks apart", async () => {
    const { page, api } = setUp({
      get: (path) => (path === "/api/links" ? { items: [linkOf("spring", 1)] } : funnelOf("spring", 10, { bot_clicks: 3, starts: 4 })),
    });
    fireEvent.click(await page.findByLabelText("Funnel and QR code of Link spring"));
    const qr = await page.findByRole("img", { name: "QR code of https://go.example/l/spring" });
    expect(qr.querySelector("path")!.getAttribute("d")).toMatch(/^M\d+ \d+h1v1h-1z/);
    const starts = await page.findByText("Started the bot", { selector: "th" });
    expect(starts.closest("tr")!.textContent).toContain("40 %"); // 4 of 10 clicks
    expect(page.getByText(/Bots and link previews, not counted above: 3/)).toBeTruthy();
    const funnelCall = api.get.mock.calls.find(([p]) => p === "/api/links/spring/funnel")!;
    expect(funnelCall[1]).toEqual({ from: expect.stringMatching(/^\d{4}-\d\d-\d\d$/), to: expect.stringMatching(/^\d{4}-\d\d-\d\d$/) });
  });

  it("creates a link from the editor, a generated code when none is typed", async () => {
    const { page, api } = setUp({
      get: (path) => (path === "/api/links" ? { items: [] } : { items: [{ group_id: "g1", name: "Chinese", project_id: "p1", agent_ids: [] }] }),
      post: (_p, body) => linkOf("a1b2c3", 5, { name: (body as { name: string }).name }),
    });
    fireEvent.click(await page.findByText("New link", { selector: "button" }));
    fireEvent.input(page.getByLabelText("Name"), { target: { value: " Google ads " } });
    fireEvent.input(page.getByLabelText("utm_source"), { target: { value: "google" } });
    fireEvent.click(page.getByLabelText("A group"));
    await waitFor(() => expect(page.getByRole("option", { name: "Chinese" })).toBeTruthy());
    fireEvent.change(page.getByLabelText("Group"), { target: { value: "g1" } });
    fireEvent.submit(page.getByLabelText("Name").closest("form")!);
    await page.findByText("Google ads");
    expect(api.post).toHaveBeenCalledWith("/api/links", {
      project_id: "p1",
      name: "Google ads",
      channel: "",
      utm: { utm_source: "google" },
      target_group_id: "g1",
      target_agent_ids: null,
      language: null,
      enabled: true,
      note: "",
    });
  });

  it("shows the funnel's rated sessions and their average rating", async () => {
    const { page } = setUp({
      get: (path) => (path === "/api/links" ? { items: [linkOf("spring", 1)] } : funnelOf("spring", 10, { resolved: 3, rated: 2, average_rating: 4.5 })),
    });
    fireEvent.click(await page.findByLabelText("Funnel and QR code of Link spring"));
    const rated = await page.findByText("Rated", { selector: "th" });
    expect(rated.closest("tr")!.textContent).toContain("20 %");
    expect(page.getByText("Average rating: 4.50 of 5 (2 rated)")).toBeTruthy();
  });

  it("shows the project's privacy note from its settings, copies it, with the settings form for a supervisor too", async () => {
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    const { page } = setUp({ get: () => ({ items: [] }), settings: () => ({ address_mode: "truncated", retention_days: 30 }) });
    const note = await page.findByText(/IP address is stored shortened/);
    expect(note.closest("blockquote")!.textContent).toContain("deleted after 30 days");
    fireEvent.click(page.getByLabelText("Copy the privacy note"));
    await waitFor(() => expect(writeText).toHaveBeenCalled());
    const copied = writeText.mock.calls[0] as unknown as [string];
    expect(copied[0].split("\n\n")).toHaveLength(3);
    expect(copied[0]).toContain("after 30 days");
    // The API lets the project's supervisors change them, so the page does too.
    expect(page.getByLabelText("Visitor's IP address")).not.toBeNull();
  });

  it("lets the settings be changed, and the note follows", async () => {
    const { page, api } = setUp(
      { get: () => ({ items: [] }), put: (_p, body) => ({ address_mode: "full", retention_days: 180, ...(body as object) }) },
      ADMIN,
    );
    await page.findByText(/IP address is not stored/);
    fireEvent.change(page.getByLabelText("Visitor's IP address"), { target: { value: "full" } });
    fireEvent.input(page.getByLabelText("Days a click record is kept (1 to 730)"), { target: { value: "180" } });
    fireEvent.submit(page.getByLabelText("Visitor's IP address").closest("form")!);
    await page.findByText("Saved.");
    expect(api.put).toHaveBeenCalledWith(SETTINGS_PATH, { address_mode: "full", retention_days: 180 });
    expect(page.getByText(/full IP address is stored/)).toBeTruthy();
    expect(page.getByText(/deleted after 180 days/)).toBeTruthy();
  });
});
