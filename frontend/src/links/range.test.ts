import { lastDays, rangeOf } from "./range";

const NOW = new Date(2026, 11, 2, 15, 30).getTime();

describe("the funnel's date range", () => {
  it("covers whole local days, today included", () => {
    expect(rangeOf("today", NOW, { from: "", to: "" })).toEqual({ from: new Date(2026, 11, 2).getTime(), to: new Date(2026, 11, 3).getTime() - 1 });
    expect(lastDays(7, NOW).from).toBe(new Date(2026, 10, 26).getTime());
    expect(rangeOf("30d", NOW, { from: "", to: "" })!.from).toBe(new Date(2026, 10, 3).getTime());
  });

  it("takes chosen days, and nothing while they are missing or reversed", () => {
    expect(rangeOf("custom", NOW, { from: "2026-11-01", to: "2026-11-02" })).toEqual({
      from: new Date(2026, 10, 1).getTime(),
      to: new Date(2026, 10, 3).getTime() - 1,
    });
    expect(rangeOf("custom", NOW, { from: "2026-11-02", to: "2026-11-01" })).toBeNull();
    expect(rangeOf("custom", NOW, { from: "", to: "2026-11-01" })).toBeNull();
  });
});
