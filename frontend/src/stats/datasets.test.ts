import { setLang } from "../i18n";
import { chartSummary, labelledIndexes, niceMax, runs } from "./chartScale";
import { dayFigures, headline, perAgent, perDay, ratingDistribution, slaAttainment, sortRows, FIRST_RESPONSE_PER_DAY } from "./datasets";
import { datasetCsv, exportName } from "./exports";
import { duration, formatChange, formatValue } from "./format";
import { METRICS, changeOf } from "./metrics";
import { dailyReport, figuresOf, reportOf } from "./testData";

beforeEach(() => setLang("en"));

describe("the statistics' datasets", () => {
  it("give every day of the range, a day the API left out counting nothing", () => {
    const report = dailyReport((_day, i) => figuresOf({ sessions: { new: i } }));
    report.rows = report.rows.filter((row) => row.key !== "2026-11-27");
    const days = dayFigures(report);
    expect(days.map((d) => d.day)).toEqual(["2026-11-25", "2026-11-26", "2026-11-27", "2026-11-28", "2026-11-29", "2026-11-30", "2026-12-01"]);
    expect(days[2].figures.sessions.new).toBe(0);
    expect(days[6].figures.sessions.new).toBe(6);
  });

  it("take the chosen metrics per day", () => {
    const report = dailyReport((_day, i) => figuresOf({ first_response_ms: { median: 1000 * i, p90: i ? 5000 * i : null, count: i } }));
    const dataset = perDay(report, "first-response", "stats.firstResponsePerDay", FIRST_RESPONSE_PER_DAY);
    expect(dataset.columns.map((c) => c.key)).toEqual(["first_response_median", "first_response_p90"]);
    expect(dataset.rows[0]).toEqual({ key: "2026-11-25", label: "2026-11-25", values: [0, null] });
    expect(dataset.rows[2].values).toEqual([2000, 10_000]);
  });

  it("name the agents from the API's labels, else the console's names, else their ids", () => {
    const report = reportOf("agent", [
      { key: "a1", label: "王小明", figures: figuresOf() },
      { key: "a2", label: "", figures: figuresOf() },
      { key: "a3", label: "", figures: figuresOf() },
    ]);
    const dataset = perAgent(report, (id) => (id === "a2" ? "Bob" : undefined));
    expect(dataset.rows.map((r) => r.label)).toEqual(["王小明", "Bob", "a3"]);
  });

  it("tell SLA attainment per target and the ratings' shares", () => {
    const figures = figuresOf({
      sla: { first: { met: 9, warned: 2, breached: 1, attainment: 0.9 } } as never,
      satisfaction: { rated: 4, distribution: [0, 0, 1, 1, 2] },
    });
    const sla = slaAttainment(figures);
    expect(sla.rows.map((r) => r.key)).toEqual(["first", "next", "resolution"]);
    expect(sla.rows[0].values).toEqual([9, 2, 1, 0.9]);
    expect(ratingDistribution(figures).rows.map((r) => r.values)).toEqual([
      [0, 0],
      [0, 0],
      [1, 0.25],
      [1, 0.25],
      [2, 0.5],
    ]);
    expect(ratingDistribution(figuresOf()).rows[4].values).toEqual([0, null]);
  });

  it("sort by a column either way, rows without a figure last, or by name", () => {
    const rows = [
      { key: "a", label: "Ann", values: [3, null] },
      { key: "b", label: "Bob", values: [1, 20] },
      { key: "c", label: "Cai", values: [2, 10] },
    ];
    expect(sortRows(rows, 0, "descending").map((r) => r.key)).toEqual(["a", "c", "b"]);
    expect(sortRows(rows, 1, "ascending").map((r) => r.key)).toEqual(["c", "b", "a"]);
    expect(sortRows(rows, 1, "descending").map((r) => r.key)).toEqual(["b", "c", "a"]);
    expect(sortRows(rows, "label", "descending").map((r) => r.key)).toEqual(["c", "b", "a"]);
  });
});

describe("the statistics' CSV exports", () => {
  it("write the figures as the API gives them, names beside ids, safely for a spreadsheet", () => {
    const report = reportOf("agent", [{ key: "a1", label: "=HYPERLINK(\"x\")", figures: figuresOf({ sessions: { handled: 3 }, first_response_ms: { median: 65_000 } }) }]);
    const csv = datasetCsv(perAgent(report, () => undefined));
    expect(csv.startsWith("\uFEFFagent_id,agent,assigned,handled,")).toBe(true);
    const line = csv.split("\r\n")[1];
    expect(line.startsWith(`a1,"'=HYPERLINK(""x"")",0,3,`)).toBe(true);
    expect(line).toContain(",65000,");
  });

  it("write a day's row without a label column, and the headline figures now and before", () => {
    const report = dailyReport(() => figuresOf({ sessions: { new: 2 } }), figuresOf({ sessions: { new: 14 } }), figuresOf({ sessions: { new: 7 } }));
    const days = datasetCsv(perDay(report, "sessions", "stats.sessionsPerDay", ["new"]));
    expect(days.split("\r\n").slice(0, 2)).toEqual(["\uFEFFday,new", "2026-11-25,2"]);
    const summary = datasetCsv(headline(report)).split("\r\n");
    expect(summary[0]).toBe("\uFEFFfigure,current,previous");
    expect(summary[1]).toBe("new,14,7");
    expect(exportName(headline(report), report)).toBe("stats-summary-2026-11-25-2026-12-01.csv");
  });
});

describe("the statistics' figures as written", () => {
  it("write durations, shares, averages and missing figures", () => {
    expect(duration(42_400)).toBe("42 s");
    expect(duration(12 * 60_000 + 20_000)).toBe("12 min");
    expect(duration(3 * 3_600_000 + 5 * 60_000)).toBe("3 h 5 min");
    expect(duration(2 * 86_400_000 + 4 * 3_600_000)).toBe("2 d 4 h");
    expect(formatValue("ratio", 0.9234)).toBe("92.3 %");
    expect(formatValue("rating", 4.5)).toBe("4.50");
    expect(formatValue("count", 12345)).toBe("12,345");
    expect(formatValue("ms", null)).toBe("—");
    setLang("zh-CN");
    expect(duration(90_000)).toBe("2 分钟");
  });

  it("tell a change against the previous period, better or worse by the figure's sense", () => {
    const grew = changeOf(METRICS.new, 15, 10);
    expect(grew).toEqual({ amount: 50, points: false, better: true });
    expect(formatChange(grew)).toBe("+50.0 %");
    const slower = changeOf(METRICS.first_response_median, 120_000, 60_000);
    expect(slower?.better).toBe(false);
    const rate = changeOf(METRICS.reopen_rate, 0.1, 0.15);
    expect(rate?.points).toBe(true);
    expect(rate?.better).toBe(true);
    expect(formatChange(rate)).toBe("−5.0 pts");
    expect(changeOf(METRICS.new, 3, 0)).toBeNull();
    expect(changeOf(METRICS.rating_average, 4.2, null)).toBeNull();
    expect(formatChange(changeOf(METRICS.new, 4, 4))).toBe("±0");
  });
});

describe("the charts' arithmetic", () => {
  it("rounds the axis up, labels at most 8 categories and breaks lines at gaps", () => {
    expect([0, 0.4, 7, 12, 23, 4100].map((max) => niceMax(max))).toEqual([1, 0.5, 10, 20, 25, 5000]);
    expect([0, 1, 3, 5, 23, 4100].map((max) => niceMax(max, true))).toEqual([2, 2, 4, 6, 40, 6000]);
    expect([...labelledIndexes(30)]).toEqual([0, 4, 8, 12, 16, 20, 24, 28]);
    expect([...labelledIndexes(5)]).toEqual([0, 1, 2, 3, 4]);
    expect(runs([1, 2, null, 3, null, null, 4, 5])).toEqual([
      { start: 0, points: [1, 2] },
      { start: 3, points: [3] },
      { start: 6, points: [4, 5] },
    ]);
  });

  it("sums a chart up in words", () => {
    const report = dailyReport((_day, i) => figuresOf({ first_response_ms: { median: (i + 1) * 30_000, p90: null } }));
    const dataset = perDay(report, "first-response", "stats.firstResponsePerDay", FIRST_RESPONSE_PER_DAY);
    expect(chartSummary(dataset, [0, 1])).toBe(
      "First response time per day: First response (median) from 30 s to 4 min; First response (90th percentile): none",
    );
  });
});
