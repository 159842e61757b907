import { addDays, dayIn, daysOf, statsRange } from "./range";

// 2026-12-01 20:30 UTC: already 2 December in Shanghai (UTC+8), still 1 December in New York.
const NOW = Date.parse("2026-12-01T20:30:00Z");
const NO_CUSTOM = { from: "", to: "" };

describe("the statistics' date range", () => {
  it("is the project's days, not the browser's", () => {
    expect(dayIn(NOW, "Asia/Shanghai")).toBe("2026-12-02");
    expect(dayIn(NOW, "America/New_York")).toBe("2026-12-01");
    expect(statsRange("today", NOW, "Asia/Shanghai", NO_CUSTOM)).toEqual({ from: "2026-12-02", to: "2026-12-02" });
    expect(statsRange("yesterday", NOW, "Asia/Shanghai", NO_CUSTOM)).toEqual({ from: "2026-12-01", to: "2026-12-01" });
  });

  it("counts today among the last 7 and 30 days, across a month's end", () => {
    expect(statsRange("7d", NOW, "UTC", NO_CUSTOM)).toEqual({ from: "2026-11-25", to: "2026-12-01" });
    expect(statsRange("30d", NOW, "UTC", NO_CUSTOM)).toEqual({ from: "2026-11-02", to: "2026-12-01" });
  });

  it("takes chosen days up to 366 of them, the last not before the first", () => {
    expect(statsRange("custom", NOW, "UTC", { from: "2026-01-01", to: "2026-12-31" })).toEqual({ from: "2026-01-01", to: "2026-12-31" });
    expect(statsRange("custom", NOW, "UTC", { from: "2025-01-01", to: "2026-01-02" })).toBeNull();
    expect(statsRange("custom", NOW, "UTC", { from: "2026-02-02", to: "2026-02-01" })).toBeNull();
    expect(statsRange("custom", NOW, "UTC", { from: "2026-02-30", to: "2026-03-01" })).toBeNull();
  });

  it("falls back to UTC days for a zone the browser does not know", () => {
    expect(dayIn(NOW, "Mars/Olympus_Mons")).toBe("2026-12-01");
  });

  it("lists a range's days", () => {
    expect(daysOf({ from: "2024-02-28", to: "2024-03-01" })).toEqual(["2024-02-28", "2024-02-29", "2024-03-01"]);
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
  });
});
