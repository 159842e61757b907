// What the browser refuses before any upload, and the kind each file is sent as.
import { FILE_LIMIT, PHOTO_LIMIT, isAlbum, kindOf, pastedName, refusalOf } from "./limits";
import { voiceFormat } from "./voice";

const MB = 1024 * 1024;

describe("attachment limits", () => {
  it("sends each type by its kind", () => {
    expect(kindOf("image/png")).toBe("photo");
    expect(kindOf("image/JPEG")).toBe("photo");
    expect(kindOf("image/gif")).toBe("document");
    expect(kindOf("video/mp4")).toBe("video");
    expect(kindOf("audio/mpeg")).toBe("audio");
    expect(kindOf("audio/ogg; codecs=opus")).toBe("voice");
    expect(kindOf("application/pdf")).toBe("document");
    expect(kindOf("")).toBe("document");
  });

  it("refuses a 60 MB file and an 11 MB photo before upload, with the sizes said", () => {
    expect(refusalOf("film.mp4", 60 * MB, "video")).toEqual({
      key: "attach.too_big",
      vars: { name: "film.mp4", size: "60.0", limit: "50" },
    });
    expect(refusalOf("big.jpg", 11 * MB, "photo")?.vars).toMatchObject({ limit: "10" });
    expect(refusalOf("ok.jpg", PHOTO_LIMIT, "photo")).toBeNull();
    expect(refusalOf("ok.zip", FILE_LIMIT, "document")).toBeNull();
    expect(refusalOf("empty.txt", 0, "document")?.key).toBe("attach.empty");
  });

  it("knows what Telegram sends together as an album", () => {
    expect(isAlbum(["photo"])).toBe(true);
    expect(isAlbum(["photo", "video"])).toBe(true);
    expect(isAlbum(["document", "document"])).toBe(true);
    expect(isAlbum(["photo", "document"])).toBe(false);
    expect(isAlbum(["voice", "voice"])).toBe(false);
    expect(isAlbum(Array(11).fill("photo"))).toBe(false);
    expect(isAlbum([])).toBe(false);
  });

  it("names a pasted screenshot", () => {
    expect(pastedName("image/png", new Date("2026-12-02T08:30:05Z"))).toBe("screenshot-20261202-083005.png");
    expect(pastedName("image/jpeg", new Date("2026-12-02T08:30:05Z"))).toBe("screenshot-20261202-083005.jpg");
  });

  it("records OGG/Opus as a voice note where it can, else audio", () => {
    expect(voiceFormat(() => true)?.kind).toBe("voice");
    expect(voiceFormat((type) => type.startsWith("audio/webm"))).toEqual({ type: "audio/webm;codecs=opus", kind: "audio", extension: "webm" });
    expect(voiceFormat(() => false)).toBeNull();
  });
});
