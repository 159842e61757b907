import { setLang } from "../i18n";
import { privacyNote, privacyNoteText } from "./privacy";

afterEach(() => setLang("en"));

describe("the privacy note", () => {
  beforeEach(() => setLang("en"));

  it("says what a click records, and that a hashed address is not stored", () => {
    const [records, address, retention] = privacyNote({ address_mode: "hashed", retention_days: 90 });
    expect(records).toMatch(/the time, the link, the campaign parameters/);
    expect(records).toMatch(/user agent/);
    expect(address).toMatch(/IP address is not stored/);
    expect(retention).toBe(
      "These click records are deleted after 90 days; after that we keep only aggregated counts (such as clicks per day, channel and campaign), which identify no one.",
    );
  });

  it("follows the project's address mode and retention", () => {
    expect(privacyNote({ address_mode: "truncated", retention_days: 30 })[1]).toMatch(/shortened .*\/24.*\/48/);
    expect(privacyNote({ address_mode: "full", retention_days: 30 })[1]).toMatch(/full IP address is stored/);
    expect(privacyNote({ address_mode: "full", retention_days: 30 })[2]).toMatch(/after 30 days/);
    expect(privacyNote({ address_mode: "full", retention_days: 1 })[2]).toMatch(/after one day/);
  });

  it("is copied as paragraphs apart, in the console's language", () => {
    setLang("zh-CN");
    const text = privacyNoteText({ address_mode: "hashed", retention_days: 90 });
    expect(text.split("\n\n")).toHaveLength(3);
    expect(text).toContain("90 天后删除");
    expect(text).toContain("不保存你的 IP 地址");
  });
});
