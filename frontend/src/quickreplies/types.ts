// The quick replies' API shapes (tgdesk.quickreplies), from the generated schema.
import type { components } from "../api/schema";

type Schemas = components["schemas"];

export type QuickReply = Schemas["QuickReplyPublic"];
export type QuickReplyWrite = Schemas["QuickReplyWrite"];
export type QuickReplyFilled = Schemas["QuickReplyFilled"];

/** The languages a reply has a text in: those the users are written to in. */
export const REPLY_LANGUAGES = ["en", "zh", "ru"] as const;
