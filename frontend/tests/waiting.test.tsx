// A customer waiting for an answer, the unread badge the server keeps, and the tone for a new
// message in a session already listed.
import { render } from "@testing-library/preact";
import type { Session, SessionList as SessionPage } from "../src/api/types";
import { SessionList } from "../src/components/SessionList";
import { ConsoleController } from "../src/console/controller";
import { setLang } from "../src/i18n";
import { filterQuery, NO_FILTERS, visibleSessions } from "../src/sessions/model";
import { fakeApi, ME } from "./fakeApi";
import { message, session } from "./fixtures";

const WAITING_SINCE = new Date(2026, 11, 2, 9, 5).getTime();
const EARLY = session({ session_id: "early", status: "processing", waiting_since: WAITING_SINCE, last_activity_at: 10 });
const LATE = session({ session_id: "late", status: "processing", waiting_since: WAITING_SINCE + 60_000, last_activity_at: 30 });
const ANSWERED = session({ session_id: "answered", status: "processing", waiting_since: null, last_activity_at: 20 });

function page(items: Session[], unread_ids: string[] = []): SessionPage {
  return { items, next_cursor: null, counts: { processing: items.length }, counts_complete: true, unread_ids };
}

/** A console whose list is `list`; `GET /api/sessions/{id}` answers that session. */
function consoleWith(list: SessionPage, alerts: { onNewSession?: () => void; onNewMessage?: () => void } = {}) {
  const api = fakeApi({
    get: (path) => {
      if (path === "/api/sessions") return list;
      const found = list.items.find((s) => path === `/api/sessions/${s.session_id}`);
      return found ?? { items: [], next_cursor: null };
    },
  });
  return new ConsoleController({ api, me: ME, ...alerts });
}

const frame = <T extends string, D>(type: T, data: D, session_id: string) => ({ type, project_id: EARLY.project_id, session_id, at: 1, data });

beforeEach(() => setLang("en"));

describe("the waiting marker", () => {
  it("shows since when the customer waits, in both languages", () => {
    const c = consoleWith(page([]));
    const rows = render(<SessionList controller={c} sessions={[EARLY, ANSWERED]} />);
    const marker = rows.container.querySelectorAll(".waiting-chip");
    expect(marker).toHaveLength(1);
    expect(marker[0].getAttribute("data-waiting-since")).toBe(String(WAITING_SINCE));
    expect(marker[0].textContent).toMatch(/^Waiting since .*\d/);
    rows.unmount();
    setLang("zh-CN");
    const zh = render(<SessionList controller={c} sessions={[EARLY]} />);
    expect(zh.container.querySelector(".waiting-chip")?.textContent).toMatch(/起等待$/);
  });

  it("filters and orders by it, and asks the server the same", () => {
    const map = { early: EARLY, late: LATE, answered: ANSWERED };
    const byWait = { ...NO_FILTERS, order: "waiting" as const };
    expect(visibleSessions(map, NO_FILTERS, "", {}).map((s) => s.session_id)).toEqual(["late", "answered", "early"]);
    expect(visibleSessions(map, byWait, "", {}).map((s) => s.session_id)).toEqual(["early", "late", "answered"]);
    expect(visibleSessions(map, { ...byWait, waiting: true }, "", {}).map((s) => s.session_id)).toEqual(["early", "late"]);
    expect(filterQuery({ ...byWait, waiting: true })).toMatchObject({ waiting: true, order: "waiting" });
    expect(filterQuery(NO_FILTERS)).toMatchObject({ waiting: undefined, order: undefined });
  });
});

describe("the unread badge after a reload", () => {
  it("comes from the server's unread ids, and opening the session clears it", async () => {
    const c = consoleWith(page([EARLY, LATE, ANSWERED], ["late"]));
    await c.sessions.load();
    const rows = render(<SessionList controller={c} sessions={[LATE, EARLY]} />);
    const badges = rows.container.querySelectorAll(".badge");
    expect(badges).toHaveLength(1);
    expect(badges[0].closest("button")?.getAttribute("data-session-id")).toBe("late");
    expect(badges[0].getAttribute("aria-label")).toBe("Unread");
    c.sessions.select("late");
    expect(c.sessions.state.unseen).toEqual({});
  });
});

describe("the tone for a new message", () => {
  it("plays for a new message in a listed session, once for a burst, not twice for a new session", async () => {
    const onNewMessage = vi.fn();
    const onNewSession = vi.fn();
    const c = consoleWith(page([EARLY]), { onNewMessage, onNewSession });
    await c.sessions.load();

    c.realtime.applyFrame(frame("message.created", message({ message_id: "m1", session_id: "early" }), "early"));
    c.realtime.applyFrame(frame("message.created", message({ message_id: "m2", session_id: "early" }), "early"));
    expect(onNewMessage).toHaveBeenCalledTimes(1);
    expect(onNewMessage.mock.calls[0][0].session_id).toBe("early");

    const fresh = session({ session_id: "fresh" });
    c.realtime.applyFrame(frame("session.assigned", fresh, "fresh"));
    c.realtime.applyFrame(frame("message.created", message({ message_id: "m3", session_id: "fresh" }), "fresh"));
    expect(onNewSession).toHaveBeenCalledTimes(1);
    expect(onNewMessage).toHaveBeenCalledTimes(1);
  });

  it("plays when the user's message reopens a closed session", async () => {
    const onNewMessage = vi.fn();
    const closed = session({ session_id: "closed", status: "closed", closed_at: 5 });
    const c = consoleWith(page([closed]), { onNewMessage });
    await c.sessions.load();

    c.realtime.applyFrame(frame("session.updated", { ...closed, status: "unread", closed_at: null, last_activity_at: closed.last_activity_at + 1 }, "closed"));
    c.realtime.applyFrame(frame("message.created", message({ message_id: "r1", session_id: "closed" }), "closed"));

    expect(onNewMessage).toHaveBeenCalledTimes(1);
    expect(c.sessions.state.unseen).toEqual({ closed: 1 });
  });

  it("plays for a message in the open session too, which the server is told was read", async () => {
    const onNewMessage = vi.fn();
    const c = consoleWith(page([EARLY]), { onNewMessage });
    await c.sessions.load();
    c.sessions.select("early");

    c.realtime.applyFrame(frame("message.created", message({ message_id: "o1", session_id: "early" }), "early"));

    expect(onNewMessage).toHaveBeenCalledTimes(1);
    expect(c.sessions.state.unseen).toEqual({});
    await vi.waitFor(() => expect(c.api.get).toHaveBeenCalledWith("/api/sessions/early"));
  });
});
