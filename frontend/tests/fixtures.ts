// Messages and sessions as the REST API returns them (GET /api/sessions/{sid}/messages).
import type { Message, Session } from "../src/api/types";

export const XSS = "<img src=x onerror=alert(1)>";

export function message(overrides: Partial<Message> = {}): Message {
  return {
    message_id: "01m83gn12c75chx0rpmgvnftkb",
    session_id: "01m83gn12c75chx0rpmgvne239",
    project_id: "h5361jgnrdxy",
    tg_user_id: 5000000001,
    direction: "in",
    type: "text",
    created_at: 1795414459464,
    text: "hello",
    caption: null,
    media: null,
    location: null,
    contact: null,
    poll: null,
    dice: null,
    callback_query: null,
    forward: null,
    reply_to: null,
    telegram_date: 1795414459000,
    edited_at: null,
    edits: null,
    sender_agent_id: null,
    client_message_id: null,
    delivery: null,
    ...overrides,
  };
}

export function outbound(overrides: Partial<Message> = {}): Message {
  return message({
    message_id: "01m83gn8n96v66w4d6s5m10t2s",
    direction: "out",
    text: "hi there",
    created_at: 1795414467241,
    telegram_date: null,
    sender_agent_id: "6t2nwqeabbja",
    client_message_id: "c-1",
    delivery: { state: "sent", attempts: 1, sent_at: 1795414467257, error_code: null, reason: null },
    ...overrides,
  });
}

export function session(overrides: Partial<Session> = {}): Session {
  return {
    session_id: "01m83gn12c75chx0rpmgvne239",
    project_id: "h5361jgnrdxy",
    tg_user_id: 5000000001,
    status: "unread",
    priority: "medium",
    assignee_id: "6t2nwqeabbja",
    user: { first_name: "Alice", last_name: "Martin", username: "alice_martin", language_code: "en" },
    opened_at: 1795414459464,
    last_user_msg_at: 1795414459826,
    last_agent_msg_at: null,
    last_activity_at: 1795414459826,
    closed_at: null,
    tags: [],
    level: "l1",
    collaborator_ids: [],
    ...overrides,
  };
}
