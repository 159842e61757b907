import { fireEvent, render, waitFor } from "@testing-library/preact";
import { ApiError, type Api } from "../src/api/client";
import { TransferDialog } from "../src/components/TransferDialog";
import { ConsoleController } from "../src/console/controller";
import { setLang, type Lang } from "../src/i18n";
import { session } from "./fixtures";

const ME = { agent_id: "6t2nwqeabbja", username: "alice", display_name: "Alice", role: "agent" as const };

function controller() {
  const api: Api = { get: vi.fn(async () => ({ items: [] })) as Api["get"], post: vi.fn(), patch: vi.fn(), put: vi.fn(), del: vi.fn() };
  return new ConsoleController({ api, me: ME });
}

describe.each<Lang>(["en", "zh-CN"])("a dialog after a failed submit (%s)", (lang) => {
  beforeEach(() => setLang(lang));

  it("keeps focus inside, so Escape still closes it", async () => {
    const c = controller();
    // While the request runs the submit button is disabled, and the browser drops the focus
    // it held to the page: the request fails with focus on <body>.
    vi.spyOn(c.sessions, "transfer").mockImplementation(async () => {
      (document.activeElement as HTMLElement | null)?.blur();
      return new ApiError(409, "transfer_refused", "refused");
    });
    const onClose = vi.fn();
    const page = render(<TransferDialog controller={c} session={session()} onClose={onClose} />);
    const dialog = page.getByRole("dialog");
    const radios = dialog.querySelectorAll<HTMLInputElement>('input[type="radio"]');
    fireEvent.click(radios[2]); // any online agent: a target without loading anyone
    fireEvent.submit(dialog.querySelector("form")!);

    await page.findByRole("alert");
    await waitFor(() => expect(dialog.contains(document.activeElement)).toBe(true));
    fireEvent.keyDown(document.activeElement!, { key: "Escape" });
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});
