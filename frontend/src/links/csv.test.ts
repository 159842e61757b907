import { csvCell, csvDocument } from "./csv";
import { clicksCsv, exportName, funnelCsv } from "./exports";
import { countsOf, funnelOf } from "./testData";

describe("CSV cells", () => {
  it("never lets a spreadsheet run a formula", () => {
    for (const text of ["=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)", "\tx", "\rx"]) expect(csvCell(text).replace(/^"/, "")).toMatch(/^'/);
    expect(csvCell("'=1")).toBe("''=1"); // one more quote, as the API's exports do
    expect(csvCell("google-ads")).toBe("google-ads");
  });

  it("quotes commas, quotes and line breaks", () => {
    expect(csvCell('say "hi", then\nleave')).toBe('"say ""hi"", then\nleave"');
    expect(csvCell(null)).toBe("");
    expect(csvCell(3)).toBe("3");
  });

  it("writes a UTF-8 BOM, CRLF lines and the header first", () => {
    expect(csvDocument(["a", "b"], [["双十一", 1]])).toBe("\uFEFFa,b\r\n双十一,1\r\n");
  });
});

const COUNTS = countsOf(5, { bot_clicks: 2, visitors: 4, starts: 3, first_messages: 2, first_replies: 1, resolved: 1, rated: 1, average_rating: 4.5 });
const UNRATED = countsOf(1);
const FUNNEL = { ...funnelOf("spring", 6), days: [{ day: "2026-12-01", ...COUNTS }, { day: "2026-12-02", ...UNRATED }], total: { ...COUNTS, clicks: 6 } };

describe("the exports", () => {
  it("puts a line per day and the totals in the funnel's CSV, the average rating empty when none", () => {
    const lines = funnelCsv(FUNNEL).replace("\uFEFF", "").trim().split("\r\n");
    expect(lines).toEqual([
      "day,clicks,visitors,starts,first_messages,first_replies,resolved,rated,average_rating,bot_clicks",
      "2026-12-01,5,4,3,2,1,1,1,4.5,2",
      "2026-12-02,1,1,0,0,0,0,0,,0",
      "total,6,4,3,2,1,1,1,4.5,2",
    ]);
  });

  it("writes the clicks with hostile referrers and UTM values defused", () => {
    const text = clicksCsv([
      { click_id: "c1", code: "spring", at: Date.UTC(2026, 11, 1, 8), is_bot: false, country: "DE", device: "mobile", referrer: "=cmd|' /C calc'!A0", utm: { utm_source: "x" } },
    ]);
    const [, row] = text.replace("\uFEFF", "").trim().split("\r\n");
    expect(row).toBe("c1,2026-12-01T08:00:00.000Z,no,,DE,mobile,,'=cmd|' /C calc'!A0,x,,,,");
  });

  it("names a file by the link's code and the days", () => {
    expect(exportName("spring", "funnel", { from: "2026-11-25", to: "2026-12-01" })).toBe("spring-funnel-2026-11-25-2026-12-01.csv");
  });
});
