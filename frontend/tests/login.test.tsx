import { fireEvent, render, waitFor } from "@testing-library/preact";
import { ApiError, SESSION_ENDING_CODES } from "../src/api/client";
import { loginProblem, savedLogin } from "../src/api/auth";
import { LoginPage, problemText } from "../src/components/Login";
import { setLang } from "../src/i18n";

beforeEach(() => {
  setLang("en");
  sessionStorage.clear();
  localStorage.clear();
});
afterEach(() => vi.unstubAllGlobals());

describe("what the login page says", () => {
  it("names each failure precisely", () => {
    const now = Date.UTC(2026, 10, 23, 6, 0);
    expect(problemText(loginProblem(new ApiError(401, "invalid_credentials", "wrong username or password")))).toBe(
      "Wrong username or password.",
    );
    expect(problemText(loginProblem(new ApiError(429, "too_many_attempts", "wait", 8)))).toBe(
      "Too many failed sign-ins. Wait 8 s before trying again.",
    );
    const locked = loginProblem(new ApiError(429, "account_locked", "locked", 900), now);
    expect(locked.lockedUntil).toBe(now + 900_000);
    expect(problemText(locked, now)).toMatch(/^This account is locked after too many failed sign-ins, until .+\. Try again then/);
    expect(problemText({ code: "signed_in_elsewhere" })).toContain("another device");
    expect(problemText({ code: "token_expired" })).toBe("Your sign-in has expired. Sign in again.");
  });

  it("speaks Chinese when switched", () => {
    setLang("zh-CN");
    expect(problemText({ code: "invalid_credentials" })).toBe("用户名或密码错误。");
  });
});

function respond(status: number, body: unknown, headers: Record<string, string> = {}) {
  return vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", ...headers } }));
}

describe("signing in", () => {
  it("keeps the token in sessionStorage only and hands the login over", async () => {
    vi.stubGlobal("fetch", respond(200, { token: "tok", expires_at: 1, agent: { agent_id: "a", username: "admin", display_name: "Admin", role: "admin" } }));
    const onLogin = vi.fn();
    const page = render(<LoginPage problem={null} onLogin={onLogin} />);
    fireEvent.input(page.getByLabelText("Username"), { target: { value: "admin" } });
    fireEvent.input(page.getByLabelText("Password"), { target: { value: "tgdesk-local-admin" } });
    fireEvent.submit(page.getByRole("button", { name: "Sign in" }).closest("form")!);
    await waitFor(() => expect(onLogin).toHaveBeenCalled());
    expect(savedLogin()?.token).toBe("tok");
    expect(localStorage.length).toBe(0);
    expect(location.href).not.toContain("tok");
  });

  it("shows the wait from Retry-After and blocks the button meanwhile", async () => {
    vi.stubGlobal("fetch", respond(429, { code: "too_many_attempts", message: "wait" }, { "Retry-After": "4" }));
    const page = render(<LoginPage problem={null} onLogin={vi.fn()} />);
    fireEvent.input(page.getByLabelText("Username"), { target: { value: "admin" } });
    fireEvent.input(page.getByLabelText("Password"), { target: { value: "nope" } });
    fireEvent.submit(page.getByRole("button", { name: "Sign in" }).closest("form")!);
    const alert = await page.findByRole("alert");
    expect(alert.textContent).toMatch(/Wait [34] s/);
    expect(alert.getAttribute("data-code")).toBe("too_many_attempts");
  });

  it("asks to sign in again after an idle login ended, in both languages", () => {
    const page = render(<LoginPage problem={loginProblem(new ApiError(401, "session_expired", "idle"))} onLogin={vi.fn()} />);
    expect(page.getByRole("alert").textContent).toBe("You were signed out after a while without activity. Sign in again to continue.");
    expect(SESSION_ENDING_CODES.has("session_expired")).toBe(true);
    setLang("zh-CN");
    expect(problemText({ code: "session_expired" })).toBe("由于一段时间没有操作，你已被登出。请重新登录以继续。");
  });

  it("explains why an earlier login ended", () => {
    const page = render(<LoginPage problem={{ code: "signed_in_elsewhere" }} onLogin={vi.fn()} />);
    expect(page.getByRole("alert").textContent).toContain("You signed in on another device");
  });
});
