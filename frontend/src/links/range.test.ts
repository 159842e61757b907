import { inRange, lastDays, rangeOf } from "./range";

const NOW = Date.UTC(2026, 11, 2, 15, 30);
const NONE = { from: "", to: "" };

describe("the funnel's date range", () => {
  it("is a first and a last UTC day, today included", () => {
    expect(rangeOf("today", NOW, NONE)).toEqual({ from: "2026-12-02", to: "2026-12-02" });
    expect(lastDays(7, NOW)).toEqual({ from: "2026-11-26", to: "2026-12-02" });
    expect(rangeOf("30d", NOW, NONE)).toEqual({ from: "2026-11-03", to: "2026-12-02" });
  });

  it("takes chosen days, and nothing while they are missing, reversed or too many", () => {
    expect(rangeOf("custom", NOW, { from: "2026-11-01", to: "2026-11-02" })).toEqual({ from: "2026-11-01", to: "2026-11-02" });
    expect(rangeOf("custom", NOW, { from: "2026-11-02", to: "2026-11-01" })).toBeNull();
    expect(rangeOf("custom", NOW, { from: "", to: "2026-11-01" })).toBeNull();
    expect(rangeOf("custom", NOW, { from: "2026-02-30", to: "2026-03-01" })).toBeNull();
    expect(rangeOf("custom", NOW, { from: "2026-01-01", to: "2026-04-02" })).toEqual({ from: "2026-01-01", to: "2026-04-02" }); // 92 days
    expect(rangeOf("custom", NOW, { from: "2026-01-01", to: "2026-04-03" })).toBeNull();
  });

  it("places a click on its UTC day", () => {
    const range = { from: "2026-11-26", to: "2026-12-02" };
    expect(inRange(Date.UTC(2026, 10, 26, 0, 0), range)).toBe(true);
    expect(inRange(Date.UTC(2026, 10, 25, 23, 59), range)).toBe(false);
    expect(inRange(Date.UTC(2026, 11, 2, 23, 59), range)).toBe(true);
  });
});
