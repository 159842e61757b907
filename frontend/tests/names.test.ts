import { describe, expect, it } from "vitest";
import { displayName, fullName } from "../src/lib/format";
import { matchesSearch } from "../src/sessions/model";
import type { Session } from "../src/api/types";

describe("fullName writes a name in its script's order", () => {
  it("puts a Chinese family name first, with no space", () => {
    expect(fullName("小明", "王")).toBe("王小明");
  });
  it("puts a Japanese family name first, with no space", () => {
    expect(fullName("ひろし", "山田")).toBe("山田ひろし");
    expect(fullName("タロウ", "ヤマダ")).toBe("ヤマダタロウ");
  });
  it("puts a Korean family name first, with a space", () => {
    expect(fullName("민준", "김")).toBe("김 민준");
  });
  it("keeps Russian and Latin names first name first", () => {
    expect(fullName("Иван", "Петров")).toBe("Иван Петров");
    expect(fullName("Alice", "Martin")).toBe("Alice Martin");
  });
  it("shows a one-part name as it is", () => {
    expect(fullName("小明", undefined)).toBe("小明");
    expect(fullName(null, "Petrov")).toBe("Petrov");
    expect(fullName(" Ivan ", "")).toBe("Ivan");
  });
  it("is what displayName shows, falling back to the username and the id", () => {
    expect(displayName({ first_name: "小明", last_name: "王" })).toBe("王小明");
    expect(displayName({ username: "wang" })).toBe("@wang");
    expect(displayName(null, 42)).toBe("42");
  });
});

describe("the session search finds a full name either way", () => {
  const session = (first_name: string, last_name: string) =>
    ({ session_id: "s1", tg_user_id: 101, user: { first_name, last_name } }) as unknown as Session;

  it.each(["王小明", "小明王", "小明 王", "王 小明"])("finds 小明 王 by %s", (q) => {
    expect(matchesSearch(session("小明", "王"), q)).toBe(true);
  });
  it.each(["Ivan Petrov", "petrov  ivan", "PETROV"])("finds Ivan Petrov by %s", (q) => {
    expect(matchesSearch(session("Ivan", "Petrov"), q)).toBe(true);
  });
  it("does not find another name", () => {
    expect(matchesSearch(session("小明", "王"), "王大明")).toBe(false);
    expect(matchesSearch(session("Ivan", "Petrov"), "ivan sidorov")).toBe(false);
  });
});
