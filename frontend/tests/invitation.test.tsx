// The page an invitation link opens: the password rule shown and checked, the link used up,
// the agent signed in; a dead link says so and leads back to sign-in.
import { fireEvent, render, waitFor } from "@testing-library/preact";
import openapi from "../src/api/openapi.json";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, invitationToken, savedLogin } from "../src/api/auth";
import { App } from "../src/components/App";
import { InvitationPage, passwordProblem } from "../src/components/Invitation";
import { problemText } from "../src/components/Login";
import { setLang } from "../src/i18n";

const TOKEN = "Jq3vX9kL2mN8pR4sT6uW0yZ1aB5cD7eF9gH2iK4lM6n";
const PASSWORD = "correct horse battery";
const AGENT = { agent_id: "n3w4g3nt0001", username: "li.wei", display_name: "Li Wei", role: "agent" };

type Answer = { status: number; body?: unknown };

/** A fetch answering each path from `answers`, recording the calls. */
function stubFetch(answers: Record<string, Answer>) {
  const fetch = vi.fn(async (url: string, _init?: RequestInit) => {
    const answer = answers[url];
    if (!answer) throw new Error(`unexpected ${url}`);
    const body = answer.body === undefined ? null : JSON.stringify(answer.body);
    return new Response(body, { status: answer.status, headers: { "Content-Type": "application/json" } });
  });
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

function fill(page: ReturnType<typeof render>, username: string, password: string, repeated = password) {
  fireEvent.input(page.getByLabelText("Username"), { target: { value: username } });
  fireEvent.input(page.getByLabelText("New password"), { target: { value: password } });
  fireEvent.input(page.getByLabelText("Repeat the password"), { target: { value: repeated } });
  fireEvent.submit(page.getByRole("button", { name: "Set the password and sign in" }).closest("form")!);
}

const ACCEPT = `/api/auth/invitations/${TOKEN}`;

beforeEach(() => {
  setLang("en");
  sessionStorage.clear();
  history.replaceState(null, "", "/");
});
afterEach(() => vi.unstubAllGlobals());

describe("the password rule", () => {
  it("is the API's", () => {
    const rule = openapi.components.schemas.InvitationAccept.properties.password;
    expect([rule.minLength, rule.maxLength]).toEqual([PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH]);
  });

  it("is checked before anything is sent, and shown", () => {
    expect(passwordProblem("short", "short")).toBe("The password needs at least 12 characters.");
    expect(passwordProblem("x".repeat(257), "x".repeat(257))).toBe("The password can have at most 256 characters.");
    expect(passwordProblem(PASSWORD, PASSWORD + "!")).toBe("The two passwords differ.");
    expect(passwordProblem(PASSWORD, PASSWORD)).toBe("");

    const fetch = stubFetch({});
    const page = render(<InvitationPage token={TOKEN} onLogin={vi.fn()} onSignIn={vi.fn()} />);
    expect(page.getByLabelText("New password").getAttribute("aria-describedby")).toBe("password-rule");
    expect(page.getByText("12 to 256 characters.")).toBeTruthy();
    fill(page, "li.wei", "too short");
    expect(page.getByRole("alert").textContent).toBe("The password needs at least 12 characters.");
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe("accepting an invitation", () => {
  it("sets the password, then signs in as the username given", async () => {
    const fetch = stubFetch({
      [ACCEPT]: { status: 204 },
      "/api/auth/login": { status: 200, body: { token: "tok", expires_at: 1, agent: AGENT } },
    });
    const onLogin = vi.fn();
    const page = render(<InvitationPage token={TOKEN} onLogin={onLogin} onSignIn={vi.fn()} />);
    fill(page, " li.wei ", PASSWORD);
    await waitFor(() => expect(onLogin).toHaveBeenCalledWith({ token: "tok", agent: AGENT }));
    const bodies = fetch.mock.calls.map(([url, init]) => [url, JSON.parse(String(init?.body))]);
    expect(bodies).toEqual([
      [ACCEPT, { password: PASSWORD }],
      ["/api/auth/login", { username: "li.wei", password: PASSWORD }],
    ]);
    expect(savedLogin()?.token).toBe("tok");
  });

  it("says a used or expired link cannot be used, in Chinese too, and leads to sign-in", async () => {
    setLang("zh-CN");
    stubFetch({ [ACCEPT]: { status: 404, body: { code: "invitation_not_found", message: "this invitation link is invalid, used or expired" } } });
    const onSignIn = vi.fn();
    const page = render(<InvitationPage token={TOKEN} onLogin={vi.fn()} onSignIn={onSignIn} />);
    fireEvent.input(page.getByLabelText("用户名"), { target: { value: "li.wei" } });
    fireEvent.input(page.getByLabelText("新密码"), { target: { value: PASSWORD } });
    fireEvent.input(page.getByLabelText("再次输入密码"), { target: { value: PASSWORD } });
    fireEvent.submit(page.getByRole("button", { name: "设置密码并登录" }).closest("form")!);
    expect(await page.findByRole("heading", { name: "此邀请链接无法使用" })).toBeTruthy();
    expect(page.getByRole("alert").textContent).toContain("请向管理员索取新的邀请链接");
    fireEvent.click(page.getByRole("button", { name: "前往登录" }));
    expect(onSignIn).toHaveBeenCalledWith(null);
  });

  it("knows a malformed link at once", () => {
    const page = render(<InvitationPage token="short" onLogin={vi.fn()} onSignIn={vi.fn()} />);
    expect(page.getByRole("heading", { name: "This invitation link cannot be used" })).toBeTruthy();
  });

  it("hands a mistyped username over to the sign-in page, the password being set", async () => {
    stubFetch({
      [ACCEPT]: { status: 204 },
      "/api/auth/login": { status: 401, body: { code: "invalid_credentials", message: "wrong username or password" } },
    });
    const onSignIn = vi.fn();
    const page = render(<InvitationPage token={TOKEN} onLogin={vi.fn()} onSignIn={onSignIn} />);
    fill(page, "li.wie", PASSWORD);
    await waitFor(() => expect(onSignIn).toHaveBeenCalledWith({ code: "invitation_accepted" }));
    expect(problemText({ code: "invitation_accepted" })).toBe("Your password is set. Sign in with your username and the new password.");
  });
});

describe("the invitation link's address", () => {
  it("is read from the hash", () => {
    expect(invitationToken(`#/invitation/${TOKEN}`)).toBe(TOKEN);
    expect(invitationToken("#/sessions/s1")).toBeNull();
    expect(invitationToken("")).toBeNull();
  });

  it("opens the invitation page, not the sign-in page, and leaves the address once used", async () => {
    stubFetch({
      [ACCEPT]: { status: 204 },
      "/api/auth/login": { status: 401, body: { code: "invalid_credentials", message: "wrong" } },
    });
    history.replaceState(null, "", `/#/invitation/${TOKEN}`);
    const page = render(<App />);
    expect(page.getByRole("heading", { name: "Choose your password" })).toBeTruthy();
    fill(page, "li.wie", PASSWORD);
    expect(await page.findByRole("heading", { name: "Sign in to tgdesk" })).toBeTruthy();
    expect(page.getByRole("alert").textContent).toBe("Your password is set. Sign in with your username and the new password.");
    expect(location.hash).toBe("");
  });
});
