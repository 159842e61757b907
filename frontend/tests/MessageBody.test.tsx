import { fireEvent, render, waitFor } from "@testing-library/preact";
import { ApiError, type Query } from "../src/api/client";
import { MessageBody, mapLink } from "../src/chat/MessageBody";
import { MediaContext, mediaPath, showable, type MediaApi } from "../src/chat/media";
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

  it("says how many earlier versions were not kept", () => {
    const box = shown({ text: "v60", edited_at: 1795414500000, edits: [{ text: "v59", at: 1795414459000 }], edits_dropped: 9 });
    expect(box.querySelector(".edited")!.getAttribute("title")).toBe("Edited. Before: v59 (9 earlier versions not kept)");
  });

  it("says when the stored message is not all the user sent", () => {
    expect(shown({ text: "a".repeat(100), cut: ["text", "raw"] }).querySelector("[data-kind=cut]")!.textContent).toContain("too large to keep");
    expect(shown({ text: "x\ufffd", cut: ["unicode"] }).querySelector("[data-kind=cut]")!.textContent).toContain("could not be read");
    expect(shown({ text: "whole" }).querySelector("[data-kind=cut]")).toBeNull();
  });
});

describe("files through the API", () => {
  const created: Blob[] = [];
  const revoked: string[] = [];

  beforeEach(() => {
    created.length = 0;
    revoked.length = 0;
    vi.spyOn(URL, "createObjectURL").mockImplementation((blob: Blob | MediaSource) => {
      created.push(blob as Blob);
      return `blob:console/${created.length}`;
    });
    vi.spyOn(URL, "revokeObjectURL").mockImplementation((url: string) => void revoked.push(url));
  });

  afterEach(() => vi.restoreAllMocks());

  /** A fake API client: answers each file request from `answer`, records the requests. */
  function fakeApi(answer: (path: string, query?: Query) => Blob | ApiError = () => new Blob(["x"], { type: "image/jpeg" })) {
    const calls: { path: string; query?: Query }[] = [];
    const api: MediaApi = {
      blob: vi.fn(async (path: string, query?: Query) => {
        calls.push({ path, query });
        const result = answer(path, query);
        if (result instanceof ApiError) throw result;
        return result;
      }),
    };
    return { api, calls };
  }

  /** The element once it is rendered (files load asynchronously). */
  function appears<E extends Element = HTMLElement>(root: ParentNode, selector: string): Promise<E> {
    return waitFor(() => {
      const found = root.querySelector<E>(selector);
      if (!found) throw new Error(`${selector} is not shown yet`);
      return found;
    });
  }

  function showWith(api: MediaApi, overrides: Parameters<typeof message>[0]) {
    return render(
      <MediaContext.Provider value={api}>
        <MessageBody message={message(overrides)} />
      </MediaContext.Provider>,
    );
  }

  const photo = {
    type: "photo",
    text: null,
    caption: XSS,
    media: { file_id: "AgAC", width: 1280, height: 853, file_size: 98_122, sizes: [] },
  };
  const mediaPathOf = "/api/sessions/01m83gn12c75chx0rpmgvne239/messages/01m83gn12c75chx0rpmgvnftkb/media";

  it("shows a photo's thumbnail and opens the full size in a dialog", async () => {
    const { api, calls } = fakeApi();
    const view = showWith(api, photo);
    expect(view.container.querySelector("[role=status]")!.textContent).toBe("Loading…");
    const thumb = await appears<HTMLImageElement>(view.container, ".media-thumb img");
    expect(calls).toEqual([{ path: mediaPathOf, query: { size: "thumb" } }]);
    expect(thumb.getAttribute("src")).toBe("blob:console/1");
    expect(thumb.getAttribute("alt")).toBe(XSS);
    fireEvent.click(view.getByRole("button", { name: `Open ${XSS} full size` }));
    const dialog = view.getByRole("dialog");
    const full = await appears(dialog, "img.media-full");
    expect(calls[1]).toEqual({ path: mediaPathOf, query: undefined });
    expect(full.getAttribute("src")).toBe("blob:console/2");
    fireEvent.keyDown(dialog, { key: "Escape" });
    expect(view.queryByRole("dialog")).toBeNull();
    expect(revoked).toEqual(["blob:console/2"]);
    view.unmount();
    expect(revoked).toEqual(["blob:console/2", "blob:console/1"]);
  });

  it.each(["file_too_big", "no_media", "telegram_unavailable"])("says the preview is unavailable on %s", async (code) => {
    const status = code === "file_too_big" ? 413 : code === "no_media" ? 404 : 502;
    const { api } = fakeApi(() => new ApiError(status, code, code));
    const view = showWith(api, photo);
    await waitFor(() => expect(view.container.textContent).toContain("Preview unavailable"));
    expect(view.container.querySelector("img")).toBeNull();
    expect(view.container.textContent).toContain("1280×853");
  });

  it("shows a sticker as an image", async () => {
    const { api } = fakeApi(() => new Blob(["RIFF"], { type: "image/webp" }));
    const view = showWith(api, { type: "sticker", text: null, media: { file_id: "CAAC", emoji: "👍" } });
    const img = await appears(view.container, "img");
    expect(img.getAttribute("alt")).toBe("👍 Sticker");
  });

  it("plays voice and video in place, and never gives a blob URL a type that runs script", async () => {
    const { api } = fakeApi(() => new Blob(["<script>x()</script>"], { type: "text/html" }));
    const voice = showWith(api, { type: "voice", text: null, media: { file_id: "AwAC", duration: 7, file_size: 21_544 } });
    const audio = await appears(voice.container, "audio");
    expect(audio.hasAttribute("controls")).toBe(true);
    expect(audio.getAttribute("aria-label")).toBe("Voice message");
    expect(created[0].type).toBe("application/octet-stream");
    const note = showWith(api, { type: "video_note", text: null, media: { file_id: "DQAC", file_size: 301_233 } });
    await waitFor(() => expect(note.container.querySelector("video[data-kind=video_note]")).not.toBeNull());
  });

  it("waits for a click before loading a big video", async () => {
    const { api, calls } = fakeApi(() => new Blob(["...."], { type: "video/mp4" }));
    const view = showWith(api, {
      type: "video",
      text: null,
      media: { file_id: "BAAC", file_name: "unboxing.mp4", duration: 12, file_size: 4_012_000 },
    });
    expect(view.container.textContent).toContain("unboxing.mp4");
    expect(view.container.textContent).toContain("0:12 · 3.8 MB");
    expect(calls).toEqual([]);
    fireEvent.click(view.getByRole("button", { name: "Load" }));
    const video = await appears(view.container, "video");
    expect(video.hasAttribute("controls")).toBe(true);
    expect(created[0].type).toBe("video/mp4");
  });

  it("downloads a document under its name, as bytes that cannot render", async () => {
    const { api, calls } = fakeApi(() => new Blob(["%PDF"], { type: "application/pdf" }));
    const clicks: { href: string; download: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push({ href: this.href, download: this.download });
    });
    const view = showWith(api, {
      type: "document",
      text: null,
      media: { file_id: "BQAC", file_name: `${XSS}.pdf`, mime_type: "application/pdf", file_size: 48_213 },
    });
    expect(calls).toEqual([]);
    expect(view.container.textContent).toContain(`${XSS}.pdf`);
    fireEvent.click(view.getByRole("button", { name: `Download ${XSS}.pdf` }));
    await waitFor(() => expect(clicks).toHaveLength(1));
    expect(clicks[0]).toEqual({ href: "blob:console/1", download: `${XSS}.pdf` });
    expect(calls).toEqual([{ path: mediaPathOf, query: undefined }]);
    expect(created[0].type).toBe("application/octet-stream");
    await waitFor(() => expect(revoked).toEqual(["blob:console/1"]));
    expect(view.container.querySelector("img, script")).toBeNull();
  });

  it("says so when a document cannot be downloaded", async () => {
    const { api } = fakeApi(() => new ApiError(413, "file_too_big", "too big"));
    const view = showWith(api, { type: "document", text: null, media: { file_id: "BQAC", file_name: "big.zip", file_size: 9e6 } });
    expect(view.container.textContent).not.toContain("Preview unavailable");
    fireEvent.click(view.getByRole("button", { name: "Download big.zip" }));
    await waitFor(() => expect(view.container.textContent).toContain("Preview unavailable"));
  });

  it("showable() keeps only image, audio and video types", () => {
    expect(showable(new Blob([], { type: "image/png" })).type).toBe("image/png");
    for (const type of ["text/html", "image/svg+xml", "application/xhtml+xml", ""]) {
      expect(showable(new Blob([], { type })).type).toBe("application/octet-stream");
    }
    expect(mediaPath(message({ session_id: "a/b", message_id: "c?d" }))).toBe("/api/sessions/a%2Fb/messages/c%3Fd/media");
  });
});
