// The page an invitation link opens: it reads the invitation first (whose it is, or dead at
// once), the password rule shown and checked, the link used up, the agent signed in.
import { fireEvent, render, waitFor } from "@testing-library/preact";
import openapi from "../src/api/openapi.json";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, invitationToken, savedLogin } from "../src/api/auth";
import { App } from "../src/components/App";
import { InvitationPage, passwordProblem } from "../src/components/Invitation";
import { setLang } from "../src/i18n";

const TOKEN = "Jq3vX9kL2mN8pR4sT6uW0yZ1aB5cD7eF9gH2iK4lM6n";
const PASSWORD = "correct horse battery";
const AGENT = { agent_id: "n3w4g3nt0001", username: "li.wei", display_name: "Li Wei", role: "agent" };
const DETAIL = { username: "li.wei", display_name: "Li Wei", expires_at: Date.UTC(2026, 11, 4), password_rule: { min_length: 12, max_length: 256 } };
const LINK = `/api/auth/invitations/${TOKEN}`;
const DEAD = { status: 404, body: { code: "invitation_not_found", message: "this invitation link is invalid, used or expired" } };

type Answer = { status: number; body?: unknown };

/** A fetch answering each "METHOD path" from `answers`, recording the calls. */
function stubFetch(answers: Record<string, Answer>) {
  const fetch = vi.fn(async (url: string, init?: RequestInit) => {
    const answer = answers[`${init?.method ?? "GET"} ${url}`];
    if (!answer) throw new Error(`unexpected ${init?.method} ${url}`);
    const body = answer.body === undefined ? null : JSON.stringify(answer.body);
    return new Response(body, { status: answer.status, headers: { "Content-Type": "application/json" } });
  });
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

function fill(page: ReturnType<typeof render>, password: string, repeated = password) {
  fireEvent.input(page.getByLabelText("New password"), { target: { value: password } });
  fireEvent.input(page.getByLabelText("Repeat the password"), { target: { value: repeated } });
  fireEvent.submit(page.getByRole("button", { name: "Set the password and sign in" }).closest("form")!);
}

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
    const told = openapi.components.schemas.PasswordRule.properties;
    expect([told.min_length.default, told.max_length.default]).toEqual([PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH]);
  });

  it("is the one the invitation names, checked before anything is sent, and shown", async () => {
    expect(passwordProblem("short", "short")).toBe("The password needs at least 12 characters.");
    expect(passwordProblem("x".repeat(257), "x".repeat(257))).toBe("The password can have at most 256 characters.");
    expect(passwordProblem(PASSWORD, PASSWORD + "!")).toBe("The two passwords differ.");
    expect(passwordProblem(PASSWORD, PASSWORD)).toBe("");

    const fetch = stubFetch({ [`GET ${LINK}`]: { status: 200, body: { ...DETAIL, password_rule: { min_length: 14, max_length: 64 } } } });
    const page = render(<InvitationPage token={TOKEN} onLogin={vi.fn()} onSignIn={vi.fn()} />);
    expect(await page.findByText("14 to 64 characters.")).toBeTruthy();
    expect(page.getByLabelText("New password").getAttribute("aria-describedby")).toBe("password-rule");
    fill(page, "thirteen char");
    expect(page.getByRole("alert").textContent).toBe("The password needs at least 14 characters.");
    expect(fetch).toHaveBeenCalledTimes(1); // the reading only
  });
});

describe("accepting an invitation", () => {
  it("greets the agent by name, asks no username, and signs in with the API's answer", async () => {
    const fetch = stubFetch({
      [`GET ${LINK}`]: { status: 200, body: DETAIL },
      [`POST ${LINK}`]: { status: 200, body: { token: "tok", expires_at: 1, agent: AGENT } },
    });
    const onLogin = vi.fn();
    const page = render(<InvitationPage token={TOKEN} onLogin={onLogin} onSignIn={vi.fn()} />);
    expect(page.getByRole("status").textContent).toBe("Reading your invitation…");
    expect(await page.findByRole("heading", { name: "Welcome, Li Wei" })).toBeTruthy();
    expect(page.getByText("You were invited to tgdesk as li.wei. Choose a password; then you are signed in.")).toBeTruthy();
    expect(page.queryByLabelText("Username")).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(page.getByLabelText("New password")));
    fill(page, PASSWORD);
    await waitFor(() => expect(onLogin).toHaveBeenCalledWith({ token: "tok", agent: AGENT }));
    const calls = fetch.mock.calls.map(([url, init]) => [init?.method ?? "GET", url, init?.body ? JSON.parse(String(init.body)) : null]);
    expect(calls).toEqual([
      ["GET", LINK, null],
      ["POST", LINK, { password: PASSWORD }],
    ]);
    expect(savedLogin()?.token).toBe("tok");
  });

  it("says at once, in Chinese too, that a used or expired link cannot be used, and leads to sign-in", async () => {
    setLang("zh-CN");
    stubFetch({ [`GET ${LINK}`]: DEAD });
    const onSignIn = vi.fn();
    const page = render(<InvitationPage token={TOKEN} onLogin={vi.fn()} onSignIn={onSignIn} />);
    expect(await page.findByRole("heading", { name: "此邀请链接无法使用" })).toBeTruthy();
    expect(page.queryByLabelText("新密码")).toBeNull();
    expect(page.getByRole("alert").textContent).toContain("请向管理员索取新的邀请链接");
    fireEvent.click(page.getByRole("button", { name: "前往登录" }));
    expect(onSignIn).toHaveBeenCalledWith(null);
  });

  it("says so when the link was used meanwhile", async () => {
    stubFetch({ [`GET ${LINK}`]: { status: 200, body: DETAIL }, [`POST ${LINK}`]: DEAD });
    const page = render(<InvitationPage token={TOKEN} onLogin={vi.fn()} onSignIn={vi.fn()} />);
    await page.findByRole("heading", { name: "Welcome, Li Wei" });
    fill(page, PASSWORD);
    expect(await page.findByRole("heading", { name: "This invitation link cannot be used" })).toBeTruthy();
  });

  it("knows a malformed link at once, asking nothing", () => {
    const fetch = stubFetch({});
    const page = render(<InvitationPage token="short" onLogin={vi.fn()} onSignIn={vi.fn()} />);
    expect(page.getByRole("heading", { name: "This invitation link cannot be used" })).toBeTruthy();
    expect(fetch).not.toHaveBeenCalled();
  });

  it("shows a throttled reading as it is, not as a dead link", async () => {
    stubFetch({ [`GET ${LINK}`]: { status: 429, body: { code: "too_many_attempts", message: "Too many failed logins: wait 4 s before trying again." } } });
    const page = render(<InvitationPage token={TOKEN} onLogin={vi.fn()} onSignIn={vi.fn()} />);
    expect(await page.findByRole("heading", { name: "The invitation could not be read" })).toBeTruthy();
    expect(page.getByRole("alert").getAttribute("data-code")).toBeNull();
  });

  it("hands a refused login over to the sign-in page, the password being set", async () => {
    stubFetch({
      [`GET ${LINK}`]: { status: 200, body: DETAIL },
      [`POST ${LINK}`]: { status: 403, body: { code: "account_disabled", message: "this account is disabled; ask an administrator" } },
    });
    const onSignIn = vi.fn();
    const page = render(<InvitationPage token={TOKEN} onLogin={vi.fn()} onSignIn={onSignIn} />);
    await page.findByRole("heading", { name: "Welcome, Li Wei" });
    fill(page, PASSWORD);
    await waitFor(() => expect(onSignIn).toHaveBeenCalledWith(expect.objectContaining({ code: "account_disabled" })));
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
      [`GET ${LINK}`]: { status: 200, body: DETAIL },
      [`POST ${LINK}`]: { status: 200, body: { token: "tok", expires_at: 1, agent: AGENT } },
      "POST /api/me/heartbeat": { status: 200, body: { heartbeat_at: 1 } },
    });
    history.replaceState(null, "", `/#/invitation/${TOKEN}`);
    const page = render(<App />);
    expect(await page.findByRole("heading", { name: "Welcome, Li Wei" })).toBeTruthy();
    fill(page, PASSWORD);
    await waitFor(() => expect(savedLogin()?.token).toBe("tok"));
    expect(location.hash).toBe("");
  });

  it("leads a dead link's visitor to the sign-in page", async () => {
    stubFetch({ [`GET ${LINK}`]: DEAD });
    history.replaceState(null, "", `/#/invitation/${TOKEN}`);
    const page = render(<App />);
    fireEvent.click(await page.findByRole("button", { name: "Go to sign-in" }));
    expect(await page.findByRole("heading", { name: "Sign in to tgdesk" })).toBeTruthy();
    expect(location.hash).toBe("");
  });
});
