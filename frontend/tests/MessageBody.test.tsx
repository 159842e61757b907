import { render } from "@testing-library/preact";
import { MessageBody, mapLink } from "../src/chat/MessageBody";
import { setLang } from "../src/i18n";
import { message, XSS } from "./fixtures";

beforeEach(() => setLang("en"));

function shown(overrides: Parameters<typeof message>[0]) {
  return render(<MessageBody message={message(overrides)} />).container;
}

describe("untrusted text", () => {
  it("shows an HTML payload as its characters, never as markup", () => {
    const box = shown({ text: XSS });
    expect(box.textContent).toContain(XSS);
    expect(box.querySelector("img")).toBeNull();
  });

  it("treats captions, file names, forward names and reply excerpts as text", () => {
    const box = shown({
      type: "document",
      text: null,
      caption: `<b>${XSS}</b>`,
      media: { file_id: "x", file_name: `${XSS}.pdf`, mime_type: "application/pdf", file_size: 2048 },
      forward: { type: "user", name: "<script>x()</script>" },
      reply_to: { telegram_message_id: 3, type: "text", excerpt: "<a href=javascript:alert(1)>go</a>" },
    });
    expect(box.querySelector("img, script, b, a")).toBeNull();
    expect(box.textContent).toContain(`${XSS}.pdf`);
    expect(box.textContent).toContain("Forwarded from <script>x()</script>");
    expect(box.textContent).toContain("<a href=javascript:alert(1)>go</a>");
  });
});

describe("every kind", () => {
  it("photo: size and dimensions, no image fetched from Telegram", () => {
    const box = shown({
      type: "photo",
      text: null,
      caption: "a cat",
      media: { file_id: "AgAC", width: 1280, height: 720, file_size: 69_000, sizes: [] },
    });
    expect(box.querySelector("[data-kind=photo]")).not.toBeNull();
    expect(box.textContent).toContain("1280×720");
    expect(box.textContent).toContain("Preview unavailable");
    expect(box.textContent).toContain("a cat");
    expect(box.querySelector("img")).toBeNull();
  });

  it("document: file name, type and size", () => {
    const box = shown({ type: "document", text: null, media: { file_name: "invoice.pdf", mime_type: "application/pdf", file_size: 1536 } });
    expect(box.textContent).toContain("invoice.pdf");
    expect(box.textContent).toContain("application/pdf · 1.5 KB");
  });

  it("voice and audio: duration and title", () => {
    expect(shown({ type: "voice", text: null, media: { duration: 75 } }).textContent).toContain("Voice message1:15");
    expect(shown({ type: "audio", text: null, media: { performer: "Band", title: "Song", duration: 200 } }).textContent).toContain("Band — Song");
  });

  it("sticker: its emoji", () => {
    const box = shown({ type: "sticker", text: null, media: { emoji: "😀", set_name: "Faces" } });
    expect(box.textContent).toContain("😀");
    expect(box.textContent).toContain("Sticker · Faces");
  });

  it("location and venue: a map link built only from numbers", () => {
    const box = shown({ type: "location", text: null, location: { latitude: 48.8584, longitude: 2.2945 } });
    const link = box.querySelector("a")!;
    expect(link.getAttribute("href")).toBe("https://www.openstreetmap.org/?mlat=48.8584&mlon=2.2945#map=16/48.8584/2.2945");
    expect(link.getAttribute("rel")).toContain("noopener");
    const venue = shown({ type: "venue", text: null, location: { latitude: 1, longitude: 2, title: "Café", address: "1 Main St" } });
    expect(venue.textContent).toContain("Café");
    expect(venue.textContent).toContain("1 Main St");
    expect(mapLink({ latitude: "javascript:alert(1)", longitude: 2 })).toBeNull();
    expect(mapLink({ latitude: 200, longitude: 2 })).toBeNull();
  });

  it("contact, poll, dice and button presses", () => {
    expect(shown({ type: "contact", text: null, contact: { first_name: "Bob", phone_number: "+100", user_id: 7 } }).textContent).toContain(
      "Bob +100 · ID 7",
    );
    const poll = shown({ type: "poll", text: null, poll: { question: "Which?", options: [{ text: "A", voter_count: 2 }, { text: "B" }] } });
    expect(poll.querySelectorAll("li")).toHaveLength(2);
    expect(poll.textContent).toContain("Which?");
    expect(shown({ type: "dice", text: null, dice: { emoji: "🎯", value: 6 } }).textContent).toContain("🎯 Dice: 6");
    expect(shown({ type: "callback_query", text: null, callback_query: { data: "buy" } }).textContent).toContain("Pressed a button: buy");
  });

  it("an unknown kind says so", () => {
    expect(shown({ type: "other", text: null }).textContent).toContain("cannot show");
  });

  it("marks forwards and replies", () => {
    const box = shown({ forward: { type: "channel", name: "News" }, reply_to: { type: "photo" } });
    expect(box.querySelector(".forwarded")!.textContent).toBe("Forwarded from News");
    expect(box.querySelector(".reply-to")!.textContent).toContain("Photo");
  });

  it("marks an edit and offers the previous text on hover", () => {
    const box = shown({ text: "new words", edited_at: 1795414500000, edits: [{ text: "old <i>words</i>", at: 1795414459000 }] });
    const mark = box.querySelector(".edited")!;
    expect(mark.getAttribute("title")).toBe("Edited. Before: old <i>words</i>");
    expect(box.querySelector("i")).toBeNull();
  });
});
