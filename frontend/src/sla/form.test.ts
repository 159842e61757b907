import { describe, expect, it } from "vitest";
import { formatDay, parseDay, parseHolidays, parseWeek } from "./form";

describe("the SLA form's text fields", () => {
  it("reads and writes a weekday's intervals", () => {
    expect(parseDay("09:00-12:00, 13:00 – 17:30")).toEqual([["09:00", "12:00"], ["13:00", "17:30"]]);
    expect(parseDay("")).toEqual([]);
    expect(parseDay("9-5")).toBeNull();
    expect(formatDay([["09:00", "12:00"], ["13:00", "17:00"]])).toBe("09:00-12:00, 13:00-17:00");
  });

  it("leaves closed weekdays out of the week and refuses a bad one", () => {
    expect(parseWeek({ mon: "09:00-17:00", sat: "" })).toEqual({ mon: [["09:00", "17:00"]] });
    expect(parseWeek({ mon: "nine to five" })).toBeNull();
  });

  it("reads holidays separated by commas, spaces or lines", () => {
    expect(parseHolidays("2026-12-24, 2026-12-25\n2027-01-01")).toEqual(["2026-12-24", "2026-12-25", "2027-01-01"]);
  });
});
