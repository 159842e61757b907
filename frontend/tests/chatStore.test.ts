import { ApiError } from "../src/api/client";
import type { Message, Page } from "../src/api/types";
import { ChatStore } from "../src/chat/store";
import { isLocal } from "../src/chat/timeline";
import { fakeApi, workspaceOf } from "./fakeApi";
import { message, outbound, session } from "./fixtures";

const S = session();
const SID = S.session_id;

function chatWith(handlers: Parameters<typeof fakeApi>[0]) {
  const api = fakeApi(handlers);
  const workspace = workspaceOf(api);
  return { api, workspace, chat: new ChatStore(api, workspace, (id) => (id === SID ? S : undefined)) };
}

const ids = (chat: ChatStore) => chat.state.chats[SID].messages.map((m) => (isLocal(m) ? `local:${m.client_message_id}` : m.message_id));

describe("a session's timeline", () => {
  it("reads every page of the session, oldest first", async () => {
    const second = message({ message_id: "02", created_at: message().created_at + 1 });
    const { chat, api } = chatWith({
      get: (_p, query) =>
        ((query as { cursor?: string }).cursor ? { items: [second], next_cursor: null } : { items: [message()], next_cursor: "c1" }) satisfies Page<Message>,
    });
    await chat.load(SID);
    expect(ids(chat)).toEqual([message().message_id, "02"]);
    expect(chat.state.chats[SID].loading).toBe(false);
    expect(api.get).toHaveBeenCalledWith(`/api/sessions/${SID}/messages`, { limit: 200, cursor: "c1" });
  });

  it("scrolls back through the user's history until it ends", async () => {
    const older = message({ message_id: "00", created_at: 1 });
    const { chat, api } = chatWith({
      get: (path) => (path.includes("/users/") ? { items: [older], next_cursor: null } : { items: [message()], next_cursor: null }),
    });
    await chat.load(SID);
    await chat.loadOlder(SID);
    expect(api.get).toHaveBeenLastCalledWith(`/api/projects/${S.project_id}/users/${S.tg_user_id}/messages`, {
      limit: 50,
      before: message().created_at,
    });
    expect(ids(chat)).toEqual(["00", message().message_id]);
    expect(chat.state.chats[SID]).toMatchObject({ olderExhausted: true, loadingOlder: false });
    await chat.loadOlder(SID);
    expect(api.get).toHaveBeenCalledTimes(2);
  });

  it("takes frames only into loaded timelines, and knows what it holds", async () => {
    const { chat } = chatWith({ get: () => ({ items: [], next_cursor: null }) });
    chat.applyMessage("elsewhere", message({ session_id: "elsewhere" }));
    expect(chat.state.chats.elsewhere).toBeUndefined();
    await chat.load(SID);
    expect(chat.has(SID, message().message_id)).toBe(false);
    chat.applyMessage(SID, message());
    expect(chat.has(SID, message().message_id)).toBe(true);
    chat.forget([SID]);
    expect(chat.state.chats).toEqual({});
  });
});

describe("replies", () => {
  it("a reply that never reached the server fails in place and is retried with its client id", async () => {
    const { chat, api } = chatWith({
      post: () => {
        throw new ApiError(0, "network_error", "network_error");
      },
    });
    await chat.send(SID, "hello");
    const [failed] = chat.state.chats[SID].messages;
    expect(isLocal(failed) && failed.state).toBe("failed");
    api.post.mockImplementationOnce(async (_p, body) => outbound({ client_message_id: (body as { client_message_id: string }).client_message_id }));
    await chat.retry(failed);
    expect(ids(chat)).toEqual([outbound().message_id]);
    const [first, second] = api.post.mock.calls.map(([, body]) => (body as { client_message_id: string }).client_message_id);
    expect(second).toBe(first);
  });

  it("a stored failed message is retried once, as a new message", async () => {
    const failed = outbound({ delivery: { state: "failed", attempts: 1, error_code: "bot_blocked" } });
    const { chat } = chatWith({ post: () => outbound({ message_id: "03", client_message_id: "new" }) });
    await chat.retry(failed);
    expect(chat.state.retried.has(failed.message_id)).toBe(true);
  });

  it("a refused reply leaves the timeline for the risk dialog; Send anyway confirms it", async () => {
    const refusal = new ApiError(409, "risk_confirmation_required", "refused", null, { matches: [], match_count: 3 });
    const { chat, api } = chatWith({
      post: (_p, body) => {
        const sent = body as { client_message_id: string; confirm_risk?: boolean };
        if (!sent.confirm_risk) throw refusal;
        return outbound({ client_message_id: sent.client_message_id });
      },
    });
    await chat.send(SID, "hi there");
    expect(chat.state.chats[SID].messages).toEqual([]);
    expect(chat.state.riskPrompt).toMatchObject({ action: "confirm", count: 3, reply: { text: "hi there" } });
    await chat.sendAnyway();
    expect(chat.state.riskPrompt).toBeNull();
    expect(ids(chat)).toEqual([outbound().message_id]);
    expect(api.post.mock.calls[1][1]).toMatchObject({ text: "hi there", confirm_risk: true });
  });

  it("dropping a confirmation reports it and gives the text back", async () => {
    const refusal = new ApiError(409, "risk_confirmation_required", "refused", null, {
      matches: [{ start: 0, end: 2, group_name: "g", entry: "hi", kind: "keyword", action: "confirm" }],
    });
    const { chat, api } = chatWith({
      post: (path) => {
        if (path.endsWith("/risk-cancel")) return {};
        throw refusal;
      },
    });
    await chat.send(SID, "hi there");
    expect(chat.dropRisky()).toBe("hi there");
    expect(api.post).toHaveBeenLastCalledWith(`/api/sessions/${SID}/risk-cancel`, { text: "hi there" });
    expect(chat.dropRisky()).toBe("");
  });
});
