// The Links page rendered with a fake API (h() rather than JSX: tests next to the code are .ts).
import { fireEvent, render, waitFor } from "@testing-library/preact";
import { h } from "preact";
import type { HttpApi } from "../api/client";
import { ConsoleController } from "../console/controller";
import { setLang } from "../i18n";
import { LinksPage } from "./LinksPage";
import { funnelOf, linkOf } from "./testData";

const SUPERVISOR = { agent_id: "6t2nwqeabbja", username: "sam", display_name: "Sam", role: "supervisor" as const };
const PROJECT = { project_id: "p1", name: "Sandbox" };

function setUp(handlers: Partial<Record<"get" | "post" | "patch" | "del", (path: string, arg?: unknown) => unknown>> = {}) {
  const call = (name: keyof typeof handlers) =>
    vi.fn(async (path: string, arg?: unknown) => {
      const handler = handlers[name];
      if (!handler) throw new Error(`unexpected ${name} ${path}`);
      return handler(path, arg);
    });
  const api = { get: call("get"), post: call("post"), patch: call("patch"), put: vi.fn(), del: call("del"), blob: vi.fn(), putText: vi.fn() };
  const controller = new ConsoleController({ api: api as unknown as HttpApi, me: SUPERVISOR });
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
});
