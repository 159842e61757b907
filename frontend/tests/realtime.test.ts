import { backoffDelay, parseFrame, POLL_MS, RealtimeClient, RESYNC_MS, type SocketLike } from "../src/realtime/client";
import { message } from "./fixtures";

class FakeSocket implements SocketLike {
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: unknown) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  sent: string[] = [];
  closed = false;
  constructor(readonly url: string) {}
  send(data: string) {
    this.sent.push(data);
  }
  close() {
    this.closed = true;
  }
  open() {
    this.onopen?.({});
  }
  drop() {
    this.onerror?.({});
    this.onclose?.({});
  }
  receive(frame: unknown) {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }
}

function harness(ticketFails = false) {
  const sockets: FakeSocket[] = [];
  const frames: unknown[] = [];
  const states: string[] = [];
  let tickets = 0;
  const catchUp = vi.fn(async () => undefined);
  const client = new RealtimeClient(
    {
      ticket: async () => {
        tickets += 1;
        if (ticketFails) throw new Error("404");
        return { ticket: `t${tickets}`, url: "ws://127.0.0.1:8000/ws", expires_at: 0 };
      },
      openSocket: (url) => {
        const socket = new FakeSocket(url);
        sockets.push(socket);
        return socket;
      },
      random: () => 1,
    },
    { onFrame: (f) => frames.push(f), catchUp, onState: (s) => states.push(s) },
  );
  return { client, sockets, frames, states, catchUp, tickets: () => tickets };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("backoff", () => {
  it("doubles from 1 s up to 30 s, with jitter between half and all of it", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 10].map((n) => backoffDelay(n, () => 1))).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000,
    ]);
    expect(backoffDelay(3, () => 0)).toBe(4000);
  });
});

describe("frames", () => {
  it("accepts the contract's frames and ignores anything else", () => {
    const frame = { type: "message.created", project_id: "p", session_id: "s", at: 1, data: message() };
    expect(parseFrame(JSON.stringify(frame))).toEqual(frame);
    expect(parseFrame("not json")).toBeNull();
    expect(parseFrame(JSON.stringify({ type: "pong" }))).toBeNull();
    expect(parseFrame(JSON.stringify({ type: "message.created", session_id: "s" }))).toBeNull();
  });
});

describe("the connection", () => {
  it("opens the socket with a single-use ticket and catches up once open", async () => {
    const h = harness();
    h.client.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(h.sockets[0].url).toBe("ws://127.0.0.1:8000/ws?ticket=t1");
    expect(h.catchUp).not.toHaveBeenCalled();
    h.sockets[0].open();
    expect(h.client.state).toBe("live");
    expect(h.catchUp).toHaveBeenCalledTimes(1);
    h.sockets[0].receive({ type: "session.updated", project_id: "p", session_id: "s", at: 1, data: {} });
    expect(h.frames).toHaveLength(1);
  });

  it("sends a heartbeat frame every 30 s while live", async () => {
    const h = harness();
    h.client.start();
    await vi.advanceTimersByTimeAsync(0);
    h.sockets[0].open();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(h.sockets[0].sent).toEqual(['{"action":"heartbeat"}', '{"action":"heartbeat"}']);
  });

  it("after a drop: polls, reconnects with a fresh ticket after the backoff, and catches up", async () => {
    const h = harness();
    h.client.start();
    await vi.advanceTimersByTimeAsync(0);
    h.sockets[0].open();
    await vi.advanceTimersByTimeAsync(0); // the catch-up on open finishes
    h.sockets[0].drop();
    expect(h.client.state).toBe("polling");
    expect(h.catchUp).toHaveBeenCalledTimes(2); // on open, then at once when the socket dropped
    await vi.advanceTimersByTimeAsync(999);
    expect(h.sockets).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(h.sockets).toHaveLength(2);
    expect(h.sockets[1].url).toContain("ticket=t2");
    h.sockets[1].open();
    expect(h.client.state).toBe("live");
    expect(h.catchUp).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(POLL_MS * 3);
    expect(h.catchUp).toHaveBeenCalledTimes(3); // polling stopped once live again
    await vi.advanceTimersByTimeAsync(RESYNC_MS);
    expect(h.catchUp).toHaveBeenCalledTimes(4); // the slow safety re-read while live
  });

  it("backs off further after each failed attempt and resets once connected", async () => {
    const h = harness();
    h.client.start();
    await vi.advanceTimersByTimeAsync(0);
    h.sockets[0].drop(); // never opened
    await vi.advanceTimersByTimeAsync(1000);
    h.sockets[1].drop();
    await vi.advanceTimersByTimeAsync(1999);
    expect(h.sockets).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(h.sockets).toHaveLength(3);
    h.sockets[2].open();
    h.sockets[2].drop();
    await vi.advanceTimersByTimeAsync(1000);
    expect(h.sockets).toHaveLength(4);
  });

  it("without a realtime endpoint it keeps the list fresh by polling", async () => {
    const h = harness(true);
    h.client.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(h.client.state).toBe("polling");
    await vi.advanceTimersByTimeAsync(POLL_MS * 2);
    expect(h.catchUp.mock.calls.length).toBeGreaterThanOrEqual(3);
    expect(h.sockets).toHaveLength(0);
    expect(h.client.sendHeartbeat()).toBe(false);
  });

  it("never runs two catch-ups at once", async () => {
    const h = harness();
    let release!: () => void;
    h.catchUp.mockImplementation(() => new Promise<undefined>((resolve) => (release = () => resolve(undefined))));
    const first = h.client.catchUp();
    const second = h.client.catchUp();
    expect(first).toBe(second);
    expect(h.catchUp).toHaveBeenCalledTimes(1);
    release();
    await first;
  });

  it("stop closes the socket and ignores its late events", async () => {
    const h = harness();
    h.client.start();
    await vi.advanceTimersByTimeAsync(0);
    const socket = h.sockets[0];
    socket.open();
    h.client.stop();
    expect(socket.closed).toBe(true);
    expect(h.client.state).toBe("stopped");
    await vi.advanceTimersByTimeAsync(120_000);
    expect(h.sockets).toHaveLength(1);
  });
});
