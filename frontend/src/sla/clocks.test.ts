import { describe, expect, it } from "vitest";
import { clockState, dueAt, formatSpan, mostUrgent, type Clock } from "./clocks";

const MINUTE = 60_000;
const base: Clock = {
  clock: "first_response",
  started_at: 0,
  target_ms: 15 * MINUTE,
  warn_at: 12 * MINUTE,
  due_at: 15 * MINUTE,
  paused: false,
  remaining_ms: 15 * MINUTE,
};

describe("SLA clocks", () => {
  it("counts down to the due time, then up as overdue", () => {
    expect(clockState(base, 5 * MINUTE)).toMatchObject({ state: "left", ms: 10 * MINUTE });
    expect(clockState(base, 20 * MINUTE)).toMatchObject({ state: "overdue", ms: 5 * MINUTE });
  });

  it("shows exactly what is left while paused", () => {
    const paused = { ...base, paused: true, due_at: null, warn_at: null, remaining_ms: 7 * MINUTE };
    expect(clockState(paused, 99 * MINUTE)).toMatchObject({ state: "paused", ms: 7 * MINUTE });
  });

  it("puts the most overdue clock first, then the one due soonest", () => {
    const resolution = { ...base, clock: "resolution", due_at: 120 * MINUTE };
    const session = { sla: { clocks: [resolution, base], due_at: 15 * MINUTE, warnings: 0, breaches: 0, events: [] } };
    expect(mostUrgent(session, MINUTE)?.clock).toBe("first_response");
    expect(mostUrgent({ sla: null }, MINUTE)).toBeNull();
    expect(dueAt(session)).toBe(15 * MINUTE);
    expect(dueAt({ sla: null })).toBe(Number.POSITIVE_INFINITY);
  });

  it("writes spans in their two largest units", () => {
    expect(formatSpan(30_000)).toBe("<1m");
    expect(formatSpan(12 * MINUTE)).toBe("12m");
    expect(formatSpan(65 * MINUTE)).toBe("1h 05m");
    expect(formatSpan((3 * 1440 + 4 * 60) * MINUTE)).toBe("3d 4h");
  });
});

describe("the holder's alert", () => {
  const counts = (warnings: number, breaches: number) => ({ sla: { clocks: [], warnings, breaches, events: [] } });
  it("comes with a new warning or breach of a session they hold, once", async () => {
    const { slaAlert } = await import("./clocks");
    expect(slaAlert(counts(0, 0), { ...counts(1, 0), assignee_id: "me" }, "me")).toBe("warning");
    expect(slaAlert(counts(1, 0), { ...counts(1, 1), assignee_id: "me" }, "me")).toBe("breach");
    expect(slaAlert(counts(1, 1), { ...counts(1, 1), assignee_id: "me" }, "me")).toBeNull();
    expect(slaAlert(counts(0, 0), { ...counts(1, 0), assignee_id: "other" }, "me")).toBeNull();
    expect(slaAlert(undefined, { ...counts(1, 0), assignee_id: "me" }, "me")).toBeNull();
  });
});
