import { failureText } from "../src/chat/failure";
import { canRetry, deliveryState, isRefusal, localReply, postReply as post, retryOf } from "../src/chat/outbox";
import { isLocal, mergeMessages, timelineRows, upsertLocal, type TimelineMessage } from "../src/chat/timeline";
import { ApiError, type Api } from "../src/api/client";
import { message, outbound } from "./fixtures";

describe("merging messages", () => {
  it("dedupes by id: a frame, a catch-up and a scroll-back of the same message show it once", () => {
    const m = message();
    let timeline: TimelineMessage[] = mergeMessages([], [m]);
    timeline = mergeMessages(timeline, [m, message({ message_id: "02", created_at: m.created_at + 1 })]);
    timeline = mergeMessages(timeline, [m]);
    expect(timeline.map((x) => (isLocal(x) ? "" : x.message_id))).toEqual([m.message_id, "02"]);
  });

  it("replaces by newer state and never goes back to an older one", () => {
    const retrying = outbound({ delivery: { state: "retrying", attempts: 1 } });
    const sent = outbound({ delivery: { state: "sent", attempts: 2, sent_at: 5 } });
    let timeline = mergeMessages([], [retrying]);
    timeline = mergeMessages(timeline, [sent]);
    timeline = mergeMessages(timeline, [retrying]); // a late, replayed frame
    expect(deliveryState(timeline[0])).toBe("sent");
    const edited = message({ text: "v2", edited_at: 10 });
    timeline = mergeMessages(mergeMessages([], [edited]), [message({ text: "v1" })]);
    expect((timeline[0] as { text: string }).text).toBe("v2");
  });

  it("drops the local copy of a reply once the server's message with its client id arrives", () => {
    const local = localReply("s", "hi there", "c-1", 1);
    let timeline = upsertLocal([], local);
    expect(deliveryState(timeline[0])).toBe("sending");
    timeline = mergeMessages(timeline, [outbound()]); // the frame may beat the POST's answer
    timeline = mergeMessages(timeline, [outbound()]);
    expect(timeline).toHaveLength(1);
    expect(isLocal(timeline[0])).toBe(false);
  });

  it("orders by time and separates days and sessions", () => {
    const day1 = new Date(2026, 0, 1, 10).getTime();
    const day2 = new Date(2026, 0, 2, 10).getTime();
    const rows = timelineRows(
      mergeMessages([], [
        message({ message_id: "b", created_at: day2, session_id: "s2" }),
        message({ message_id: "a", created_at: day1, session_id: "s1" }),
        message({ message_id: "c", created_at: day2 + 1, session_id: "s2" }),
      ]),
    );
    expect(rows.map((r) => r.kind)).toEqual(["day", "message", "session", "day", "message", "message"]);
  });
});

/** A reply that was not refused for its content (these tests send harmless text). */
async function postReply(...args: Parameters<typeof post>): Promise<TimelineMessage> {
  const result = await post(...args);
  if (isRefusal(result)) throw new Error("refused for risk");
  return result;
}

function fakeApi(post: (path: string, body: unknown) => Promise<unknown>): Api {
  return { post: post as Api["post"], get: vi.fn(), patch: vi.fn(), put: vi.fn(), del: vi.fn() };
}

describe("delivery states", () => {
  it("sending, then the server's state: sent, retrying or failed with its reason", async () => {
    const calls: unknown[] = [];
    const api = fakeApi(async (_path, body) => {
      calls.push(body);
      return outbound({ delivery: { state: "failed", attempts: 1, error_code: "bot_blocked", reason: "The user has blocked the bot." } });
    });
    const result = await postReply(api, localReply("s1", "hi there", "c-1", 1));
    expect(calls).toEqual([{ text: "hi there", client_message_id: "c-1" }]);
    expect(deliveryState(result)).toBe("failed");
    expect(failureText(result).text).toBe("The user has blocked the bot.");
    expect(deliveryState(outbound({ delivery: { state: "retrying", attempts: 2 } }))).toBe("retrying");
    expect(deliveryState(message())).toBeNull();
  });

  it("a reply that never reached the server fails locally and is retried with the same client id", async () => {
    const api = fakeApi(async () => {
      throw new ApiError(0, "network_error", "network_error");
    });
    const failed = await postReply(api, localReply("s1", "hello", "c-9", 1));
    expect(isLocal(failed) && failed.state).toBe("failed");
    expect(failureText(failed).text).toBe("Cannot reach the server. Check the connection; tgdesk keeps trying.");
    expect(canRetry(failed, new Set())).toBe(true);
    const again = retryOf(failed, 2, () => "new-id");
    expect(again.client_message_id).toBe("c-9");
    expect(again.state).toBe("sending");
  });

  it("a message the server failed to deliver is retried as a new message, once", () => {
    const failed = outbound({ delivery: { state: "failed", attempts: 3, reason: "chat not found" } });
    expect(canRetry(failed, new Set())).toBe(true);
    const again = retryOf(failed, 2, () => "new-id");
    expect(again.client_message_id).toBe("new-id");
    expect(again.text).toBe("hi there");
    expect(canRetry(failed, new Set([failed.message_id]))).toBe(false);
    expect(canRetry(outbound(), new Set())).toBe(false);
  });

  it("a refusal from the API keeps its message as the reason", async () => {
    const api = fakeApi(async () => {
      throw new ApiError(403, "forbidden", "Only the session's holder writes to the user");
    });
    const failed = await postReply(api, localReply("s1", "x", "c-2", 1));
    expect(failureText(failed).text).toBe("Only the session's holder writes to the user");
  });
});
