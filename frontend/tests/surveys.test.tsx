// Satisfaction surveys in the console: a session's rating and the user's comment in the side
// panel (the comment as text, in English and Chinese), and the admin tab of a project's survey
// settings (administrators save, supervisors only read).
import { fireEvent, render, waitFor } from "@testing-library/preact";
import { vi } from "vitest";
import { SurveysAdmin } from "../src/admin/SurveysAdmin";
import type { Api } from "../src/api/client";
import { ConsoleController } from "../src/console/controller";
import { setLang } from "../src/i18n";
import { SessionRating } from "../src/surveys/SessionRating";
import { clock, minutesOf, type SurveySettings } from "../src/surveys/form";
import { ME } from "./fakeApi";
import { session } from "./fixtures";

const SETTINGS: SurveySettings = {
  project_id: "p1",
  enabled: false,
  sessions: "all",
  auto_closed: false,
  wording: {},
  review_url: "",
  once_per_days: 7,
  comment_minutes: 10,
  quiet_hours: { start_minute: 1320, end_minute: 480 },
  return_visit_hours: 0,
  updated_at: 7,
};

function controllerWith(role: "admin" | "supervisor") {
  const api = { get: vi.fn(), post: vi.fn(), patch: vi.fn(), put: vi.fn(), del: vi.fn() } as unknown as Api;
  const controller = new ConsoleController({ api, me: { ...ME, role } });
  controller.workspace.store.set({ ...controller.workspace.state, projects: [{ project_id: "p1", name: "Support" }] as never });
  return controller;
}

beforeEach(() => setLang("en"));

describe("a session's rating", () => {
  it("shows the score and the comment as text", () => {
    const rated = session({ status: "closed", rating: { score: 2, at: 5, agent_id: "a1", comment: "<b>slow</b>" } });
    const page = render(<SessionRating session={rated} />);
    expect(page.getByText("2 of 5")).toBeTruthy();
    expect(page.getByLabelText("Rated 2 of 5").textContent).toBe("★★☆☆☆");
    expect(page.getByLabelText("The user's comment").textContent).toBe("<b>slow</b>");
    setLang("zh-CN");
    page.rerender(<SessionRating session={rated} />);
    expect(page.getByText("2/5 分")).toBeTruthy();
  });

  it("is absent until the user rated", () => {
    const page = render(<SessionRating session={session({})} />);
    expect(page.container.textContent).toBe("");
  });
});

describe("the survey settings tab", () => {
  it("lets an administrator turn surveys on with quiet hours and a check-in", async () => {
    const get = vi.fn(async () => SETTINGS);
    const put = vi.fn(async (_url: string, body: unknown) => ({ ...SETTINGS, ...(body as object) }));
    const page = render(<SurveysAdmin api={{ get, put } as unknown as Api} controller={controllerWith("admin")} />);
    const enabled = await page.findByLabelText("Ask users to rate a resolved session (1 to 5)");
    fireEvent.click(enabled);
    fireEvent.input(page.getByLabelText("Quiet hours start (user's local time, HH:MM)"), { target: { value: "21:30" } });
    fireEvent.input(page.getByLabelText("Check in after an escalated session (hours: 0 off, 24–48)"), { target: { value: "24" } });
    fireEvent.input(page.getAllByLabelText("Question above the buttons")[1], { target: { value: "满意吗？" } });
    fireEvent.click(page.getByText("Save"));
    await waitFor(() => expect(put).toHaveBeenCalled());
    const [url, body] = put.mock.calls[0] as unknown as [string, Record<string, unknown>];
    expect(url).toBe("/api/projects/p1/survey-settings");
    expect(body).toMatchObject({
      enabled: true,
      quiet_hours: { start_minute: 1290, end_minute: 480 },
      return_visit_hours: 24,
      wording: { zh: { question: "满意吗？" } },
      updated_at: 7,
    });
  });

  it("is read-only for a supervisor", async () => {
    const get = vi.fn(async () => SETTINGS);
    const page = render(<SurveysAdmin api={{ get } as unknown as Api} controller={controllerWith("supervisor")} />);
    await page.findByLabelText("Ask users to rate a resolved session (1 to 5)");
    expect(page.queryByText("Save")).toBeNull();
  });

  it("reads and writes times of day", () => {
    expect(clock(1320)).toBe("22:00");
    expect(minutesOf("08:05")).toBe(485);
    expect(minutesOf("24:00")).toBeNull();
  });
});
