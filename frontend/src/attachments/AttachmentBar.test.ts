// The composer with files and a fake API: a pasted screenshot is checked, uploaded through the
// presigned form and sent with the text as its caption; a file too big is refused before any
// upload; a send the API refuses keeps the files and the text.
import { fireEvent, render, waitFor } from "@testing-library/preact";
import { h } from "preact";
import { ApiError, type HttpApi } from "../api/client";
import type { Session } from "../api/types";
import { Composer } from "../components/Composer";
import { ConsoleController } from "../console/controller";
import { setLang } from "../i18n";

const ANA = { agent_id: "ana00000001", username: "ana", display_name: "Ana", role: "agent" as const };
const SESSION = { session_id: "s1", project_id: "p1", status: "open", tg_user_id: 7 } as unknown as Session;
const FORM = {
  upload_id: "u1",
  kind: "photo",
  file_name: "screenshot.png",
  content_type: "image/png",
  size: 3,
  expires_at: 1,
  url: "http://storage.test/uploads",
  fields: { key: "uploads/p1/s1/u1", "Content-Type": "image/png", policy: "p" },
};
const SENT = { message_id: "m1", session_id: "s1", project_id: "p1", tg_user_id: 7, direction: "out", type: "photo", created_at: 5, caption: "Look" };

function setUp(post: (url: string, body: unknown) => Promise<unknown>) {
  const api = { get: vi.fn(async () => ({ items: [] })), post: vi.fn(post), patch: vi.fn(), put: vi.fn(), del: vi.fn(), blob: vi.fn(), putText: vi.fn() };
  const controller = new ConsoleController({ api: api as unknown as HttpApi, me: ANA });
  const applied = vi.spyOn(controller.chat, "applyMessage").mockImplementation(() => undefined);
  const storage = vi.fn(async () => new Response(null, { status: 204 }));
  vi.stubGlobal("fetch", storage);
  vi.stubGlobal("URL", Object.assign(URL, { createObjectURL: () => "blob:preview", revokeObjectURL: () => undefined }));
  const page = render(h(Composer, { controller, session: SESSION }));
  const box = page.getByRole("textbox") as HTMLTextAreaElement;
  return { api, page, box, storage, applied };
}

function paste(box: HTMLTextAreaElement, file: File) {
  const event = new Event("paste", { bubbles: true, cancelable: true });
  Object.defineProperty(event, "clipboardData", { value: { files: [file] } });
  box.dispatchEvent(event);
}

beforeEach(() => {
  setLang("en");
  localStorage.clear();
  sessionStorage.clear();
});
afterEach(() => vi.unstubAllGlobals());

describe("files in the composer", () => {
  it("uploads a pasted screenshot and sends it with the text as its caption", async () => {
    const { api, page, box, storage, applied } = setUp(async (url) => (url.endsWith("/uploads") ? FORM : SENT));
    paste(box, new File(["png"], "image.png", { type: "image/png" }));

    await page.findByText("ready", { exact: false });
    const [uploadUrl, declared] = api.post.mock.calls[0];
    expect(uploadUrl).toBe("/api/sessions/s1/uploads");
    expect(declared).toMatchObject({ content_type: "image/png", size: 3 });
    expect((declared as { file_name: string }).file_name).toMatch(/^screenshot-\d{8}-\d{6}\.png$/);
    const [storageUrl, init] = storage.mock.calls[0] as unknown as [string, RequestInit];
    expect(storageUrl).toBe(FORM.url);
    expect([...(init.body as FormData).keys()]).toEqual(["key", "Content-Type", "policy", "file"]);

    box.value = "Look";
    fireEvent.input(box);
    fireEvent.keyDown(box, { key: "Enter" });

    await waitFor(() => expect(applied).toHaveBeenCalledWith("s1", SENT));
    const [sendUrl, body] = api.post.mock.calls[1];
    expect(sendUrl).toBe("/api/sessions/s1/media-messages");
    expect(body).toMatchObject({ uploads: ["u1"], caption: "Look" });
    await waitFor(() => expect(box.value).toBe(""));
    expect(page.queryByRole("list", { name: "Files to send" })).toBeNull();
  });

  it("refuses a 60 MB file before any upload, saying why", async () => {
    const { api, page } = setUp(async () => FORM);
    const input = page.getByTestId("attach-input") as HTMLInputElement;
    const film = new File(["x"], "film.mp4", { type: "video/mp4" });
    Object.defineProperty(film, "size", { value: 60 * 1024 * 1024 });
    Object.defineProperty(input, "files", { value: [film], configurable: true });
    fireEvent.change(input);

    const alert = await page.findByRole("alert");
    expect(alert.textContent).toBe("film.mp4 is 60.0 MB; a bot sends photos up to 10 MB and other files up to 50 MB.");
    expect(api.post).not.toHaveBeenCalled();
  });

  it("keeps the files and the caption when the API refuses the send", async () => {
    const { page, box } = setUp(async (url) => {
      if (url.endsWith("/uploads")) return FORM;
      throw new ApiError(422, "risk_blocked", "blocked", null, { field: "text" });
    });
    paste(box, new File(["png"], "shot.png", { type: "image/png" }));
    await page.findByText("ready", { exact: false });
    box.value = "pay T9yD";
    fireEvent.input(box);
    fireEvent.keyDown(box, { key: "Enter" });

    await page.findByRole("alert");
    expect(box.value).toBe("pay T9yD");
    expect(page.getByRole("list", { name: "Files to send" })).toBeTruthy();
  });
});
