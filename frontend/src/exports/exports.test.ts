// The transcript action and the project exports tab with a fake API: the transcript's address
// and file name, an export's progress polled until its link shows, the retention saved
// (h() rather than JSX: tests next to the code are .ts).
import { fireEvent, render, waitFor } from "@testing-library/preact";
import { h } from "preact";
import type { HttpApi } from "../api/client";
import type { ProjectExport, Session } from "../api/types";
import { MediaContext } from "../chat/media";
import { ConsoleController } from "../console/controller";
import { setLang } from "../i18n";
import { dayRange, isoDay } from "./api";
import { ExportsAdmin } from "./ExportsAdmin";
import { TranscriptExport } from "./TranscriptExport";

const ADMIN = { agent_id: "adm00000001", username: "admin", display_name: "Admin", role: "admin" as const };
const PROJECT = { project_id: "p1", name: "Support" };

function job(extra: Partial<ProjectExport> = {}): ProjectExport {
  return {
    job_id: "j1",
    project_id: "p1",
    state: "running",
    created_at: Date.UTC(2026, 11, 1),
    created_by: ADMIN.agent_id,
    updated_at: Date.UTC(2026, 11, 1),
    from_at: Date.UTC(2026, 10, 1),
    to_at: Date.UTC(2026, 10, 30),
    sessions: 3,
    messages: 40,
    download_url: null,
    ...extra,
  } as ProjectExport;
}

beforeEach(() => setLang("en"));
afterEach(() => vi.useRealTimers());

describe("the transcript action", () => {
  it("downloads the chosen format with the notes when asked", async () => {
    const blob = vi.fn(async () => new Blob(["# Transcript"], { type: "text/markdown" }));
    URL.createObjectURL = vi.fn(() => "blob:x");
    URL.revokeObjectURL = vi.fn();
    const session = { session_id: "s1" } as Session;
    const page = render(h(MediaContext.Provider, { value: { blob } }, h(TranscriptExport, { session })));
    fireEvent.change(page.getByLabelText("Format"), { target: { value: "csv" } });
    fireEvent.click(page.getByLabelText("Include notes"));
    fireEvent.click(page.getByRole("button", { name: "Download transcript" }));
    await waitFor(() => expect(blob).toHaveBeenCalledWith("/api/sessions/s1/transcript", { format: "csv", notes: true }));
  });

  it("says why an export was refused", async () => {
    const { ApiError } = await import("../api/client");
    const blob = vi.fn(async () => {
      throw new ApiError(413, "transcript_too_large", "too long");
    });
    const page = render(h(MediaContext.Provider, { value: { blob } }, h(TranscriptExport, { session: { session_id: "s1" } as Session })));
    fireEvent.click(page.getByRole("button", { name: "Download transcript" }));
    expect((await page.findByRole("alert")).textContent).toContain("too long for a transcript");
  });
});

describe("the exports tab", () => {
  function setUp(answers: ProjectExport[]) {
    const get = vi.fn(async (url: string) => {
      if (url.endsWith("/retention")) return { retention_days: null, least_days: 30, backfill: null };
      return { items: [answers.length > 1 ? answers.shift()! : answers[0]] };
    });
    const post = vi.fn(async () => job());
    const put = vi.fn(async () => ({ retention_days: 90, least_days: 30, backfill: { state: "running", sessions: 0, messages: 0 } }));
    const api = { get, post, put, patch: vi.fn(), del: vi.fn(), blob: vi.fn(), putText: vi.fn() };
    const controller = new ConsoleController({ api: api as unknown as HttpApi, me: ADMIN });
    controller.workspace.store.set({ projects: [PROJECT as never] });
    const page = render(h(ExportsAdmin, { api: api as unknown as HttpApi, controller }));
    return { api, page };
  }

  it("starts an export of whole days and shows its link once ready", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const ready = job({ state: "done", sessions: 9, download_url: "https://s3.example/export.jsonl?sig" });
    const { api, page } = setUp([job(), ready]);
    expect((await page.findByText(/Preparing/)).textContent).toContain("3 sessions, 40 messages");
    fireEvent.input(page.getByLabelText("From"), { target: { value: "2026-11-01" } });
    fireEvent.input(page.getByLabelText("To"), { target: { value: "2026-11-30" } });
    fireEvent.click(page.getByRole("button", { name: "Start export" }));
    const range = dayRange("2026-11-01", "2026-11-30")!;
    await waitFor(() => expect(api.post).toHaveBeenCalledWith("/api/projects/p1/exports", { from_at: range.fromAt, to_at: range.toAt }));
    vi.advanceTimersByTime(5000);
    const link = await page.findByRole("link", { name: "Download" });
    expect(link.getAttribute("href")).toBe("https://s3.example/export.jsonl?sig");
  });

  it("saves the retention, empty meaning keep everything", async () => {
    const { api, page } = setUp([job({ state: "done" })]);
    await page.findByText(/At least 30 days/); // the setting read first
    const days = page.getByLabelText("Keep conversations for (days)");
    fireEvent.input(days, { target: { value: "90" } });
    fireEvent.click(page.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(api.put).toHaveBeenCalledWith("/api/projects/p1/retention", { retention_days: 90 }));
  });
});

describe("days", () => {
  it("runs from the first day's start to the last day's end", () => {
    const range = dayRange("2026-11-01", "2026-11-02")!;
    expect(range.toAt - range.fromAt).toBe(2 * 24 * 3600 * 1000 - 1);
    expect(dayRange("2026-11-02", "2026-11-01")).toBeNull();
    expect(isoDay(range.fromAt)).toBe("2026-11-01");
  });
});
