import { render } from "@testing-library/preact";
import type { Message } from "../src/api/types";
import { failureText } from "../src/chat/failure";
import { localReply } from "../src/chat/outbox";
import { MessageRow } from "../src/components/ChatPane";
import { setLang } from "../src/i18n";
import { outbound } from "./fixtures";

const failed = (error_code: string | null, reason: string | null = "English text stored by the server"): Message =>
  outbound({ delivery: { state: "failed", attempts: 1, error_code, reason } });

afterEach(() => setLang("en"));

describe("why a reply was not delivered", () => {
  it("is read from the error code, in English", () => {
    setLang("en");
    expect(failureText(failed("bot_blocked"))).toEqual({ text: "The user has blocked the bot.", title: "English text stored by the server" });
    expect(failureText(failed("user_deactivated")).text).toBe("The user's Telegram account has been deleted.");
    expect(failureText(failed("bot_not_connected")).text).toBe("The project has no bot token stored; connect the bot again.");
    expect(failureText(failed("rate_limited")).text).toBe("Telegram kept asking to slow down and did not accept the message.");
  });

  it("is read from the error code, in Chinese, never from the English reason", () => {
    setLang("zh-CN");
    expect(failureText(failed("bot_blocked")).text).toBe("用户已屏蔽机器人。");
    expect(failureText(failed("chat_not_found")).text).toBe("Telegram 找不到此聊天；用户可能已将其删除。");
    expect(failureText(failed("network_error")).text).toBe("多次尝试后仍无法连接 Telegram。");
  });

  it("an unknown code reads as a generic failure, a missing one as an unknown reason", () => {
    setLang("en");
    expect(failureText(failed("conflict")).text).toBe("Telegram did not accept the message.");
    expect(failureText(failed(null, null))).toEqual({ text: "unknown reason", title: undefined });
    setLang("zh-CN");
    expect(failureText(failed("something_new")).text).toBe("Telegram 未接受此消息。");
    expect(failureText(failed(null)).text).toBe("原因未知");
  });

  it("a reply that never reached the server says so in the agent's language", () => {
    const local = { ...localReply("s", "x", "c", 1), state: "failed" as const, reason: "network_error" };
    setLang("zh-CN");
    expect(failureText(local).text).not.toContain("Cannot reach");
    setLang("en");
    expect(failureText(local).text).toBe("Cannot reach the server. Check the connection; tgdesk keeps trying.");
  });

  it("shows on the message, with the server's words only as its tooltip", () => {
    setLang("zh-CN");
    const page = render(<MessageRow message={failed("invalid_token")} retried={new Set()} />);
    const reason = page.getByRole("alert").querySelector("span")!;
    expect(reason.textContent).toBe("未送达：机器人令牌已失效；请重新接入机器人。");
    expect(reason.getAttribute("title")).toBe("English text stored by the server");
  });
});
