import { fireEvent, render, waitFor } from "@testing-library/preact";
import { ApiError, type Api } from "../src/api/client";
import type { RiskMatch } from "../src/api/types";
import { localReply } from "../src/chat/outbox";
import type { RiskPrompt } from "../src/chat/store";
import { Composer } from "../src/components/Composer";
import { RiskDialog } from "../src/components/RiskDialog";
import { ConsoleController } from "../src/console/controller";
import { setLang } from "../src/i18n";
import { highlight } from "../src/risk/highlight";
import { outbound, session, XSS } from "./fixtures";

const ME = { agent_id: "6t2nwqeabbja", username: "alice", display_name: "Alice", role: "agent" as const };
const ADDRESS = "TJRabPrwbZy45sbavfcjinPJC18kjpRTv8";

function match(overrides: Partial<RiskMatch> = {}): RiskMatch {
  return {
    group_id: "01jrg0000000000000000000aa",
    group_name: "Wallet address monitoring",
    action: "confirm",
    entry: "detector:trc20",
    kind: "trc20",
    start: 0,
    end: 4,
    matched: "",
    ...overrides,
  };
}

/** The matches as the API reports them: code point spans of `needle` in `text`. */
function spanOf(text: string, needle: string, overrides: Partial<RiskMatch> = {}): RiskMatch {
  const unitStart = text.indexOf(needle);
  const start = [...text.slice(0, unitStart)].length;
  return match({ start, end: start + [...needle].length, matched: needle, ...overrides });
}

beforeEach(() => {
  setLang("en");
  sessionStorage.clear();
});

describe("highlighting the matches", () => {
  it("cuts the text into unmarked and marked pieces in order", () => {
    const text = `Pay to ${ADDRESS} today`;
    const segments = highlight(text, [spanOf(text, ADDRESS)]);
    expect(segments.map((s) => [s.text, s.matches.length])).toEqual([
      ["Pay to ", 0],
      [ADDRESS, 1],
      [" today", 0],
    ]);
  });

  it("merges overlapping matches into one mark that lists both, keeps touching ones apart", () => {
    const text = "send T9yD7 now";
    const a = match({ start: 5, end: 9, entry: "T9yD", kind: "keyword" });
    const b = match({ start: 7, end: 10, entry: "yD7", kind: "keyword", group_id: "other" });
    const c = match({ start: 10, end: 14, entry: " now", kind: "keyword" });
    const segments = highlight(text, [c, b, a]);
    expect(segments.map((s) => s.text)).toEqual(["send ", "T9yD7", " now"]);
    expect(segments[1].matches).toEqual([a, b]);
    expect(segments[2].matches).toEqual([c]);
  });

  it("counts code points as the API does, so an emoji before the match does not shift it", () => {
    const text = "👋🏽 wallet T 9-y.D please";
    const segments = highlight(text, [spanOf(text, "T 9-y.D")]);
    expect(segments.find((s) => s.matches.length)?.text).toBe("T 9-y.D");
    expect(segments.map((s) => s.text).join("")).toBe(text);
  });

  it("clips spans beyond the text and ignores empty or malformed ones", () => {
    const text = "abcdef";
    const segments = highlight(text, [
      match({ start: 4, end: 99 }),
      match({ start: 3, end: 3 }),
      match({ start: Number.NaN, end: 2 }),
      match({ start: -5, end: 1 }),
    ]);
    expect(segments.map((s) => [s.text, s.matches.length > 0])).toEqual([
      ["a", true],
      ["bcd", false],
      ["ef", true],
    ]);
    expect(highlight("", [])).toEqual([{ text: "", matches: [] }]);
  });
});

function prompt(action: "confirm" | "block", text: string, matches: RiskMatch[]): RiskPrompt {
  return { action, reply: localReply(session().session_id, text, "c-risk", 1), matches };
}

describe("the confirm dialog", () => {
  it("marks the matches in the text, lists them, and offers Send anyway / Cancel", () => {
    const text = `My wallet is ${ADDRESS}, thanks`;
    const onSendAnyway = vi.fn();
    const onClose = vi.fn();
    const page = render(<RiskDialog prompt={prompt("confirm", text, [spanOf(text, ADDRESS)])} onSendAnyway={onSendAnyway} onClose={onClose} />);
    const dialog = page.getByRole("dialog", { name: "Send this message?" });
    const marks = dialog.querySelectorAll("mark");
    expect([...marks].map((m) => m.textContent)).toEqual([ADDRESS]);
    expect(dialog.querySelector(".risk-text")!.textContent).toBe(text);
    expect(dialog.querySelector(".risk-matches")!.textContent).toContain("Wallet address monitoring: detector:trc20 (TRC20 address)");
    expect(document.activeElement).toBe(page.getByRole("button", { name: "Cancel" }));
    fireEvent.click(page.getByRole("button", { name: "Send anyway" }));
    expect(onSendAnyway).toHaveBeenCalledOnce();
    fireEvent.click(page.getByRole("button", { name: "Cancel" }));
    fireEvent.keyDown(dialog, { key: "Escape" });
    expect(onClose).toHaveBeenCalledTimes(2);
  });

  it("renders the text and the API's entries as text, never as HTML", () => {
    const text = `${XSS} and ${ADDRESS}`;
    const hostile = spanOf(text, XSS, { group_name: "<b>group</b>", entry: XSS, kind: "keyword" });
    const page = render(<RiskDialog prompt={prompt("confirm", text, [hostile, spanOf(text, ADDRESS)])} onSendAnyway={vi.fn()} onClose={vi.fn()} />);
    const dialog = page.getByRole("dialog");
    expect(dialog.querySelector("img")).toBeNull();
    expect(dialog.querySelector("b")).toBeNull();
    expect([...dialog.querySelectorAll("mark")].map((m) => m.textContent)).toEqual([XSS, ADDRESS]);
  });
});

describe("a refusal with more matches than reported", () => {
  it("keeps the total the API counted and says how many are marked", async () => {
    const text = `Send it to ${ADDRESS}`;
    const { controller } = refusingApi("risk_confirmation_required", [spanOf(text, ADDRESS)], 2730);
    const page = render(<Composer controller={controller} session={session()} />);
    fireEvent.input(page.getByLabelText("Reply"), { target: { value: text } });
    fireEvent.keyDown(page.getByLabelText("Reply"), { key: "Enter" });
    const dialog = await page.findByRole("dialog", { name: "Send this message?" });
    expect(controller.chat.state.riskPrompt?.count).toBe(2730);
    expect(dialog.querySelector(".risk-count")!.textContent).toContain("2730 matches in all; 1 are marked");
  });

  it("says nothing more when every match is reported", () => {
    const text = `My wallet is ${ADDRESS}`;
    const page = render(<RiskDialog prompt={{ ...prompt("confirm", text, [spanOf(text, ADDRESS)]), count: 1 }} onSendAnyway={vi.fn()} onClose={vi.fn()} />);
    expect(page.getByRole("dialog").querySelector(".risk-count")).toBeNull();
  });
});

describe("the block dialog", () => {
  it("says the message was not sent, marks the matches and cannot send", () => {
    const text = "Use bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq instead";
    const blocked = spanOf(text, "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", { action: "block", kind: "btc", entry: "detector:btc" });
    const onClose = vi.fn();
    const page = render(<RiskDialog prompt={prompt("block", text, [blocked])} onSendAnyway={vi.fn()} onClose={onClose} />);
    const dialog = page.getByRole("dialog", { name: "Message not sent" });
    expect(dialog.textContent).toContain("was not sent to the user");
    expect(dialog.querySelector("mark")!.textContent).toBe("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq");
    expect(page.queryByRole("button", { name: "Send anyway" })).toBeNull();
    fireEvent.click(page.getByRole("button", { name: "Edit the message" }));
    expect(onClose).toHaveBeenCalledOnce();
  });
});

/** A send path that refuses the first reply with `code` until it carries `confirm_risk`. */
function refusingApi(code: "risk_confirmation_required" | "risk_blocked", matches: RiskMatch[], matchCount?: number) {
  const posted: { path: string; body: Record<string, unknown> }[] = [];
  const post = vi.fn(async (path: string, body: Record<string, unknown> = {}) => {
    posted.push({ path, body });
    if (path.endsWith("/risk-cancel")) return { ok: true };
    if (code === "risk_blocked" || !body.confirm_risk) {
      throw new ApiError(code === "risk_blocked" ? 422 : 409, code, "refused", null, { code, message: "refused", matches, match_count: matchCount });
    }
    return outbound({ text: String(body.text), client_message_id: String(body.client_message_id) });
  });
  const api: Api = { get: vi.fn(async () => ({ items: [] })) as Api["get"], post: post as Api["post"], patch: vi.fn(), put: vi.fn(), del: vi.fn() };
  return { controller: new ConsoleController({ api, me: ME }), posted };
}

describe("a refused reply in the composer", () => {
  const text = `Send it to ${ADDRESS}`;

  it("Send anyway sends the same reply again with the confirmation", async () => {
    const { controller, posted } = refusingApi("risk_confirmation_required", [spanOf(text, ADDRESS)]);
    const page = render(<Composer controller={controller} session={session()} />);
    fireEvent.input(page.getByLabelText("Reply"), { target: { value: text } });
    fireEvent.keyDown(page.getByLabelText("Reply"), { key: "Enter" });
    const dialog = await page.findByRole("dialog", { name: "Send this message?" });
    expect(dialog.querySelector("mark")!.textContent).toBe(ADDRESS);
    expect(controller.chat.state.chats[session().session_id].messages).toEqual([]);

    fireEvent.click(page.getByRole("button", { name: "Send anyway" }));
    await waitFor(() => expect(page.queryByRole("dialog")).toBeNull());
    await waitFor(() => expect(controller.chat.state.chats[session().session_id].messages).toHaveLength(1));
    expect(posted.map((p) => p.body)).toEqual([
      { text, client_message_id: posted[0].body.client_message_id },
      { text, client_message_id: posted[0].body.client_message_id, confirm_risk: true },
    ]);
  });

  it("Cancel reports the cancel with the text and gives the text back to edit", async () => {
    const matches = [spanOf(text, ADDRESS)];
    const { controller, posted } = refusingApi("risk_confirmation_required", matches);
    const page = render(<Composer controller={controller} session={session()} />);
    const box = page.getByLabelText("Reply") as HTMLTextAreaElement;
    fireEvent.input(box, { target: { value: text } });
    fireEvent.keyDown(box, { key: "Enter" });
    await page.findByRole("dialog");
    fireEvent.click(page.getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(page.queryByRole("dialog")).toBeNull());
    expect(box.value).toBe(text);
    expect(posted[1]).toEqual({ path: `/api/sessions/${session().session_id}/risk-cancel`, body: { text } });
    expect(posted).toHaveLength(2);
  });

  it("a blocked reply is never sent again and nothing is reported beyond the block", async () => {
    const { controller, posted } = refusingApi("risk_blocked", [spanOf(text, ADDRESS, { action: "block" })]);
    const page = render(<Composer controller={controller} session={session()} />);
    const box = page.getByLabelText("Reply") as HTMLTextAreaElement;
    fireEvent.input(box, { target: { value: text } });
    fireEvent.keyDown(box, { key: "Enter" });
    await page.findByRole("dialog", { name: "Message not sent" });
    fireEvent.click(page.getByRole("button", { name: "Edit the message" }));
    expect(box.value).toBe(text);
    expect(posted).toHaveLength(1);
    expect(controller.chat.state.chats[session().session_id].messages).toEqual([]);
  });
});
