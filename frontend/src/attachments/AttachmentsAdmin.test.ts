// The admin tab: the kinds of file a project's agents may send, read, then saved with the
// `updated_at` read.
import { fireEvent, render, waitFor } from "@testing-library/preact";
import { h } from "preact";
import type { HttpApi } from "../api/client";
import { ConsoleController } from "../console/controller";
import { setLang } from "../i18n";
import { AttachmentsAdmin } from "./AttachmentsAdmin";

const ADMIN = { agent_id: "adm00000001", username: "admin", display_name: "Admin", role: "admin" as const };
const STORED = { project_id: "p1", kinds: ["photo", "document", "audio", "video", "voice"], updated_at: 5 };

beforeEach(() => setLang("en"));

it("lets an administrator allow only some kinds of file", async () => {
  const get = vi.fn(async () => STORED);
  const put = vi.fn(async (_url: string, body: object) => ({ ...STORED, ...body, updated_at: 6 }));
  const api = { get, post: vi.fn(), patch: vi.fn(), put, del: vi.fn(), blob: vi.fn(), putText: vi.fn() };
  const controller = new ConsoleController({ api: api as unknown as HttpApi, me: ADMIN });
  controller.workspace.store.set({ projects: [{ project_id: "p1", name: "Support" }] } as never);
  const page = render(h(AttachmentsAdmin, { api: api as unknown as HttpApi, controller }));

  const video = (await page.findByLabelText("Video")) as HTMLInputElement;
  expect(get).toHaveBeenCalledWith("/api/projects/p1/attachment-settings");
  expect(video.checked).toBe(true);
  fireEvent.click(video);
  fireEvent.click(page.getByLabelText("Voice message"));
  fireEvent.click(page.getByRole("button", { name: "Save" }));

  await waitFor(() => expect(put).toHaveBeenCalled());
  expect(put).toHaveBeenCalledWith("/api/projects/p1/attachment-settings", { kinds: ["photo", "document", "audio"], updated_at: 5 });
  expect(await page.findByRole("status")).toBeTruthy();
});
