// The `/` search's scorer: words in any order, prefix over substring over subsequence, case and
// full-width folded, Chinese matched character by character.
import { fold, score, search, slashQuery, tokenScore } from "./search";

const reply = (title: string, texts: Record<string, string> = {}) => ({ title, texts });
const REPLIES = [
  reply("Refund policy", { en: "Refunds take 5 working days.", zh: "退款需要 5 个工作日。" }),
  reply("Password reset", { en: "Use the reset link we sent.", zh: "请使用我们发送的重置链接。" }),
  reply("Greeting", { en: "Hello {first_name}!" }),
];

describe("the quick reply scorer", () => {
  it("folds case and full-width letters", () => {
    expect(fold("  ＲｅＦｕＮｄ  Policy ")).toBe("refund policy");
    expect(search("ＲＥＦＵＮＤ", REPLIES).map((r) => r.title)).toEqual(["Refund policy"]);
  });

  it("ranks a word's prefix over a substring over a subsequence", () => {
    expect(tokenScore("ref", "refund policy")).toBeGreaterThan(tokenScore("fund", "refund policy"));
    expect(tokenScore("fund", "refund policy")).toBeGreaterThan(tokenScore("rfnd", "refund policy"));
    expect(tokenScore("rfnd", "refund policy")).toBeGreaterThan(0);
    expect(tokenScore("xyz", "refund policy")).toBe(0);
  });

  it("needs every word, in any order, in the title or a text", () => {
    expect(search("policy refund", REPLIES).map((r) => r.title)).toEqual(["Refund policy"]);
    expect(search("refund link", REPLIES)).toEqual([]);
    expect(search("working", REPLIES).map((r) => r.title)).toEqual(["Refund policy"]);
  });

  it("finds Chinese text, even with characters between", () => {
    expect(search("退款", REPLIES).map((r) => r.title)).toEqual(["Refund policy"]);
    expect(search("重置链接", REPLIES).map((r) => r.title)).toEqual(["Password reset"]);
    expect(score("使用链接", REPLIES[1])).toBeGreaterThan(0); // 使用…链接, a subsequence
  });

  it("puts a title match before a match in the text only", () => {
    const found = search("reset", [reply("Links", { en: "reset it" }), reply("Reset")]);
    expect(found.map((r) => r.title)).toEqual(["Reset", "Links"]);
  });

  it("lists everything, by title, for a bare slash", () => {
    expect(search("", REPLIES).map((r) => r.title)).toEqual(["Greeting", "Password reset", "Refund policy"]);
  });
});

describe("the slash query", () => {
  it("is a slash at the start or after a space, up to the caret", () => {
    expect(slashQuery("/refund", 7)).toEqual({ start: 0, query: "refund" });
    expect(slashQuery("Hi, /ref po", 11)).toEqual({ start: 4, query: "ref po" });
    expect(slashQuery("line\n/退款", 8)).toEqual({ start: 5, query: "退款" });
  });

  it("is not a slash inside a word, a path or on an earlier line", () => {
    expect(slashQuery("and/or", 6)).toBeNull();
    expect(slashQuery("/a/b", 4)).toBeNull();
    expect(slashQuery("/refund\nthanks", 14)).toBeNull();
  });
});
