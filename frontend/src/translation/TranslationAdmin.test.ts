// The admin tab: a project's translation read, then saved with the `updated_at` read.
import { fireEvent, render, waitFor } from "@testing-library/preact";
import { h } from "preact";
import type { HttpApi } from "../api/client";
import { ConsoleController } from "../console/controller";
import { setLang } from "../i18n";
import { TranslationAdmin } from "./TranslationAdmin";

const ADMIN = { agent_id: "adm00000001", username: "admin", display_name: "Admin", role: "admin" as const };
const STORED = { project_id: "p1", enabled: false, agent_language: "en", updated_at: 5, updated_by: null };

beforeEach(() => setLang("en"));

it("turns translation on with the agents' language", async () => {
  const get = vi.fn(async () => STORED);
  const put = vi.fn(async (_url: string, body: object) => ({ ...STORED, ...body, updated_at: 6 }));
  const api = { get, post: vi.fn(), patch: vi.fn(), put, del: vi.fn(), blob: vi.fn(), putText: vi.fn() };
  const controller = new ConsoleController({ api: api as unknown as HttpApi, me: ADMIN });
  controller.workspace.store.set({ projects: [{ project_id: "p1", name: "Support" }] } as never);
  const page = render(h(TranslationAdmin, { api: api as unknown as HttpApi, controller }));

  const enabled = (await page.findByLabelText(/Translate users' messages/)) as HTMLInputElement;
  expect(get).toHaveBeenCalledWith("/api/projects/p1/translation-settings");
  fireEvent.click(enabled);
  fireEvent.change(page.getByLabelText("The agents' language"), { target: { value: "zh" } });
  fireEvent.click(page.getByRole("button", { name: "Save" }));

  await waitFor(() => expect(put).toHaveBeenCalled());
  expect(put).toHaveBeenCalledWith("/api/projects/p1/translation-settings", { enabled: true, agent_language: "zh", updated_at: 5 });
  expect(await page.findByRole("status")).toBeTruthy();
});
