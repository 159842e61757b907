import { NO_FILTERS, unreadCount, visibleSessions } from "../src/sessions/model";
import { reconcileFirstPage } from "../src/sessions/reconcile";
import { visibleRange } from "../src/sessions/virtual";
import { session } from "./fixtures";

describe("the session list", () => {
  it("renders only the rows in view, even for thousands", () => {
    expect(visibleRange(0, 680, 68, 5000)).toEqual({ start: 0, end: 16 });
    expect(visibleRange(68 * 2000, 680, 68, 5000)).toEqual({ start: 1994, end: 2016 });
    expect(visibleRange(68 * 4999, 680, 68, 5000).end).toBe(5000);
  });

  it("filters, searches and orders by latest activity", () => {
    const map = {
      a: session({ session_id: "a", last_activity_at: 1, priority: "high", user: { first_name: "Alice", username: "alice" } }),
      b: session({ session_id: "b", last_activity_at: 3, status: "processing", user: { first_name: "王芳" } }),
      c: session({ session_id: "c", last_activity_at: 2, status: "closed", tg_user_id: 777, user: null }),
    };
    expect(visibleSessions(map, NO_FILTERS, "", {}).map((s) => s.session_id)).toEqual(["b", "c", "a"]);
    expect(visibleSessions(map, { ...NO_FILTERS, priority: "high" }, "", {}).map((s) => s.session_id)).toEqual(["a"]);
    expect(visibleSessions(map, NO_FILTERS, "@ali", {}).map((s) => s.session_id)).toEqual(["a"]);
    expect(visibleSessions(map, NO_FILTERS, "王", {}).map((s) => s.session_id)).toEqual(["b"]);
    expect(visibleSessions(map, NO_FILTERS, "777", {}).map((s) => s.session_id)).toEqual(["c"]);
    expect(visibleSessions(map, { ...NO_FILTERS, unread: true }, "", { b: 2 }).map((s) => s.session_id)).toEqual(["b", "a"]);
    expect(unreadCount(map, { b: 2 })).toBe(2);
  });

  it("a fresh first page drops what it should contain but does not, and keeps older pages", () => {
    const known = {
      new: session({ session_id: "new", last_activity_at: 50 }),
      gone: session({ session_id: "gone", last_activity_at: 40 }),
      old: session({ session_id: "old", last_activity_at: 5 }),
    };
    const page = [session({ session_id: "new", last_activity_at: 60 }), session({ session_id: "mid", last_activity_at: 30 })];
    const next = reconcileFirstPage(known, page, false);
    expect(Object.keys(next).sort()).toEqual(["mid", "new", "old"]);
    expect(next.new.last_activity_at).toBe(60);
    expect(Object.keys(reconcileFirstPage(known, page, true)).sort()).toEqual(["mid", "new"]);
  });
});
